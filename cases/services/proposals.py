"""Default periods: the deadlines a new motion proposes, and entering the chosen ones."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from cases.deadlines import Computation
from cases.models import (
    Deadline,
    DeadlineBasis,
    DefaultPeriod,
    Motion,
    PeriodTrigger,
    ServiceMethod,
)
from cases.services.computations import ComputedDeadline, court_rule_set, deadline_preview
from cases.services.deadlines import deadline_set

User = AbstractBaseUser

_TRIGGER_EVENTS = {
    PeriodTrigger.FILED: "filing and service of the motion",
    PeriodTrigger.HEARING: "hearing on the motion",
    PeriodTrigger.RESPONSE: "the response deadline",
}
_MISSING_TRIGGERS = {
    PeriodTrigger.FILED: "the motion's filing date",
    PeriodTrigger.HEARING: "the motion's hearing date",
    PeriodTrigger.RESPONSE: "a response deadline to count from",
}


@dataclass
class Proposal:
    """One deadline a motion's filing proposes, computed or with the reason it cannot be."""

    motion: Motion
    period: DefaultPeriod
    trigger_date: datetime.date | None
    computed: ComputedDeadline | None
    problem: str = ""

    @property
    def computation(self) -> Computation | None:
        return self.computed.computation if self.computed else None

    @property
    def key(self) -> str:
        return str(self.period.pk)

    @property
    def title(self) -> str:
        """Return the title the proposed deadline is entered under."""
        return f"{self.period.title}: {self.motion.title}"[:300]

    @property
    def trigger_event(self) -> str:
        return _TRIGGER_EVENTS[PeriodTrigger(self.period.trigger)]


def default_periods(motion: Motion) -> list[DefaultPeriod]:
    """Return the most specific default periods for this motion's court and kind."""
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
            missing = _MISSING_TRIGGERS[PeriodTrigger(period.trigger)]
            proposals.append(Proposal(motion, period, None, None, f"Needs {missing}."))
            continue
        # The motion's service extends only periods that run from it; opposition and reply
        # papers counted back from the hearing must reach the other side by the next court
        # day (CCP 1005(c)), and a reply period runs from the response, not the motion.
        service = service_method if period.trigger == PeriodTrigger.FILED else ServiceMethod.NONE
        inputs = {
            "trigger_date": trigger,
            "period_days": period.period_days,
            "period_unit": period.period_unit,
            "direction": period.direction,
            "service_method": service,
            "from_judgment": False,
        }
        try:
            computed = deadline_preview(case=motion.case, values=inputs)
        except ValidationError as error:
            proposals.append(Proposal(motion, period, trigger, None, " ".join(error.messages)))
            continue
        proposals.append(Proposal(motion, period, trigger, computed))
        if period.trigger == PeriodTrigger.FILED and response_due is None:
            response_due = computed.computation.due_date
    return proposals


def proposal_service_method(value: str | None) -> tuple[str, str]:
    """Return the service method a proposals page computes with, and the problem with ``value``.

    No value means electronic service; an unknown one is named, and electronic service assumed.
    """
    service = value or ServiceMethod.ELECTRONIC
    if service not in ServiceMethod.values:
        problem = f"Unknown service method {service!r}: electronic service is assumed."
        return ServiceMethod.ELECTRONIC, problem
    return service, ""


def proposal_rows(motion: Motion, service_method: str) -> list[dict[str, Any]]:
    """Return the motion's proposals, each with its title and whether it is entered already.

    A proposal counts as entered when the motion has a deadline of its title.
    """
    existing = set(motion.deadlines.values_list("title", flat=True))
    return [
        {"proposal": p, "title": p.title, "entered": p.title in existing}
        for p in deadline_proposals(motion, service_method)
    ]


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
        if proposal.key not in chosen or proposal.computed is None:
            continue
        period = proposal.period
        created.append(
            deadline_set(
                case=motion.case,
                motion=motion,
                title=proposal.title,
                kind=period.deadline_kind,
                basis=DeadlineBasis.COMPUTED,
                trigger_date=proposal.trigger_date,
                trigger_event=proposal.trigger_event,
                period_days=period.period_days,
                period_unit=period.period_unit,
                direction=period.direction,
                service_method=proposal.computed.computation.service.value,
                rule=period.rule,
                actor=actor,
                computed=proposal.computed,
            )
        )
    return created
