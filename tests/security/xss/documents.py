"""The surfaces: the Atom feeds, the iCalendar files and the alert e-mails."""

from __future__ import annotations

import email
import email.policy
import re
import xml.etree.ElementTree as ET
from typing import Any

import feedparser
import icalendar
from django.test import Client
from django.utils.html import escape

from alerts.models import Notification
from tests.security.xss.escaping import assert_escaped_html, tags_of, unsafe_links
from tests.security.xss.world import World

ATOM = "{http://www.w3.org/2005/Atom}"


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
