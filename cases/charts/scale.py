"""The chart's geometry: a date axis, its ticks for spans of days to decades, and rows of bars.

Pure functions over dates and numbers, tested without the database.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# Tick steps, smallest first: days, then months (a year is 12).
_DAY_STEPS = (1, 2, 7, 14)
_MONTH_STEPS = (1, 2, 3, 6, 12, 24, 60, 120, 240, 600)
# An average character of the chart's sans-serif font is a little over half its size wide.
CHARACTER_WIDTH = 0.6


@dataclass(frozen=True)
class TimeScale:
    """Days from ``start`` to ``end`` mapped onto ``left`` to ``right``."""

    start: datetime.date
    end: datetime.date
    left: float
    right: float

    def x(self, day: datetime.date) -> float:
        days = (self.end - self.start).days or 1
        return self.left + (day - self.start).days * (self.right - self.left) / days


@dataclass(frozen=True)
class Tick:
    on: datetime.date
    label: str
    major: bool  # a year begins (month and year ticks), or a month (day ticks)


def domain(
    dates: Iterable[datetime.date], *, pad: float = 0.02, min_days: int = 14
) -> tuple[datetime.date, datetime.date]:
    """Return the first and last of ``dates`` widened by ``pad`` of the span on each side, and
    to at least ``min_days`` around their middle (one day, a week)."""
    days = sorted(dates)
    first, last = days[0], days[-1]
    span = (last - first).days
    if span < min_days:
        grow = min_days - span
        first -= datetime.timedelta(days=grow // 2)
        last += datetime.timedelta(days=grow - grow // 2)
        span = min_days
    margin = datetime.timedelta(days=max(1, round(span * pad)))
    return first - margin, last + margin


def _month_index(day: datetime.date) -> int:
    return day.year * 12 + day.month - 1


def _month_start(index: int) -> datetime.date:
    return datetime.date(index // 12, index % 12 + 1, 1)


def _day_ticks(start: datetime.date, end: datetime.date, step: int) -> list[Tick]:
    """Every ``step`` days (weeks from a Monday), labelled "5 Jan"; with its year when the
    year changes, and on the first tick."""
    first = start
    if step >= 7:  # weeks begin on Mondays
        first += datetime.timedelta(days=(7 - start.weekday()) % 7)
    found: list[Tick] = []
    day = first
    while day <= end:
        label = f"{day.day} {_MONTHS[day.month - 1]}"
        if not found or day.year != found[-1].on.year:
            label += f" {day.year}"
        found.append(Tick(day, label, major=day.day <= step))
        day += datetime.timedelta(days=step)
    return found


def _month_ticks(start: datetime.date, end: datetime.date, step: int) -> list[Tick]:
    """The first day of every ``step``-th month (of a year for steps of years): "2022" for a
    January, "Apr" for another month, "Apr 2021" for a first tick that is not a January."""
    index = _month_index(start) + (1 if start.day > 1 else 0)
    while index % step:
        index += 1
    found: list[Tick] = []
    while (day := _month_start(index)) <= end:
        if day.month == 1:
            found.append(Tick(day, str(day.year), major=True))
        else:
            label = _MONTHS[day.month - 1] + ("" if found else f" {day.year}")
            found.append(Tick(day, label, major=False))
        index += step
    return found


def ticks(start: datetime.date, end: datetime.date, max_ticks: int = 10) -> list[Tick]:
    """Return the axis ticks from ``start`` to ``end``: the smallest step (days, weeks,
    months, quarters, years, decades) that gives at most ``max_ticks``."""
    days = (end - start).days
    for step in _DAY_STEPS:
        if days // step + 1 <= max_ticks:
            return _day_ticks(start, end, step)
    months = _month_index(end) - _month_index(start)
    for step in _MONTH_STEPS:
        if months // step + 1 <= max_ticks:
            return _month_ticks(start, end, step)
    return _month_ticks(start, end, _MONTH_STEPS[-1])


def pack(intervals: Sequence[tuple[float, float]], gap: float = 0.0) -> list[int]:
    """Return the row of each interval (in the order given), packed greedily: by start, each
    goes into the first row whose last interval ends at least ``gap`` before it starts."""
    rows = [0] * len(intervals)
    ends: list[float] = []
    for i in sorted(range(len(intervals)), key=lambda i: intervals[i]):
        start, end = intervals[i]
        row = next((r for r, last in enumerate(ends) if last + gap <= start), len(ends))
        if row == len(ends):
            ends.append(end)
        ends[row] = end
        rows[i] = row
    return rows


def text_width(text: str, size: float) -> float:
    """Return about how wide ``text`` is at font size ``size``."""
    return len(text) * size * CHARACTER_WIDTH
