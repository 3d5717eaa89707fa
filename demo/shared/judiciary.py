"""The demo courts and the judges of each."""

from __future__ import annotations

from demo import texts
from demo.copyfiles import NULL, text
from demo.courts import FEDERAL_DISTRICT, select_courts
from demo.state import State


def courts_and_judges_write(state: State) -> None:
    """Write the plan's courts (each appealing to a chosen court) and each court's judges."""
    state.courts = select_courts(state.plan.courts)
    state.court_ids = [state.next_id("cases_court") for _ in state.courts]
    by_code = {c.code: court_id for c, court_id in zip(state.courts, state.court_ids, strict=True)}
    courts, judges = state.tables["cases_court"], state.tables["cases_judge"]
    for court, court_id in zip(state.courts, state.court_ids, strict=True):
        courts.add(
            str(court_id), court.code, text(court.name), text(court.short_name), court.level,
            court.state, court.time_zone, court.holiday_calendar,
            str(by_code[court.appeals_to]) if court.appeals_to else NULL,
        )  # fmt: skip
    for court, court_id in zip(state.courts, state.court_ids, strict=True):
        names: set[str] = set()
        while len(names) < texts.JUDGES_PER_COURT[court.level]:
            names.add(state.person())
        court_judges = []
        for n, name in enumerate(sorted(names)):
            title = texts.JUDGE_TITLES[court.level]
            if court.level == FEDERAL_DISTRICT and n % 4 == 3:
                title = texts.MAGISTRATE
            judge_id = state.next_id("cases_judge")
            judges.add(str(judge_id), text(name), title, str(court_id))
            court_judges.append((judge_id, name, title))
        state.rng.shuffle(court_judges)
        state.judges.append(court_judges)
