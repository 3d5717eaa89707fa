"""iCalendar feeds of deadlines: one case's, or those of every case a case-list filter matches.

Subscribed calendars (Google Calendar, Outlook, Apple Calendar) poll these URLs, so each deadline
keeps one UID for life; a deadline that moves comes back with a higher SEQUENCE and a vacated one
with STATUS:CANCELLED, so the copy in the calendar is updated or removed rather than duplicated.
A deadline without a time is an all-day event; a timed one is in its court's time zone, with the
VTIMEZONE component those clients need to place it.
"""

from __future__ import annotations

import datetime
import hashlib
import zoneinfo
from collections.abc import Iterable
from typing import Any

from django.core.cache import caches
from django.db.models import Count, Max, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.cache import get_conditional_response
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_safe
from icalendar import Calendar, Event, vDuration

from cases.filters import CaseFilterSet
from cases.models import Case, Deadline, DeadlineStatus

PRODID = "-//Docket tracker//Deadlines//EN"
# The right-hand side of every UID: fixed, so UIDs do not change with the host name.
UID_DOMAIN = "docket-tracker"
CONTENT_TYPE = "text/calendar; charset=utf-8"
REFRESH = datetime.timedelta(hours=6)
# Serialised calendars are kept (settings.CACHES["calendars"]) under a digest of every value that
# goes into them, so a calendar is rebuilt only when something in it changed, with nothing to
# invalidate: icalendar is slow for a case with thousands of events (docs/performance.md), and
# every subscriber's client polls.
CACHE_MAX_BYTES = 512 * 1024
FORMAT = "1"  # change when the output changes for the same data


def deadline_uid(deadline: Deadline) -> str:
    return f"deadline-{deadline.pk}@{UID_DOMAIN}"


def calendar_deadlines(deadlines: QuerySet[Deadline]) -> QuerySet[Deadline]:
    """The deadlines with their case and court, and ``revisions`` and ``revised_at`` from history.

    One query: the history counts come from correlated subqueries on the history table.
    """
    history = (
        Deadline.history.model.objects.filter(id=OuterRef("pk"))
        .order_by()
        .values("id")
        .annotate(n=Count("history_id"), last=Max("history_date"))
    )
    return (
        deadlines.select_related("case__court")
        .defer("case__search_text", "case__search_vector")
        .annotate(
            revisions=Coalesce(Subquery(history.values("n")), 0),
            revised_at=Coalesce(Subquery(history.values("last")), "created_at"),
        )
        .order_by("due_date", "due_time", "pk")
    )


def _description(deadline: Deadline, case_url: str) -> str:
    case = deadline.case
    lines = [
        f"{case.short_name}",
        f"{case.court.name}, No. {case.docket_number}",
        f"{deadline.get_kind_display()}; status: {deadline.get_status_display()}",
    ]
    if deadline.earliest_safe_date:
        lines.append(
            f"Earliest safe date: {deadline.earliest_safe_date:%Y-%m-%d} (a stricter reading of "
            "the rules gives this earlier date)"
        )
    if deadline.rule:
        lines.append(f"Rule: {deadline.rule}")
    if deadline.period_label:
        lines.append(f"Computed: {deadline.period_label}")
    if deadline.explanation:
        lines.append(deadline.explanation)
    lines.append(case_url)
    return "\n".join(lines)


def deadline_event(deadline: Deadline, case_url: str) -> Event:
    """One VEVENT for a deadline; ``deadline`` comes from ``calendar_deadlines``."""
    case = deadline.case
    event = Event.new(
        uid=deadline_uid(deadline),
        stamp=deadline.revised_at,
        created=deadline.created_at,
        last_modified=deadline.revised_at,
        sequence=max(deadline.revisions - 1, 0),
        summary=f"[{case.short_name}] {deadline.title}",
        description=_description(deadline, case_url),
        url=case_url,
        categories=[deadline.get_kind_display()],
        status="CANCELLED" if deadline.status == DeadlineStatus.VACATED else "CONFIRMED",
    )
    if deadline.due_time is None:
        event.start = deadline.due_date
        event.end = deadline.due_date + datetime.timedelta(days=1)
        event.transparency = "TRANSPARENT"
    else:
        zone = zoneinfo.ZoneInfo(case.court.time_zone)
        event.start = datetime.datetime.combine(deadline.due_date, deadline.due_time, zone)
    return event


