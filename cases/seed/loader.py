"""Load a docket file (see SCHEMA.md) through the services.

The whole file is checked before anything is written, then written in one transaction. Rows are
matched on natural keys and only missing rows are created, so loading the same file twice changes
nothing the second time.
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from cases import services
from cases.models import (
    Case,
    CaseEvent,
    CaseJudge,
    CaseLink,
    CaseStatus,
    CaseType,
    Court,
    CourtLevel,
    Deadline,
    DeadlineBasis,
    DeadlineKind,
    DeadlineStatus,
    DocketEntry,
    HolidayCalendar,
    Judge,
    JudgeRole,
    LinkKind,
    Motion,
    MotionKind,
    MotionStatus,
    Outcome,
    Ruling,
    RulingKind,
    StatusChange,
)
from parties import services as party_services
from parties.models import (
    Attorney,
    CaseParty,
    LawFirm,
    Party,
    PartyKind,
    PartyRole,
    Representation,
    RepresentationRole,
)

DEFAULT_FILE = Path(__file__).with_name("clearview.yaml")


class SeedError(Exception):
    """The file cannot be loaded; ``errors`` lists every problem with its path."""

    def __init__(self, errors: list[str]) -> None:
        super().__init__("\n".join(errors))
        self.errors = errors


# --- Checking -----------------------------------------------------------------------------------

# Each spec maps a key to (required, kind); kind is "str", "date", "int", "bool", "list", "tags",
# a TextChoices class, or a nested spec (for lists of mappings).
Spec = dict[str, tuple[bool, Any]]

COURT: Spec = {
    "code": (True, "str"),
    "name": (True, "str"),
    "short_name": (True, "str"),
    "level": (True, CourtLevel),
    "state": (False, "str"),
    "time_zone": (True, "str"),
    "holiday_calendar": (True, HolidayCalendar),
    "appeals_to": (False, "str"),
}
JUDGE: Spec = {"name": (True, "str"), "court": (True, "str"), "title": (False, "str")}
FIRM: Spec = {"name": (True, "str"), "city": (False, "str")}
ATTORNEY: Spec = {"name": (True, "str"), "firm": (False, "str")}
PARTY: Spec = {
    "name": (True, "str"),
    "kind": (True, PartyKind),
    "description": (False, "str"),
    "sources": (False, "tags"),
}
COUNSEL: Spec = {
    "attorney": (True, "str"),
    "firm": (False, "str"),
    "role": (True, RepresentationRole),
    "start_date": (False, "date"),
    "end_date": (False, "date"),
    "sources": (False, "tags"),
}
CASE_PARTY: Spec = {
    "party": (True, "str"),
    "role": (True, PartyRole),
    "joined_date": (False, "date"),
    "terminated_date": (False, "date"),
    "note": (False, "str"),
    "sources": (False, "tags"),
    "counsel": (False, COUNSEL),
}
CASE_JUDGE: Spec = {"name": (True, "str"), "role": (True, JudgeRole)}
STATUS: Spec = {
    "status": (True, CaseStatus),
    "date": (False, "date"),
    "note": (False, "str"),
    "sources": (False, "tags"),
}
ENTRY: Spec = {
    "number": (False, "int"),
    "filed_date": (True, "date"),
    "text": (True, "str"),
    "document_url": (False, "str"),
    "sources": (False, "tags"),
}
MOTION: Spec = {
    "key": (True, "str"),
    "kind": (True, MotionKind),
    "title": (True, "str"),
    "filed_date": (False, "date"),
    "movants": (False, "list"),
    "docket_entry": (False, "int"),
    "summary": (False, "str"),
    "outcome_unknown": (False, "bool"),
    "sources": (False, "tags"),
}
DECISION: Spec = {"motion": (True, "str"), "outcome": (True, Outcome)}
RULING: Spec = {
    "date": (False, "date"),
    "date_note": (False, "str"),
    "kind": (True, RulingKind),
    "title": (True, "str"),
    "judge": (False, "str"),
    "summary": (False, "str"),
    "citation": (False, "str"),
    "docket_entry": (False, "int"),
    "decides": (False, DECISION),
    "sources": (False, "tags"),
}
DEADLINE: Spec = {
    "title": (True, "str"),
    "kind": (True, DeadlineKind),
    "due_date": (True, "date"),
    "basis": (False, DeadlineBasis),
    "status": (False, DeadlineStatus),
    "motion": (False, "str"),
    "sources": (False, "tags"),
}
CASE: Spec = {
    "slug": (True, "str"),
    "caption": (True, "str"),
    "short_name": (True, "str"),
    "docket_number": (True, "str"),
    "court": (True, "str"),
    "case_type": (True, CaseType),
    "filed_date": (False, "date"),
    "closed_date": (False, "date"),
    "summary": (False, "str"),
    "causes_of_action": (False, "list"),
    "relief_sought": (False, "str"),
    "sources": (False, "tags"),
    "judges": (False, CASE_JUDGE),
    "status_history": (False, STATUS),
    "parties": (False, CASE_PARTY),
    "docket_entries": (False, ENTRY),
    "motions": (False, MOTION),
    "rulings": (False, RULING),
    "deadlines": (False, DEADLINE),
}
LINK: Spec = {
    "from": (True, "str"),
    "to": (True, "str"),
    "kind": (True, LinkKind),
    "date": (False, "date"),
    "note": (False, "str"),
    "sources": (False, "tags"),
}
TOP: Spec = {
    "sources": (True, "map"),
    "courts": (True, COURT),
    "judges": (False, JUDGE),
    "firms": (False, FIRM),
    "attorneys": (False, ATTORNEY),
    "parties": (False, PARTY),
    "cases": (True, CASE),
    "links": (False, LINK),
}


def _check_value(path: str, value: Any, kind: Any, errors: list[str]) -> None:
    if value is None:
        return
    if isinstance(kind, dict):
        if not isinstance(value, list):
            errors.append(f"{path}: expected a list.")
            return
        for index, item in enumerate(value):
            _check_mapping(f"{path}[{index}]", item, kind, errors)
    elif isinstance(kind, type) and issubclass(kind, str) and hasattr(kind, "values"):
        if value not in kind.values:
            errors.append(f"{path}: {value!r} is not one of {', '.join(kind.values)}.")
    elif kind == "date" and not isinstance(value, datetime.date):
        errors.append(f"{path}: {value!r} is not a date (write YYYY-MM-DD).")
    elif kind == "int" and (not isinstance(value, int) or isinstance(value, bool) or value < 0):
        errors.append(f"{path}: {value!r} is not a whole number.")
    elif kind == "bool" and not isinstance(value, bool):
        errors.append(f"{path}: {value!r} is not true or false.")
    elif kind == "str" and not isinstance(value, str):
        errors.append(f"{path}: {value!r} is not text.")
    elif kind in ("list", "tags") and not (
        isinstance(value, list) and all(isinstance(v, str) for v in value)
    ):
        errors.append(f"{path}: expected a list of text values.")
    elif kind == "map" and not isinstance(value, dict):
        errors.append(f"{path}: expected a mapping.")


def _check_mapping(path: str, item: Any, spec: Spec, errors: list[str]) -> None:
    if not isinstance(item, dict):
        errors.append(f"{path}: expected a mapping of keys to values.")
        return
    for key in item:
        if key not in spec:
            errors.append(f"{path}: unknown key {key!r}.")
    for key, (required, kind) in spec.items():
        value = item.get(key)
        if required and value in (None, "", []):
            errors.append(f"{path}.{key}: required.")
        _check_value(f"{path}.{key}", value, kind, errors)


def _check_references(data: dict[str, Any], errors: list[str]) -> None:
    """Check that every name, code, tag, key and slug the file uses is defined in it."""
    tags = set(data.get("sources") or {})
    courts = {c["code"] for c in data["courts"]}
    judges = {j["name"] for j in data.get("judges") or []}
    firms = {f["name"] for f in data.get("firms") or []}
    attorneys = {a["name"] for a in data.get("attorneys") or []}
    parties = {p["name"] for p in data.get("parties") or []}
    slugs = [c["slug"] for c in data["cases"]]

    def need(path: str, value: Any, defined: set[str], what: str) -> None:
        if value not in (None, "") and value not in defined:
            errors.append(f"{path}: {value!r} is not a {what} defined in this file.")

    def need_tags(path: str, row: dict[str, Any]) -> None:
        for index, tag in enumerate(row.get("sources") or []):
            need(f"{path}.sources[{index}]", tag, tags, "source tag")

    for what, values in (("court code", [c["code"] for c in data["courts"]]), ("case slug", slugs)):
        for value, count in Counter(values).items():
            if count > 1:
                errors.append(f"{what} {value!r} is defined {count} times.")
    for i, court in enumerate(data["courts"]):
        need(f"courts[{i}].appeals_to", court.get("appeals_to"), courts, "court")
    for i, judge in enumerate(data.get("judges") or []):
        need(f"judges[{i}].court", judge["court"], courts, "court")
    for i, attorney in enumerate(data.get("attorneys") or []):
        need(f"attorneys[{i}].firm", attorney.get("firm"), firms, "firm")
    for i, party in enumerate(data.get("parties") or []):
        need_tags(f"parties[{i}]", party)
    for i, case in enumerate(data["cases"]):
        at = f"cases[{i}]"
        need(f"{at}.court", case["court"], courts, "court")
        need_tags(at, case)
        for j, judge in enumerate(case.get("judges") or []):
            need(f"{at}.judges[{j}].name", judge["name"], judges, "judge")
        for j, change in enumerate(case.get("status_history") or []):
            need_tags(f"{at}.status_history[{j}]", change)
        case_parties = set()
        for j, row in enumerate(case.get("parties") or []):
            need(f"{at}.parties[{j}].party", row["party"], parties, "party")
            need_tags(f"{at}.parties[{j}]", row)
            case_parties.add(row["party"])
            for k, counsel in enumerate(row.get("counsel") or []):
                where = f"{at}.parties[{j}].counsel[{k}]"
                need(f"{where}.attorney", counsel["attorney"], attorneys, "attorney")
                need(f"{where}.firm", counsel.get("firm"), firms, "firm")
                need_tags(where, counsel)
        numbers = {
            e["number"] for e in case.get("docket_entries") or [] if e.get("number") is not None
        }
        for j, entry in enumerate(case.get("docket_entries") or []):
            need_tags(f"{at}.docket_entries[{j}]", entry)
        motions = {}
        for j, motion in enumerate(case.get("motions") or []):
            where = f"{at}.motions[{j}]"
            if motion["key"] in motions:
                errors.append(f"{where}.key: {motion['key']!r} is used twice in this case.")
            motions[motion["key"]] = motion
            need(
                f"{where}.docket_entry", motion.get("docket_entry"), numbers, "docket entry number"
            )
            for k, movant in enumerate(motion.get("movants") or []):
                need(f"{where}.movants[{k}]", movant, case_parties, "party of this case")
            need_tags(where, motion)
        for j, ruling in enumerate(case.get("rulings") or []):
            where = f"{at}.rulings[{j}]"
            need(f"{where}.judge", ruling.get("judge"), judges, "judge")
            need(
                f"{where}.docket_entry", ruling.get("docket_entry"), numbers, "docket entry number"
            )
            need_tags(where, ruling)
            for k, decision in enumerate(ruling.get("decides") or []):
                need(f"{where}.decides[{k}].motion", decision["motion"], set(motions), "motion key")
        for j, deadline in enumerate(case.get("deadlines") or []):
            need(f"{at}.deadlines[{j}].motion", deadline.get("motion"), set(motions), "motion key")
            need_tags(f"{at}.deadlines[{j}]", deadline)
    for i, link in enumerate(data.get("links") or []):
        need(f"links[{i}].from", link["from"], set(slugs), "case slug")
        need(f"links[{i}].to", link["to"], set(slugs), "case slug")
        need_tags(f"links[{i}]", link)


def read(path: Path) -> dict[str, Any]:
    """Parse and check a docket file; raise ``SeedError`` listing every problem."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise SeedError([f"{path}: cannot be read ({exc.strerror})."]) from None
    except yaml.YAMLError as exc:
        raise SeedError([f"{path}: not valid YAML: {exc}"]) from None
    errors: list[str] = []
    _check_mapping("(top)", data, TOP, errors)
    if not errors:
        _check_references(data, errors)
    if errors:
        raise SeedError(errors)
    return data


