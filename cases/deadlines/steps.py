"""How a computation explains itself: cited steps, and the words they name days with."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from cases.deadlines.calendars import WEEKDAY_NAMES


@dataclass(frozen=True)
class Step:
    text: str
    citation: str = ""

    def __str__(self) -> str:
        return f"{self.text} [{self.citation}]" if self.citation else self.text


def day_label(day: datetime.date) -> str:
    return f"{WEEKDAY_NAMES[day.weekday()][:3]} {day:%Y-%m-%d}"


def plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def skipping(skipped: list[str]) -> str:
    return f" Holidays skipped: {', '.join(skipped)}." if skipped else ""
