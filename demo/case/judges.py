"""The judges of a demo case: a panel on appeal, else a presiding judge (and a magistrate)."""

from __future__ import annotations

from demo import texts
from demo.copyfiles import NULL
from demo.courts import CourtData
from demo.heads.head import CaseHead
from demo.state import State


def case_judges_write(
    state: State, head: CaseHead, court: CourtData, appellate: bool, top: bool
) -> tuple[str, str]:
    """Write the case's judges; return the presiding (or first panel) judge's id and name."""
    rng = state.rng
    table = state.tables["cases_casejudge"]
    court_judges = state.judges[head.court]
    case_id = str(head.case_id)
    if top:  # the whole court sits; orders are signed by the clerk for the court
        return NULL, court_judges[0][1]
    if appellate:
        panel = rng.sample(court_judges, min(3, len(court_judges)))
        for judge_id, _name, _title in panel:
            table.add(str(state.next_id("cases_casejudge")), "panel", case_id, str(judge_id))
        return str(panel[0][0]), panel[0][1]
    judges = [j for j in court_judges if j[2] != texts.MAGISTRATE]
    judge_id, name, _title = rng.choice(judges)
    table.add(str(state.next_id("cases_casejudge")), "presiding", case_id, str(judge_id))
    magistrates = [j for j in court_judges if j[2] == texts.MAGISTRATE]
    if magistrates and rng.random() < 0.35:
        magistrate = rng.choice(magistrates)[0]
        table.add(str(state.next_id("cases_casejudge")), "magistrate", case_id, str(magistrate))
    return str(judge_id), name
