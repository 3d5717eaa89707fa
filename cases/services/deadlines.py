"""Deadlines: set, computed, moved, vacated or met, each reported.

A computed deadline keeps the inputs of its computation (trigger date, period, direction,
service method, rule set); ``deadline_update`` recomputes it whenever one of them changes, and a
new due date is reported as a move like any other.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from cases.deadlines import Computation, ComputationError, RuleSet, compute
from cases.models import (
    Case,
    Court,
    CourtLevel,
    Deadline,
    DeadlineBasis,
    DeadlineStatus,
    DefaultPeriod,
    EventKind,
    HolidayCalendar,
    Motion,
    PeriodDirection,
    PeriodTrigger,
    ServiceMethod,
)
from cases.services.cases import apply_changes
from cases.services.events import event_record

User = AbstractBaseUser

# The fields a computation reads; changing one of them recomputes a computed deadline.
COMPUTATION_INPUTS = (
    "trigger_date",
    "period_days",
    "period_unit",
    "direction",
    "service_method",
    "from_judgment",
)


def court_rule_set(court: Court) -> RuleSet | None:
    """The rule set deadlines in this court are computed under, or None when none is built."""
    if court.holiday_calendar == HolidayCalendar.CA_JUDICIAL:
        return RuleSet.CALIFORNIA
    if court.holiday_calendar == HolidayCalendar.US_FEDERAL:
        if court.level == CourtLevel.FEDERAL_DISTRICT:
            return RuleSet.FRCP
        if court.level == CourtLevel.FEDERAL_APPELLATE:
            return RuleSet.FRAP
    return None


UNSUPPORTED_COURT = (
    "Deadlines can be computed for federal district courts (FRCP 6), federal courts of appeals "
    "(FRAP 26) and California courts (CCP 12-12c). {court} is none of these: enter the deadline "
    "as set by order."
)


def deadline_compute(
    *,
    case: Case,
    trigger_date: datetime.date | None,
    period_days: int | None,
    period_unit: str = "calendar",
    direction: str = "after",
    service_method: str = ServiceMethod.NONE,
    from_judgment: bool = False,
    **_: Any,
) -> Computation:
    """Compute a deadline in ``case``'s court; a ValidationError names the input at fault."""
    court = case.court
    rule_set = court_rule_set(court)
    if rule_set is None:
        raise ValidationError({"basis": UNSUPPORTED_COURT.format(court=court)})
    errors = {}
    if trigger_date is None:
        errors["trigger_date"] = "A computed deadline needs the date it counts from."
    if not period_days:
        errors["period_days"] = "A computed deadline needs its period in days."
    if errors:
        raise ValidationError(errors)
    try:
        return compute(
            trigger_date,
            int(period_days),
            rule_set=rule_set,
            direction=direction,
            unit=period_unit,
            service=service_method,
            from_judgment=from_judgment,
            state=court.state,
        )
    except ComputationError as error:
        field = "service_method" if "service" in str(error) else "period_days"
        if "trigger date" in str(error):
            field = "trigger_date"
        raise ValidationError({field: str(error)}) from None


def _apply(deadline: Deadline, computation: Computation, previous_rule: str = "") -> None:
    """Store a computation on a deadline.

    ``rule`` names the rule that sets the period (FRAP 27(a)(3)(A), CCP 1005(b)) when the editor
    gave one; otherwise it is filled with the computation's citations, and refreshed with them.
    """
    deadline.due_date = computation.due_date
    deadline.earliest_safe_date = computation.earliest_safe
    deadline.rule_set = computation.rule_set.value
    deadline.explanation = computation.explanation()
    if not deadline.rule or deadline.rule == previous_rule:
        deadline.rule = computation.rule


def _when(date: datetime.date, time: datetime.time | None) -> str:
    return f"{date:%Y-%m-%d}" + (f" {time:%H:%M}" if time else "")


