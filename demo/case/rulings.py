"""The rulings of a demo case: each decides a motion (and often earlier ones still pending)."""

from __future__ import annotations

import itertools
import json

from cases.models import Outcome
from demo import texts
from demo.case.draft import CaseDraft, Docket, Motion, Ruling
from demo.copyfiles import ISO, NULL, moment, text
from demo.draws import pick
from demo.heads.head import CaseHead
from demo.state import State

OUTCOME_LABELS = {o.value: o.label.upper() for o in Outcome}


def _decided(state: State, motions: list[Motion], j: int) -> list[tuple[Motion, str]]:
    """Return the motions the ruling on ``motions[j]`` decides, with their outcomes."""
    rng = state.rng
    decided = [(motions[j], pick(rng, texts.OUTCOMES))]
    # The same order often disposes of earlier motions still pending.
    for earlier in reversed(motions[:j]):
        if earlier["anchor"] or earlier["status"] is not None:
            continue
        if rng.random() >= (0.3 if len(decided) == 1 else 0.1):
            break
        decided.append((earlier, pick(rng, texts.JOINED_OUTCOMES)))
    for decided_motion, outcome in decided:
        decided_motion["status"] = outcome
    return decided


def rulings_draw(state: State, head: CaseHead, docket: Docket) -> list[Ruling]:
    """Return the rulings that decide the case's anchor motions, each on a later free entry
    when there is one."""
    rng, n, motions = state.rng, head.entries, docket.motions
    rulings = []
    for j, motion in enumerate(motions):
        if not motion["anchor"]:
            continue
        decided = _decided(state, motions, j)
        position = motion["position"]
        start = min(n - 1, position + 1 + int(rng.expovariate(1 / 6)))
        entry = next(
            (
                p
                for p in itertools.chain(range(start, n), range(position + 1, start))
                if p not in docket.used
            ),
            None,
        )
        if entry is not None:
            docket.used.add(entry)
            when = docket.dates[entry]
        else:
            when = state.later(motion["date"], 7, 90, head.end)
        rulings.append((state.next_id("cases_ruling"), when, entry, decided))
    return rulings


def rulings_write(state: State, draft: CaseDraft, docket: Docket, judge_id: str) -> None:
    """Write the case's rulings and the motions each decides, with their events."""
    rng, zipf, events = state.rng, state.zipf, draft.events
    table, decisions = state.tables["cases_ruling"], state.tables["cases_rulingmotion"]
    case_id = str(draft.head.case_id)
    for ruling_id, when, entry, decided in docket.rulings:
        kind = pick(rng, texts.RULING_KINDS)
        what = " and ".join(
            f"{texts.OUTCOME_VERBS[outcome]} {m['label']}" for m, outcome in decided
        )
        title = f"{texts.RULING_TITLE_START[kind]} {what}"
        if kind == "judgment":
            title += "; judgment entered"
        title = title[:300]
        citation = f"{when.year} WL {rng.randint(100000, 9999999)}" if kind == "opinion" else ""
        summary = f"The court {zipf.phrase(rng, 15, 35)}."
        table.add(
            str(ruling_id), ISO[when], "", kind, text(title), text(summary), citation,
            "", "", moment(when), case_id,
            str(docket.entry_ids[entry]) if entry is not None else NULL, judge_id,
        )  # fmt: skip
        events.append(
            ("ruling_entered", when, f"Ruling: {title}"[:500], "{}",
             NULL, NULL, NULL, str(ruling_id), NULL)
        )  # fmt: skip
        for motion, outcome in decided:
            decisions.add(
                str(state.next_id("cases_rulingmotion")), outcome, str(motion["id"]),
                str(ruling_id),
            )  # fmt: skip
            events.append(
                ("motion_decided", when,
                 f"{motion['title']}: {OUTCOME_LABELS[outcome]}"[:500],
                 json.dumps({"outcome": outcome}),
                 NULL, NULL, str(motion["id"]), str(ruling_id), NULL)
            )  # fmt: skip
