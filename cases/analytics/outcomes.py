"""What the analytics count: a motion's outcome, and the aggregates that count a group of them.

Every motion counts once, with its status. The decided ones (granted, granted in part, denied,
moot, decided with an unknown outcome) are the denominator of every percentage; pending and
withdrawn motions are counted apart. Time to ruling is in days from the motion's filing to the
ruling that decided it, for decided motions with both dates.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Aggregate, Count, FloatField, Func, IntegerField, Q

from cases.models import MotionStatus

# The decided outcomes, in the order of the bars and the table's columns.
DECIDED = (
    MotionStatus.GRANTED,
    MotionStatus.GRANTED_IN_PART,
    MotionStatus.DENIED,
    MotionStatus.MOOT,
    MotionStatus.UNKNOWN,
)
APART = (MotionStatus.PENDING, MotionStatus.WITHDRAWN)
LABELS = {
    MotionStatus.GRANTED: "Granted",
    MotionStatus.GRANTED_IN_PART: "Granted in part",
    MotionStatus.DENIED: "Denied",
    MotionStatus.MOOT: "Moot",
    MotionStatus.UNKNOWN: "Outcome unknown",
}
# A table's column headings, short (the table's caption says what they count).
HEADINGS = {
    MotionStatus.GRANTED: "Granted",
    MotionStatus.GRANTED_IN_PART: "In part",
    MotionStatus.DENIED: "Denied",
    MotionStatus.MOOT: "Moot",
    MotionStatus.UNKNOWN: "Unknown",
}
# How a sentence says it: "12 of 40 decided motions granted (30%)".
PHRASES = {
    MotionStatus.GRANTED: "granted",
    MotionStatus.GRANTED_IN_PART: "granted in part",
    MotionStatus.DENIED: "denied",
    MotionStatus.MOOT: "moot",
    MotionStatus.UNKNOWN: "decided with the outcome unknown",
}
# The bars' fills (Okabe and Ito's palette, told apart with colour-blindness too); the legend and
# each segment's <title> say the same in words.
COLOURS = {
    MotionStatus.GRANTED: "#009e73",
    MotionStatus.GRANTED_IN_PART: "#56b4e9",
    MotionStatus.DENIED: "#d55e00",
    MotionStatus.MOOT: "#8c8c8c",
    MotionStatus.UNKNOWN: "#cccccc",
}
# The columns of a group's counts, in the summary table and in every query that counts.
COUNTS = ("motions", "decided", *DECIDED, *APART, "timed")
QUARTILES = ("q1", "median", "q3")


class Percentile(Aggregate):
    """The continuous percentile ``fraction`` of the values (interpolated), NULLs left out.

    PostgreSQL's ``percentile_cont``; on SQLite the same function is registered by
    ``cases.analytics.sqlite``.
    """

    function = "percentile_cont"
    template = "%(function)s(%(fraction)s) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = FloatField()

    def __init__(self, expression: Any, *, fraction: float) -> None:
        super().__init__(expression, fraction=float(fraction))

    def as_sqlite(self, compiler: Any, connection: Any, **extra_context: Any) -> Any:
        template = "%(function)s(%(expressions)s, %(fraction)s)"
        return self.as_sql(compiler, connection, template=template, **extra_context)


class DaysBetween(Func):
    """``later - earlier`` in whole days (an integer; NULL when either is NULL)."""

    template = "(%(expressions)s)"
    arg_joiner = " - "
    output_field = IntegerField()

    def as_sqlite(self, compiler: Any, connection: Any, **extra_context: Any) -> Any:
        template = "CAST(julianday(%(expressions)s) AS INTEGER)"
        return self.as_sql(
            compiler, connection, template=template, arg_joiner=") - julianday(", **extra_context
        )


def aggregates() -> dict[str, Aggregate]:
    """Return the counts and quartiles of a group of analytics rows, by column name."""
    counted: dict[str, Aggregate] = {
        "motions": Count("pk"),
        "decided": Count("pk", filter=Q(outcome__in=DECIDED)),
    }
    for status in (*DECIDED, *APART):
        counted[str(status)] = Count("pk", filter=Q(outcome=status))
    counted["timed"] = Count("days")
    for name, fraction in zip(QUARTILES, (0.25, 0.5, 0.75), strict=True):
        counted[name] = Percentile("days", fraction=fraction)
    return counted
