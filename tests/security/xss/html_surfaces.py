"""The surfaces: the HTML pages, the reader's alerts, the search snippets and the admin."""

from __future__ import annotations

import re

from django.test import Client
from django.utils.html import escape

from parties.models import CaseParty
from tests.security.xss.escaping import assert_escaped_html, page, unsafe_links
from tests.security.xss.world import World


def html_pages(w: World) -> dict[str, tuple[str, list[str]]]:
    """Page -> (address, the labels of ``World.texts`` it must show, escaped)."""
    case, other = w.case.get_absolute_url(), w.other.get_absolute_url()
    return {
        "home": ("/", ["deadline title", "ruling title", "case short name"]),
        "case list": ("/cases/", ["case short name", "court short name"]),
        "case list by court": (f"/cases/?court={w.court.code}", ["case short name"]),
        "search results": ("/cases/?q=zebrafish", ["case short name", "court short name"]),
        "case": (
            case,
            [
                "case short name",
                "case caption",
                "court name",
                "judge name",
                "party name",
                "law firm name",
                "attorney name",
                "docket entry text",
                "motion title",
                "ruling title",
                "deadline title",
            ],
        ),
        "case, timeline of motions": (f"{case}?kind=motions", ["motion title"]),
        "other case": (other, ["case short name"]),  # the link from the case, seen from here
        "related cases": (f"{case}related/", ["case short name"]),
        "deadlines": ("/deadlines/", ["deadline title", "case short name", "court short name"]),
        "deadlines of the case": (f"/deadlines/?case={w.case.slug}", ["deadline title"]),
        "courts": ("/courts/", ["court name", "court short name"]),
        "court": (
            w.court.get_absolute_url(),
            ["court name", "court short name", "judge name", "case short name"],
        ),
        "judge": (
            w.judge.get_absolute_url(),
            ["judge name", "court name", "case short name", "ruling title"],
        ),
        # Every group, however few its decisions (the world's judge decided one motion).
        "analytics": ("/analytics/?min=1", ["judge name", "court short name"]),
        "parties": ("/parties/", ["party name"]),
        "party": (
            w.party.get_absolute_url(),
            ["party name", "case short name", "attorney name", "law firm name"],
        ),
    }


def check_html_page(w: World, client: Client, url: str, labels: list[str]) -> None:
    text = page(client, url)
    assert_escaped_html(text, w.payload, url)
    for label in labels:
        assert escape(w.texts[label]) in text, f"{url}: the {label} is not shown escaped"
    assert unsafe_links(text) == [], url


def check_my_alerts(w: World) -> None:
    reader = Client()
    reader.force_login(w.reader)
    text = page(reader, "/alerts/")
    assert_escaped_html(text, w.payload, "my alerts")
    assert escape(w.case.short_name) in text and escape(w.court.short_name) in text


def check_search_snippets(w: World, client: Client) -> None:
    """The ruling summary's word is found; its snippet carries no markup but <mark>."""
    text = page(client, "/cases/?q=zebrafish")
    snippets = re.findall(r'<p class="snippet">(.*?)</p>', text, flags=re.S)
    assert snippets, "the search result has no snippet"
    for snippet in snippets:
        assert "<mark>zebrafish</mark>" in snippet
        plain = re.sub(r"</?mark>", "", snippet)
        assert not set(plain) & set("<>\"'"), snippet  # markup and quotes only as entities


# The admin's own pages show what editors typed to other editors and to superusers.
ADMIN_LISTS = [
    "cases/court",
    "cases/judge",
    "cases/case",
    "cases/casejudge",
    "cases/caselink",
    "cases/docketentry",
    "cases/motion",
    "cases/ruling",
    "cases/rulingmotion",
    "cases/deadline",
    "cases/statuschange",
    "cases/caseevent",
    "parties/party",
    "parties/caseparty",
    "parties/lawfirm",
    "parties/attorney",
    "parties/representation",
]


def admin_pages(w: World) -> dict[str, str]:
    pages = {f"admin {path} list": f"/admin/{path}/" for path in ADMIN_LISTS}
    case_party = CaseParty.objects.get(case=w.case, party=w.party)
    for path, row in [
        ("cases/case", w.case),
        ("cases/docketentry", w.entry),
        ("cases/motion", w.motion),
        ("cases/ruling", w.ruling),
        ("cases/deadline", w.deadline),
        ("parties/caseparty", case_party),
    ]:
        pages[f"admin {path} change"] = f"/admin/{path}/{row.pk}/change/"
    pages["admin ruling add for the case"] = f"/admin/cases/ruling/add/?case={w.case.pk}"
    pages["admin motion's proposed deadlines"] = f"/admin/cases/motion/{w.motion.pk}/deadlines/"
    return pages


def check_admin_page(w: World, client: Client, url: str) -> None:
    text = page(client, url)
    assert_escaped_html(text, w.payload, url)
    assert unsafe_links(text) == [], url
