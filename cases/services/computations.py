"""Computing a deadline from a court rule: the rule set of a court, and one computation per save.

The admin's form computes a deadline to preview and check it; the ``ComputedDeadline`` it gets
back is handed to ``deadline_set`` or ``deadline_update``, which store it instead of running the
engine again (they compute only when none is given or the inputs have changed since).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError

from cases.deadlines import Computation, ComputationError, RuleSet, compute
from cases.models import (
    Case,
    Court,
    CourtLevel,
    Deadline,
    DeadlineBasis,
    HolidayCalendar,
    ServiceMethod,
)

# The fields a computation reads; changing one of them recomputes a computed deadline.
COMPUTATION_INPUTS = (
    "trigger_date",
    "period_days",
    "period_unit",
    "direction",
    "service_method",
    "from_judgment",
)

UNSUPPORTED_COURT = (
    "Deadlines can be computed for federal district courts (FRCP 6), federal courts of appeals "
    "(FRAP 26) and California courts (CCP 12-12c). {court} is none of these: enter the deadline "
    "as set by order."
)


def court_rule_set(court: Court) -> RuleSet | None:
    """Return the rule set this court's deadlines are computed under, or None when none is built."""
    if court.holiday_calendar == HolidayCalendar.CA_JUDICIAL:
        return RuleSet.CALIFORNIA
    if court.holiday_calendar == HolidayCalendar.US_FEDERAL:
        if court.level == CourtLevel.FEDERAL_DISTRICT:
            return RuleSet.FRCP
        if court.level == CourtLevel.FEDERAL_APPELLATE:
            return RuleSet.FRAP
    return None


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


def computation_inputs(deadline: Deadline) -> dict[str, Any]:
    """Return the inputs of a deadline's computation, as the deadline holds them."""
    return {f: getattr(deadline, f) for f in COMPUTATION_INPUTS}


@dataclass(frozen=True)
class ComputedDeadline:
    """A computation with the case and the inputs it was computed from."""

    case_id: int
    inputs: dict[str, Any]
    computation: Computation

    def fits(self, deadline: Deadline) -> bool:
        """Tell whether this is the computation of ``deadline`` as it now stands."""
        return self.case_id == deadline.case_id and self.inputs == computation_inputs(deadline)


def deadline_preview(*, case: Case, values: Mapping[str, Any]) -> ComputedDeadline:
    """Compute a deadline from the inputs among ``values`` (a form's), before anything is saved.

    A ValidationError names the input at fault, as ``deadline_compute``'s does.
    """
    inputs = {f: values.get(f) for f in COMPUTATION_INPUTS}
    return ComputedDeadline(case.pk, inputs, deadline_compute(case=case, **inputs))


def deadline_check_due_date(
    *,
    deadline: Deadline,
    due_date: datetime.date | None,
    changed: Iterable[str],
    computed: ComputedDeadline,
) -> None:
    """Refuse a due date typed over a computed deadline whose inputs stay the same."""
    changed = set(changed)
    if (
        deadline.pk
        and deadline.basis == DeadlineBasis.COMPUTED
        and "due_date" in changed
        and not changed & set(COMPUTATION_INPUTS)
        and due_date != computed.computation.due_date
    ):
        raise ValidationError(
            {
                "due_date": f"This deadline is computed from a court rule "
                f"({computed.computation.due_date:%Y-%m-%d}): change its trigger or period, or "
                "set its basis to 'Set by order' to enter a date by hand."
            }
        )


def computation_for(deadline: Deadline, computed: ComputedDeadline | None) -> Computation:
    """Return the computation of ``deadline``: the one given if it still fits, else a new one."""
    if computed is not None and computed.fits(deadline):
        return computed.computation
    return deadline_compute(case=deadline.case, **computation_inputs(deadline))


def computation_apply(
    deadline: Deadline, computation: Computation, previous_rule: str = ""
) -> None:
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
