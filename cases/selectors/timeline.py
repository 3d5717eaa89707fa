"""A case's events: the case page's timeline, its CSV, and the Atom feeds."""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import F, QuerySet

from cases.models import Case, CaseEvent, EventKind
from cases.selectors.shared import CASE_TEXT

# The kinds of event the case timeline shows, grouped under the names of its kind filter.
TIMELINE_KINDS: dict[str, tuple[str, list[str]]] = {
    "entries": ("Docket entries", [EventKind.DOCKET_ENTRY_ADDED]),
    "motions": ("Motions", [EventKind.MOTION_FILED, EventKind.MOTION_DECIDED]),
    "rulings": ("Rulings", [EventKind.RULING_ENTERED]),
    "status": ("Status changes", [EventKind.CASE_OPENED, EventKind.STATUS_CHANGED]),
    "deadlines": (
        "Deadlines",
        [
            EventKind.DEADLINE_SET,
            EventKind.DEADLINE_MOVED,
            EventKind.DEADLINE_VACATED,
            EventKind.DEADLINE_MET,
        ],
    ),
    "links": ("Related cases", [EventKind.CASE_LINKED]),
}


def case_timeline(
    case: Case,
    *,
    kinds: list[str] | None = None,
    since: datetime.date | None = None,
    until: datetime.date | None = None,
) -> QuerySet[CaseEvent]:
    """Return the case's events in court order: docket entries, motions, rulings, status
    changes..."""
    # Only the rows the page and the CSV read: every join costs the planner time on each request
    # (docs/performance.md).
    events = CaseEvent.objects.filter(case=case).select_related("docket_entry", "motion", "ruling")
    if kinds:
        wanted = [k for name in kinds for k in TIMELINE_KINDS.get(name, ("", []))[1]]
        events = events.filter(kind__in=wanted)
    if since:
        events = events.filter(occurred_on__gte=since)
    if until:
        events = events.filter(occurred_on__lte=until)
    # Events whose date in court is not confirmed come last.
    return events.order_by(F("occurred_on").asc(nulls_last=True), "pk")


def timeline_for_page(case: Case, **filters: Any) -> QuerySet[CaseEvent]:
    """Return ``case_timeline`` with what the case page prints (``timeline_items``): the docket
    entry's document and the ruling's citation and date note, not the motion (the CSV's
    column)."""
    return (
        case_timeline(case, **filters)
        .select_related(None)
        .select_related("docket_entry", "ruling")
        .only(
            "case_id",
            "kind",
            "occurred_on",
            "summary",
            "docket_entry__document_url",
            "docket_entry__source",
            "docket_entry__missing_from_source_since",
            "ruling__citation",
            "ruling__date_note",
        )
    )


def activity(case: Case | None = None) -> QuerySet[CaseEvent]:
    """Return the latest events first, for the Atom feeds."""
    events = CaseEvent.objects.select_related("case__court").defer(*CASE_TEXT)
    if case is not None:
        events = events.filter(case=case)
    return events.order_by("-recorded_at", "-pk")
