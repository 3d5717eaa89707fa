"""What every rule set counts with: the period asked for and a counter of open days."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from cases.deadlines.calendars import Closure, CourtCalendar
from cases.deadlines.choices import Direction, Service, Unit
from cases.deadlines.steps import Step, day_label

ONE_DAY = datetime.timedelta(days=1)


class ComputationError(ValueError):
    """The inputs cannot be computed; the message says why, for the person entering them."""


@dataclass(frozen=True)
class Period:
    """The period to count: from ``trigger``, ``days`` days in ``unit``, after or before it."""

    trigger: datetime.date
    days: int
    direction: Direction
    unit: Unit
    service: Service
    from_judgment: bool

    @property
    def after(self) -> bool:
        return self.direction == Direction.AFTER

    @property
    def step(self) -> datetime.timedelta:
        """One day in the direction of the count."""
        return ONE_DAY if self.after else -ONE_DAY


class DayCounter:
    """Counting and rolling on one calendar, noting the disputed closures it relied on."""

    def __init__(self, calendar: CourtCalendar, *, strict: bool) -> None:
        self.calendar = calendar
        self.strict = strict
        self.relied_on: dict[str, str] = {}  # disputed closure label -> why it is disputed

    def closed_because(self, day: datetime.date) -> list[Closure]:
        return [c for c in self.calendar.closures(day) if not (self.strict and c.disputed)]

    def is_open(self, day: datetime.date) -> bool:
        reasons = self.closed_because(day)
        # A day closed only for disputed reasons is one the strict reading would count.
        if reasons and all(c.disputed for c in reasons):
            for c in reasons:
                self.relied_on.setdefault(f"{day_label(day)} ({c.name})", c.disputed)
        return not reasons

    def court_days(
        self, start: datetime.date, n: int, step: datetime.timedelta
    ) -> tuple[datetime.date, list[str]]:
        """Return the n-th open day from ``start``, and the holidays (not weekends) skipped."""
        day, counted, skipped = start, 0, []
        while counted < n:
            day += step
            if self.is_open(day):
                counted += 1
            elif day.weekday() < 5:
                reasons = "; ".join(c.name for c in self.closed_because(day))
                skipped.append(f"{day_label(day)} ({reasons})")
        return day, skipped

    def roll(self, day: datetime.date, step: datetime.timedelta) -> tuple[datetime.date, list[str]]:
        """Return the first open day from ``day`` on, and the closed days passed on the way."""
        skipped = []
        while not self.is_open(day):
            reasons = "; ".join(c.name for c in self.closed_because(day))
            skipped.append(f"{day_label(day)} ({reasons})")
            day += step
        return day, skipped


# A rule set's count: the steps it explains, and the last day of the period.
Computer = Callable[[DayCounter, Period], tuple[list[Step], datetime.date]]
