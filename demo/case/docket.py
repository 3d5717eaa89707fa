"""The docket of a demo case: the entries' dates and ids, then their text and events."""

from __future__ import annotations

import datetime

from demo import texts
from demo.case.draft import CaseDraft, Docket
from demo.copyfiles import ISO, NULL, moment, text
from demo.heads.head import CaseHead
from demo.state import DAYS, State


def docket_draw(state: State, head: CaseHead) -> Docket:
    """Return the case's entries: the opening one, then dates from filing to its end (the last
    one on the closing day of a closed case), with their ids."""
    rng, n = state.rng, head.entries
    span = (head.end - head.filed).days
    draw, width = rng.random, span + 1
    offsets = sorted([int(draw() * width) for _ in range(n - 1)])
    closing = -1
    if head.closed is not None and n > 1:
        offsets[-1] = span
        closing = n - 1
    dates = [head.filed] + [head.filed + DAYS[o] for o in offsets]
    entry_ids = [state.next_id("cases_docketentry") for _ in range(n)]
    return Docket(dates, entry_ids, closing)


class _Texts:
    """The text of each entry of one case: opening, closing, motion, ruling or other."""

    def __init__(self, state: State, draft: CaseDraft, docket: Docket, judge: str) -> None:
        names = draft.names
        self.state, self.head, self.docket, self.judge = state, draft.head, docket, judge
        self.first, self.second = ", ".join(names[0][:2]), ", ".join(names[1][:2])
        self.everyone = names[0] + names[1]
        self.motion_at = {m["position"]: m for m in docket.motions}
        self.ruling_at = {r[2]: r for r in docket.rulings if r[2] is not None}

    def body(self, position: int, when: datetime.date) -> str:
        rng, judge, first, second = self.state.rng, self.judge, self.first, self.second
        signed = f"{when:%m/%d/%Y}"
        if position == 0:
            body = texts.OPENING_ENTRY[self.head.case_type].format(first=first, second=second)
        elif position == self.docket.closing:
            body = texts.CLOSING_ENTRY[self.head.status].format(
                first=first, second=second, judge=judge, date=signed
            )
        elif position in self.motion_at:
            motion = self.motion_at[position]
            body = f"{motion['label'].upper()} filed by {motion['mover']}."
        elif position in self.ruling_at:
            parts = [
                f"{texts.OUTCOME_VERBS[outcome]} [{m['position'] + 1}] {m['label']}"
                for m, outcome in self.ruling_at[position][3]
            ]
            body = f"ORDER {'; '.join(parts)}. Signed by Judge {judge} on {signed}."
        else:
            body = rng.choice(texts.ENTRY_TEMPLATES).format(
                attorney=self.state.person(), party=rng.choice(self.everyone), judge=judge,
                date=signed,
            )  # fmt: skip
        return f"{body} Re: {self.state.zipf.phrase(rng, 3, 9)}."


def entries_write(state: State, draft: CaseDraft, docket: Docket, judge: str) -> None:
    """Write the case's docket entries, each with the event that reports it."""
    table = state.tables["cases_docketentry"]
    case_id = str(draft.head.case_id)
    bodies = _Texts(state, draft, docket, judge)
    for position, when in enumerate(docket.dates):
        body = bodies.body(position, when)
        entry_id = str(docket.entry_ids[position])
        table.add(
            entry_id, str(position + 1), ISO[when], text(body), "", "", moment(when), case_id,
        )  # fmt: skip
        draft.events.append(
            ("docket_entry_added", when, f"Docket entry {position + 1}: {body}"[:500], "{}",
             NULL, entry_id, NULL, NULL, NULL)
        )  # fmt: skip
