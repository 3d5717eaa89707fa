"""Atom feeds of case activity, read back the way a feed reader reads them."""

from __future__ import annotations

import datetime
import html

import feedparser
import pytest
from django.urls import reverse

from cases import selectors, services
from cases.models import Case, CaseEvent
from tests import factories

pytestmark = pytest.mark.django_db

D = datetime.date
HOST = "http://testserver"


def fetch(client, url: str) -> feedparser.FeedParserDict:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    return feed


def test_the_activity_feed_has_the_latest_50_events_of_every_case(client, seeded):
    assert CaseEvent.objects.count() > 50
    expected = list(selectors.activity()[:50])
    feed = fetch(client, reverse("activity-feed"))
    assert len(feed.entries) == 50
    assert [e.id for e in feed.entries] == [
        f"tag:docket-tracker,2025:event/{e.pk}" for e in expected
    ]
    assert [e.title for e in feed.entries] == [
        f"[{e.case.short_name}] {e.summary}" for e in expected
    ]
    assert [e.link for e in feed.entries] == [HOST + f"/cases/{e.case.slug}/" for e in expected]
    assert len({e.case_id for e in expected}) > 1  # the feed spans several cases
    assert feed.feed.title == "Docket tracker: latest activity"


def test_entry_ids_are_unique_and_stable_across_requests(client, seeded):
    first = fetch(client, reverse("activity-feed"))
    second = fetch(client, reverse("activity-feed"))
    ids = [e.id for e in first.entries]
    assert len(set(ids)) == len(ids) == 50
    assert [e.id for e in second.entries] == ids


def test_an_entry_dates_and_describes_its_event(client):
    case = factories.case(short_name="Thornley v. Clearview AI", docket_number="1:20-cv-03843")
    entry = services.docket_entry_add(
        case=case, number=12, filed_date=D(2020, 6, 30), text="Order on motion to remand"
    )
    undated = services.event_record(
        case=case, kind="status_changed", summary="Stayed pending appeal", occurred_on=None
    )
    feed = fetch(client, reverse("case-feed", args=[case.slug]))
    by_id = {e.id: e for e in feed.entries}
    dated = by_id[f"tag:docket-tracker,2025:event/{entry.events.get().pk}"]
    assert "Date in court: 2020-06-30" in dated.summary
    assert f"{case.court.name}, No. 1:20-cv-03843" in dated.summary
    event = entry.events.get()
    assert datetime.datetime(*dated.updated_parsed[:6], tzinfo=datetime.UTC) == (
        event.recorded_at.replace(microsecond=0)
    )
    assert datetime.datetime(*dated.published_parsed[:6], tzinfo=datetime.UTC) == (
        event.recorded_at.replace(microsecond=0)
    )
    assert [t.term for t in dated.tags] == ["Docket entry added"]
    assert (
        "Date in court: date not confirmed"
        in by_id[f"tag:docket-tracker,2025:event/{undated.pk}"].summary
    )


def test_a_case_feed_has_only_that_case_events(client, seeded):
    case = Case.objects.get(slug="in-re-clearview-mdl")
    expected = list(case.events.order_by("-recorded_at", "-pk")[:50])
    assert len(expected) > 10
    feed = fetch(client, reverse("case-feed", args=[case.slug]))
    assert len(feed.entries) == len(expected)
    assert [e.id for e in feed.entries] == [
        f"tag:docket-tracker,2025:event/{e.pk}" for e in expected
    ]
    assert {e.link for e in feed.entries} == {HOST + "/cases/in-re-clearview-mdl/"}
    assert all(e.title.startswith(f"[{case.short_name}] ") for e in feed.entries)
    assert feed.feed.title.startswith(case.short_name)
    assert feed.feed.link == HOST + "/cases/in-re-clearview-mdl/"


def test_a_case_feed_is_capped_at_50_entries(client):
    case = factories.case()
    for n in range(1, 56):
        services.docket_entry_add(case=case, number=n, filed_date=D(2021, 1, 1), text=f"E{n}")
    assert case.events.count() == 56  # the case-opened event and 55 entries
    feed = fetch(client, reverse("case-feed", args=[case.slug]))
    assert len(feed.entries) == 50
    assert feed.entries[0].title == f"[{case.short_name}] Docket entry 55: E55"


def test_markup_in_a_summary_is_text_not_markup(client):
    case = factories.case(short_name='Doe & Roe v. "Acme" <Corp>')
    text = '<script>alert(1)</script> & "quotes"'
    services.docket_entry_add(case=case, number=3, filed_date=D(2021, 2, 1), text=text)
    response = client.get(reverse("case-feed", args=[case.slug]))
    assert b"<script>" not in response.content
    entry = feedparser.parse(response.content).entries[0]
    assert entry.title == f'[Doe & Roe v. "Acme" <Corp>] Docket entry 3: {text}'
    assert "<script>" not in entry.summary  # the HTML summary carries it escaped...
    assert f"Docket entry 3: {text}" in html.unescape(entry.summary)  # ...as literal text


def test_an_unknown_case_has_no_feed(client, db):
    response = client.get(reverse("case-feed", args=["no-such-case"]))
    assert response.status_code == 404


def test_the_feeds_cost_a_fixed_number_of_queries(client, seeded, django_assert_max_num_queries):
    # The events joined to their case and court.
    with django_assert_max_num_queries(1):
        assert client.get(reverse("activity-feed")).status_code == 200
    # The case with its court; its events joined to their case and court.
    with django_assert_max_num_queries(2):
        assert client.get(reverse("case-feed", args=["in-re-clearview-mdl"])).status_code == 200
