"""How many rows of each kind the demo data has at a given scale."""

from __future__ import annotations

from dataclasses import dataclass

# Scale 1.
CASES = 100_000
COURTS = 200
PARTIES = 300_000
DOCKET_ENTRIES = 1_000_000
MOTIONS = 200_000
RULINGS = 100_000
DEADLINES = 300_000
USERS = 2_000
SUBSCRIPTIONS = 50_000
# The few very large dockets (MDLs), largest first; their number and sizes scale too.
BIG_CASES = (8_000, 7_000, 6_000, 5_500, 5_000)
MIN_BIG_CASE = 50
# Cases whose summary carries words.RARE_TERM.
RARE_CASES = 10
MIN_COURTS = 20
MIN_SCALE, MAX_SCALE = 0.001, 10.0


@dataclass(frozen=True)
class Plan:
    scale: float
    cases: int
    courts: int
    parties: int
    docket_entries: int
    big_cases: tuple[int, ...]
    motions: int
    rulings: int
    deadlines: int
    users: int
    subscriptions: int
    rare_cases: int


def _scaled(count: int, scale: float, minimum: int = 1) -> int:
    return max(minimum, round(count * scale))


def plan_for(scale: float) -> Plan:
    """Return the row counts at ``scale`` (1 = 100,000 cases); raise ValueError out of range."""
    if not MIN_SCALE <= scale <= MAX_SCALE:
        raise ValueError(f"The scale must be between {MIN_SCALE:g} and {MAX_SCALE:g}.")
    cases = _scaled(CASES, scale)
    big = tuple(
        _scaled(size, scale, MIN_BIG_CASE) for size in BIG_CASES[: _scaled(len(BIG_CASES), scale)]
    )
    return Plan(
        scale=scale,
        cases=cases,
        courts=min(COURTS, _scaled(COURTS, scale, MIN_COURTS)),
        parties=_scaled(PARTIES, scale),
        # Every case has at least its opening entry.
        docket_entries=max(_scaled(DOCKET_ENTRIES, scale), cases + sum(big)),
        big_cases=big,
        motions=_scaled(MOTIONS, scale),
        rulings=_scaled(RULINGS, scale),
        deadlines=_scaled(DEADLINES, scale),
        users=_scaled(USERS, scale),
        subscriptions=min(_scaled(SUBSCRIPTIONS, scale), _scaled(USERS, scale) * cases),
        rare_cases=min(cases, _scaled(RARE_CASES, scale, 2)),
    )
