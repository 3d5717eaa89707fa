"""The deadline rules where a tracked court sits: its calendar, its today, the time left."""

from __future__ import annotations

import datetime
import zoneinfo
from collections.abc import Iterable
from dataclasses import dataclass

from django.utils import timezone

from cases.deadlines.calendars import CourtCalendar, california_calendar, federal_calendar
from cases.deadlines.engine import days_remaining
from cases.models import Court, Deadline, HolidayCalendar


@dataclass(frozen=True)
class Remaining:
    """How long is left until a deadline, in calendar days and in the court's court days."""

    calendar_days: int
    court_days: int
    calendar: str

    def __str__(self) -> str:
        if self.calendar_days < 0:
            return "passed"
        court = f"{self.court_days} court day{'' if self.court_days == 1 else 's'}"
        if self.calendar_days == 0:
            return "due today"
        if self.calendar_days == 1:
            return f"due tomorrow ({court})"
        return f"in {self.calendar_days} calendar days ({court})"


def court_calendar(court: Court) -> CourtCalendar:
    """Return the calendar whose open days are this court's court days."""
    if court.holiday_calendar == HolidayCalendar.CA_JUDICIAL:
        return california_calendar()
    if court.holiday_calendar == HolidayCalendar.IL_JUDICIAL:
        return federal_calendar("IL")  # weekends, federal and Illinois state holidays
    return federal_calendar("")


def court_today(court: Court) -> datetime.date:
    """Return today's date where the court sits."""
    return timezone.now().astimezone(zoneinfo.ZoneInfo(court.time_zone)).date()


def remaining(deadline: Deadline, today: datetime.date | None = None) -> Remaining:
    """Return the time left until the deadline, from ``today`` (by default, its court's)."""
    court = deadline.case.court
    calendar = court_calendar(court)
    today = today or court_today(court)
    calendar_days, court_days = days_remaining(calendar, today, deadline.due_date)
    return Remaining(calendar_days, court_days, calendar.name)


def with_remaining(deadlines: Iterable[Deadline]) -> list[Deadline]:
    """Return the deadlines, each with ``.remaining`` set (no queries: the court is joined)."""
    rows = list(deadlines)
    today: dict[int, datetime.date] = {}  # where each court sits; a page has a few courts
    for deadline in rows:
        court = deadline.case.court
        if court.pk not in today:
            today[court.pk] = court_today(court)
        deadline.remaining = remaining(deadline, today[court.pk])
    return rows
