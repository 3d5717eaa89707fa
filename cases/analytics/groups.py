"""One group of motions (a kind, a court, a judge, or all of them) as the page states it.

Every figure comes with its denominator: "12 of 40 decided motions granted (30%)"; pending and
withdrawn motions are counted apart from the decided ones. What the page prints is worked out
once per group shown, when first asked for (the CSV of every judge needs only the numbers).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Any

from cases.analytics.outcomes import APART, DECIDED, HEADINGS, LABELS, PHRASES

NBSP = "\u00a0"  # "12 of 40" is not broken across lines


def percent(count: int, of: int) -> str:
    """Return ``count`` as a whole percentage of ``of`` ("30%"), "" when ``of`` is 0."""
    return f"{100 * count / of:.0f}%" if of else ""


def days(value: float | None) -> str:
    """Return a number of days as the page prints it: "45", "45.5", "" when unknown."""
    if value is None:
        return ""
    return f"{value:.1f}".removesuffix(".0")


@dataclass(frozen=True)
class Cell:
    outcome: str
    label: str
    heading: str
    count: int
    share: str  # "30%", "" when nothing was decided
    text: str  # "12 of 40 (30%)"
    sentence: str  # "12 of 40 decided motions granted (30%)"


class Group:
    """A group's counts; ``key`` is what the CSV names it by (a kind, a court code, a judge id)."""

    def __init__(self, row: dict[str, Any], *, label: str, key: str, url: str = "") -> None:
        self.label, self.key, self.url = label, key, url
        self.counts = {name: int(row.get(name) or 0) for name in ("motions", *DECIDED, *APART)}
        self.counts["timed"] = int(row.get("timed") or 0)
        self.q1, self.median, self.q3 = row.get("q1"), row.get("median"), row.get("q3")
        self.decided = sum(self.counts[status] for status in DECIDED)

    @property
    def motions(self) -> int:
        return self.counts["motions"]

    @property
    def pending(self) -> int:
        return self.counts["pending"]

    @property
    def withdrawn(self) -> int:
        return self.counts["withdrawn"]

    @property
    def timed(self) -> int:
        return self.counts["timed"]

    @cached_property
    def cells(self) -> list[Cell]:
        """Each decided outcome with its count, share and sentence."""
        decided, cells = self.decided, []
        for status in DECIDED:
            count = self.counts[status]
            share = percent(count, decided)
            sentence = f"{count} of {decided} decided motions {PHRASES[status]}"
            cells.append(
                Cell(
                    outcome=str(status),
                    label=LABELS[status],
                    heading=HEADINGS[status],
                    count=count,
                    share=share,
                    text=f"{count} of {decided} ({share})" if decided else "0",
                    sentence=f"{sentence} ({share})" if decided else sentence,
                )
            )
        return cells

    @cached_property
    def row(self) -> list[str]:
        """The table cells between the group's name and its days to ruling: decided, each
        outcome, pending, withdrawn."""
        outcomes = [cell.text.replace(" of ", f"{NBSP}of{NBSP}", 1) for cell in self.cells]
        return [str(self.decided), *outcomes, str(self.pending), str(self.withdrawn)]

    @property
    def timing(self) -> str:
        """ "45 (20–90), n=38": the median and quartiles of the days to ruling, and of how many."""
        if not self.timed:
            return "no dated rulings"
        return f"{days(self.median)} ({days(self.q1)}–{days(self.q3)}), n={self.timed}"

    @property
    def timing_sentence(self) -> str:
        if not self.timed:
            return "No decided motion here has both a filing date and a dated ruling."
        return (
            f"Days from filing to ruling, over the {self.timed} decided motions with both "
            f"dates: median {days(self.median)}, quartiles {days(self.q1)} and {days(self.q3)}."
        )


def group_from(row: dict[str, Any], *, label: str, key: str, url: str = "") -> Group:
    """Build a group from a row of counts (the summary's, or a live query's)."""
    return Group(row, label=label, key=key, url=url)
