"""Deadline computation under FRCP 6, FRAP 26 and the California Code of Civil Procedure.

``compute()`` is pure: dates in, a ``Computation`` out, with every step explained and cited.
Nothing here touches Django or the database. Each rule set's count is its own module
(``federal``, ``california``); this one checks the inputs, runs the count under the prevailing
and the strict reading of the calendar, and reports the earliest safe date where they differ.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from cases.deadlines.calendars import (
    FIRST_YEAR,
    LAST_YEAR,
    CourtCalendar,
    california_calendar,
    federal_calendar,
)
from cases.deadlines.california import california
from cases.deadlines.choices import Direction, RuleSet, Service, Unit
from cases.deadlines.counting import ComputationError, Computer, DayCounter, Period
from cases.deadlines.federal import federal
from cases.deadlines.steps import Step, day_label

MAX_DAYS = 3650

COMPUTERS: dict[RuleSet, Computer] = {
    RuleSet.FRCP: federal(RuleSet.FRCP),
    RuleSet.FRAP: federal(RuleSet.FRAP),
    RuleSet.CALIFORNIA: california,
}


@dataclass(frozen=True)
class Computation:
    """A computed deadline and how it was reached."""

    due_date: datetime.date
    trigger_date: datetime.date
    days: int
    unit: Unit
    direction: Direction
    rule_set: RuleSet
    service: Service
    steps: tuple[Step, ...]
    calendar: str
    earliest_safe: datetime.date | None = None
    earliest_safe_reason: str = ""
    disputed: tuple[str, ...] = field(default=())

    @property
    def citations(self) -> list[str]:
        return list(dict.fromkeys(s.citation for s in self.steps if s.citation))

    @property
    def rule(self) -> str:
        """The citations in one short line, for the deadline's rule column."""
        return "; ".join(self.citations)[:200]

    @property
    def period(self) -> str:
        unit = "court day" if self.unit == Unit.COURT_DAYS else "day"
        return f"{self.days} {unit}{'' if self.days == 1 else 's'} {self.direction.value}"

    def explanation(self) -> str:
        """Return the steps as numbered lines, and the earliest safe date when there is one."""
        lines = [f"{n}. {step}" for n, step in enumerate(self.steps, 1)]
        lines.append(f"Due: {day_label(self.due_date)}.")
        if self.earliest_safe:
            lines.append(
                f"Earliest safe date: {day_label(self.earliest_safe)}. {self.earliest_safe_reason}"
            )
        return "\n".join(lines)


def compute(
    trigger_date: datetime.date,
    days: int,
    *,
    rule_set: RuleSet | str,
    direction: Direction | str = Direction.AFTER,
    unit: Unit | str = Unit.CALENDAR_DAYS,
    service: Service | str = Service.NONE,
    from_judgment: bool = False,
    state: str = "",
) -> Computation:
    """Compute a deadline.

    ``trigger_date`` is the event the period runs from (service, filing, entry of judgment) or,
    for a period before an event, the event itself (usually a hearing). ``service`` is how the
    paper was (or will be) served; ``Service.NONE`` when the period does not run from service.
    ``from_judgment`` marks a period running from entry of judgment, to which FRCP 6(d) and
    FRAP 26(c) never add time. ``state`` is the state where a federal court sits.
    """
    try:
        rule_set, direction = RuleSet(rule_set), Direction(direction)
        unit, service = Unit(unit), Service(service)
    except ValueError as error:
        raise ComputationError(f"Unknown computation input: {error}.") from None
    _check(trigger_date, days)
    period = Period(trigger_date, days, direction, unit, service, from_judgment)
    run = COMPUTERS[rule_set]
    prevailing = DayCounter(_calendar(rule_set, direction, state), strict=False)
    steps, due = run(prevailing, period)
    strict = DayCounter(_calendar(rule_set, direction, state), strict=True)
    _, strict_due = run(strict, period)
    for day in (due, strict_due):
        _check_covered(day)
    earliest, reason = _earliest_safe(prevailing, due, strict_due)
    return Computation(
        due_date=due,
        trigger_date=trigger_date,
        days=days,
        unit=unit,
        direction=direction,
        rule_set=rule_set,
        service=service,
        steps=tuple(steps),
        calendar=prevailing.calendar.name,
        earliest_safe=earliest,
        earliest_safe_reason=reason,
        disputed=tuple(prevailing.relied_on),
    )


def _check(trigger: datetime.date, days: int) -> None:
    """Refuse a period that is not a whole number of days, or a trigger the calendars lack."""
    if not isinstance(days, int) or isinstance(days, bool):
        raise ComputationError("The period must be a whole number of days.")
    if days < 1:
        raise ComputationError("The period must be at least 1 day.")
    if days > MAX_DAYS:
        raise ComputationError(f"The period must be at most {MAX_DAYS} days.")
    if not FIRST_YEAR <= trigger.year <= LAST_YEAR - 11:
        raise ComputationError(
            f"The trigger date must fall between {FIRST_YEAR} and {LAST_YEAR - 11}: "
            "the court calendars are not kept outside those years."
        )


def _check_covered(day: datetime.date) -> None:
    """Refuse a period that ends where the court calendars are not kept."""
    if not FIRST_YEAR <= day.year <= LAST_YEAR:
        raise ComputationError(
            f"The period ends in {day.year}, outside the years the court calendars are kept "
            f"for ({FIRST_YEAR}-{LAST_YEAR}): enter this deadline as set by order."
        )


def _earliest_safe(
    prevailing: DayCounter, due: datetime.date, strict_due: datetime.date
) -> tuple[datetime.date | None, str]:
    """Return the strict reading's due date and why, when it comes before the prevailing one."""
    if strict_due >= due:
        return None, ""
    reason = (
        f"A stricter reading does not count {' or '.join(prevailing.relied_on)} as a legal "
        f"holiday ({'; '.join(dict.fromkeys(prevailing.relied_on.values()))}). File by "
        f"{day_label(strict_due)} to be safe."
    )
    return strict_due, reason


def _calendar(rule_set: RuleSet, direction: Direction, state: str) -> CourtCalendar:
    if rule_set == RuleSet.CALIFORNIA:
        return california_calendar()
    # State holidays count only for periods measured forward: FRCP 6(a)(6)(C), FRAP 26(a)(6)(C).
    return federal_calendar(state if direction == Direction.AFTER else "")


def days_remaining(
    calendar: CourtCalendar, today: datetime.date, due: datetime.date
) -> tuple[int, int]:
    """Return the calendar days and court days from ``today`` to ``due``.

    Court days count the open days after today up to and including the due date; a past due
    date gives negative calendar days and 0 court days.
    """
    return (due - today).days, calendar.open_days_after(today, due)
