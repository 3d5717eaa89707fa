"""Write one demo case, part by part, in the order that makes the draws repeat."""

from __future__ import annotations

from cases.models import Court
from cases.services.computations import court_rule_set
from demo.case.caption import caption_for
from demo.case.deadlines import deadlines_write
from demo.case.docket import docket_draw, entries_write
from demo.case.draft import CaseDraft
from demo.case.events import events_write, link_events_add
from demo.case.judges import case_judges_write
from demo.case.motions import motions_draw, motions_write
from demo.case.parties import case_parties_write
from demo.case.row import case_row_write
from demo.case.rulings import rulings_draw, rulings_write
from demo.case.status import status_history_write
from demo.courts import APPELLATE_LEVELS, SUPREME_LEVELS
from demo.heads.head import CaseHead
from demo.state import State


def _roles(head: CaseHead, appellate: bool, top: bool) -> tuple[str, str]:
    if head.case_type == "appeal" or appellate:
        return ("appellant", "appellee")
    if head.case_type == "cert_petition" or top:
        return ("petitioner", "respondent")
    return ("plaintiff", "defendant")


class CaseWriter:
    """Writes the cases of one generation, each with everything in it."""

    def __init__(self, state: State) -> None:
        self.state = state
        self.motion_number = 0  # motions written so far: index into state.anchors
        # The rule set each court computes deadlines under, as the deadline services decide it.
        self.rule_sets = [
            str(court_rule_set(Court(level=c.level, holiday_calendar=c.holiday_calendar)) or "")
            for c in state.courts
        ]

    def write(self, head: CaseHead) -> None:
        state = self.state
        court = state.courts[head.court]
        appellate, top = court.level in APPELLATE_LEVELS, court.level in SUPREME_LEVELS
        roles = _roles(head, appellate, top)
        sides, case_parties = case_parties_write(state, head, roles)
        names = [[state.parties[p].name for p in side] for side in sides]
        draft = CaseDraft(head, court, sides, case_parties, names)
        short_name, caption = caption_for(state, draft, roles)
        slug = state.unique_slug(f"{short_name} {court.code} {head.docket_number}")
        state.case_slugs[head.index] = slug
        judge_id, judge = case_judges_write(state, head, court, appellate, top)

        status_history_write(state, draft, short_name)
        docket = docket_draw(state, head)
        docket.motions = motions_draw(state, draft, docket, self.motion_number)
        self.motion_number += len(docket.motions)
        docket.rulings = rulings_draw(state, head, docket)
        entries_write(state, draft, docket, judge)
        motions_write(state, draft, docket)
        rulings_write(state, draft, docket, judge_id)
        deadlines_write(state, draft, docket.motions, self.rule_sets[head.court])
        link_events_add(state, draft)
        last = events_write(state, draft)
        case_row_write(state, draft, caption, short_name, slug, last)