@transaction.atomic
def deadline_set(
    *,
    case: Case,
    title: str,
    due_date: datetime.date | None = None,
    actor: User | None = None,
    occurred_on: datetime.date | None = None,
    **fields: Any,
) -> Deadline:
    """Set a deadline and report it; a computed one gets its due date from the computation."""
    deadline = Deadline(case=case, title=title, due_date=due_date, **fields)
    if deadline.basis == DeadlineBasis.COMPUTED:
        inputs = {f: getattr(deadline, f) for f in COMPUTATION_INPUTS}
        _apply(deadline, deadline_compute(case=case, **inputs))
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


@transaction.atomic
def deadline_update(
    *, deadline: Deadline, actor: User | None = None, reason: str = "", **changes: Any
) -> Deadline:
    """Edit a deadline; a new due date or time is a move, a new status is reported.

    A computed deadline is recomputed when an input of its computation changes (a new trigger
    date, say), and its due date cannot be edited by hand: set it by order instead. Moving a
    vacated or met deadline reopens it, since a new date means it is live again.
    """
    deadline = Deadline.objects.select_for_update().get(pk=deadline.pk)
    before_when = (deadline.due_date, deadline.due_time)
    before_status = deadline.status
    before_inputs = {f: getattr(deadline, f) for f in COMPUTATION_INPUTS}
    previous_rule = ""
    if deadline.basis == DeadlineBasis.COMPUTED:
        try:
            previous_rule = deadline_compute(case=deadline.case, **before_inputs).rule
        except ValidationError:
            previous_rule = ""
    apply_changes(deadline, changes)
    if deadline.basis == DeadlineBasis.COMPUTED:
        inputs = {f: getattr(deadline, f) for f in COMPUTATION_INPUTS}
        if "due_date" in changes and changes["due_date"] != before_when[0]:
            recomputing = inputs != before_inputs or "basis" in changes
            if not recomputing:
                raise ValidationError(
                    {
                        "due_date": "This deadline is computed from a court rule: change its "
                        "trigger date or period, or set its basis to 'Set by order' to enter a "
                        "date by hand."
                    }
                )
        _apply(deadline, deadline_compute(case=deadline.case, **inputs), previous_rule)
        if not reason and inputs != before_inputs:
            reason = "recomputed: " + ", ".join(
                f"{f.replace('_', ' ')} {_value(before_inputs[f])} → {_value(inputs[f])}"
                for f in COMPUTATION_INPUTS
                if inputs[f] != before_inputs[f]
            )
    elif "basis" in changes:
        deadline.earliest_safe_date = None
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


def _value(value: Any) -> str:
    if isinstance(value, datetime.date):
        return f"{value:%Y-%m-%d}"
    return str(value) if value not in (None, "") else "none"


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


def deadlines_retrigger(
    *,
    motion: Motion,
    old_date: datetime.date | None,
    new_date: datetime.date | None,
    direction: str,
    actor: User | None = None,
    _depth: int = 0,
) -> list[Deadline]:
    """Recompute a motion's open computed deadlines that count from ``old_date``.

    Called when the motion's filing or hearing date changes: each deadline counting from the
    old date (after the filing, before the hearing) now counts from the new one, and a deadline
    counting from a moved deadline's due date (a reply after the response) follows it in turn.
    """
    if old_date is None or new_date is None or old_date == new_date or _depth > 5:
        return []
    moved = []
    candidates = Deadline.objects.filter(
        motion=motion,
        basis=DeadlineBasis.COMPUTED,
        status=DeadlineStatus.OPEN,
        trigger_date=old_date,
        direction=direction,
    ).order_by("pk")
    for deadline in candidates:
        old_due = deadline.due_date
        deadline = deadline_update(deadline=deadline, actor=actor, trigger_date=new_date)
        moved.append(deadline)
        moved += deadlines_retrigger(
            motion=motion,
            old_date=old_due,
            new_date=deadline.due_date,
            direction=PeriodDirection.AFTER,
            actor=actor,
            _depth=_depth + 1,
        )
    return moved


# --- Default periods: the deadlines a new motion proposes -------------------------------------


