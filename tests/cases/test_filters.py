"""The case FilterSet, through the case list page: each filter and the count it leaves."""

from __future__ import annotations

import datetime
import html

import pytest
from django.utils import timezone

from cases import services
from cases.models import Case
from tests import factories

pytestmark = pytest.mark.django_db

D = datetime.date


def slugs(client, query: str) -> list[str]:
    response = client.get("/cases/?" + query)
    assert response.status_code == 200
    # Every match, in order: cases, or a search's ranked ids (cases/views.py _search_page).
    matches = response.context["page"].paginator.object_list
    pks = [getattr(case, "pk", case) for case in matches]
    by_pk = Case.objects.in_bulk(pks)
    return [by_pk[pk].slug for pk in pks]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (
            "court=ilnd",
            {
                "renderos-v-clearview-ndill",
                "thornley-v-clearview-ndill",
                "in-re-clearview-mdl",
                "mutnick-v-clearview-ndill",
            },
        ),
        ("court=cand&court=ca7", {"renderos-v-clearview-ndcal", "thornley-v-clearview-ca7"}),
        (
            "level=state_trial",
            {"renderos-v-clearview-alameda", "thornley-v-clearview-cook", "aclu-v-clearview-cook"},
        ),
        (
            "state=ca",
            {
                "renderos-v-clearview-alameda",
                "renderos-v-clearview-ndcal",
                "renderos-v-clearview-calctapp",
            },
        ),
        ("status=settled", {"thornley-v-clearview-cook", "aclu-v-clearview-cook"}),
        (
            "status=remanded&status=stayed",
            {
                "renderos-v-clearview-ndill",
                "thornley-v-clearview-ndill",
                "mutnick-v-clearview-ndill",
            },
        ),
        ("case_type=mdl", {"in-re-clearview-jpml", "in-re-clearview-mdl"}),
        (
            "party=Mijente",
            {
                "in-re-clearview-jpml",
                "renderos-v-clearview-alameda",
                "renderos-v-clearview-calctapp",
                "renderos-v-clearview-ndcal",
                "renderos-v-clearview-ndill",
            },
        ),
        ("counsel=Loevy", {"in-re-clearview-mdl"}),
        (
            "judge=coleman",
            {
                "in-re-clearview-mdl",
                "mutnick-v-clearview-ndill",
                "renderos-v-clearview-ndill",
                "thornley-v-clearview-ndill",
            },
        ),
        (
            "filed_after=2020-05-27&filed_before=2020-05-31",
            {"thornley-v-clearview-cook", "aclu-v-clearview-cook"},
        ),
        ("filed_after=2021-06-01", {"renderos-v-clearview-ndcal", "renderos-v-clearview-ndill"}),
        (
            "court=ilnd&status=remanded&judge=Coleman&party=Clearview",
            {
                "renderos-v-clearview-ndill",
                "thornley-v-clearview-ndill",
            },
        ),
        ("q=stay+mandate", {"thornley-v-clearview-ca7"}),
        ('q="interim+lead+counsel"', {"in-re-clearview-mdl"}),
    ],
)
def test_each_filter_narrows_the_list(client, seeded, query, expected):
    assert set(slugs(client, query)) == expected


def test_pending_motions_filter(client, seeded):
    assert slugs(client, "pending_motions=on") == []
    mutnick = Case.objects.get(slug="mutnick-v-clearview-ndill")
    factories.motion(mutnick, title="Motion to lift stay", filed_date=D(2020, 9, 1))
    assert slugs(client, "pending_motions=on") == ["mutnick-v-clearview-ndill"]
    assert len(slugs(client, "pending_motions=")) == 11  # unticked: no filtering


def test_deadline_within_filter(client, seeded):
    today = timezone.localdate()
    aclu = Case.objects.get(slug="aclu-v-clearview-cook")
    mdl = Case.objects.get(slug="in-re-clearview-mdl")
    services.deadline_set(
        case=aclu, title="Status report", kind="filing", due_date=today + datetime.timedelta(5)
    )
    services.deadline_set(
        case=mdl, title="Brief due", kind="filing", due_date=today + datetime.timedelta(40)
    )
    vacated = services.deadline_set(
        case=mdl, title="Hearing", kind="hearing", due_date=today + datetime.timedelta(3)
    )
    services.deadline_vacate(deadline=vacated)
    assert slugs(client, "deadline_within=7") == ["aclu-v-clearview-cook"]
    assert set(slugs(client, "deadline_within=60")) == {
        "aclu-v-clearview-cook",
        "in-re-clearview-mdl",
    }


@pytest.mark.parametrize(
    ("sort", "first", "last"),
    [
        ("-filed", "renderos-v-clearview-ndill", "thornley-v-clearview-ca7"),  # unknown dates last
        ("filed", "mutnick-v-clearview-ndill", None),
        ("-activity", "renderos-v-clearview-calctapp", None),
        ("caption", "aclu-v-clearview-cook", None),
        ("-caption", "thornley-v-clearview-cook", "aclu-v-clearview-cook"),
    ],
)
def test_sorting(client, seeded, sort, first, last):
    order = slugs(client, f"sort={sort}")
    assert order[0] == first
    if last:
        assert order[-1] == last