def build_calendar(
    request: HttpRequest, deadlines: Iterable[Deadline], *, name: str, description: str
) -> Calendar:
    calendar = Calendar.new(prodid=PRODID, name=name, description=description)
    calendar.pop("UID")  # Calendar.new makes a random one; a feed is named by its URL.
    # How often subscribers should poll: RFC 7986, and the older name Outlook and Google read.
    calendar.add("REFRESH-INTERVAL", vDuration(REFRESH), parameters={"VALUE": "DURATION"})
    calendar.add("X-PUBLISHED-TTL", vDuration(REFRESH))
    case_urls: dict[int, str] = {}
    zoned_dates = []
    for deadline in deadlines:
        if deadline.case_id not in case_urls:
            case_urls[deadline.case_id] = request.build_absolute_uri(
                deadline.case.get_absolute_url()
            )
        calendar.add_component(deadline_event(deadline, case_urls[deadline.case_id]))
        if deadline.due_time is not None:
            zoned_dates.append(deadline.due_date)
    if zoned_dates:
        # VTIMEZONE rules covering the years of the timed deadlines, not 1970-2038.
        calendar.add_missing_timezones(
            first_date=datetime.date(min(zoned_dates).year - 1, 1, 1),
            last_date=datetime.date(max(zoned_dates).year + 2, 1, 1),
        )
    return calendar


def _values(obj: Any) -> list[tuple[str, Any]]:
    return sorted((k, v) for k, v in vars(obj).items() if not k.startswith("_"))


def calendar_digest(
    request: HttpRequest, deadlines: list[Deadline], *, name: str, description: str
) -> str:
    """A digest of everything the calendar is built from: the deadlines with their history
    counts, their cases and courts, the site's address, the calendar's name and description."""
    digest = hashlib.sha256()
    site = request.build_absolute_uri("/")
    digest.update(repr((FORMAT, PRODID, REFRESH, site, name, description)).encode())
    for deadline in deadlines:
        row = (_values(deadline), _values(deadline.case), _values(deadline.case.court))
        digest.update(repr(row).encode())
    return digest.hexdigest()


def calendar_response(
    request: HttpRequest,
    deadlines: Iterable[Deadline],
    *,
    name: str,
    description: str,
    filename: str,
) -> HttpResponse:
    """The calendar as a download, from the cache when nothing in it changed; its digest is the
    ETag, so a client that sends If-None-Match gets a 304 without a body."""
    rows = list(deadlines)
    key = calendar_digest(request, rows, name=name, description=description)
    etag = f'"{key[:40]}"'
    unchanged = get_conditional_response(request, etag=etag)
    if unchanged is not None:
        return unchanged
    cache = caches["calendars"]
    body = cache.get(key)
    if body is None:
        body = build_calendar(request, rows, name=name, description=description).to_ical()
        if len(body) <= CACHE_MAX_BYTES:
            cache.set(key, body)
    response = HttpResponse(body, content_type=CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition_header(False, filename)
    response["ETag"] = etag
    return response


@require_safe
def case_calendar(request: HttpRequest, slug: str) -> HttpResponse:
    """The deadlines of one case, vacated ones as cancelled events."""
    # Two queries: the case with its court, then its deadlines with their history counts.
    cases = Case.objects.select_related("court").defer("search_text", "search_vector")
    case = get_object_or_404(cases, slug=slug)
    deadlines = calendar_deadlines(Deadline.objects.filter(case=case))
    return calendar_response(
        request,
        deadlines,
        name=f"{case.short_name} ({case.court}, {case.docket_number}): deadlines",
        description=f"Deadlines in {case.short_name}, {case.court.name}, No. {case.docket_number}",
        filename=f"{case.slug}-deadlines.ics",
    )


@require_safe
def cases_calendar(request: HttpRequest) -> HttpResponse:
    """The deadlines of every case the case list's filters match (invalid filters are ignored)."""
    filterset = CaseFilterSet(request.GET or None, queryset=Case.objects.all())
    # One query, plus one when a court filter is validated; the cases are a subquery.
    deadlines = calendar_deadlines(Deadline.objects.filter(case__in=filterset.qs.values("pk")))
    cases_url = request.build_absolute_uri(reverse("case-list"))
    if request.GET:
        cases_url += "?" + request.GET.urlencode()
    return calendar_response(
        request,
        deadlines,
        name="Docket tracker: deadlines",
        description=f"Deadlines of the cases listed at {cases_url}",
        filename="deadlines.ics",
    )