@dataclass
class Proposal:
    """One deadline a motion's filing proposes, computed or with the reason it cannot be."""

    period: DefaultPeriod
    trigger_date: datetime.date | None
    computation: Computation | None
    problem: str = ""

    @property
    def key(self) -> str:
        return str(self.period.pk)

    @property
    def trigger_event(self) -> str:
        return {
            PeriodTrigger.FILED: "filing and service of the motion",
            PeriodTrigger.HEARING: "hearing on the motion",
            PeriodTrigger.RESPONSE: "the response deadline",
        }[PeriodTrigger(self.period.trigger)]


def default_periods(motion: Motion) -> list[DefaultPeriod]:
    """The most specific default periods for this motion's court and kind."""
    court = motion.case.court
    rule_set = court_rule_set(court)
    if rule_set is None:
        return []
    rows = list(
        DefaultPeriod.objects.filter(
            Q(court__isnull=True, rule_set=rule_set.value) | Q(court=court),
            motion_kind__in=["", motion.kind],
        )
    )
    for specific in (
        lambda p: p.court_id == court.pk and p.motion_kind == motion.kind,
        lambda p: p.court_id == court.pk and p.motion_kind == "",
        lambda p: p.court_id is None and p.motion_kind == motion.kind,
        lambda p: p.court_id is None and p.motion_kind == "",
    ):
        chosen = [p for p in rows if specific(p)]
        if chosen:
            return sorted(chosen, key=lambda p: (p.position, p.pk))
    return []


def deadline_proposals(motion: Motion, service_method: str) -> list[Proposal]:
    """Compute the deadlines this motion's default periods propose, in briefing order.

    A response period counts from the motion's filing (served as ``service_method``), a
    hearing period back from its hearing date, a reply from the proposed response deadline.
    """
    proposals: list[Proposal] = []
    response_due: datetime.date | None = None
    for period in default_periods(motion):
        trigger = {
            PeriodTrigger.FILED: motion.filed_date,
            PeriodTrigger.HEARING: motion.hearing_date,
            PeriodTrigger.RESPONSE: response_due,
        }[PeriodTrigger(period.trigger)]
        if trigger is None:
            missing = {
                PeriodTrigger.FILED: "the motion's filing date",
                PeriodTrigger.HEARING: "the motion's hearing date",
                PeriodTrigger.RESPONSE: "a response deadline to count from",
            }[PeriodTrigger(period.trigger)]
            proposals.append(Proposal(period, None, None, f"Needs {missing}."))
            continue
        # The motion's service extends only periods that run from it; opposition and reply
        # papers counted back from the hearing must reach the other side by the next court
        # day (CCP 1005(c)), and a reply period runs from the response, not the motion.
        service = service_method if period.trigger == PeriodTrigger.FILED else ServiceMethod.NONE
        try:
            computation = deadline_compute(
                case=motion.case,
                trigger_date=trigger,
                period_days=period.period_days,
                period_unit=period.period_unit,
                direction=period.direction,
                service_method=service,
            )
        except ValidationError as error:
            proposals.append(Proposal(period, trigger, None, " ".join(error.messages)))
            continue
        proposals.append(Proposal(period, trigger, computation))
        if period.trigger == PeriodTrigger.FILED and response_due is None:
            response_due = computation.due_date
    return proposals


@transaction.atomic
def deadlines_from_proposals(
    *,
    motion: Motion,
    service_method: str,
    chosen: set[str],
    actor: User | None = None,
) -> list[Deadline]:
    """Create the chosen proposed deadlines of a motion, all or none."""
    created = []
    for proposal in deadline_proposals(motion, service_method):
        if proposal.key not in chosen or proposal.computation is None:
            continue
        period = proposal.period
        created.append(
            deadline_set(
                case=motion.case,
                motion=motion,
                title=f"{period.title}: {motion.title}"[:300],
                kind=period.deadline_kind,
                basis=DeadlineBasis.COMPUTED,
                trigger_date=proposal.trigger_date,
                trigger_event=proposal.trigger_event,
                period_days=period.period_days,
                period_unit=period.period_unit,
                direction=period.direction,
                service_method=proposal.computation.service.value,
                rule=period.rule,
                actor=actor,
            )
        )
    return created
