"""The briefing periods of a motion's response and reply, computed by the deadline engine."""

from __future__ import annotations

import datetime
import functools

from cases.deadlines.engine import ComputationError, compute
from demo.case.draft import Motion
from demo.state import DAYS


@functools.cache
def computed(
    trigger: datetime.date, days: int, rule_set: str, direction: str, unit: str, state: str
) -> tuple[datetime.date, datetime.date | None, str, str] | None:
    """Return the engine's due date, earliest safe date, rule and explanation (None: not
    computable)."""
    try:
        result = compute(
            trigger, days, rule_set=rule_set, direction=direction, unit=unit, state=state
        )
    except ComputationError:
        return None
    return result.due_date, result.earliest_safe, result.rule, result.explanation()


def briefing_period(
    rule_set: str, kind: str, motion: Motion
) -> tuple[datetime.date, int, str, str, str] | None:
    """Return (trigger date, days, unit, direction, trigger event) of a motion's response or
    reply."""
    if rule_set == "california":  # CCP 1005(b): counted back from the hearing
        if motion["hearing"] is None:
            return None
        return motion["hearing"], 9 if kind == "response" else 5, "court", "before", "hearing"
    if rule_set == "frap":  # FRAP 27(a)(3)(A) and (a)(4)
        days = 10 if kind == "response" else 7
        return motion["date"], days, "calendar", "after", "service of the motion"
    if kind == "response":
        return motion["date"], 14, "calendar", "after", "service of the motion"
    return motion["date"] + DAYS[14], 7, "calendar", "after", "the response deadline"
