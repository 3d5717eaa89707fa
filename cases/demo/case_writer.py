"""One demo case and everything in it, written the way the services would have written it.

- Its parties (captions are "<first plaintiff> v. <first defendant>" of its own parties), judges,
  status history and docket; each motion on a docket entry of its own.
- A ruling decides one or more motions of its own case, is dated on or after each one's filing
  (on a later docket entry when there is one), and sets each decided motion's status to its
  outcome; a motion is decided at most once. Undecided motions are pending, or withdrawn, moot
  or "unknown" with the event that reports it.
- Computed deadlines are computed by the real deadline engine (``cases.deadlines.engine``).
- Every change is in the activity log (``CaseEvent``), already dispatched, so the data alerts
  nobody; ``Case.last_activity_on`` is the date of the case's latest event.
"""

from __future__ import annotations

import bisect
import datetime
import functools
import itertools
import json
from typing import TYPE_CHECKING, Any

from cases.deadlines.engine import ComputationError, compute
from cases.demo import texts, words
from cases.demo.copyfiles import ISO, NULL, day, moment, text
from cases.demo.courts import (
    FEDERAL_APPELLATE,
    FEDERAL_DISTRICT,
    FEDERAL_SUPREME,
    JPML,
    STATE_APPELLATE,
    STATE_SUPREME,
    STATE_TRIAL,
    CourtData,
)
from cases.models import (
    LINK_INVERSE_LABELS,
    CaseStatus,
    Court,
    LinkKind,
    MotionStatus,
    Outcome,
)
from cases.services.deadlines import court_rule_set

if TYPE_CHECKING:
    from cases.demo.generator import CaseHead, Generator

SOURCE_SITE = "https://dockets.example.org"
TRIAL_LEVELS = frozenset({FEDERAL_DISTRICT, STATE_TRIAL, JPML})
_STATUS_LABELS = {s.value: s.label.lower() for s in CaseStatus}
_OUTCOME_LABELS = {o.value: o.label.upper() for o in Outcome}
_MOTION_STATUS_LABELS = {s.value: s.label.upper() for s in MotionStatus}
_NAME_SUFFIXES = (" Jr.", " Sr.", " II", " III", " IV")


class _Days(dict):
    """n -> timedelta(days=n), remembered."""

    def __missing__(self, key: int) -> datetime.timedelta:
        value = self[key] = datetime.timedelta(days=key)
        return value


_DAYS = _Days()
Event = tuple[str, datetime.date, str, str, str, str, str, str, str]


@functools.cache
def computed(
    trigger: datetime.date, days: int, rule_set: str, direction: str, unit: str, state: str
) -> tuple[datetime.date, datetime.date | None, str, str] | None:
    """The engine's due date, earliest safe date, rule and explanation (None: not computable)."""
    try:
        result = compute(
            trigger, days, rule_set=rule_set, direction=direction, unit=unit, state=state
        )
    except ComputationError:
        return None
    return result.due_date, result.earliest_safe, result.rule, result.explanation()


def briefing_period(
    rule_set: str, kind: str, motion: dict[str, Any]
) -> tuple[datetime.date, int, str, str, str] | None:
    """(trigger date, days, unit, direction, trigger event) of a motion's response or reply."""
    if rule_set == "california":  # CCP 1005(b): counted back from the hearing
        if motion["hearing"] is None:
            return None
        return motion["hearing"], 9 if kind == "response" else 5, "court", "before", "hearing"
    if rule_set == "frap":  # FRAP 27(a)(3)(A) and (a)(4)
        days = 10 if kind == "response" else 7
        return motion["date"], days, "calendar", "after", "service of the motion"
    if kind == "response":
        return motion["date"], 14, "calendar", "after", "service of the motion"
    return motion["date"] + _DAYS[14], 7, "calendar", "after", "the response deadline"


