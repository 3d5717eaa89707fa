"""Lists of deadlines: the upcoming ones (home and deadlines pages) and a case page's own."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import connections
from django.db.models import F, Q, QuerySet, Value
from django.utils import timezone

from cases.deadlines.today import with_remaining
from cases.models import Case, Deadline, DeadlineStatus
from cases.selectors.shared import CASE_TEXT, SubqueryCount


def upcoming_deadlines(*, days: int = 30, today: datetime.date | None = None) -> QuerySet[Deadline]:
    """Return the open deadlines due from today through ``days`` days ahead, soonest first."""
    today = today or timezone.localdate()
    return (
        Deadline.objects.filter(
            status=DeadlineStatus.OPEN,
            due_date__gte=today,
            due_date__lte=today + datetime.timedelta(days=days),
        )
        .select_related("case__court")
        .defer(*CASE_TEXT)
        .order_by("due_date", "due_time", "pk")
    )


def deadlines_page(
    *, court_codes: list[str] | None = None, case_slug: str = "", days: int = 90
) -> QuerySet[Deadline]:
    """Return the open deadlines from today on, for the deadlines page."""
    rows = upcoming_deadlines(days=days)
    if court_codes:
        rows = rows.filter(case__court__code__in=court_codes)
    if case_slug:
        rows = rows.filter(Q(case__slug=case_slug))
    return rows


@dataclass
class CaseDeadlines:
    upcoming: list[Deadline]  # open and due today or later, soonest first
    upcoming_count: int
    past: list[Deadline]  # the rest (passed, met, vacated...), latest due first
    past_count: int


def _soonest_first(deadline: Deadline) -> tuple:
    """``ORDER BY due_date, due_time, id`` in Python (no time after a time, as in SQL)."""
    time = deadline.due_time
    return (deadline.due_date, time is None, time or datetime.time.min, deadline.pk)


def _latest_first(deadline: Deadline) -> tuple:
    """Reversed, ``ORDER BY due_date DESC, due_time DESC NULLS LAST, id DESC`` in Python."""
    time = deadline.due_time
    return (deadline.due_date, time is not None, time or datetime.time.min, deadline.pk)


def case_deadlines(
    case: Case,
    *,
    upcoming_limit: int | None = None,
    past_limit: int | None = None,
    today: datetime.date | None = None,
) -> CaseDeadlines:
    """Return the case's upcoming open deadlines and its past or closed ones, each list cut to
    its limit in SQL, with both counts: one statement (the two lists' ``UNION ALL``), however
    many deadlines the case has."""
    today = today or timezone.localdate()
    rows = Deadline.objects.filter(case=case)
    is_upcoming = Q(status=DeadlineStatus.OPEN, due_date__gte=today)
    soonest = (
        rows.filter(is_upcoming)
        .annotate(total=SubqueryCount(rows.filter(is_upcoming).values("pk")), upcoming=Value(True))
        .order_by("due_date", "due_time", "pk")[:upcoming_limit]
    )
    latest = (
        rows.exclude(is_upcoming)
        .annotate(
            total=SubqueryCount(rows.exclude(is_upcoming).values("pk")), upcoming=Value(False)
        )
        .order_by("-due_date", F("due_time").desc(nulls_last=True), "-pk")[:past_limit]
    )
    if connections[rows.db].features.supports_slicing_ordering_in_compound:  # PostgreSQL
        both = list(soonest.union(latest, all=True))
        # A UNION's order is not promised: each list is sorted again as its part was.
        upcoming = sorted((d for d in both if d.upcoming), key=_soonest_first)
        past = sorted((d for d in both if not d.upcoming), key=_latest_first, reverse=True)
    else:  # SQLite cannot limit the parts of a compound statement
        upcoming, past = list(soonest), list(latest)
    for deadline in (*upcoming, *past):
        deadline.case = case  # the court is already loaded with the case
    with_remaining(upcoming)
    return CaseDeadlines(
        upcoming,
        upcoming[0].total if upcoming else 0,
        past,
        past[0].total if past else 0,
    )
