"""XSS through the rows built in Python: a payload in any field a tag prints comes out escaped.

Each payload is written into every text field of a case's rows (``html_data``: captions, court
names, docket numbers, party, firm and attorney names, docket roles and descriptions, summaries,
citations, date notes, motion and ruling titles, link notes, document addresses) and into the
choice fields the tags print as labels and class names (written on the rows read, the columns
being too short for a payload); a deadline carries it in its title, time zone, what is left, rule,
explanation and trigger. Each tag's output must carry every one of them escaped, and none as
markup.
"""

from __future__ import annotations

import pytest
from django.template import engines
from django.utils.html import escape

from cases import selectors
from cases.models import Case
from tests.cases.html_data import (
    CASE_ROW_FIELDS,
    DEADLINE_FIELDS,
    DOCUMENT,
    MOTION_FIELDS,
    PARTY_FIELDS,
    RELATED_FIELDS,
    TIMELINE_FIELDS,
    case_printing,
    deadlines_printing,
    raw_choices,
    value,
)
from tests.html_checks import PAYLOADS, assert_only_escaped

pytestmark = pytest.mark.django_db


def render(tag: str, library: str, rows: object) -> str:
    source = "{% load " + library + " %}{% " + tag + " rows %}"
    return engines["django"].from_string(source).render({"rows": rows})


def printed(payload: str, names: list[str]) -> list[str]:
    return [value(payload, name) for name in names]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_case_rows_escape_captions_courts_dockets_statuses_and_snippets(payload):
    case_printing(payload)
    rows = list(Case.objects.select_related("court"))
    raw_choices(payload, rows, "case_rows")
    rows[0].snippet_html = (
        engines["django"].from_string("<mark>{{ p }}</mark>").render({"p": payload})
    )
    html = render("case_rows", "case_list_tags", rows)
    assert_only_escaped(html, payload, printed(payload, [*CASE_ROW_FIELDS, "status"]))


@pytest.mark.parametrize("payload", PAYLOADS)
def test_timeline_items_escape_summaries_citations_notes_kinds_and_addresses(payload):
    built = case_printing(payload)
    events = list(selectors.timeline_for_page(built.case))
    raw_choices(payload, events, "timeline_items")
    html = render("timeline_items", "case_page_tags", events)
    expected = [
        *printed(payload, [*TIMELINE_FIELDS, "kind"]),
        DOCUMENT + value(payload, "document"),
    ]
    assert_only_escaped(html, payload, expected)


@pytest.mark.parametrize(
    "address",
    ["javascript:alert(1)", "data:text/html,<script>alert(1)</script>", " https://x.org/", ""],
)
def test_timeline_items_link_no_address_but_http_ones(address):
    built = case_printing("x")
    events = [e for e in selectors.timeline_for_page(built.case) if e.docket_entry is not None]
    assert events
    for event in events:
        event.docket_entry.document_url = address
    html = render("timeline_items", "case_page_tags", events)
    assert "href" not in html and "document</a>" not in html


@pytest.mark.parametrize("payload", PAYLOADS)
def test_motion_rows_escape_titles_movants_rulings_notes_statuses_and_outcomes(payload):
    built = case_printing(payload)
    motions, _ = selectors.latest_motions(built.case, 20)
    raw_choices(payload, motions, "motion_rows")
    html = render("motion_rows", "case_page_tags", motions)
    names = [*MOTION_FIELDS, "motion-status"]
    assert_only_escaped(html, payload, printed(payload, names))
    assert escape(value(payload, "outcome")).lower() in html  # |lower, as the template did


@pytest.mark.parametrize("payload", PAYLOADS)
def test_related_items_escape_both_cases_names_notes_and_how_they_relate(payload):
    built = case_printing(payload)
    for case in (built.case, built.other):
        related, _ = selectors.case_related(case, 25)
        raw_choices(payload, related, "related_items")
        html = render("related_items", "case_page_tags", related)
        assert_only_escaped(html, payload, printed(payload, [*RELATED_FIELDS, "link-kind"]))


@pytest.mark.parametrize("payload", PAYLOADS)
def test_party_groups_escape_parties_roles_notes_descriptions_and_counsel(payload):
    built = case_printing(payload)
    groups = selectors.case_parties_by_role(built.case)
    raw_choices(payload, groups, "party_groups")
    html = render("party_groups", "case_page_tags", groups)
    assert_only_escaped(html, payload, printed(payload, PARTY_FIELDS))
    assert escape(value(payload, "counsel-role")).lower() in html


@pytest.mark.parametrize("date_format", ["D j M Y", "D j M"])
@pytest.mark.parametrize("payload", PAYLOADS)
def test_deadline_item_escapes_titles_zones_rules_explanations_and_triggers(payload, date_format):
    pieces = []
    for deadline in deadlines_printing(payload):
        source = "{% load deadline_tags %}{% deadline_item deadline date_format %}"
        context = {"deadline": deadline, "date_format": date_format}
        html = engines["django"].from_string(source).render(context)
        assert_only_escaped(html, payload)
        pieces.append(html)
    assert_only_escaped("".join(pieces), payload, printed(payload, DEADLINE_FIELDS))
