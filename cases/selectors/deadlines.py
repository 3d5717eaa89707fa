"""Lists of deadlines: the upcoming ones (home and deadlines pages) and a case page's own."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import connections
from django.db.models import Q, QuerySet
from django.utils import timezone

from cases.deadlines.today import with_remaining
from cases.models import Case, Deadline, DeadlineStatus
from cases.selectors.shared import CASE_TEXT


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


# A case page's deadlines, written out in SQL (compiling the ORM's union of two annotated,
# sliced querysets cost more than running it): the upcoming open ones soonest first and the
# others latest first, each part with its own count (an InitPlan) and cut to its limit.
_COLUMNS = ", ".join(f'd."{field.column}"' for field in Deadline._meta.concrete_fields)
_UPCOMING = "d.status = %s AND d.due_date >= %s"
_PART = """
SELECT {columns},
    (SELECT COUNT(*) FROM cases_deadline d WHERE d.case_id = %s AND {where}) AS total,
    {upcoming} AS upcoming
FROM cases_deadline d WHERE d.case_id = %s AND {where}
ORDER BY {order}{limit}
"""


def _part(upcoming: bool, limit: int | None) -> str:
    where = _UPCOMING if upcoming else f"NOT ({_UPCOMING})"
    order = (
        "d.due_date, d.due_time, d.id"
        if upcoming
        else "d.due_date DESC, d.due_time DESC NULLS LAST, d.id DESC"
    )
    return _PART.format(
        columns=_COLUMNS,
        where=where,
        upcoming="1 = 1" if upcoming else "1 = 0",
        order=order,
        limit="" if limit is None else f" LIMIT {int(limit)}",
    )


def case_deadlines(
    case: Case,
    *,
    upcoming_limit: int | None = None,
    past_limit: int | None = None,
    today: datetime.date | None = None,
) -> CaseDeadlines:
    """Return the case's upcoming open deadlines and its past or closed ones, each list cut to
    its limit in SQL, with both counts: one statement (the two lists' ``UNION ALL``) on
    PostgreSQL, however many deadlines the case has; two on SQLite, which cannot limit the
    parts of a compound statement."""
    today = today or timezone.localdate()
    params = [case.pk, DeadlineStatus.OPEN, today] * 2
    soonest, latest = _part(True, upcoming_limit), _part(False, past_limit)
    if connections[Deadline.objects.db].features.supports_slicing_ordering_in_compound:
        both = list(Deadline.objects.raw(f"({soonest}) UNION ALL ({latest})", params * 2))
        # A UNION's order is not promised: each list is sorted again as its part was.
        upcoming = sorted((d for d in both if d.upcoming), key=_soonest_first)
        past = sorted((d for d in both if not d.upcoming), key=_latest_first, reverse=True)
    else:
        upcoming = list(Deadline.objects.raw(soonest, params))
        past = list(Deadline.objects.raw(latest, params))
    for deadline in (*upcoming, *past):
        deadline.case = case  # the court is already loaded with the case
    with_remaining(upcoming)
    return CaseDeadlines(
        upcoming,
        upcoming[0].total if upcoming else 0,
        past,
        past[0].total if past else 0,
    )
