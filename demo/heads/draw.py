"""The heads of the demo cases: each one's type, court, dates, status and docket number."""

from __future__ import annotations

import datetime
import itertools

from demo import texts
from demo.courts import FEDERAL_DISTRICT, REVIEW_LEVELS
from demo.draws import pick
from demo.heads.docket_numbers import docket_number
from demo.heads.head import CaseHead
from demo.state import State

Members = dict[str, tuple[list[int], list[float]]]


def _courts_by_level(state: State) -> Members:
    """Return each level's courts (indexes into ``state.courts``) and cumulative weights."""
    by_level: Members = {}
    for level in sorted({c.level for c in state.courts}):
        members = [i for i, c in enumerate(state.courts) if c.level == level]
        by_level[level] = (
            members,
            list(itertools.accumulate(state.courts[i].weight for i in members)),
        )
    return by_level


def _type_and_court(state: State, by_level: Members, big: bool) -> tuple[str, str, int]:
    """Return a case's type, its court's level and its court."""
    rng = state.rng
    case_type = "mdl" if big else pick(rng, texts.CASE_TYPES)
    levels = [(lv, w) for lv, w in texts.COURT_LEVELS_FOR_TYPE[case_type] if lv in by_level]
    if big or not levels:  # (a small court selection may lack a level)
        case_type = case_type if big else "civil"
        levels = [(FEDERAL_DISTRICT, 1)]
    level = rng.choices([lv for lv, _ in levels], weights=[w for _, w in levels])[0]
    members, cumulative = by_level[level]
    return case_type, level, rng.choices(members, cum_weights=cumulative)[0]


def _dates_and_status(
    state: State, level: str, big: bool
) -> tuple[datetime.date, str, datetime.date | None]:
    """Return a case's filing date, status and closing date (None while it is open)."""
    rng, today = state.rng, state.today
    if big:
        filed = today - datetime.timedelta(days=rng.randint(5 * 365, 8 * 365))
    else:
        filed = today - datetime.timedelta(days=int(3650 * rng.random() ** 1.6))
    appellate = level in REVIEW_LEVELS
    if big:
        status = "active"
    else:
        status = pick(rng, texts.APPELLATE_STATUSES if appellate else texts.TRIAL_STATUSES)
    closed = None
    if status in texts.CLOSING_STATUSES:
        length = int(rng.expovariate(1 / (240 if appellate else 520)))
        closed = filed + datetime.timedelta(days=length)
        if closed > state.today:  # it would close after today: still going
            status, closed = "active", None
    return filed, status, closed


def heads_draw(state: State) -> None:
    """Decide the type, court, dates, status and docket number of every case."""
    rng, plan = state.rng, state.plan
    by_level = _courts_by_level(state)
    big_at = set(rng.sample(range(plan.cases), len(plan.big_cases)))
    serial: dict[tuple[int, int], int] = {}
    for index in range(plan.cases):
        big = index in big_at
        case_type, level, court = _type_and_court(state, by_level, big)
        filed, status, closed = _dates_and_status(state, level, big)
        key = (court, filed.year)
        serial[key] = serial.get(key, 0) + 1
        docket = docket_number(state.courts[court], case_type, filed, serial[key])
        state.heads.append(
            CaseHead(
                index=index,
                case_id=state.next_id("cases_case"),
                case_type=case_type,
                court=court,
                filed=filed,
                status=status,
                closed=closed,
                end=closed or state.today,
                docket_number=docket,
                big=big,
            )
        )
