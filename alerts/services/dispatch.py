"""Turning a case event into notifications: one row per follower told about it (the outbox).

The SQL is the same whatever the number of followers: the followers are read once, with their
settings, and each one's choices and filters are tested here against the event's text and kind
(``alerts.filters``, one compiled expression per distinct set of words).
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from alerts import filters
from alerts.services.followers import Follower, followers_of, rows_insert
from alerts.services.notices import EventNotice, follow_on, notice_of
from cases.models import CaseEvent, EventKind

# Which subscription choice each kind of event answers to.
EVENT_PREFERENCE = {
    EventKind.STATUS_CHANGED: "status_changes",
    EventKind.CASE_LINKED: "status_changes",
    EventKind.RULING_ENTERED: "rulings",
    EventKind.MOTION_DECIDED: "rulings",
    EventKind.MOTION_FILED: "motions",
    EventKind.DOCKET_ENTRY_ADDED: "docket_entries",
    EventKind.DEADLINE_SET: "deadline_reminders",
    EventKind.DEADLINE_MOVED: "deadline_reminders",
    EventKind.DEADLINE_VACATED: "deadline_reminders",
}


def preference_of(event: CaseEvent) -> str | None:
    """The subscription choice that selects ``event`` (None: no choice does)."""
    preference = EVENT_PREFERENCE.get(EventKind(event.kind))
    # A ruling that decides motions is told through its "motion decided" events.
    if (
        preference is not None
        and event.kind == EventKind.RULING_ENTERED
        and event.ruling is not None
        and event.ruling.decisions.exists()
    ):
        return None
    return preference


@transaction.atomic
def event_dispatch(*, event_id: int, now: datetime.datetime | None = None) -> int:
    """Write one notification per follower told about this event; return how many.

    A follower is told when their choice for this kind of event is on and their filters let it
    through, or, whatever their choices, when the event carries a notice (the case closed, or
    the litigation moved to another case: ``alerts.services.notices``); one row says both. The
    event is claimed first (``dispatched_at`` set where it was empty), so dispatching the same
    event twice writes nothing the second time.
    """
    now = now or timezone.now()
    claimed = CaseEvent.objects.filter(pk=event_id, dispatched_at__isnull=True).update(
        dispatched_at=now
    )
    if not claimed:
        return 0
    event = CaseEvent.objects.select_related("docket_entry", "motion", "ruling").get(pk=event_id)
    preference = preference_of(event)
    notice = notice_of(event)
    if preference is None and notice is None:
        return 0
    followers = followers_of(event, preference if notice is None else None)
    notices = _notices(notice, followers)
    facts = filters.event_facts(event)
    rows = []
    for follower in followers:
        told = notices.get(follower.user_id)
        if told or (follower.wants(preference) and filters.passes(follower, facts)):
            rows.append(
                (
                    follower.user_id,
                    follower.delivery,
                    told.notice if told else "",
                    told.went_to if told else None,
                )
            )
    rows_insert(event, rows, now)
    return len(rows)


def _notices(notice: EventNotice | None, followers: list[Follower]) -> dict[int, EventNotice]:
    if notice is None:
        return {}
    if notice.went_to is not None:
        return follow_on(notice, followers)
    return {follower.user_id: notice for follower in followers}


def events_to_sweep(*, now: datetime.datetime | None = None) -> tuple[list[int], int]:
    """Events committed but never dispatched: (ids to dispatch now, how many were too old).

    An event older than ALERTS_SWEEP_MAX_AGE is marked dispatched without alerts, so that a
    tracker that ran without workers for a while does not mail out its whole backlog.
    """
    now = now or timezone.now()
    settle = datetime.timedelta(seconds=settings.ALERTS_SWEEP_SETTLE_SECONDS)
    max_age = datetime.timedelta(seconds=settings.ALERTS_SWEEP_MAX_AGE_SECONDS)
    waiting = CaseEvent.objects.filter(dispatched_at__isnull=True, recorded_at__lte=now - settle)
    stale = waiting.filter(recorded_at__lt=now - max_age).update(dispatched_at=now)
    ids = list(waiting.order_by("pk").values_list("pk", flat=True)[:10000])
    return ids, stale
