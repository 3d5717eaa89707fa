"""The demo rows: every table's rows written to COPY files, from one seeded random generator.

The same seed, scale and "today" give the same rows, ids included (ids are assigned here, after
the highest id already in each table). This module writes the rows shared by many cases (courts,
judges, parties, demo users and their subscriptions) and decides, case by case, its type, court,
dates, status and how many docket entries, motions and deadlines it has, and the related-case
graph; ``cases.demo.case_writer`` then writes each case with everything in it.

No django-simple-history rows are written: the history of a generated row starts at its first
edit.
"""

from __future__ import annotations

import datetime
import itertools
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from django.utils.text import slugify
from tqdm import tqdm

from cases.demo import texts, words
from cases.demo.copyfiles import ISO, NULL, Chunk, Table, moment, text
from cases.demo.courts import (
    FEDERAL_APPELLATE,
    FEDERAL_DISTRICT,
    FEDERAL_SUPREME,
    JPML,
    STATE_APPELLATE,
    STATE_NAMES,
    STATE_SUPREME,
    STATE_TRIAL,
    CourtData,
    select_courts,
)
from cases.demo.plan import Plan

# Table name -> columns, in the order the files are loaded (parents before children).
COLUMNS: dict[str, tuple[str, ...]] = {
    "cases_court": (
        "id", "code", "name", "short_name", "level", "state", "time_zone", "holiday_calendar",
        "appeals_to_id",
    ),
    "cases_judge": ("id", "name", "title", "court_id"),
    "auth_user": (
        "id", "password", "last_login", "is_superuser", "username", "first_name", "last_name",
        "email", "is_staff", "is_active", "date_joined",
    ),
    "alerts_alertsettings": (
        "id", "time_zone", "delivery", "digest_hour", "reminder_days", "email_rejected_at",
        "email_rejected_reason", "user_id",
    ),
    "parties_party": ("id", "name", "slug", "kind", "description", "sources"),
    "cases_case": (
        "id", "caption", "short_name", "slug", "docket_number", "case_type", "status",
        "causes_of_action", "relief_sought", "filed_date", "closed_date", "summary", "sources",
        "created_at", "updated_at", "court_id", "last_activity_on", "search_text",
    ),
    "cases_casejudge": ("id", "role", "case_id", "judge_id"),
    "parties_caseparty": (
        "id", "role", "joined_date", "terminated_date", "note", "sources", "case_id", "party_id",
    ),
    "cases_caselink": ("id", "kind", "date", "note", "sources", "from_case_id", "to_case_id"),
    "cases_docketentry": (
        "id", "number", "filed_date", "text", "document_url", "sources", "created_at", "case_id",
    ),
    "cases_motion": (
        "id", "kind", "title", "filed_date", "status", "summary", "sources", "created_at",
        "case_id", "docket_entry_id", "hearing_date",
    ),
    "cases_motion_movants": ("id", "motion_id", "caseparty_id"),
    "cases_ruling": (
        "id", "date", "date_note", "kind", "title", "summary", "citation", "document_url",
        "sources", "created_at", "case_id", "docket_entry_id", "judge_id",
    ),
    "cases_rulingmotion": ("id", "outcome", "motion_id", "ruling_id"),
    "cases_deadline": (
        "id", "title", "kind", "due_date", "due_time", "basis", "trigger_date", "rule",
        "explanation", "status", "sources", "created_at", "case_id", "motion_id", "direction",
        "earliest_safe_date", "from_judgment", "period_days", "period_unit", "rule_set",
        "service_method", "trigger_event",
    ),
    "cases_statuschange": (
        "id", "from_status", "to_status", "effective_date", "recorded_at", "note", "sources",
        "case_id", "recorded_by_id",
    ),
    "cases_caseevent": (
        "id", "kind", "occurred_on", "recorded_at", "summary", "detail", "actor_id", "case_id",
        "deadline_id", "docket_entry_id", "motion_id", "ruling_id", "status_change_id",
        "dispatched_at",
    ),
    "alerts_subscription": (
        "id", "deadline_reminders", "status_changes", "rulings", "motions", "docket_entries",
        "active", "created_at", "case_id", "user_id",
    ),
}  # fmt: skip