def test_default_order_is_newest_filed_and_search_orders_by_rank(client, seeded):
    assert slugs(client, "")[0] == "renderos-v-clearview-ndill"
    ranked = client.get("/cases/?q=biometric").context["rows"]
    ranks = [case.rank for case in ranked]
    assert ranks == sorted(ranks, reverse=True) and len(ranks) >= 3


def test_search_snippets_are_highlighted_and_escaped(client, seeded):
    evil = factories.case(
        short_name="Doe v. Evil Corp",
        summary='Biometric <script>alert("x")</script> data & more',
    )
    text = client.get("/cases/?q=biometric").content.decode()
    assert "<mark>Biometric</mark>" in text
    assert "<script>alert" not in text
    assert evil.get_absolute_url() in text
    detail = client.get(evil.get_absolute_url()).content.decode()
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in detail


@pytest.mark.parametrize(
    ("query", "message", "count"),
    [
        ("court=nowhere", "Court: Select a valid choice.", 11),
        ("court=nowhere&status=settled", "Court: Select a valid choice.", 2),
        ("filed_after=2021-13-45", "Filed between: Enter a valid date.", 11),
        ("state=California", "State: Use a two-letter state code", 11),
        ("status=asleep", "Status: Select a valid choice.", 11),
        ("deadline_within=-4", "Has a deadline within (days): Ensure this value is greater", 11),
        ("deadline_within=9999999999999999999999", "Ensure this value is less than", 11),
        ("sort=password", "Sort by: Select a valid choice.", 11),
        ("q=" + "x" * 2000, "Search: Ensure this value has at most 200 characters", 11),
        ("page=999", "There is no page '999'; showing page 1 of 1.", 11),
        ("page=abc", "There is no page 'abc'", 11),
    ],
)
def test_bad_filter_values_give_the_page_with_a_message(client, seeded, query, message, count):
    response = client.get("/cases/?" + query)
    assert response.status_code == 200
    assert message in html.unescape(response.content.decode())
    assert response.context["page"].paginator.count == count


@pytest.mark.parametrize(
    "q",
    [
        "'; DROP TABLE cases_case; --",
        '<b>bold</b> & "quotes"',
        "a:* | !b & (c",
        "\\x00\\u0000",
        "🙂 ünïcode",
        "-",
        '"',
    ],
)
def test_search_accepts_any_text(client, seeded, q):
    response = client.get("/cases/", {"q": q})
    assert response.status_code == 200
    assert "<b>bold</b>" not in response.content.decode()
    assert Case.objects.count() == 11


def test_every_filter_state_is_a_shareable_url(client, seeded):
    query = "court=ilnd&status=remanded&sort=caption&page=1"
    first = slugs(client, query)
    again = slugs(client, query)
    assert first == again == ["renderos-v-clearview-ndill", "thornley-v-clearview-ndill"]
    text = client.get("/cases/?court=ilnd&status=remanded").content.decode()
    # The export links carry the same filters.
    assert "/cases/export.csv?court=ilnd&amp;status=remanded" in text
    assert "/cases/deadlines.ics?court=ilnd&amp;status=remanded" in text


def test_case_list_counts_at_most_the_cap_and_says_so(client, settings, monkeypatch):
    from cases import views

    monkeypatch.setattr(views, "CASE_COUNT_CAP", 60)
    court = factories.court(code="capped")
    for _ in range(61):
        factories.case(court)
    response = client.get("/cases/?court=capped")
    page = response.content.decode()
    assert "More than 60 cases" in page and "narrow the search" in page
    assert response.context["page"].paginator.num_pages == 2  # 60 rows, 50 a page
    # Past the cap, the nearest page is shown with a note, never an error.
    far = client.get("/cases/?court=capped&page=3")
    assert far.status_code == 200
    assert "There is no page '3'" in html.unescape(far.content.decode())
    response = client.get("/cases/?court=capped&q=nothing-matches-this")
    assert "0 cases" in response.content.decode()


def test_a_search_matching_more_than_the_ranked_candidates_says_so(client, monkeypatch):
    from cases import search
    from cases.filters import CaseFilterSet

    monkeypatch.setattr(search, "RANK_CANDIDATES", 3)
    monkeypatch.setattr(CaseFilterSet, "rank_limit", 3)
    court = factories.court(code="ranked")
    for n in range(5):
        factories.case(court, short_name=f"Zebrafish case {n}", filed_date=D(2020, 1, 1 + n))
    response = client.get("/cases/?q=zebrafish")
    text = html.unescape(response.content.decode())
    assert "More than 3 cases" in text and "most recently filed matches are ranked" in text
    shown = [c.short_name for c in response.context["rows"]]
    assert len(shown) == 3 and "Zebrafish case 0" not in shown  # the oldest are left out
    # The CSV has every match.
    csv_text = b"".join(client.get("/cases/export.csv?q=zebrafish").streaming_content).decode()
    assert all(f"Zebrafish case {n}" in csv_text for n in range(5))
