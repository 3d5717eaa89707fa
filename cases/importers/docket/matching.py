"""Find what the tracker already has: the case by its docket number, an entry by ids or text."""

from __future__ import annotations

import datetime
import re
from collections import defaultdict
from typing import Any

from cases.importers.docket.data import EntryData
from cases.models import Case, Court, DocketEntry

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
    """Return what two spellings of a number share (``21-cv-135`` and ``1:21-cv-00135``)."""
    match = _FEDERAL_NUMBER.match(" ".join(raw.split()))
    if match:
        return f"{match['year'][-2:]}-{match['type'].lower()}-{int(match['number'])}"
    return re.sub(r"[^a-z0-9]", "", raw.lower())


def case_find(court: Court, docket_number: str) -> Case | None:
    """Return the tracker's case with this docket number in this court, however it was spelled."""
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


class EntryIndex:
    """The case's entries, findable by CourtListener id, number, PACER sequence, date and text."""

    def __init__(self, entries: list[DocketEntry]) -> None:
        self.by_cl = {e.courtlistener_id: e for e in entries if e.courtlistener_id}
        self.by_number = {e.number: e for e in entries if e.number is not None}
        self.by_seq = {e.pacer_seq_no: e for e in entries if e.pacer_seq_no}
        self.by_date_text: dict[tuple[Any, str], list[DocketEntry]] = defaultdict(list)
        for entry in entries:
            self.by_date_text[(entry.filed_date, text_key(entry.text))].append(entry)
        self.matched: set[int] = set()

    def find(self, data: EntryData, filed: datetime.date) -> DocketEntry | None:
        """Return the entry not yet matched that ``data`` is: by id or number, else by text."""
        for found in (
            self.by_cl.get(data.courtlistener_id) if data.courtlistener_id else None,
            self.by_number.get(data.number) if data.number is not None else None,
            self.by_seq.get(data.pacer_seq_no) if data.pacer_seq_no else None,
        ):
            if found is not None and found.pk not in self.matched:
                return self._take(found)
        for candidate in self.by_date_text.get((filed, text_key(data.text)), []):
            if candidate.pk in self.matched:
                continue
            if candidate.number is None or candidate.number == data.number:
                return self._take(candidate)
        return None

    def _take(self, entry: DocketEntry) -> DocketEntry:
        self.matched.add(entry.pk)
        return entry


def text_key(text: str) -> str:
    return " ".join(text.split()).lower()
