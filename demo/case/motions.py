"""The motions of a demo case: each on a docket entry of its own, filed by a party of a side."""

from __future__ import annotations

import json

from cases.models import MotionStatus
from demo import texts
from demo.case.draft import CaseDraft, Docket, Motion
from demo.case.parties import short_name
from demo.copyfiles import ISO, NULL, day, moment, text
from demo.courts import (
    APPELLATE_LEVELS,
    FEDERAL_DISTRICT,
    STATE_TRIAL,
    SUPREME_LEVELS,
    TRIAL_LEVELS,
    CourtData,
)
from demo.heads.head import CaseHead
from demo.state import DAYS, State

MOTION_STATUS_LABELS = {s.value: s.label.upper() for s in MotionStatus}


def _motion_kinds(head: CaseHead, court: CourtData) -> list[tuple[str, float]]:
    if court.level in SUPREME_LEVELS:
        return texts.MOTION_KINDS["cert_petition"]
    if court.level in APPELLATE_LEVELS:
        return texts.MOTION_KINDS["appeal"]
    kinds = list(texts.MOTION_KINDS["trial"])
    if head.case_type in ("class_action", "mdl"):
        kinds += texts.MOTION_KINDS["class"]
    if court.level == FEDERAL_DISTRICT:
        kinds += texts.MOTION_KINDS["federal_trial"]
    if court.state == "CA" and court.level == STATE_TRIAL:
        kinds += texts.MOTION_KINDS["california_trial"]
    return kinds


def motions_draw(state: State, draft: CaseDraft, docket: Docket, first: int) -> list[Motion]:
    """Return the case's motions, on entries of their own (``first``: the number of motions
    drawn before, which indexes ``state.anchors``)."""
    rng, head = state.rng, draft.head
    n = head.entries
    eligible = [p for p in range(1, n) if p != docket.closing]
    positions = sorted(rng.sample(eligible, head.motions))
    docket.used.update(positions)
    docket.used.add(docket.closing)
    kinds = _motion_kinds(head, draft.court)
    kind_values, kind_weights = [k for k, _ in kinds], [w for _, w in kinds]
    motions: list[Motion] = []
    for number, position in enumerate(positions, start=first):
        kind = rng.choices(kind_values, weights=kind_weights)[0]
        side = texts.MOTION_SIDE.get(kind, rng.randint(0, 1))
        mover = rng.randrange(len(draft.sides[side]))
        label = rng.choice(texts.MOTION_TITLES[kind])
        motions.append(
            {
                "id": state.next_id("cases_motion"),
                "kind": kind,
                "label": label,
                "title": f"{short_name(state, draft.sides[side][mover])}'s {label}"[:300],
                "position": position,
                "date": docket.dates[position],
                "mover": draft.names[side][mover],
                "case_party": draft.case_parties[side][mover],
                "anchor": state.anchors[number],
                "status": None,
                "hearing": None,
            }
        )
    return motions


def _undecided_status(state: State, draft: CaseDraft, motion: Motion) -> None:
    """Set the status of a motion no ruling decides, with the event that reports it."""
    rng, head = state.rng, draft.head
    if head.closed is not None:
        status = rng.choices(["moot", "withdrawn"], weights=[60, 40])[0]
    else:
        status = rng.choices(["pending", "withdrawn", "unknown"], [85, 10, 5])[0]
    motion["status"] = status
    if status != "pending":  # as motion_set_status reports it
        when = state.later(motion["date"], 5, 120, head.end)
        draft.events.append(
            ("motion_decided", when,
             f"{motion['title']}: {MOTION_STATUS_LABELS[status]}"[:500],
             json.dumps({"status": status, "note": ""}),
             NULL, NULL, str(motion["id"]), NULL, NULL)
        )  # fmt: skip


def motions_write(state: State, draft: CaseDraft, docket: Docket) -> None:
    """Write the case's motions and movants, with the events that report them."""
    rng, zipf, head = state.rng, state.zipf, draft.head
    table, movants = state.tables["cases_motion"], state.tables["cases_motion_movants"]
    case_id = str(head.case_id)
    hearings = draft.court.level in TRIAL_LEVELS
    for motion in docket.motions:
        motion_id = str(motion["id"])
        if hearings and rng.random() < 0.4:
            motion["hearing"] = motion["date"] + DAYS[rng.randint(21, 63)]
        summary = f"{motion['mover']} asks the court for relief on {zipf.phrase(rng, 8, 22)}."
        draft.events.append(
            ("motion_filed", motion["date"],
             f"Motion filed by {motion['mover']}: {motion['title']}"[:500], "{}",
             NULL, NULL, motion_id, NULL, NULL)
        )  # fmt: skip
        if motion["status"] is None:  # not decided by a ruling
            _undecided_status(state, draft, motion)
        table.add(
            motion_id, motion["kind"], text(motion["title"]), ISO[motion["date"]],
            motion["status"], text(summary), "", moment(motion["date"]), case_id,
            str(docket.entry_ids[motion["position"]]), day(motion["hearing"]),
        )  # fmt: skip
        movants.add(
            str(state.next_id("cases_motion_movants")), motion_id, str(motion["case_party"])
        )