# Rows every case refers to; the rows of one case (loaded, and searchable, chunk by chunk).
SHARED_TABLES = ("cases_court", "cases_judge", "auth_user", "alerts_alertsettings", "parties_party")
CASE_TABLES = (
    "cases_case", "cases_casejudge", "parties_caseparty", "cases_docketentry", "cases_motion",
    "cases_motion_movants", "cases_ruling", "cases_rulingmotion", "cases_deadline",
    "cases_statuschange", "cases_caseevent",
)  # fmt: skip
CHUNK_CASES = 2_500
DEMO_USER_PREFIX = "demo-"
DEMO_EMAIL_DOMAIN = "example.org"
CLOSING_STATUSES = frozenset({"settled", "dismissed", "judgment", "closed"})
APPELLATE_LEVELS = frozenset({FEDERAL_APPELLATE, STATE_APPELLATE, FEDERAL_SUPREME, STATE_SUPREME})


@dataclass
class CaseHead:
    """What is decided about a case before its rows are written."""

    index: int
    case_id: int
    case_type: str
    court: int  # index into Generator.courts
    filed: datetime.date
    status: str
    closed: datetime.date | None
    end: datetime.date  # the last day the case can have activity: its closing, else today
    docket_number: str
    big: bool = False
    entries: int = 1
    motions: int = 0
    deadlines: int = 0
    rare: bool = False
    # (link id, kind, other case index, date, whether this case is the link's from_case)
    links: list[tuple[int, str, int, datetime.date, bool]] = field(default_factory=list)


@dataclass
class Batch:
    """Chunks of rows to load, parents first; ``cases``: the ids of the cases they complete."""

    chunks: list[Chunk]
    cases: range


@dataclass(frozen=True)
class Party:
    id: int
    name: str
    kind: str


@dataclass
class Summary:
    rows: dict[str, int]
    largest_case_slug: str
    largest_case_entries: int


def allocate(
    rng: random.Random, total: int, weights: Sequence[float], capacity: Sequence[int]
) -> list[int]:
    """Spread ``total`` items over slots in proportion to ``weights``, none over its capacity."""
    counts = [0] * len(weights)
    remaining = total
    while remaining:
        slots = [i for i, w in enumerate(weights) if w > 0 and counts[i] < capacity[i]]
        if not slots:
            raise ValueError(f"Cannot place {remaining} more items: every slot is full.")
        picks = rng.choices(slots, weights=[weights[i] for i in slots], k=remaining)
        remaining = 0
        for i in picks:
            if counts[i] < capacity[i]:
                counts[i] += 1
            else:
                remaining += 1
    return counts