class CaseWriter:
    def __init__(self, generator: Generator) -> None:
        self.g = generator
        self.rng = generator.rng
        self.today = generator.today
        self.tables = generator.tables
        self.motion_number = 0  # motions written so far: index into generator.anchors
        # The rule set each court computes deadlines under, as the deadline services decide it.
        self.rule_sets = [
            str(court_rule_set(Court(level=c.level, holiday_calendar=c.holiday_calendar)) or "")
            for c in generator.courts
        ]

    def _later(
        self, start: datetime.date, low: int, high: int, end: datetime.date
    ) -> datetime.date:
        """A day ``low`` to ``high`` days after ``start``; if that is past ``end`` (today, or
        the case's closing), a random day from ``start`` to ``end`` instead."""
        when = start + _DAYS[self.rng.randint(low, high)]
        return when if when <= end else self.g.between(start, end)

    # -- parties -------------------------------------------------------------------------------

    def _take(self, kinds: list[tuple[str, float]], taken: set[int]) -> int:
        """A party not yet in this case: the next unused one of a kind, else any."""
        pools, rng = self.g.pools, self.rng
        kind = rng.choices([k for k, _ in kinds], weights=[w for _, w in kinds])[0]
        for name in (kind, "organization", "person", "government"):
            pool = pools[name]
            if pool and pool[-1] not in taken:
                return pool.pop()
        while True:
            party = rng.randrange(len(self.g.parties))
            if party not in taken:
                return party

    def _frequent(self, taken: set[int]) -> int | None:
        frequent, cumulative = self.g.frequent
        if not frequent:
            return None
        party = self.rng.choices(frequent, cum_weights=cumulative)[0]
        return None if party in taken else party

    def _short(self, party: int) -> str:
        """How a caption's short name calls a party: a person's surname, a company sans Inc."""
        name, kind = self.g.parties[party].name, self.g.parties[party].kind
        if kind == "person":
            for suffix in _NAME_SUFFIXES:
                name = name.removesuffix(suffix)
            return name.rsplit(" ", 1)[-1]
        for suffix in words.COMPANY_SUFFIXES:
            if name.endswith(" " + suffix):
                return name[: -len(suffix) - 1]
        return name

    def place_leftover_parties(self) -> None:
        """Parties no case took join a random case, as amicus or intervenor."""
        g = self.g
        table = self.tables["parties_caseparty"]
        for kind, pool in g.pools.items():
            for party in pool:
                head = g.heads[self.rng.randrange(len(g.heads))]
                table.add(
                    str(g.next_id("parties_caseparty")),
                    "intervenor" if kind == "person" else "amicus",
                    ISO[g.between(head.filed, head.end)], NULL, "", "",
                    str(head.case_id), str(g.parties[party].id),
                )  # fmt: skip
            pool.clear()

    def _parties(
        self, head: CaseHead, roles: tuple[str, str]
    ) -> tuple[list[list[int]], list[list[int]]]:
        """The case's parties on each side, and their CaseParty ids."""
        g, rng = self.g, self.rng
        taken: set[int] = set()
        sides: list[list[int]] = [[], []]
        if head.big:
            counts = (rng.randint(6, 12), rng.randint(3, 8))
        else:
            counts = (
                rng.choices([1, 2, 3, 5], weights=[58, 25, 12, 5])[0],
                rng.choices([1, 2, 3, 4], weights=[55, 28, 12, 5])[0],
            )
        for _ in range(counts[0]):
            party = self._take([("person", 80), ("organization", 17), ("government", 3)], taken)
            taken.add(party)
            sides[0].append(party)
        for n in range(counts[1]):
            party = self._frequent(taken) if rng.random() < (0.35 if n == 0 else 0.1) else None
            if party is None:
                party = self._take(
                    [("organization", 70), ("government", 12), ("person", 18)], taken
                )
            taken.add(party)
            sides[1].append(party)
        table = self.tables["parties_caseparty"]
        ids: list[list[int]] = [[], []]
        for side, role in enumerate(roles):
            for party in sides[side]:
                party_id = g.next_id("parties_caseparty")
                terminated = NULL
                if side == 1 and len(sides[1]) > 1 and rng.random() < 0.08:
                    terminated = ISO[g.between(head.filed, head.end)]
                table.add(
                    str(party_id), role, ISO[head.filed], terminated, "", "",
                    str(head.case_id), str(g.parties[party].id),
                )  # fmt: skip
                ids[side].append(party_id)
        return sides, ids

    # -- one case ------------------------------------------------------------------------------

    def write(self, head: CaseHead) -> None:
        g = self.g
        court = g.courts[head.court]
        appellate = court.level in (FEDERAL_APPELLATE, STATE_APPELLATE)
        top = court.level in (FEDERAL_SUPREME, STATE_SUPREME)
        if head.case_type == "appeal" or appellate:
            roles = ("appellant", "appellee")
        elif head.case_type == "cert_petition" or top:
            roles = ("petitioner", "respondent")
        else:
            roles = ("plaintiff", "defendant")
        sides, case_parties = self._parties(head, roles)
        names = [[g.parties[p].name for p in side] for side in sides]
        short_name, caption = self._caption(head, sides, names, roles)
        slug = g.unique_slug(f"{short_name} {court.code} {head.docket_number}")
        g.case_slugs[head.index] = slug
        judge_id, judge = self._judges(head, court, appellate, top)

        events: list[Event] = []
        self._status_history(head, court, short_name, events)
        dates, entry_ids, motions, rulings = self._docket(head, court, sides, names, case_parties)
        self._entries(head, names, judge, dates, entry_ids, motions, rulings, events)
        self._motions(head, court, motions, entry_ids, events)
        self._rulings(head, judge_id, motions, rulings, entry_ids, events)
        self._deadlines(head, court, motions, events)
        self._link_events(head, events)
        last = self._events(head, events)
        self._case_row(head, court, names, caption, short_name, slug, last)

    def _caption(
        self, head: CaseHead, sides: list[list[int]], names: list[list[str]], roles: tuple[str, str]
    ) -> tuple[str, str]:
        first, second = self._short(sides[0][0]), self._short(sides[1][0])
        if head.case_type == "mdl":
            product = self.rng.choice(words.PRODUCTS)
            return f"In re {second} {product} Litigation"[:200], f"IN RE: {second} {product} "
        et_al = [", et al." if len(side) > 1 else "" for side in sides]
        plural = ["s" if len(side) > 1 else "" for side in sides]
        class_words = ""
        if head.case_type == "class_action":
            class_words = ", individually and on behalf of all others similarly situated"
        caption = (
            f"{names[0][0]}{et_al[0]}{class_words}, {roles[0].capitalize()}{plural[0]}, v. "
            f"{names[1][0]}{et_al[1]}, {roles[1].capitalize()}{plural[1]}."
        )
        return f"{first} v. {second}"[:200], caption

    def _judges(
        self, head: CaseHead, court: CourtData, appellate: bool, top: bool
    ) -> tuple[str, str]:
        """Write the case's judges; return the presiding (or first panel) judge's id and name."""
        g, rng = self.g, self.rng
        table = self.tables["cases_casejudge"]
        court_judges = g.judges[head.court]
        case_id = str(head.case_id)
        if top:  # the whole court sits; orders are signed by the clerk for the court
            return NULL, court_judges[0][1]
        if appellate:
            panel = rng.sample(court_judges, min(3, len(court_judges)))
            for judge_id, _name, _title in panel:
                table.add(str(g.next_id("cases_casejudge")), "panel", case_id, str(judge_id))
            return str(panel[0][0]), panel[0][1]
        judges = [j for j in court_judges if j[2] != texts.MAGISTRATE]
        judge_id, name, _title = rng.choice(judges)
        table.add(str(g.next_id("cases_casejudge")), "presiding", case_id, str(judge_id))
        magistrates = [j for j in court_judges if j[2] == texts.MAGISTRATE]
        if magistrates and rng.random() < 0.35:
            magistrate = rng.choice(magistrates)[0]
            table.add(str(g.next_id("cases_casejudge")), "magistrate", case_id, str(magistrate))
        return str(judge_id), name

    def _status_history(
        self, head: CaseHead, court: CourtData, short_name: str, events: list[Event]
    ) -> None:
        """Filed when added, then active, then its present status (as case_status_change)."""
        g = self.g
        table = self.tables["cases_statuschange"]
        case_id = str(head.case_id)
        opened = g.next_id("cases_statuschange")
        table.add(
            str(opened), "", "filed", ISO[head.filed], moment(head.filed),
            "Case added to the tracker.", "", case_id, NULL,
        )  # fmt: skip
        events.append(
            ("case_opened", head.filed,
             f"Case added: {short_name}, {court.short_name} {head.docket_number}", "{}",
             NULL, NULL, NULL, NULL, str(opened))
        )  # fmt: skip
        chain = []
        if head.status != "filed":
            active_on = self._later(head.filed, 7, 60, head.end)
            chain.append(("filed", "active", active_on))
            if head.status != "active":
                chain.append(("active", head.status, head.closed or g.between(active_on, head.end)))
        for before, after, when in chain:
            change = g.next_id("cases_statuschange")
            table.add(str(change), before, after, ISO[when], moment(when), "", "", case_id, NULL)
            events.append(
                ("status_changed", when,
                 f"Status: {_STATUS_LABELS[before]} -> {_STATUS_LABELS[after]}",
                 json.dumps({"from": before, "to": after, "note": ""}),
                 NULL, NULL, NULL, NULL, str(change))
            )  # fmt: skip

    def _docket(
        self,
        head: CaseHead,
        court: CourtData,
        sides: list[list[int]],
        names: list[list[str]],
        case_parties: list[list[int]],
    ) -> tuple[list[datetime.date], list[int], list[dict[str, Any]], list[tuple]]:
        """Entry dates and ids; the motions (on their entries) and the rulings deciding them."""
        g, rng = self.g, self.rng
        n = head.entries
        span = (head.end - head.filed).days
        draw, width = rng.random, span + 1
        offsets = sorted([int(draw() * width) for _ in range(n - 1)])
        closing = -1
        if head.closed is not None and n > 1:
            offsets[-1] = span
            closing = n - 1
        dates = [head.filed] + [head.filed + _DAYS[o] for o in offsets]
        entry_ids = [g.next_id("cases_docketentry") for _ in range(n)]
        eligible = [p for p in range(1, n) if p != closing]
        positions = sorted(rng.sample(eligible, head.motions))
        used = set(positions)
        used.add(closing)

        kinds = self._motion_kinds(head, court)
        kind_values, kind_weights = [k for k, _ in kinds], [w for _, w in kinds]
        motions: list[dict[str, Any]] = []
        for position in positions:
            kind = rng.choices(kind_values, weights=kind_weights)[0]
            side = texts.MOTION_SIDE.get(kind, rng.randint(0, 1))
            mover = rng.randrange(len(sides[side]))
            label = rng.choice(texts.MOTION_TITLES[kind])
            motions.append(
                {
                    "id": g.next_id("cases_motion"),
                    "kind": kind,
                    "label": label,
                    "title": f"{self._short(sides[side][mover])}'s {label}"[:300],
                    "position": position,
                    "date": dates[position],
                    "mover": names[side][mover],
                    "case_party": case_parties[side][mover],
                    "anchor": g.anchors[self.motion_number],
                    "status": None,
                    "hearing": None,
                }
            )
            self.motion_number += 1

        rulings = []
        for j, motion in enumerate(motions):
            if not motion["anchor"]:
                continue
            decided = [(motion, texts.pick(rng, texts.OUTCOMES))]
            # The same order often disposes of earlier motions still pending.
            for earlier in reversed(motions[:j]):
                if earlier["anchor"] or earlier["status"] is not None:
                    continue
                if rng.random() >= (0.3 if len(decided) == 1 else 0.1):
                    break
                decided.append((earlier, texts.pick(rng, texts.JOINED_OUTCOMES)))
            for decided_motion, outcome in decided:
                decided_motion["status"] = outcome
            position = motion["position"]
            start = min(n - 1, position + 1 + int(rng.expovariate(1 / 6)))
            entry = next(
                (
                    p
                    for p in itertools.chain(range(start, n), range(position + 1, start))
                    if p not in used
                ),
                None,
            )
            if entry is not None:
                used.add(entry)
                when = dates[entry]
            else:
                when = self._later(motion["date"], 7, 90, head.end)
            rulings.append((g.next_id("cases_ruling"), when, entry, decided))
        return dates, entry_ids, motions, rulings

    def _motion_kinds(self, head: CaseHead, court: CourtData) -> list[tuple[str, float]]:
        if court.level in (FEDERAL_SUPREME, STATE_SUPREME):
            return texts.MOTION_KINDS["cert_petition"]
        if court.level in (FEDERAL_APPELLATE, STATE_APPELLATE):
            return texts.MOTION_KINDS["appeal"]
        kinds = list(texts.MOTION_KINDS["trial"])
        if head.case_type in ("class_action", "mdl"):
            kinds += texts.MOTION_KINDS["class"]
        if court.level == FEDERAL_DISTRICT:
            kinds += texts.MOTION_KINDS["federal_trial"]
        if court.state == "CA" and court.level == STATE_TRIAL:
            kinds += texts.MOTION_KINDS["california_trial"]
        return kinds

    def _entries(
        self,
        head: CaseHead,
        names: list[list[str]],
        judge: str,
        dates: list[datetime.date],
        entry_ids: list[int],
        motions: list[dict[str, Any]],
        rulings: list[tuple],
        events: list[Event],
    ) -> None:
        g, rng, zipf = self.g, self.rng, self.g.zipf
        table = self.tables["cases_docketentry"]
        case_id = str(head.case_id)
        first, second = ", ".join(names[0][:2]), ", ".join(names[1][:2])
        everyone = names[0] + names[1]
        motion_at = {m["position"]: m for m in motions}
        ruling_at = {r[2]: r for r in rulings if r[2] is not None}
        closing = len(dates) - 1 if head.closed is not None and len(dates) > 1 else -1
        templates = texts.ENTRY_TEMPLATES
        for position, when in enumerate(dates):
            signed = f"{when:%m/%d/%Y}"
            if position == 0:
                body = texts.OPENING_ENTRY[head.case_type].format(first=first, second=second)
            elif position == closing:
                body = texts.CLOSING_ENTRY[head.status].format(
                    first=first, second=second, judge=judge, date=signed
                )
            elif position in motion_at:
                motion = motion_at[position]
                body = f"{motion['label'].upper()} filed by {motion['mover']}."
            elif position in ruling_at:
                parts = [
                    f"{texts.OUTCOME_VERBS[outcome]} [{m['position'] + 1}] {m['label']}"
                    for m, outcome in ruling_at[position][3]
                ]
                body = f"ORDER {'; '.join(parts)}. Signed by Judge {judge} on {signed}."
            else:
                body = rng.choice(templates).format(
                    attorney=g.person(), party=rng.choice(everyone), judge=judge, date=signed
                )
            body = f"{body} Re: {zipf.phrase(rng, 3, 9)}."
            entry_id = str(entry_ids[position])
            table.add(
                entry_id, str(position + 1), ISO[when], text(body), "", "", moment(when),
                case_id,
            )  # fmt: skip
            events.append(
                ("docket_entry_added", when, f"Docket entry {position + 1}: {body}"[:500], "{}",
                 NULL, entry_id, NULL, NULL, NULL)
            )  # fmt: skip

    def _motions(
        self,
        head: CaseHead,
        court: CourtData,
        motions: list[dict[str, Any]],
        entry_ids: list[int],
        events: list[Event],
    ) -> None:
        g, rng, zipf = self.g, self.rng, self.g.zipf
        table, movants = self.tables["cases_motion"], self.tables["cases_motion_movants"]
        case_id = str(head.case_id)
        hearings = court.level in TRIAL_LEVELS
        for motion in motions:
            motion_id = str(motion["id"])
            if hearings and rng.random() < 0.4:
                motion["hearing"] = motion["date"] + _DAYS[rng.randint(21, 63)]
            summary = f"{motion['mover']} asks the court for relief on {zipf.phrase(rng, 8, 22)}."
            events.append(
                ("motion_filed", motion["date"],
                 f"Motion filed by {motion['mover']}: {motion['title']}"[:500], "{}",
                 NULL, NULL, motion_id, NULL, NULL)
            )  # fmt: skip
            if motion["status"] is None:  # not decided by a ruling
                if head.closed is not None:
                    status = rng.choices(["moot", "withdrawn"], weights=[60, 40])[0]
                else:
                    status = rng.choices(["pending", "withdrawn", "unknown"], [85, 10, 5])[0]
                motion["status"] = status
                if status != "pending":  # as motion_set_status reports it
                    when = self._later(motion["date"], 5, 120, head.end)
                    events.append(
                        ("motion_decided", when,
                         f"{motion['title']}: {_MOTION_STATUS_LABELS[status]}"[:500],
                         json.dumps({"status": status, "note": ""}),
                         NULL, NULL, motion_id, NULL, NULL)
                    )  # fmt: skip
            table.add(
                motion_id, motion["kind"], text(motion["title"]), ISO[motion["date"]],
                motion["status"], text(summary), "", moment(motion["date"]), case_id,
                str(entry_ids[motion["position"]]), day(motion["hearing"]),
            )  # fmt: skip
            movants.add(
                str(g.next_id("cases_motion_movants")), motion_id, str(motion["case_party"])
            )

    def _rulings(
        self,
        head: CaseHead,
        judge_id: str,
        motions: list[dict[str, Any]],
        rulings: list[tuple],
        entry_ids: list[int],
        events: list[Event],
    ) -> None:
        g, rng, zipf = self.g, self.rng, self.g.zipf
        table, decisions = self.tables["cases_ruling"], self.tables["cases_rulingmotion"]
        case_id = str(head.case_id)
        for ruling_id, when, entry, decided in rulings:
            kind = texts.pick(rng, texts.RULING_KINDS)
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
                str(entry_ids[entry]) if entry is not None else NULL, judge_id,
            )  # fmt: skip
            events.append(
                ("ruling_entered", when, f"Ruling: {title}"[:500], "{}",
                 NULL, NULL, NULL, str(ruling_id), NULL)
            )  # fmt: skip
            for motion, outcome in decided:
                decisions.add(
                    str(g.next_id("cases_rulingmotion")), outcome, str(motion["id"]),
                    str(ruling_id),
                )  # fmt: skip
                events.append(
                    ("motion_decided", when,
                     f"{motion['title']}: {_OUTCOME_LABELS[outcome]}"[:500],
                     json.dumps({"outcome": outcome}),
                     NULL, NULL, str(motion["id"]), str(ruling_id), NULL)
                )  # fmt: skip

    def _deadlines(  # noqa: C901 - the kinds of deadline, each with its own fields
        self, head: CaseHead, court: CourtData, motions: list[dict[str, Any]], events: list[Event]
    ) -> None:
        g, rng, today = self.g, self.rng, self.today
        table = self.tables["cases_deadline"]
        case_id = str(head.case_id)
        low = max(head.filed, today - _DAYS[365])
        high = today + _DAYS[365] if head.closed is None else min(head.end, today)
        low = min(low, high)
        motion_dates = [m["date"] for m in motions]
        rule_set = self.rule_sets[head.court]
        for _ in range(head.deadlines):
            target = g.between(low, high)
            deadline_id = str(g.next_id("cases_deadline"))
            motion = None
            if motions and rng.random() < 0.45:
                at = bisect.bisect_right(motion_dates, target) - 1
                if at >= 0 and (target - motion_dates[at]).days <= 90:
                    motion = motions[at]
            due, due_time, basis, trigger, period = target, NULL, "set_by_order", None, None
            rule = explanation = computed_under = trigger_event = ""
            unit, direction, earliest = "calendar", "after", None
            if motion is not None:
                kind = texts.pick(rng, texts.MOTION_DEADLINE_KINDS)
                title = {
                    "response": f"Opposition to {motion['title']} due",
                    "reply": f"Reply in support of {motion['title']} due",
                    "hearing": f"Hearing on {motion['title']}",
                }[kind]
                if kind == "hearing":
                    due_time = rng.choice(texts.HEARING_TIMES)
                    if motion["hearing"] is not None and motion["hearing"] >= low:
                        due = motion["hearing"]
                elif rule_set and rng.random() < 0.6:
                    spec = briefing_period(rule_set, kind, motion)
                    result = spec and computed(*spec[:2], rule_set, spec[3], spec[2], court.state)
                    if spec and result and result[0] >= low:
                        trigger, period, unit, direction, trigger_event = spec
                        due, earliest, rule, explanation = result
                        basis, computed_under = "computed", rule_set
            else:
                kind = texts.pick(rng, texts.OTHER_DEADLINE_KINDS)
                title = rng.choice(texts.DEADLINE_TITLES[kind])
                if kind == "hearing":
                    due_time = rng.choice(texts.HEARING_TIMES)
                elif rng.random() < 0.15:
                    due_time = "17:00:00"
            if head.closed is not None:
                status = "vacated" if due > today else texts.pick(rng, texts.CLOSED_CASE)
            else:
                status = texts.pick(rng, texts.AHEAD if due > today else texts.PAST)
            # Set some weeks or months before it falls due (and not after today).
            set_on = g.between(max(head.filed, due - _DAYS[400]), min(today, head.end, due))
            table.add(
                deadline_id, text(title[:300]), kind, ISO[due], due_time, basis,
                day(trigger), text(rule[:200]), text(explanation), status, "", moment(set_on),
                case_id, str(motion["id"]) if motion is not None else NULL, direction,
                day(earliest), "f", str(period) if period else NULL, unit, computed_under, "none",
                trigger_event,
            )  # fmt: skip
            when = ISO[due] + (f" {due_time[:5]}" if due_time != NULL else "")
            events.append(
                ("deadline_set", set_on, f"Deadline set: {title}, due {when}"[:500], "{}",
                 deadline_id, NULL, NULL, NULL, NULL)
            )  # fmt: skip
            latest = min(today, head.end)
            if status in ("met", "vacated"):
                on = min(due, latest) if status == "met" else g.between(set_on, min(due, latest))
                events.append(
                    (f"deadline_{status}", on, f"Deadline {status}: {title}"[:500],
                     json.dumps({"from": "open", "to": status, "reason": ""}),
                     deadline_id, NULL, NULL, NULL, NULL)
                )  # fmt: skip
            elif status == "extended":
                before = due - _DAYS[rng.randint(7, 30)]
                on = g.between(set_on, min(before, latest))
                moved = f"from {ISO[before]} to {ISO[due]}"
                events.append(
                    ("deadline_moved", on,
                     f"Deadline moved: {title}, {moved} (extended by order)"[:500],
                     json.dumps({"from": ISO[before], "to": ISO[due],
                                 "reason": "extended by order"}),
                     deadline_id, NULL, NULL, NULL, NULL)
                )  # fmt: skip

    def _link_events(self, head: CaseHead, events: list[Event]) -> None:
        """A link is reported on both its cases, as case_link_create does."""
        g = self.g
        for link_id, kind, other, when, outgoing in head.links:
            other_head = g.heads[other]
            label = LinkKind(kind).label if outgoing else LINK_INVERSE_LABELS[LinkKind(kind)]
            where = f"{g.courts[other_head.court].short_name} {other_head.docket_number}"
            detail = json.dumps({"link": link_id, "kind": kind, "other_case": other_head.case_id})
            events.append(
                ("case_linked", when, f"{label[0].upper()}{label[1:]} {where}", detail,
                 NULL, NULL, NULL, NULL, NULL)
            )  # fmt: skip

    def _events(self, head: CaseHead, events: list[Event]) -> datetime.date:
        """Write the activity log, dispatched already; return the latest event's date."""
        g = self.g
        table = self.tables["cases_caseevent"]
        case_id = str(head.case_id)
        last = head.filed
        for kind, when, summary, detail, deadline, entry, motion, ruling, change in events:
            last = max(last, when)
            stamp = moment(when, "18:00:00")
            table.add(
                str(g.next_id("cases_caseevent")), kind, ISO[when], stamp, text(summary),
                text(detail), NULL, case_id, deadline, entry, motion, ruling, change, stamp,
            )  # fmt: skip
        return last

    def _case_row(
        self,
        head: CaseHead,
        court: CourtData,
        names: list[list[str]],
        caption: str,
        short_name: str,
        slug: str,
        last: datetime.date,
    ) -> None:
        """The case itself; its search text and vector are filled in by the database after."""
        rng, zipf = self.rng, self.g.zipf
        first, second = names[0][0], names[1][0]
        who = {
            "appeal": f"{first} appeals a judgment in favor of {second}",
            "cert_petition": f"{first} asks the Supreme Court to review a decision for {second}",
            "mdl": f"Consolidated proceedings against {second}",
            "class_action": f"{first} sues {second} on behalf of a proposed class",
        }.get(head.case_type, f"{first} sues {second}")
        summary = f"{who}, alleging {zipf.phrase(rng, 8, 18)}. The {zipf.phrase(rng, 10, 25)}."
        if head.rare:
            summary += f" The complaint relies on the {words.RARE_TERM} recordings."
        causes_list = words.CAUSES["class" if head.case_type == "class_action" else head.case_type]
        causes = "\n".join(rng.sample(causes_list, min(len(causes_list), rng.randint(1, 3))))
        relief = "; ".join(rng.sample(words.RELIEF, rng.randint(1, 3)))
        self.tables["cases_case"].add(
            str(head.case_id), text(caption), text(short_name), slug, head.docket_number,
            head.case_type, head.status, text(causes), text(relief), ISO[head.filed],
            day(head.closed), text(summary), f"{SOURCE_SITE}/{court.code}/{slug}",
            moment(head.filed, "12:00:00"), moment(last, "18:00:00"),
            str(self.g.court_ids[head.court]), ISO[last], "",
        )  # fmt: skip
