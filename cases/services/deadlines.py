"""Deadlines: set, computed, moved, vacated or met, each reported.

A computed deadline keeps the inputs of its computation (trigger date, period, direction,
service method, rule set); ``deadline_update`` recomputes it whenever one of them changes, and a
new due date is reported as a move like any other. Both take the ``ComputedDeadline`` a form has
already computed (``deadline_preview``), so that one save runs the engine once.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction

from cases.models import Case, Deadline, DeadlineBasis, DeadlineStatus, EventKind
from cases.services.cases import apply_changes
from cases.services.computations import (
    COMPUTATION_INPUTS,
    ComputedDeadline,
    computation_apply,
    computation_for,
    computation_inputs,
    deadline_compute,
)
from cases.services.events import event_record

User = AbstractBaseUser

_STATUS_EVENTS = {
    DeadlineStatus.VACATED: (EventKind.DEADLINE_VACATED, "vacated"),
    DeadlineStatus.MET: (EventKind.DEADLINE_MET, "met"),
}


def _when(date: datetime.date, time: datetime.time | None) -> str:
    return f"{date:%Y-%m-%d}" + (f" {time:%H:%M}" if time else "")


def _value(value: Any) -> str:
    if isinstance(value, datetime.date):
        return f"{value:%Y-%m-%d}"
    return str(value) if value not in (None, "") else "none"


@transaction.atomic
def deadline_set(
    *,
    case: Case,
    title: str,
    due_date: datetime.date | None = None,
    actor: User | None = None,
    occurred_on: datetime.date | None = None,
    computed: ComputedDeadline | None = None,
    **fields: Any,
) -> Deadline:
    """Set a deadline and report it; a computed one gets its due date from the computation."""
    deadline = Deadline(case=case, title=title, due_date=due_date, **fields)
    if deadline.basis == DeadlineBasis.COMPUTED:
        computation_apply(deadline, computation_for(deadline, computed))
    deadline.full_clean()
    deadline.save()
    event_record(
        case=case,
        kind=EventKind.DEADLINE_SET,
        summary=f"Deadline set: {title}, due {_when(deadline.due_date, deadline.due_time)}",
        occurred_on=occurred_on or datetime.date.today(),
        actor=actor,
        deadline=deadline,
    )
    return deadline


@dataclass(frozen=True)
class _Before:
    """A deadline as it was before an edit: what the edit's report compares with."""

    case_id: int
    basis: str
    when: tuple[datetime.date, datetime.time | None]
    status: str
    inputs: dict[str, Any]

    @classmethod
    def of(cls, deadline: Deadline) -> _Before:
        when = (deadline.due_date, deadline.due_time)
        inputs = computation_inputs(deadline)
        return cls(deadline.case_id, deadline.basis, when, deadline.status, inputs)

    def rule(self, deadline: Deadline) -> str:
        """Return the rule the deadline's computation filled in before the edit, or ""."""
        if self.basis != DeadlineBasis.COMPUTED:
            return ""
        same = deadline.case_id == self.case_id
        case = deadline.case if same else Case.objects.select_related("court").get(pk=self.case_id)
        try:
            return deadline_compute(case=case, **self.inputs).rule
        except ValidationError:
            return ""


def _recompute(
    deadline: Deadline,
    before: _Before,
    changes: dict[str, Any],
    reason: str,
    computed: ComputedDeadline | None,
) -> str:
    """Store a computed deadline's new computation; return the reason its move reports."""
    inputs = computation_inputs(deadline)
    if "due_date" in changes and changes["due_date"] != before.when[0]:
        recomputing = inputs != before.inputs or "basis" in changes
        if not recomputing:
            raise ValidationError(
                {
                    "due_date": "This deadline is computed from a court rule: change its "
                    "trigger date or period, or set its basis to 'Set by order' to enter a "
                    "date by hand."
                }
            )
    computation = computation_for(deadline, computed)
    # A rule holding the old computation's citations is refreshed with the new ones; the old
    # computation is run only when it can differ from the new one (other inputs or case).
    unchanged = deadline.case_id == before.case_id and inputs == before.inputs
    if deadline.rule and deadline.rule != computation.rule and not unchanged:
        computation_apply(deadline, computation, before.rule(deadline))
    else:
        computation_apply(deadline, computation)
    if not reason and inputs != before.inputs:
        reason = "recomputed: " + ", ".join(
            f"{f.replace('_', ' ')} {_value(before.inputs[f])} → {_value(inputs[f])}"
            for f in COMPUTATION_INPUTS
            if inputs[f] != before.inputs[f]
        )
    return reason


def _report_update(deadline: Deadline, before: _Before, reason: str, actor: User | None) -> None:
    """Report a deadline's move and its new status (vacated, met), when the edit made them."""
    today = datetime.date.today()
    note = f" ({reason})" if reason else ""
    start, after = _when(*before.when), _when(deadline.due_date, deadline.due_time)
    if (deadline.due_date, deadline.due_time) != before.when:
        event_record(
            case=deadline.case,
            kind=EventKind.DEADLINE_MOVED,
            summary=f"Deadline moved: {deadline.title}, from {start} to {after}{note}",
            occurred_on=today,
            actor=actor,
            detail={"from": start, "to": after, "reason": reason},
            deadline=deadline,
        )
    if deadline.status != before.status and deadline.status in _STATUS_EVENTS:
        kind, verb = _STATUS_EVENTS[DeadlineStatus(deadline.status)]
        event_record(
            case=deadline.case,
            kind=kind,
            summary=f"Deadline {verb}: {deadline.title}{note}",
            occurred_on=today,
            actor=actor,
            detail={"from": before.status, "to": deadline.status, "reason": reason},
            deadline=deadline,
        )


@transaction.atomic
def deadline_update(
    *,
    deadline: Deadline,
    actor: User | None = None,
    reason: str = "",
    computed: ComputedDeadline | None = None,
    **changes: Any,
) -> Deadline:
    """Edit a deadline; a new due date or time is a move, a new status is reported.

    A computed deadline is recomputed when an input of its computation changes (a new trigger
    date, say), and its due date cannot be edited by hand: set it by order instead. Moving a
    vacated or met deadline reopens it, since a new date means it is live again.
    """
    deadline = Deadline.objects.select_for_update().get(pk=deadline.pk)
    before = _Before.of(deadline)
    apply_changes(deadline, changes)
    if deadline.basis == DeadlineBasis.COMPUTED:
        reason = _recompute(deadline, before, changes, reason, computed)
    elif "basis" in changes:
        deadline.earliest_safe_date = None
    moved = (deadline.due_date, deadline.due_time) != before.when
    if moved and "status" not in changes:
        deadline.status = DeadlineStatus.OPEN
    deadline.full_clean()
    deadline.save()
    _report_update(deadline, before, reason, actor)
    return deadline


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