class Generator:
    """Writes the demo rows of one plan to COPY files in ``directory``."""

    def __init__(
        self,
        plan: Plan,
        *,
        seed: int,
        today: datetime.date,
        directory: Path,
        last_ids: dict[str, int],
        progress: bool,
    ) -> None:
        self.plan = plan
        self.rng = random.Random(seed)  # noqa: S311 - demo data, reproducible on purpose
        self.today = today
        self.progress = progress
        self.tables = {name: Table(name, cols, directory) for name, cols in COLUMNS.items()}
        self._ids = {name: itertools.count(last_ids.get(name, 0) + 1) for name in COLUMNS}
        self.zipf = texts.Zipf(words.VOCABULARY)
        self.slugs: set[str] = set()
        self.courts: list[CourtData] = []
        self.court_ids: list[int] = []
        self.judges: list[list[tuple[int, str, str]]] = []  # per court: (id, name, title)
        self.parties: list[Party] = []
        self.pools: dict[str, list[int]] = {}
        self.frequent: tuple[list[int], list[float]] = ([], [])
        self.user_ids: list[int] = []
        self.heads: list[CaseHead] = []
        self.anchors = bytearray()
        self.case_slugs: dict[int, str] = {}

    def next_id(self, table: str) -> int:
        return next(self._ids[table])

    def between(self, start: datetime.date, end: datetime.date) -> datetime.date:
        """A random day from ``start`` to ``end`` (``start`` when the range is empty)."""
        if end <= start:
            return start
        return start + datetime.timedelta(days=int(self.rng.random() * ((end - start).days + 1)))

    def person(self) -> str:
        rng = self.rng
        first, initial = rng.choice(words.FIRST_NAMES), rng.choice("ABCDEFGHJKLMNPRSTW")
        return f"{first} {initial}. {rng.choice(words.LAST_NAMES)}"

    def unique_slug(self, value: str) -> str:
        """A slug not yet given to a party or case ("name", "name-2", ...), as tracker.slugs."""
        base = slugify(value)[:100].strip("-") or "item"
        slug, counter = base, 2
        while slug in self.slugs:
            suffix = f"-{counter}"
            slug = f"{base[: 100 - len(suffix)]}{suffix}"
            counter += 1
        self.slugs.add(slug)
        return slug

    def run(self, emit: Callable[[Batch], None]) -> Summary:
        """Write every row, handing each batch of complete rows to ``emit`` as it is ready:
        the shared rows first, then every few thousand cases, then the links, the leftover
        parties and the subscriptions (which refer to cases of any batch)."""
        from cases.demo.case_writer import CaseWriter

        self._courts_and_judges()
        self._parties()
        self._users()
        self._emit(emit, SHARED_TABLES, range(0))
        self._case_heads()
        self._allocations()
        self._links()
        writer = CaseWriter(self)
        bar = tqdm(
            total=len(self.heads), desc="generate cases", unit=" cases", disable=not self.progress
        )
        with bar:
            # Chunks small enough that loading follows generation closely at any scale.
            size = min(CHUNK_CASES, max(250, len(self.heads) // 40))
            for start in range(0, len(self.heads), size):
                heads = self.heads[start : start + size]
                for head in heads:
                    writer.write(head)
                bar.update(len(heads))
                self._emit(emit, CASE_TABLES, range(heads[0].case_id, heads[-1].case_id + 1))
        writer.place_leftover_parties()
        self._subscriptions()
        self._emit(emit, tuple(COLUMNS), range(0))
        for table in self.tables.values():
            table.close()
        largest = max(self.heads, key=lambda h: (h.entries, -h.index))
        return Summary(
            rows={name: table.count for name, table in self.tables.items()},
            largest_case_slug=self.case_slugs[largest.index],
            largest_case_entries=largest.entries,
        )

    def _emit(self, emit: Callable[[Batch], None], tables: Sequence[str], cases: range) -> None:
        chunks = [self.tables[name].take() for name in COLUMNS if name in tables]
        emit(Batch([c for c in chunks if c is not None], cases))

    # -- shared rows ---------------------------------------------------------------------------

    def _courts_and_judges(self) -> None:
        self.courts = select_courts(self.plan.courts)
        self.court_ids = [self.next_id("cases_court") for _ in self.courts]
        by_code = {
            c.code: court_id for c, court_id in zip(self.courts, self.court_ids, strict=True)
        }
        courts, judges = self.tables["cases_court"], self.tables["cases_judge"]
        for court, court_id in zip(self.courts, self.court_ids, strict=True):
            courts.add(
                str(court_id), court.code, text(court.name), text(court.short_name), court.level,
                court.state, court.time_zone, court.holiday_calendar,
                str(by_code[court.appeals_to]) if court.appeals_to else NULL,
            )  # fmt: skip
        for court, court_id in zip(self.courts, self.court_ids, strict=True):
            names: set[str] = set()
            while len(names) < texts.JUDGES_PER_COURT[court.level]:
                names.add(self.person())
            court_judges = []
            for n, name in enumerate(sorted(names)):
                title = texts.JUDGE_TITLES[court.level]
                if court.level == FEDERAL_DISTRICT and n % 4 == 3:
                    title = texts.MAGISTRATE
                judge_id = self.next_id("cases_judge")
                judges.add(str(judge_id), text(name), title, str(court_id))
                court_judges.append((judge_id, name, title))
            self.rng.shuffle(court_judges)
            self.judges.append(court_judges)

    def _government_names(self) -> list[str]:
        names = set(words.FEDERAL_BODIES)
        for city, _state in words.CITIES:
            for form in (
                "City of {}", "{} Police Department", "{} Board of Education",
                "{} Housing Authority", "{} Unified School District",
            ):  # fmt: skip
                names.add(form.format(city))
        for state_name in STATE_NAMES.values():
            names.add(f"State of {state_name}")
            for department in words.DEPARTMENTS:
                names.add(f"{state_name} Department of {department}")
        return sorted(names)

    def _organization(self) -> str:
        rng = self.rng
        shape = rng.random()
        if shape < 0.7:
            base = f"{rng.choice(words.COMPANY_STEMS)} {rng.choice(words.INDUSTRIES)}"
        elif shape < 0.85:
            base = f"{rng.choice(words.LAST_NAMES)} & {rng.choice(words.LAST_NAMES)}"
        else:
            base = (
                f"{rng.choice(words.COMPANY_STEMS)} {rng.choice(words.COMPANY_STEMS)} "
                f"{rng.choice(words.INDUSTRIES)}"
            )
        suffix = rng.choices(words.COMPANY_SUFFIXES, weights=words.COMPANY_SUFFIX_WEIGHTS)[0]
        return f"{base} {suffix}"

    def _parties(self) -> None:
        """Persons (most), organizations and government bodies, with unique names and slugs."""
        rng, total = self.rng, self.plan.parties
        government = self._government_names()
        rng.shuffle(government)
        government = government[: max(1, round(total * 0.012))]
        organizations = round(total * 0.37)
        kinds: dict[str, str] = dict.fromkeys(government, "government")
        while len(kinds) < len(government) + organizations:
            kinds.setdefault(self._organization(), "organization")
        while len(kinds) < total:
            name = self.person()
            if name in kinds:
                name += rng.choice([" Jr.", " Sr.", " II", " III", " IV"])
            kinds.setdefault(name, "person")
        names = list(kinds)
        rng.shuffle(names)
        table = self.tables["parties_party"]
        for name in names:
            kind = kinds[name]
            party = Party(self.next_id("parties_party"), name, kind)
            description = ""
            if kind == "organization" and rng.random() < 0.3:
                city, state = rng.choice(words.CITIES)
                description = f"Company headquartered in {city}, {state}."
            table.add(
                str(party.id), text(name), self.unique_slug(name), kind, text(description), ""
            )
            self.parties.append(party)
        # Cases take their parties from these pools, each party once before any is reused; the
        # first thousand organizations and agencies are frequent defendants, reused across cases.
        self.pools = {
            kind: [i for i, p in enumerate(self.parties) if p.kind == kind]
            for kind in ("person", "organization", "government")
        }
        frequent = [i for i, p in enumerate(self.parties) if p.kind != "person"][:1000]
        self.frequent = (
            frequent,
            list(itertools.accumulate(1 / (r + 3) for r in range(len(frequent)))),
        )

    def _users(self) -> None:
        rng = self.rng
        users, settings = self.tables["auth_user"], self.tables["alerts_alertsettings"]
        zones = ["America/New_York"] * 5 + ["America/Chicago"] * 3 + ["America/Los_Angeles"] * 3
        zones += ["America/Denver", "America/Phoenix", "Pacific/Honolulu", "Europe/London"]
        for n in range(1, self.plan.users + 1):
            user_id = self.next_id("auth_user")
            self.user_ids.append(user_id)
            username = f"{DEMO_USER_PREFIX}{n:05d}"
            joined = self.today - datetime.timedelta(days=rng.randint(1, 1500))
            # Unusable ("!" first, as set_unusable_password writes, but from the seed): a demo
            # reader cannot sign in until someone sets a password.
            password = "!" + "".join(rng.choices("abcdefghijklmnopqrstuvwxyz0123456789", k=40))
            users.add(
                str(user_id), password, NULL, "f", username, rng.choice(words.FIRST_NAMES),
                rng.choice(words.LAST_NAMES), f"{username}@{DEMO_EMAIL_DOMAIN}", "f", "t",
                moment(joined, "12:00:00"),
            )  # fmt: skip
            settings.add(
                str(self.next_id("alerts_alertsettings")),
                rng.choice(zones),
                "digest" if rng.random() < 0.25 else "immediate",
                str(rng.choice([6, 7, 7, 7, 8, 18])),
                rng.choice(["7, 1", "7, 1", "7, 1", "3", "14, 7, 1", "1", "2"]),
                NULL,
                "",
                str(user_id),
            )

    # -- what each case will be ----------------------------------------------------------------

    def _case_heads(self) -> None:
        """Type, court, dates, status and docket number of every case."""
        rng, today, plan = self.rng, self.today, self.plan
        by_level: dict[str, tuple[list[int], list[float]]] = {}
        for level in sorted({c.level for c in self.courts}):
            members = [i for i, c in enumerate(self.courts) if c.level == level]
            by_level[level] = (
                members,
                list(itertools.accumulate(self.courts[i].weight for i in members)),
            )
        big_at = set(rng.sample(range(plan.cases), len(plan.big_cases)))
        serial: dict[tuple[int, int], int] = {}
        for index in range(plan.cases):
            big = index in big_at
            case_type = "mdl" if big else texts.pick(rng, texts.CASE_TYPES)
            levels = [(lv, w) for lv, w in texts.COURT_LEVELS_FOR_TYPE[case_type] if lv in by_level]
            if big or not levels:  # (a small court selection may lack a level)
                case_type = case_type if big else "civil"
                levels = [(FEDERAL_DISTRICT, 1)]
            level = rng.choices([lv for lv, _ in levels], weights=[w for _, w in levels])[0]
            members, cumulative = by_level[level]
            court = rng.choices(members, cum_weights=cumulative)[0]
            if big:
                filed = today - datetime.timedelta(days=rng.randint(5 * 365, 8 * 365))
            else:
                filed = today - datetime.timedelta(days=int(3650 * rng.random() ** 1.6))
            appellate = level in APPELLATE_LEVELS
            if big:
                status = "active"
            else:
                status = texts.pick(
                    rng, texts.APPELLATE_STATUSES if appellate else texts.TRIAL_STATUSES
                )
            closed = None
            if status in CLOSING_STATUSES:
                length = int(rng.expovariate(1 / (240 if appellate else 520)))
                closed = filed + datetime.timedelta(days=length)
                if closed > today:  # it would close after today: still going
                    status, closed = "active", None
            key = (court, filed.year)
            serial[key] = serial.get(key, 0) + 1
            docket = _docket_number(self.courts[court], case_type, filed, serial[key])
            self.heads.append(
                CaseHead(
                    index=index,
                    case_id=self.next_id("cases_case"),
                    case_type=case_type,
                    court=court,
                    filed=filed,
                    status=status,
                    closed=closed,
                    end=closed or today,
                    docket_number=docket,
                    big=big,
                )
            )

    def _allocations(self) -> None:
        """How many docket entries, motions and deadlines each case has; the rare-term cases;
        which motions are decided by a ruling of their own ("anchors")."""
        rng, plan, heads = self.rng, self.plan, self.heads
        for head, size in zip(
            [h for h in heads if h.big], sorted(plan.big_cases, reverse=True), strict=True
        ):
            head.entries = size
        type_factor = {
            "civil": 1.0, "class_action": 2.0, "mdl": 3.0, "appeal": 0.45, "cert_petition": 0.2,
        }  # fmt: skip
        weights = [
            0.0
            if h.big
            else rng.lognormvariate(0, 0.8)
            * type_factor[h.case_type]
            * ((h.end - h.filed).days / 365 + 0.3) ** 0.7
            for h in heads
        ]
        small = plan.docket_entries - sum(plan.big_cases) - (plan.cases - len(plan.big_cases))
        no_limit = [plan.docket_entries] * len(heads)
        # The big cases stay the biggest: no other case reaches the smallest of them.
        below_big = [min(plan.big_cases) - 2] * len(heads)
        for head, extra in zip(heads, allocate(rng, small, weights, below_big), strict=True):
            if not head.big:
                head.entries = 1 + extra
        # A motion sits on its own docket entry: not the opening one, nor a closing one.
        capacity = [max(0, h.entries - 1 - (h.closed is not None)) for h in heads]
        motion_weights = [
            cap * (0.25 if h.big else 1.0) * (0.4 if h.case_type == "cert_petition" else 1.0)
            for h, cap in zip(heads, capacity, strict=True)
        ]
        motions = allocate(rng, plan.motions, motion_weights, capacity)
        for head, count in zip(heads, motions, strict=True):
            head.motions = count
        # Deadlines fall from a year ago to a year ahead: in open cases (the MDLs have many),
        # and a few in cases closed within the last year.
        year_ago = self.today - datetime.timedelta(days=365)
        deadline_weights = [
            (40.0 if h.big else 1.0) if h.closed is None else (0.3 if h.closed >= year_ago else 0.0)
            for h in heads
        ]
        deadlines = allocate(rng, plan.deadlines, deadline_weights, no_limit)
        for head, count in zip(heads, deadlines, strict=True):
            head.deadlines = count
        for head in rng.sample([h for h in heads if not h.big], plan.rare_cases):
            head.rare = True
        self.anchors = bytearray(plan.motions)
        for motion in rng.sample(range(plan.motions), min(plan.rulings, plan.motions)):
            self.anchors[motion] = 1

    def _links(self) -> None:  # noqa: C901 - one loop per kind of link
        """The related-case graph: appeals, cert petitions, removals, remands, MDL members."""
        rng, heads, courts = self.rng, self.heads, self.courts
        code_index = {c.code: i for i, c in enumerate(courts)}
        cases_in: dict[int, list[int]] = {}
        by_state_level: dict[tuple[str, str], list[int]] = {}
        for head in heads:
            if not head.big:
                cases_in.setdefault(head.court, []).append(head.index)
                court = courts[head.court]
                by_state_level.setdefault((court.state, court.level), []).append(head.index)
        lower: dict[int, list[int]] = {}
        for i, court in enumerate(courts):
            if court.appeals_to in code_index and i in cases_in:
                lower.setdefault(code_index[court.appeals_to], []).append(i)
        table = self.tables["cases_caselink"]
        seen: set[tuple[int, int, str]] = set()

        def link(source: int, target: int, kind: str, when: datetime.date) -> None:
            if source == target or (source, target, kind) in seen:
                return
            seen.add((source, target, kind))
            link_id = self.next_id("cases_caselink")
            table.add(
                str(link_id), kind, ISO[when], "", "", str(heads[source].case_id),
                str(heads[target].case_id),
            )  # fmt: skip
            heads[source].links.append((link_id, kind, target, when, True))
            heads[target].links.append((link_id, kind, source, when, False))

        for head in heads:
            court = courts[head.court]
            if head.case_type in ("appeal", "cert_petition") and head.court in lower:
                candidates = cases_in[rng.choice(lower[head.court])]
                origin = rng.choice(candidates)
                if heads[origin].filed <= head.filed:
                    kind = "appeal_from" if head.case_type == "appeal" else "cert_petition_from"
                    link(head.index, origin, kind, head.filed)
            elif head.status == "removed" and court.level == STATE_TRIAL:
                federal = by_state_level.get((court.state, FEDERAL_DISTRICT))
                if federal:
                    target = rng.choice(federal)
                    if heads[target].filed >= head.filed:
                        link(head.index, target, "removed_to", heads[target].filed)
            elif head.status == "remanded" and court.level == FEDERAL_DISTRICT:
                state = by_state_level.get((court.state, STATE_TRIAL))
                if state:
                    target = rng.choice(state)
                    link(head.index, target, "remanded_to", self.between(head.filed, head.end))
            elif rng.random() < 0.01 and head.court in cases_in:
                other = rng.choice(cases_in[head.court])
                link(head.index, other, "related", max(head.filed, heads[other].filed))
        # MDL members: cases in other federal districts transferred into each MDL; they are
        # "transferred" from then on (unless already closed).
        districts = [
            h.index for h in heads if courts[h.court].level == FEDERAL_DISTRICT and not h.big
        ]
        for head in heads:
            if head.case_type != "mdl" or courts[head.court].level != FEDERAL_DISTRICT:
                continue
            for _ in range(max(2, round((400 if head.big else 12) * self.plan.scale))):
                member = heads[rng.choice(districts)] if districts else head
                if member.case_type not in ("civil", "class_action") or member.court == head.court:
                    continue
                if member.status not in CLOSING_STATUSES:
                    member.status = "transferred"
                when = self.between(max(head.filed, member.filed), member.end)
                link(member.index, head.index, "transferred_into_mdl", when)

    def _subscriptions(self) -> None:
        """Followers: a few cases are followed by many (the MDLs first), most by few or none."""
        rng, plan = self.rng, self.plan
        rest = [h.index for h in self.heads if not h.big]
        rng.shuffle(rest)
        order = [h.index for h in self.heads if h.big] + rest
        cumulative = list(itertools.accumulate(1 / (r + 10) ** 0.9 for r in range(len(order))))
        weights = [rng.lognormvariate(0, 1) for _ in range(plan.users)]
        per_user = allocate(rng, plan.subscriptions, weights, [len(order)] * plan.users)
        table = self.tables["alerts_subscription"]
        for user_id, count in zip(self.user_ids, per_user, strict=True):
            chosen: set[int] = set()
            while len(chosen) < count:
                chosen.update(rng.choices(order, cum_weights=cumulative, k=count - len(chosen)))
            for case in sorted(chosen):
                head = self.heads[case]
                table.add(
                    str(self.next_id("alerts_subscription")),
                    "t", "t", "t", "t", "t" if rng.random() < 0.2 else "f",
                    "f" if rng.random() < 0.03 else "t",
                    moment(self.between(head.filed, self.today), "15:00:00"),
                    str(head.case_id), str(user_id),
                )  # fmt: skip


def _docket_number(court: CourtData, case_type: str, filed: datetime.date, number: int) -> str:
    """A docket number in the court's style; ``number`` counts the court's cases of the year."""
    year, yy = filed.year, filed.year % 100
    if court.level == FEDERAL_DISTRICT:
        kind = "md" if case_type == "mdl" else "cv"
        return f"{1 + number % 5}:{yy:02d}-{kind}-{number:05d}"
    if court.level == FEDERAL_APPELLATE:
        return f"{yy:02d}-{number:04d}"
    if court.level == FEDERAL_SUPREME:
        return f"{yy:02d}-{number}"
    if court.level == JPML:
        return f"MDL No. {(year - 2000) * 100 + number + 1000}"
    if court.state == "CA":
        if court.level == STATE_TRIAL:
            return f"{court.code[3:6].upper()}-{yy:02d}-{number:06d}"
        return f"{'ABCDEFG'[number % 7]}{yy:02d}{number:04d}"
    if court.state == "IL":
        if court.level == STATE_TRIAL:
            return f"{year}-CH-{number:05d}"
        return f"1-{yy:02d}-{number:04d}"
    if court.level == STATE_TRIAL:
        return f"{year}-CV-{number:06d}"
    return f"{year}-{number:05d}"