# --- Writing ------------------------------------------------------------------------------------


@dataclass
class Loader:
    data: dict[str, Any]
    created: Counter[str] = field(default_factory=Counter)

    def urls(self, row: dict[str, Any]) -> str:
        return "\n".join(self.data["sources"][tag] for tag in row.get("sources") or [])

    def text(self, row: dict[str, Any], key: str) -> str:
        return (row.get(key) or "").strip()

    def load(self) -> Counter[str]:
        courts = self.load_courts()
        judges = {
            j["name"]: self.get_or_create(
                Judge,
                {"court": courts[j["court"]], "name": j["name"]},
                lambda j=j: Judge.objects.create(
                    court=courts[j["court"]], name=j["name"], title=self.text(j, "title")
                ),
            )
            for j in self.data.get("judges") or []
        }
        firms = {
            f["name"]: self.get_or_create(
                LawFirm,
                {"name": f["name"]},
                lambda f=f: party_services.firm_create(name=f["name"], city=self.text(f, "city")),
            )
            for f in self.data.get("firms") or []
        }
        attorneys = {
            a["name"]: self.get_or_create(
                Attorney,
                {"name": a["name"]},
                lambda a=a: party_services.attorney_create(
                    name=a["name"], firm=firms.get(a.get("firm"))
                ),
            )
            for a in self.data.get("attorneys") or []
        }
        parties = {
            p["name"]: self.get_or_create(
                Party,
                {"name": p["name"]},
                lambda p=p: party_services.party_create(
                    name=p["name"],
                    kind=p["kind"],
                    description=self.text(p, "description"),
                    sources=self.urls(p),
                ),
            )
            for p in self.data.get("parties") or []
        }
        cases = {
            row["slug"]: self.load_case(row, courts, judges, firms, attorneys, parties)
            for row in self.data["cases"]
        }
        for link in self.data.get("links") or []:
            self.get_or_create(
                CaseLink,
                {
                    "from_case": cases[link["from"]],
                    "to_case": cases[link["to"]],
                    "kind": link["kind"],
                },
                lambda link=link: services.case_link_create(
                    from_case=cases[link["from"]],
                    to_case=cases[link["to"]],
                    kind=link["kind"],
                    date=link.get("date"),
                    note=self.text(link, "note"),
                    sources=self.urls(link),
                ),
            )
        return self.created

    def get_or_create(self, model: type, lookup: dict[str, Any], create: Any) -> Any:
        row = model._default_manager.filter(**lookup).first()
        if row is None:
            try:
                row = create()
            except ValidationError as exc:
                where = ", ".join(f"{key}={value}" for key, value in lookup.items())
                raise SeedError(
                    [f"{model._meta.verbose_name} ({where}): {m}" for m in exc.messages]
                ) from None
            self.created[model._meta.verbose_name_plural] += 1
        return row

    def load_courts(self) -> dict[str, Court]:
        courts: dict[str, Court] = {}
        for row in self.data["courts"]:
            values = {k: row.get(k) or "" for k in ("name", "short_name", "level", "state")}
            values |= {"time_zone": row["time_zone"], "holiday_calendar": row["holiday_calendar"]}

            def create(row: dict[str, Any] = row, values: dict[str, Any] = values) -> Court:
                court = Court(code=row["code"], **values)
                court.full_clean(exclude=["appeals_to"])
                court.save()
                return court

            courts[row["code"]] = self.get_or_create(Court, {"code": row["code"]}, create)
        for row in self.data["courts"]:
            court = courts[row["code"]]
            target = courts.get(row.get("appeals_to") or "")
            if target is not None and court.appeals_to_id is None:
                court.appeals_to = target
                court.save(update_fields=["appeals_to"])
        return courts

    def load_case(
        self,
        row: dict[str, Any],
        courts: dict[str, Court],
        judges: dict[str, Judge],
        firms: dict[str, LawFirm],
        attorneys: dict[str, Attorney],
        parties: dict[str, Party],
    ) -> Case:
        case = self.get_or_create(
            Case,
            {"slug": row["slug"]},
            lambda: services.case_create(
                slug=row["slug"],
                caption=row["caption"].strip(),
                short_name=row["short_name"],
                docket_number=row["docket_number"],
                court=courts[row["court"]],
                case_type=row["case_type"],
                filed_date=row.get("filed_date"),
                closed_date=row.get("closed_date"),
                summary=self.text(row, "summary"),
                causes_of_action="\n".join(row.get("causes_of_action") or []),
                relief_sought=self.text(row, "relief_sought"),
                sources=self.urls(row),
            ),
        )
        for judge in row.get("judges") or []:
            self.get_or_create(
                CaseJudge,
                {"case": case, "judge": judges[judge["name"]], "role": judge["role"]},
                lambda judge=judge: CaseJudge.objects.create(
                    case=case, judge=judges[judge["name"]], role=judge["role"]
                ),
            )
        for change in row.get("status_history") or []:
            self.get_or_create(
                StatusChange,
                {"case": case, "to_status": change["status"], "effective_date": change.get("date")},
                lambda change=change: services.case_status_change(
                    case=case,
                    status=change["status"],
                    effective_date=change.get("date"),
                    note=self.text(change, "note"),
                    sources=self.urls(change),
                ).status_changes.latest("pk"),
            )
        case_parties = self.load_case_parties(case, row, firms, attorneys, parties)
        entries = self.load_entries(case, row)
        motions = self.load_motions(case, row, case_parties, entries)
        self.load_rulings(case, row, judges, entries, motions)
        for deadline in row.get("deadlines") or []:
            self.get_or_create(
                Deadline,
                {"case": case, "title": deadline["title"]},
                lambda d=deadline: services.deadline_set(
                    case=case,
                    title=d["title"],
                    kind=d["kind"],
                    due_date=d["due_date"],
                    basis=d.get("basis") or DeadlineBasis.SET_BY_ORDER,
                    status=d.get("status") or DeadlineStatus.OPEN,
                    motion=motions.get(d.get("motion")),
                    sources=self.urls(d),
                    occurred_on=None,
                ),
            )
        return Case.objects.get(pk=case.pk)

    def load_case_parties(
        self,
        case: Case,
        row: dict[str, Any],
        firms: dict[str, LawFirm],
        attorneys: dict[str, Attorney],
        parties: dict[str, Party],
    ) -> dict[str, CaseParty]:
        by_name: dict[str, CaseParty] = {}
        for item in row.get("parties") or []:
            party = parties[item["party"]]
            case_party = self.get_or_create(
                CaseParty,
                {"case": case, "party": party, "role": item["role"]},
                lambda item=item, party=party: party_services.case_party_add(
                    case=case,
                    party=party,
                    role=item["role"],
                    joined_date=item.get("joined_date"),
                    terminated_date=item.get("terminated_date"),
                    note=self.text(item, "note"),
                    sources=self.urls(item),
                ),
            )
            by_name.setdefault(item["party"], case_party)
            for counsel in item.get("counsel") or []:
                attorney = attorneys[counsel["attorney"]]
                self.get_or_create(
                    Representation,
                    {"attorney": attorney, "case_party": case_party, "role": counsel["role"]},
                    lambda c=counsel, a=attorney, cp=case_party: party_services.representation_add(
                        attorney=a,
                        case_party=cp,
                        firm=firms.get(c.get("firm")),
                        role=c["role"],
                        start_date=c.get("start_date"),
                        end_date=c.get("end_date"),
                        sources=self.urls(c),
                    ),
                )
        return by_name

    def load_entries(self, case: Case, row: dict[str, Any]) -> dict[int, DocketEntry]:
        by_number: dict[int, DocketEntry] = {}
        for item in row.get("docket_entries") or []:
            number = item.get("number")
            lookup: dict[str, Any] = {"case": case}
            if number is not None:
                lookup["number"] = number
            else:
                lookup |= {
                    "number": None,
                    "filed_date": item["filed_date"],
                    "text": item["text"].strip(),
                }
            entry = self.get_or_create(
                DocketEntry,
                lookup,
                lambda item=item: services.docket_entry_add(
                    case=case,
                    number=item.get("number"),
                    filed_date=item["filed_date"],
                    text=item["text"].strip(),
                    document_url=self.text(item, "document_url"),
                    sources=self.urls(item),
                ),
            )
            if number is not None:
                by_number[number] = entry
        return by_number

    def load_motions(
        self,
        case: Case,
        row: dict[str, Any],
        case_parties: dict[str, CaseParty],
        entries: dict[int, DocketEntry],
    ) -> dict[str, Motion]:
        motions: dict[str, Motion] = {}
        for item in row.get("motions") or []:

            def create(item: dict[str, Any] = item) -> Motion:
                motion = services.motion_file(
                    case=case,
                    title=item["title"],
                    kind=item["kind"],
                    filed_date=item.get("filed_date"),
                    movants=[case_parties[name] for name in item.get("movants") or []],
                    docket_entry=entries.get(item.get("docket_entry")),
                    summary=self.text(item, "summary"),
                    sources=self.urls(item),
                )
                if item.get("outcome_unknown"):
                    motion = services.motion_set_status(
                        motion=motion,
                        status=MotionStatus.UNKNOWN,
                        occurred_on=None,
                        note="outcome not confirmed by the sources",
                    )
                return motion

            motions[item["key"]] = self.get_or_create(
                Motion, {"case": case, "title": item["title"]}, create
            )
        return motions

    def load_rulings(
        self,
        case: Case,
        row: dict[str, Any],
        judges: dict[str, Judge],
        entries: dict[int, DocketEntry],
        motions: dict[str, Motion],
    ) -> None:
        for item in row.get("rulings") or []:
            self.get_or_create(
                Ruling,
                {"case": case, "title": item["title"]},
                lambda item=item: services.ruling_record(
                    case=case,
                    title=item["title"],
                    kind=item["kind"],
                    date=item.get("date"),
                    date_note=self.text(item, "date_note"),
                    judge=judges.get(item.get("judge") or ""),
                    summary=self.text(item, "summary"),
                    citation=self.text(item, "citation"),
                    docket_entry=entries.get(item.get("docket_entry")),
                    sources=self.urls(item),
                    decisions=[
                        (motions[d["motion"]], d["outcome"]) for d in item.get("decides") or []
                    ],
                ),
            )


def load(path: Path = DEFAULT_FILE) -> Counter[str]:
    """Check and load a docket file; return how many rows of each kind were created."""
    data = read(path)
    with transaction.atomic():
        last_event = CaseEvent.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        created = Loader(data).load()
        # The seed records history, not news: nobody is alerted about it, now or by the sweep.
        CaseEvent.objects.filter(pk__gt=last_event, dispatched_at__isnull=True).update(
            dispatched_at=timezone.now()
        )
        return created
