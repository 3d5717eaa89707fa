"""A docket from outside as a source gives it: the case, its parties and counsel, its entries."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from cases.models import CaseType, DocketEntry


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
        """Return whether the report would have listed ``entry`` (an entry it can't place: no)."""
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
