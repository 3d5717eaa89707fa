"""Atom feeds of case activity: the whole tracker, and one case.

Each entry is one ``CaseEvent``. Its id is a tag URI built from the event's primary key, so it
never changes, while its link is the case page (several entries share it). Titles are Atom text
constructs (escaped by the XML writer only); summaries are HTML, escaped here.
"""

from __future__ import annotations

import datetime

from django.contrib.syndication.views import Feed
from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import format_html
from django.utils.safestring import SafeString

from cases import selectors
from cases.models import Case, CaseEvent

FEED_LENGTH = 50
# The case's search columns are large and no feed shows them.
# Tag URIs (RFC 4151): a fixed authority and date, so entry ids never depend on the host name.
TAG_AUTHORITY = "docket-tracker,2025"


def event_guid(event: CaseEvent) -> str:
    return f"tag:{TAG_AUTHORITY}:event/{event.pk}"


class ActivityFeed(Feed):
    """The latest events of every case, newest recorded first."""

    feed_type = Atom1Feed
    title = "Docket tracker: latest activity"
    subtitle = "Docket entries, motions, rulings, status changes and deadlines in every case."
    item_guid_is_permalink = False

    def link(self) -> str:
        return reverse("home")

    def feed_guid(self) -> str:
        return f"tag:{TAG_AUTHORITY}:activity"

    def items(self) -> QuerySet[CaseEvent]:
        # One query: the events with their case and its court.
        return selectors.activity()[:FEED_LENGTH]

    def item_title(self, item: CaseEvent) -> str:
        return f"[{item.case.short_name}] {item.summary}"

    def item_link(self, item: CaseEvent) -> str:
        return item.case.get_absolute_url()

    def item_guid(self, item: CaseEvent) -> str:
        return event_guid(item)

    def item_pubdate(self, item: CaseEvent) -> datetime.datetime:
        return item.recorded_at

    def item_updateddate(self, item: CaseEvent) -> datetime.datetime:
        return item.recorded_at

    def item_categories(self, item: CaseEvent) -> list[str]:
        return [item.get_kind_display()]

    def item_description(self, item: CaseEvent) -> SafeString:
        case = item.case
        in_court = f"{item.occurred_on:%Y-%m-%d}" if item.occurred_on else "date not confirmed"
        return format_html(
            "<p>{}</p><p>Date in court: {}</p><p>{}: {}, No. {}</p>",
            item.summary,
            in_court,
            case.short_name,
            case.court.name,
            case.docket_number,
        )


class CaseFeed(ActivityFeed):
    """The latest events of one case."""

    def get_object(self, request: HttpRequest, slug: str) -> Case:
        cases = Case.objects.select_related("court").defer("search_text", "search_vector")
        return get_object_or_404(cases, slug=slug)

    def title(self, obj: Case) -> str:
        return f"{obj.short_name} ({obj.court}, {obj.docket_number}): latest activity"

    def subtitle(self, obj: Case) -> str:
        return obj.caption

    def link(self, obj: Case) -> str:
        return obj.get_absolute_url()

    def feed_guid(self, obj: Case) -> str:
        return f"tag:{TAG_AUTHORITY}:case/{obj.pk}"

    def items(self, obj: Case) -> QuerySet[CaseEvent]:
        return selectors.activity(obj)[:FEED_LENGTH]
