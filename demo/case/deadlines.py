"""The deadlines of a demo case: set by order, or computed from a motion by the engine."""

from __future__ import annotations

import bisect
import datetime
import json
from dataclasses import dataclass

from demo import texts
from demo.case.briefing import briefing_period, computed
from demo.case.draft import CaseDraft, Motion
from demo.copyfiles import ISO, NULL, day, moment, text
from demo.draws import pick
from demo.state import DAYS, State


@dataclass
class _Deadline:
    """The fields of one deadline; a computed one also has its trigger, period and rule."""

    kind: str
    title: str
    due: datetime.date
    due_time: str = NULL
    basis: str = "set_by_order"
    trigger: datetime.date | None = None
    period: int | None = None
    unit: str = "calendar"
    direction: str = "after"
    trigger_event: str = ""
    earliest: datetime.date | None = None
    rule: str = ""
    explanation: str = ""
    computed_under: str = ""


class _CaseDeadlines:
    """What the deadlines of one case are drawn from: its dates, its motions and rule set."""

    def __init__(
        self, state: State, draft: CaseDraft, motions: list[Motion], rule_set: str
    ) -> None:
        head, today = draft.head, state.today
        self.state, self.draft, self.rule_set = state, draft, rule_set
        # From a year ago (or the filing) to a year ahead (or the closing, or today).
        low = max(head.filed, today - DAYS[365])
        self.high = today + DAYS[365] if head.closed is None else min(head.end, today)
        self.low = min(low, self.high)
        self.motions = motions
        self.motion_dates = [m["date"] for m in motions]

    def motion_for(self, target: datetime.date) -> Motion | None:
        """Return a motion filed in the 90 days before ``target`` (about half the time)."""
        motions, dates = self.motions, self.motion_dates
        if motions and self.state.rng.random() < 0.45:
            at = bisect.bisect_right(dates, target) - 1
            if at >= 0 and (target - dates[at]).days <= 90:
                return motions[at]
        return None

    def on_motion(self, motion: Motion, target: datetime.date) -> _Deadline:
        """Return a response, reply or hearing on ``motion``, computed where the rules allow."""
        rng, rule_set = self.state.rng, self.rule_set
        kind = pick(rng, texts.MOTION_DEADLINE_KINDS)
        title = {
            "response": f"Opposition to {motion['title']} due",
            "reply": f"Reply in support of {motion['title']} due",
            "hearing": f"Hearing on {motion['title']}",
        }[kind]
        deadline = _Deadline(kind, title, target)
        if kind == "hearing":
            deadline.due_time = rng.choice(texts.HEARING_TIMES)
            if motion["hearing"] is not None and motion["hearing"] >= self.low:
                deadline.due = motion["hearing"]
        elif rule_set and rng.random() < 0.6:
            spec = briefing_period(rule_set, kind, motion)
            state = self.draft.court.state
            result = spec and computed(*spec[:2], rule_set, spec[3], spec[2], state)
            if spec and result and result[0] >= self.low:
                deadline.trigger, deadline.period, deadline.unit = spec[:3]
                deadline.direction, deadline.trigger_event = spec[3:]
                deadline.due, deadline.earliest, deadline.rule, deadline.explanation = result
                deadline.basis, deadline.computed_under = "computed", rule_set
        return deadline

    def other(self, target: datetime.date) -> _Deadline:
        """Return a deadline set by order: discovery, a filing, a hearing, an appeal's."""
        rng = self.state.rng
        kind = pick(rng, texts.OTHER_DEADLINE_KINDS)
        deadline = _Deadline(kind, rng.choice(texts.DEADLINE_TITLES[kind]), target)
        if kind == "hearing":
            deadline.due_time = rng.choice(texts.HEARING_TIMES)
        elif rng.random() < 0.15:
            deadline.due_time = "17:00:00"
        return deadline


def _status(state: State, draft: CaseDraft, due: datetime.date) -> str:
    rng, today = state.rng, state.today
    if draft.head.closed is not None:
        return "vacated" if due > today else pick(rng, texts.CLOSED_CASE)
    return pick(rng, texts.AHEAD if due > today else texts.PAST)


def _status_event(
    state: State, draft: CaseDraft, deadline: _Deadline, deadline_id: str, status: str,
    set_on: datetime.date,
) -> None:  # fmt: skip
    """Report a deadline met, vacated or extended (moved from an earlier date)."""
    due, title = deadline.due, deadline.title
    latest = min(state.today, draft.head.end)
    if status in ("met", "vacated"):
        on = min(due, latest) if status == "met" else state.between(set_on, min(due, latest))
        draft.events.append(
            (f"deadline_{status}", on, f"Deadline {status}: {title}"[:500],
             json.dumps({"from": "open", "to": status, "reason": ""}),
             deadline_id, NULL, NULL, NULL, NULL)
        )  # fmt: skip
    elif status == "extended":
        before = due - DAYS[state.rng.randint(7, 30)]
        on = state.between(set_on, min(before, latest))
        moved = f"from {ISO[before]} to {ISO[due]}"
        draft.events.append(
            ("deadline_moved", on,
             f"Deadline moved: {title}, {moved} (extended by order)"[:500],
             json.dumps({"from": ISO[before], "to": ISO[due], "reason": "extended by order"}),
             deadline_id, NULL, NULL, NULL, NULL)
        )  # fmt: skip


def deadlines_write(state: State, draft: CaseDraft, motions: list[Motion], rule_set: str) -> None:
    """Write the case's deadlines, each with the events that set it and met, vacated or moved
    it; ``rule_set``: the one its court computes deadlines under ("" for none)."""
    head, today = draft.head, state.today
    table = state.tables["cases_deadline"]
    case_id = str(head.case_id)
    draws = _CaseDeadlines(state, draft, motions, rule_set)
    for _ in range(head.deadlines):
        target = state.between(draws.low, draws.high)
        deadline_id = str(state.next_id("cases_deadline"))
        motion = draws.motion_for(target)
        d = draws.on_motion(motion, target) if motion is not None else draws.other(target)
        status = _status(state, draft, d.due)
        # Set some weeks or months before it falls due (and not after today).
        set_on = state.between(max(head.filed, d.due - DAYS[400]), min(today, head.end, d.due))
        table.add(
            deadline_id, text(d.title[:300]), d.kind, ISO[d.due], d.due_time, d.basis,
            day(d.trigger), text(d.rule[:200]), text(d.explanation), status, "", moment(set_on),
            case_id, str(motion["id"]) if motion is not None else NULL, d.direction,
            day(d.earliest), "f", str(d.period) if d.period else NULL, d.unit, d.computed_under,
            "none", d.trigger_event,
        )  # fmt: skip
        when = ISO[d.due] + (f" {d.due_time[:5]}" if d.due_time != NULL else "")
        draft.events.append(
            ("deadline_set", set_on, f"Deadline set: {d.title}, due {when}"[:500], "{}",
             deadline_id, NULL, NULL, NULL, NULL)
        )  # fmt: skip
        _status_event(state, draft, d, deadline_id, status, set_on)
