"""Dates computed from the rules with ``datetime`` alone, for the court calendars' tests."""

from __future__ import annotations

import datetime

from cases.deadlines import CourtCalendar

D = datetime.date
ONE_DAY = datetime.timedelta(days=1)
YEARS = range(2021, 2031)
MON, TUE, WED, THU, FRI, SAT, SUN = range(7)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> datetime.date:
    """The n-th ``weekday`` (0 = Monday) of the month."""
    first = D(year, month, 1)
    return first + datetime.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))


def last_weekday(year: int, month: int, weekday: int) -> datetime.date:
    last = D(year + month // 12, month % 12 + 1, 1) - ONE_DAY
    return last - datetime.timedelta(days=(last.weekday() - weekday) % 7)


def weekday_for(day: datetime.date) -> datetime.date:
    """The weekday a fixed-date holiday closes: Saturday -> Friday before, Sunday -> Monday."""
    if day.weekday() == SAT:
        return day - ONE_DAY
    if day.weekday() == SUN:
        return day + ONE_DAY
    return day


def days_of(year: int) -> list[datetime.date]:
    day, days = D(year, 1, 1), []
    while day.year == year:
        days.append(day)
        day += ONE_DAY
    return days


def names(calendar: CourtCalendar, day: datetime.date) -> list[str]:
    return [c.name for c in calendar.closures(day)]


def assert_closed_for(calendar: CourtCalendar, day: datetime.date, name: str) -> None:
    found = names(calendar, day)
    assert not calendar.is_open(day), f"{day:%a %Y-%m-%d} open, expected {name}"
    assert any(name in n for n in found), f"{day:%a %Y-%m-%d}: {found}, expected {name}"


def thanksgiving(year: int) -> datetime.date:
    return nth_weekday(year, 11, THU, 4)
