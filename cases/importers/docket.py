"""A docket from outside, whatever its source, and the one merge that writes it into the tracker.

The merge matches what is already there (the case by court and docket number, parties and
attorneys by name, entries by number, else by the court's ids, else by date and text), adds what
is new through the services and changes what changed, in one transaction: a docket that cannot be
taken whole writes nothing. Each new entry is reported as a ``CaseEvent`` (and so reaches the
case's followers) once; an imported entry the source no longer lists is kept and flagged.
"""

from __future__ import annotations

import datetime
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone
from simple_history.utils import update_change_reason

from cases import search, services
from cases.importers.courts import court_for_federal_id
from cases.importers.errors import DocketImportError
from cases.models import (
    Case,
    CaseJudge,
    CaseLink,
    CaseStatus,
    CaseType,
    Court,
    DocketEntry,
    DocketImport,
    DocketSource,
    Judge,
    JudgeRole,
    LinkKind,
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

NO_TEXT = "(The docket gives no text for this entry.)"
# Statuses that a termination on the court's docket closes; the others already say how it ended.
OPEN_STATUSES = {CaseStatus.FILED, CaseStatus.ACTIVE, CaseStatus.STAYED}


@dataclass
class AttorneyData:
    name: str
    contact: str = ""
    roles: list[str] = field(default_factory=list)


@dataclass
class PartyData:
    name: str
    role: str  # as the docket names it: "Plaintiff", "Defendant - Appellee", "Material Witness"
    date_terminated: datetime.date | None = None
    extra_info: str = ""
    attorneys: list[AttorneyData] = field(default_factory=list)


@dataclass
class EntryData:
    number: int | None
    date_filed: datetime.date | None
    text: str
    date_entered: datetime.date | None = None
    pacer_doc_id: str = ""
    pacer_seq_no: str = ""
    courtlistener_id: int | None = None
    document_url: str = ""


@dataclass
class EntryScope:
    """The part of a docket a report was run for ("Starting with document: 24", "From: ...")."""

    first_number: int | None = None
    last_number: int | None = None
    since: datetime.date | None = None
    until: datetime.date | None = None

    @property
    def limited(self) -> bool:
        return any(v is not None for v in vars(self).values())

    def covers(self, entry: DocketEntry) -> bool:
        """Whether the report would have listed ``entry`` (an entry it can't place: no)."""
        if self.first_number is not None or self.last_number is not None:
            if entry.number is None:
                return False
            if self.first_number is not None and entry.number < self.first_number:
                return False
            if self.last_number is not None and entry.number > self.last_number:
                return False
        if self.since is not None and entry.filed_date < self.since:
            return False
        return not (self.until is not None and entry.filed_date > self.until)


@dataclass
class DocketData:
    """One docket as a source gives it."""

    source: str  # a DocketSource
    court_id: str  # the tracker's court code, or a federal court's courts-db id (created if new)
    docket_number: str
    case_name: str
    case_type: str = CaseType.CIVIL
    date_filed: datetime.date | None = None
    date_terminated: datetime.date | None = None
    cause: str = ""
    nature_of_suit: str = ""
    jury_demand: str = ""
    jurisdiction: str = ""
    demand: str = ""
    judges: list[tuple[str, str]] = field(default_factory=list)  # (name, JudgeRole)
    # None: the source said nothing of the parties (a webhook's new entries), so none change.
    parties: list[PartyData] | None = field(default_factory=list)
    entries: list[EntryData] = field(default_factory=list)
    # True when ``entries`` is the whole docket (or the whole of ``scope``), so an imported entry
    # missing from it is flagged.
    complete: bool = True
    scope: EntryScope | None = None
    report_date: datetime.date | None = None
    courtlistener_docket_id: int | None = None
    # An appeal's lower-court case: (court id, docket number, date of the notice of appeal).
    appeal_from: tuple[str, str, datetime.date | None] | None = None


@dataclass
class MergeReport:
    """What a merge did (or, in a dry run, would do), in counts and in sentences."""

    case: Case | None = None
    case_created: bool = False
    dry_run: bool = False
    changes: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(
        default_factory=lambda: dict.fromkeys(
            (
                "entries_added",
                "entries_changed",
                "entries_unchanged",
                "entries_flagged",
                "parties_added",
                "parties_changed",
                "attorneys_added",
                "counsel_added",
                "counsel_changed",
                "judges_added",
            ),
            0,
        )
    )

    def count(self, key: str, n: int = 1) -> None:
        self.counts[key] += n

    @property
    def changed_anything(self) -> bool:
        return (
            self.case_created
            or any(n for key, n in self.counts.items() if key != "entries_unchanged")
            or bool(self.changes)
        )

    def summary(self) -> str:
        """One line: 'created Balbo v. Tilton: 3 entries added, 3 parties added, ...'."""
        c = self.counts
        parts = [
            f"{_n(c['entries_added'], 'entry', 'entries')} added",
            f"{c['entries_changed']} changed",
            f"{c['entries_unchanged']} unchanged",
        ]
        if c["entries_flagged"]:
            parts.append(f"{c['entries_flagged']} no longer on the docket (kept, flagged)")
        parts += [
            f"{_n(c['parties_added'], 'party', 'parties')} added",
            f"{c['counsel_added']} counsel added",
        ]
        if c["parties_changed"] or c["counsel_changed"]:
            parts.append(f"{c['parties_changed'] + c['counsel_changed']} parties/counsel changed")
        name = self.case.short_name if self.case else "?"
        if not self.changed_anything:
            entries = _n(c["entries_unchanged"], "entry", "entries")
            return f"no change to {name} ({entries}, all already there)"
        if self.case_created:
            verb = "would create" if self.dry_run else "created"
        else:
            verb = "would update" if self.dry_run else "updated"
        return f"{verb} {name}: " + ", ".join(parts)

    def as_json(self) -> dict[str, Any]:
        return {"case_created": self.case_created, "changes": self.changes[:200], **self.counts}


def _n(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


class _Rollback(Exception):  # noqa: N818 (control flow, never seen outside this module)
    """Raised at the end of a dry run to undo everything it wrote."""


# --- Docket numbers ---------------------------------------------------------------------------

_FEDERAL_NUMBER = re.compile(
    r"^\s*(?:(?P<office>\d{1,2})\s*:\s*)?(?P<year>\d{2}|\d{4})\s*-\s*(?P<type>[a-z]{1,4})"
    r"\s*-\s*(?P<number>\d{1,6})(?:-[a-z0-9-]*)?\s*$",
    re.IGNORECASE,
)


def docket_number_normalize(raw: str) -> str:
    """Write a docket number as the tracker stores it: ``1:21-cv-00135`` (no judge initials)."""
    text = " ".join(raw.split())
    match = _FEDERAL_NUMBER.match(text)
    if not match:
        return text
    office = f"{int(match['office'])}:" if match["office"] else ""
    year = match["year"][-2:]
    return f"{office}{year}-{match['type'].lower()}-{int(match['number']):05d}"


def docket_number_key(raw: str) -> str:
    """What two spellings of one docket number share (``21-cv-135`` and ``1:21-cv-00135``)."""
    match = _FEDERAL_NUMBER.match(" ".join(raw.split()))
    if match:
        return f"{match['year'][-2:]}-{match['type'].lower()}-{int(match['number'])}"
    return re.sub(r"[^a-z0-9]", "", raw.lower())


def case_find(court: Court, docket_number: str) -> Case | None:
    """The tracker's case with this docket number in this court, however it was spelled."""
    exact = Case.objects.filter(court=court, docket_number=docket_number).first()
    if exact is not None:
        return exact
    key = docket_number_key(docket_number)
    digits = re.findall(r"\d+", docket_number)
    candidates = Case.objects.filter(court=court)
    if digits:
        candidates = candidates.filter(docket_number__contains=str(int(digits[-1])))
    for case in candidates.only("pk", "docket_number"):
        if docket_number_key(case.docket_number) == key:
            return Case.objects.get(pk=case.pk)
    return None


# --- Parties and counsel ----------------------------------------------------------------------

_ROLE_WORDS = [
    ("appellant", PartyRole.APPELLANT),
    ("appellee", PartyRole.APPELLEE),
    ("petitioner", PartyRole.PETITIONER),
    ("respondent", PartyRole.RESPONDENT),
    ("intervenor", PartyRole.INTERVENOR),
    ("amicus", PartyRole.AMICUS),
    ("objector", PartyRole.OBJECTOR),
    ("interested party", PartyRole.INTERESTED_PARTY),
    ("movant", PartyRole.MOVANT),
    ("plaintiff", PartyRole.PLAINTIFF),
    ("defendant", PartyRole.DEFENDANT),
    ("claimant", PartyRole.CLAIMANT),
]


def clean_text(value: str | None) -> str:
    """Collapse the non-breaking spaces and runs of blanks that docket HTML is full of."""
    return " ".join((value or "").replace("\xa0", " ").split())


def party_role(docket_role: str) -> str:
    """Map a docket's party type onto the tracker's roles ('Defendant - Appellee' -> appellee)."""
    text = clean_text(docket_role).lower()
    if re.search(r"\b(counter|cross|third[- ]party)\b", text):
        return PartyRole.OTHER
    for word, role in _ROLE_WORDS:
        if word in text:
            return role
    return PartyRole.OTHER


_ORGANIZATION = re.compile(
    r"\b(inc|incorporated|llc|l\.l\.c|llp|l\.l\.p|lp|l\.p|ltd|limited|corp|corporation|co|"
    r"company|companies|plc|gmbh|s\.a|n\.a|bank|trust|association|assn|group|holdings|"
    r"foundation|union|university|college|partners|partnership|fund|church|society|institute|"
    r"services|systems|technologies|hospital|center|centre|enterprises|international|"
    r"network|club|council|coalition|committee|et al)\b\.?",
    re.IGNORECASE,
)
_GOVERNMENT = re.compile(
    r"\b(united states|usa|state of|commonwealth of|people of|county|city of|town of|village of|"
    r"department|dept|bureau|agency|commission|administration|board|district attorney|"
    r"attorney general|government|federal|police|sheriff|secretary|commissioner|warden|"
    r"correctional|corrections|municipality)\b",
    re.IGNORECASE,
)


def party_kind(name: str) -> str:
    """Guess a new party's kind from its name; editors can correct it in the admin."""
    if _ORGANIZATION.search(name):
        return PartyKind.ORGANIZATION
    if _GOVERNMENT.search(name):
        return PartyKind.GOVERNMENT
    words = name.split()
    if 1 < len(words) <= 5 and not re.search(r"\d", name):
        return PartyKind.PERSON
    return PartyKind.ORGANIZATION


_TERMINATED = re.compile(r"TERMINATED:\s*(\d{1,2})/(\d{1,2})/(\d{4})", re.IGNORECASE)


def _terminated_on(roles: list[str]) -> datetime.date | None:
    for role in roles:
        match = _TERMINATED.search(role)
        if match:
            month, day, year = (int(g) for g in match.groups())
            try:
                return datetime.date(year, month, day)
            except ValueError:
                return None
    return None


def representation_role(roles: list[str]) -> str:
    """The tracker's counsel role for a docket's role lines (LEAD ATTORNEY -> lead counsel)."""
    text = " ".join(roles).upper()
    if "LEAD ATTORNEY" in text:
        return RepresentationRole.LEAD
    if "PRO HAC VICE" in text:
        return RepresentationRole.PRO_HAC_VICE
    if "ATTORNEY TO BE NOTICED" in text or re.search(r"\b(COR|NTC)\b", text):
        return RepresentationRole.COUNSEL_OF_RECORD
    return RepresentationRole.COUNSEL


_NOT_A_FIRM = re.compile(
    r"^(\d|#|p\.?\s?o\.?\s+box|suite\b|ste\b|floor\b|room\b|direct:|fax:|phone:|tel|email:|"
    r"e-mail:|cell:|designation:|bar status:|\(\d{3}\))",
    re.IGNORECASE,
)
_ADDRESS_END = re.compile(r",\s*[A-Z]{2}\s+\d{5}")


def contact_firm(contact: str) -> str:
    """The firm named in an attorney's contact lines, or '' (pro se, or an address alone)."""
    if re.search(r"\bpro se\b", contact, re.IGNORECASE):
        return ""
    for raw in contact.splitlines():
        line = clean_text(raw)
        if not line or "@" in line or _NOT_A_FIRM.match(line):
            continue
        if _ADDRESS_END.search(line) or re.match(r"^[A-Za-z .]+,\s*[A-Z]{2}\b", line):
            return ""
        return line[:300]
    return ""


def contact_email(contact: str) -> str:
    for word in re.findall(r"[^\s<>()]+@[^\s<>()]+", contact):
        word = word.strip(".,;:")
        try:
            validate_email(word)
        except ValidationError:
            continue
        return word[:254]
    return ""


# --- The merge ----------------------------------------------------------------------------------


def docket_merge(
    data: DocketData,
    *,
    case: Case | None = None,
    actor: AbstractBaseUser | None = None,
    dry_run: bool = False,
    file_name: str = "",
) -> MergeReport:
    """Write ``data`` into the tracker (into ``case`` when given) and say what changed.

    One transaction: any problem raises ``DocketImportError`` and nothing is written. A dry run
    does everything, reports it, and rolls it back.
    """
    report = MergeReport(dry_run=dry_run)
    try:
        with transaction.atomic(), search.deferred():
            _merge(data, case=case, actor=actor, report=report, file_name=file_name)
            if dry_run:
                raise _Rollback
    except _Rollback:
        pass
    except ValidationError as error:
        raise DocketImportError(f"The docket could not be saved: {_sentence(error)}") from None
    except IntegrityError as error:
        raise DocketImportError(
            f"The docket could not be saved: {str(error).splitlines()[0]}"
        ) from None
    return report


def _sentence(error: ValidationError) -> str:
    if hasattr(error, "error_dict"):
        return " ".join(
            f"{name}: {' '.join(m for e in errors for m in e.messages)}"
            for name, errors in error.error_dict.items()
        )
    return " ".join(error.messages)


def _merge(
    data: DocketData,
    *,
    case: Case | None,
    actor: AbstractBaseUser | None,
    report: MergeReport,
    file_name: str,
) -> None:
    docket_number = docket_number_normalize(data.docket_number)
    if not docket_number:
        raise DocketImportError("The docket gives no docket number.")
    court = court_for_federal_id(data.court_id)
    if case is not None:
        _check_target(case, court, docket_number)
    else:
        case = case_find(court, docket_number)
    if case is None:
        case = _case_create(data, court, docket_number, actor)
        report.case_created = True
        report.changes.append(f"New case {case.short_name} ({court}, {docket_number}).")
    else:
        case = _case_update(case, data, actor, report)
    report.case = case
    _judges_merge(case, data, report)
    if data.parties is not None:
        _parties_merge(case, data.parties, report)
    _entries_merge(case, data, actor, report)
    if data.appeal_from:
        _appeal_link(case, *data.appeal_from, actor=actor, report=report)
    if data.source == DocketSource.COURTLISTENER and not report.changed_anything:
        return  # the hourly sync that found nothing new: the case's synced-at says it ran
    DocketImport.objects.create(
        case=case,
        source=data.source,
        report_date=data.report_date,
        actor=actor if actor is not None and actor.is_authenticated else None,
        file_name=file_name[:255],
        summary=report.as_json(),
    )


def _check_target(case: Case, court: Court, docket_number: str) -> None:
    if case.court_id != court.pk:
        raise DocketImportError(
            f"This docket is from {court}, but {case.short_name} is a case of {case.court}."
        )
    if docket_number_key(case.docket_number) != docket_number_key(docket_number):
        raise DocketImportError(
            f"This docket is No. {docket_number}, but {case.short_name} is No. "
            f"{case.docket_number}."
        )


def _appeal_link(
    case: Case,
    court_id: str,
    docket_number: str,
    date: datetime.date | None,
    *,
    actor: AbstractBaseUser | None,
    report: MergeReport,
) -> None:
    """Link an appeal to the case it comes from, when the tracker follows that case too."""
    court = Court.objects.filter(code=court_id).first()
    lower = case_find(court, docket_number_normalize(docket_number)) if court else None
    if lower is None or lower.pk == case.pk:
        return
    if CaseLink.objects.filter(from_case=case, to_case=lower, kind=LinkKind.APPEAL_FROM).exists():
        return
    services.case_link_create(
        from_case=case, to_case=lower, kind=LinkKind.APPEAL_FROM, date=date, actor=actor
    )
    report.changes.append(f"Related case: appeal from {lower.court} {lower.docket_number}.")


_CASE_FIELDS = ("cause", "nature_of_suit", "jury_demand", "jurisdiction", "demand")


def _case_create(
    data: DocketData, court: Court, docket_number: str, actor: AbstractBaseUser | None
) -> Case:
    name = clean_text(data.case_name) or f"No. {docket_number}"
    closed = data.date_terminated
    if closed and data.date_filed and closed < data.date_filed:
        closed = None
    fields: dict[str, Any] = {f: clean_text(getattr(data, f))[: _max(f)] for f in _CASE_FIELDS}
    return services.case_create(
        caption=name,
        short_name=name[:200],
        docket_number=docket_number[:60],
        court=court,
        case_type=data.case_type,
        status=CaseStatus.CLOSED if closed else CaseStatus.ACTIVE,
        filed_date=data.date_filed,
        closed_date=closed,
        courtlistener_docket_id=data.courtlistener_docket_id,
        actor=actor,
        **fields,
    )


def _max(field_name: str) -> int:
    return Case._meta.get_field(field_name).max_length


def _case_update(
    case: Case, data: DocketData, actor: AbstractBaseUser | None, report: MergeReport
) -> Case:
    changes: dict[str, Any] = {}
    for name in _CASE_FIELDS:
        value = clean_text(getattr(data, name))[: _max(name)]
        if value and value != getattr(case, name):
            changes[name] = value
    if data.date_filed and case.filed_date is None:
        changes["filed_date"] = data.date_filed
    elif data.date_filed and case.filed_date != data.date_filed:
        report.changes.append(
            f"The docket gives {data.date_filed:%Y-%m-%d} as the filing date; the tracker's "
            f"{case.filed_date:%Y-%m-%d} is kept."
        )
    filed = changes.get("filed_date", case.filed_date)
    terminated = data.date_terminated
    if terminated and filed and terminated < filed:
        terminated = None
    if terminated and case.closed_date is None:
        changes["closed_date"] = terminated
    if data.courtlistener_docket_id and case.courtlistener_docket_id is None:
        changes["courtlistener_docket_id"] = data.courtlistener_docket_id
    for name, value in changes.items():
        report.changes.append(f"{Case._meta.get_field(name).verbose_name.capitalize()}: {value}.")
    if changes:
        case = services.case_update(case=case, actor=actor, **changes)
    if terminated and case.status in OPEN_STATUSES:
        case = services.case_status_change(
            case=case,
            status=CaseStatus.CLOSED,
            effective_date=terminated,
            actor=actor,
            note=f"Terminated on the court's docket ({DocketSource(data.source).label}).",
        )
        report.changes.append(f"Status: closed (terminated {terminated:%Y-%m-%d}).")
    return case


_NO_JUDGE = {"", "not assigned", "unassigned", "none", "n/a"}


def _judges_merge(case: Case, data: DocketData, report: MergeReport) -> None:
    for raw_name, role in data.judges:
        name = clean_text(raw_name)[:200]
        if name.lower() in _NO_JUDGE:
            continue
        judge, _ = Judge.objects.get_or_create(court=case.court, name=name)
        _, created = CaseJudge.objects.get_or_create(case=case, judge=judge, role=role)
        if created:
            report.count("judges_added")
            report.changes.append(f"Judge: {name} ({JudgeRole(role).label.lower()}).")


def _party_for(name: str) -> Party:
    party = Party.objects.filter(name__iexact=name).first()
    return party or party_services.party_create(name=name, kind=party_kind(name))


def _parties_merge(case: Case, parties: list[PartyData], report: MergeReport) -> None:
    existing = {
        (cp.party_id, cp.role): cp
        for cp in CaseParty.objects.filter(case=case).select_related("party")
    }
    seen: dict[tuple[int, str], CaseParty] = {}
    for data in parties:
        name = clean_text(data.name)[:300]
        if not name:
            continue
        party = _party_for(name)
        role = party_role(data.role)
        key = (party.pk, role)
        values = {
            "docket_role": clean_text(data.role)[:100],
            "extra_info": (data.extra_info or "").replace("\xa0", " ").strip(),
            "terminated_date": data.date_terminated,
        }
        case_party = seen.get(key) or existing.get(key)
        if case_party is None:
            case_party = party_services.case_party_add(case=case, party=party, role=role, **values)
            report.count("parties_added")
            report.changes.append(f"Party: {name} ({values['docket_role'] or role}).")
        elif key not in seen:
            changed = {k: v for k, v in values.items() if v != getattr(case_party, k)}
            if changed:
                case_party = party_services.case_party_update(case_party=case_party, **changed)
                report.count("parties_changed")
                report.changes.append(f"Party changed: {name} ({', '.join(changed)}).")
        seen[key] = case_party
        for attorney in data.attorneys:
            _counsel_merge(case_party, attorney, report)


def _firm_for(name: str) -> LawFirm | None:
    if not name:
        return None
    firm = LawFirm.objects.filter(name__iexact=name).first()
    return firm or party_services.firm_create(name=name)


def _counsel_merge(case_party: CaseParty, data: AttorneyData, report: MergeReport) -> None:
    name = clean_text(data.name)[:200]
    if not name:
        return
    contact = (data.contact or "").replace("\xa0", " ").strip()
    firm = _firm_for(contact_firm(contact))
    attorney = Attorney.objects.filter(name__iexact=name).first()
    email = contact_email(contact)
    if attorney is None:
        attorney = party_services.attorney_create(name=name, firm=firm, email=email)
        report.count("attorneys_added")
    else:
        updates = {}
        if firm and attorney.firm_id != firm.pk:
            updates["firm"] = firm
        if email and not attorney.email:
            updates["email"] = email
        if updates:
            attorney = party_services.attorney_update(attorney=attorney, **updates)
    roles = [clean_text(r) for r in data.roles if clean_text(r)]
    values = {
        "role": representation_role(roles),
        "firm": firm,
        "docket_roles": "; ".join(roles)[:300],
        "contact": contact,
        "end_date": _terminated_on(roles),
    }
    current = Representation.objects.filter(attorney=attorney, case_party=case_party).first()
    if current is None:
        party_services.representation_add(attorney=attorney, case_party=case_party, **values)
        report.count("counsel_added")
        return
    changed = {k: v for k, v in values.items() if v != getattr(current, k)}
    if changed:
        party_services.representation_update(representation=current, **changed)
        report.count("counsel_changed")
        report.changes.append(
            f"Counsel changed: {name} for {case_party.party.name} ({', '.join(changed)})."
        )


class _Index:
    """The case's entries, findable by CourtListener id, number, PACER sequence, date and text."""

    def __init__(self, entries: list[DocketEntry]) -> None:
        self.by_cl = {e.courtlistener_id: e for e in entries if e.courtlistener_id}
        self.by_number = {e.number: e for e in entries if e.number is not None}
        self.by_seq = {e.pacer_seq_no: e for e in entries if e.pacer_seq_no}
        self.by_date_text: dict[tuple[Any, str], list[DocketEntry]] = defaultdict(list)
        for entry in entries:
            self.by_date_text[(entry.filed_date, _text_key(entry.text))].append(entry)
        self.matched: set[int] = set()

    def find(self, data: EntryData, filed: datetime.date) -> DocketEntry | None:
        for found in (
            self.by_cl.get(data.courtlistener_id) if data.courtlistener_id else None,
            self.by_number.get(data.number) if data.number is not None else None,
            self.by_seq.get(data.pacer_seq_no) if data.pacer_seq_no else None,
        ):
            if found is not None and found.pk not in self.matched:
                return self._take(found)
        for candidate in self.by_date_text.get((filed, _text_key(data.text)), []):
            if candidate.pk in self.matched:
                continue
            if candidate.number is None or candidate.number == data.number:
                return self._take(candidate)
        return None

    def _take(self, entry: DocketEntry) -> DocketEntry:
        self.matched.add(entry.pk)
        return entry


def _text_key(text: str) -> str:
    return " ".join(text.split()).lower()


def _entries_merge(
    case: Case, data: DocketData, actor: AbstractBaseUser | None, report: MergeReport
) -> None:
    existing = list(DocketEntry.objects.filter(case=case).order_by("pk"))
    index = _Index(existing)
    numbers_taken = {e.number for e in existing if e.number is not None}
    today = data.report_date or timezone.localdate()
    label = DocketSource(data.source).label
    for item in data.entries:
        filed = item.date_filed or item.date_entered or data.report_date
        if filed is None:
            report.changes.append(f"Skipped an entry with no date: {item.text[:80]!r}.")
            continue
        text = (item.text or "").replace("\xa0", " ").strip() or NO_TEXT
        found = index.find(item, filed)
        if found is None:
            number = item.number
            if number is not None and number in numbers_taken:
                number = None  # the docket repeats a number; the entry is kept without it
            if number is not None:
                numbers_taken.add(number)
            entry = services.docket_entry_add(
                case=case,
                filed_date=filed,
                text=text,
                number=number,
                document_url=_http_url(item.document_url),
                actor=actor,
                source=data.source,
                date_entered=item.date_entered,
                pacer_doc_id=item.pacer_doc_id[:40],
                pacer_seq_no=item.pacer_seq_no[:40],
                courtlistener_id=item.courtlistener_id,
            )
            index.matched.add(entry.pk)
            report.count("entries_added")
            continue
        changes = _entry_changes(found, item, text, filed, numbers_taken)
        if not changes:
            report.count("entries_unchanged")
            continue
        entry = services.docket_entry_update(entry=found, actor=actor, **changes)
        if "text" in changes:
            update_change_reason(entry, f"Text changed in the {label} of {today:%Y-%m-%d}.")
        report.count("entries_changed")
        what = ", ".join(c.replace("_", " ") for c in changes)
        report.changes.append(f"Entry {entry.number or entry.filed_date} changed: {what}.")
    if data.complete:
        gone = [
            e
            for e in existing
            if e.pk not in index.matched
            and e.source != DocketSource.MANUAL
            and e.missing_from_source_since is None
            and (data.scope is None or data.scope.covers(e))
        ]
        for entry in gone:
            DocketEntry.objects.filter(pk=entry.pk).update(missing_from_source_since=today)
            report.changes.append(
                f"Entry {entry.number or entry.filed_date} is no longer on the docket; kept."
            )
        report.count("entries_flagged", len(gone))


def _entry_changes(
    found: DocketEntry,
    item: EntryData,
    text: str,
    filed: datetime.date,
    numbers_taken: set[int],
) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    if _text_key(found.text) != _text_key(text):
        changes["text"] = text
    if found.filed_date != filed:
        changes["filed_date"] = filed
    if item.date_entered and found.date_entered != item.date_entered:
        changes["date_entered"] = item.date_entered
    if found.number is None and item.number is not None and item.number not in numbers_taken:
        changes["number"] = item.number
        numbers_taken.add(item.number)
    for name in ("pacer_doc_id", "pacer_seq_no"):
        value = getattr(item, name)[:40]
        if value and getattr(found, name) != value:
            changes[name] = value
    if item.courtlistener_id and found.courtlistener_id != item.courtlistener_id:
        changes["courtlistener_id"] = item.courtlistener_id
    url = _http_url(item.document_url)
    if url and found.document_url != url:
        changes["document_url"] = url
    if found.missing_from_source_since is not None:
        changes["missing_from_source_since"] = None
    return changes


def _http_url(url: str) -> str:
    url = (url or "").strip()
    return url[:500] if re.match(r"^https?://", url, re.IGNORECASE) else ""
