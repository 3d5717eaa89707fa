"""Deadlines: set, moved, vacated or met, each reported."""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from cases.models import Case, Deadline, DeadlineStatus, EventKind
from cases.services.cases import apply_changes
from cases.services.events import event_record

User = AbstractBaseUser


def _when(date: datetime.date, time: datetime.time | None) -> str:
    return f"{date:%Y-%m-%d}" + (f" {time:%H:%M}" if time else "")


@transaction.atomic
def deadline_set(
    *,
    case: Case,
    title: str,
    due_date: datetime.date,
    actor: User | None = None,
    occurred_on: datetime.date | None = None,
    **fields: Any,
) -> Deadline:
    """Set a deadline and report it."""
    deadline = Deadline(case=case, title=title, due_date=due_date, **fields)
    deadline.full_clean()
    deadline.save()
    event_record(
        case=case,
        kind=EventKind.DEADLINE_SET,
        summary=f"Deadline set: {title}, due {_when(due_date, deadline.due_time)}",
        occurred_on=occurred_on or datetime.date.today(),
        actor=actor,
        deadline=deadline,
    )
    return deadline


@transaction.atomic
def deadline_update(
    *, deadline: Deadline, actor: User | None = None, reason: str = "", **changes: Any
) -> Deadline:
    """Edit a deadline; a new due date or time is a move, a new status is reported.

    Moving a vacated or met deadline reopens it, since a new date means it is live again.
    """
    deadline = Deadline.objects.select_for_update().get(pk=deadline.pk)
    before_when = (deadline.due_date, deadline.due_time)
    before_status = deadline.status
    apply_changes(deadline, changes)
    moved = (deadline.due_date, deadline.due_time) != before_when
    if moved and "status" not in changes:
        deadline.status = DeadlineStatus.OPEN
    deadline.full_clean()
    deadline.save()
    today = datetime.date.today()
    note = f" ({reason})" if reason else ""
    if moved:
        event_record(
            case=deadline.case,
            kind=EventKind.DEADLINE_MOVED,
            summary=(
                f"Deadline moved: {deadline.title}, from {_when(*before_when)} "
                f"to {_when(deadline.due_date, deadline.due_time)}{note}"
            ),
            occurred_on=today,
            actor=actor,
            detail={
                "from": _when(*before_when),
                "to": _when(deadline.due_date, deadline.due_time),
                "reason": reason,
            },
            deadline=deadline,
        )
    if deadline.status != before_status and deadline.status in _STATUS_EVENTS:
        kind, verb = _STATUS_EVENTS[DeadlineStatus(deadline.status)]
        event_record(
            case=deadline.case,
            kind=kind,
            summary=f"Deadline {verb}: {deadline.title}{note}",
            occurred_on=today,
            actor=actor,
            detail={"from": before_status, "to": deadline.status, "reason": reason},
            deadline=deadline,
        )
    return deadline


_STATUS_EVENTS = {
    DeadlineStatus.VACATED: (EventKind.DEADLINE_VACATED, "vacated"),
    DeadlineStatus.MET: (EventKind.DEADLINE_MET, "met"),
}


def deadline_move(
    *,
    deadline: Deadline,
    due_date: datetime.date,
    due_time: datetime.time | None = None,
    reason: str = "",
    actor: User | None = None,
) -> Deadline:
    """Move a deadline to a new date (and time)."""
    return deadline_update(
        deadline=deadline, due_date=due_date, due_time=due_time, reason=reason, actor=actor
    )


def deadline_vacate(*, deadline: Deadline, reason: str = "", actor: User | None = None) -> Deadline:
    """Vacate a deadline: no further reminders."""
    return deadline_update(
        deadline=deadline, status=DeadlineStatus.VACATED, reason=reason, actor=actor
    )


def deadline_mark_met(*, deadline: Deadline, actor: User | None = None) -> Deadline:
    """Record that a deadline was met."""
    return deadline_update(deadline=deadline, status=DeadlineStatus.MET, actor=actor)
