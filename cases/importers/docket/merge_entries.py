"""Merge a docket's entries into a case: add the new, change the changed, flag the missing."""

from __future__ import annotations

import datetime
import re
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.utils import timezone
from simple_history.utils import update_change_reason

from cases import services
from cases.importers.docket.data import DocketData, EntryData
from cases.importers.docket.matching import EntryIndex, text_key
from cases.importers.docket.report import MergeReport
from cases.models import Case, DocketEntry, DocketSource

NO_TEXT = "(The docket gives no text for this entry.)"


def entries_merge(
    case: Case, data: DocketData, actor: AbstractBaseUser | None, report: MergeReport
) -> None:
    """Add the docket's new entries, change the changed ones and flag those it no longer lists."""
    merge = _EntriesMerge(case, data, actor, report)
    for item in data.entries:
        merge.take(item)
    if data.complete:
        merge.flag_missing()


class _EntriesMerge:
    """One docket's entries merged into its case: the case's entries and the numbers taken."""

    def __init__(
        self, case: Case, data: DocketData, actor: AbstractBaseUser | None, report: MergeReport
    ) -> None:
        self.case, self.data, self.actor, self.report = case, data, actor, report
        self.existing = list(DocketEntry.objects.filter(case=case).order_by("pk"))
        self.index = EntryIndex(self.existing)
        self.numbers_taken = {e.number for e in self.existing if e.number is not None}
        self.today = data.report_date or timezone.localdate()
        self.label = DocketSource(data.source).label

    def take(self, item: EntryData) -> None:
        """Add ``item`` as a new entry, or change the entry it matches."""
        filed = item.date_filed or item.date_entered or self.data.report_date
        if filed is None:
            self.report.changes.append(f"Skipped an entry with no date: {item.text[:80]!r}.")
            return
        text = (item.text or "").replace("\xa0", " ").strip() or NO_TEXT
        found = self.index.find(item, filed)
        if found is None:
            self._add(item, text, filed)
        else:
            self._change(found, item, text, filed)

    def _add(self, item: EntryData, text: str, filed: datetime.date) -> None:
        number = item.number
        if number is not None and number in self.numbers_taken:
            number = None  # the docket repeats a number; the entry is kept without it
        if number is not None:
            self.numbers_taken.add(number)
        entry = services.docket_entry_add(
            case=self.case,
            filed_date=filed,
            text=text,
            number=number,
            document_url=_http_url(item.document_url),
            actor=self.actor,
            source=self.data.source,
            date_entered=item.date_entered,
            pacer_doc_id=item.pacer_doc_id[:40],
            pacer_seq_no=item.pacer_seq_no[:40],
            courtlistener_id=item.courtlistener_id,
        )
        self.index.matched.add(entry.pk)
        self.report.count("entries_added")

    def _change(self, found: DocketEntry, item: EntryData, text: str, filed: datetime.date) -> None:
        changes = _entry_changes(found, item, text, filed, self.numbers_taken)
        if not changes:
            self.report.count("entries_unchanged")
            return
        entry = services.docket_entry_update(entry=found, actor=self.actor, **changes)
        if "text" in changes:
            reason = f"Text changed in the {self.label} of {self.today:%Y-%m-%d}."
            update_change_reason(entry, reason)
        self.report.count("entries_changed")
        what = ", ".join(c.replace("_", " ") for c in changes)
        self.report.changes.append(f"Entry {entry.number or entry.filed_date} changed: {what}.")

    def flag_missing(self) -> None:
        """Flag the imported entries the docket (or its scope) no longer lists; keep them."""
        scope = self.data.scope
        gone = [
            e
            for e in self.existing
            if e.pk not in self.index.matched
            and e.source != DocketSource.MANUAL
            and e.missing_from_source_since is None
            and (scope is None or scope.covers(e))
        ]
        for entry in gone:
            DocketEntry.objects.filter(pk=entry.pk).update(missing_from_source_since=self.today)
            self.report.changes.append(
                f"Entry {entry.number or entry.filed_date} is no longer on the docket; kept."
            )
        self.report.count("entries_flagged", len(gone))


def _entry_changes(
    found: DocketEntry,
    item: EntryData,
    text: str,
    filed: datetime.date,
    numbers_taken: set[int],
) -> dict[str, Any]:
    """Return what the docket changes of an entry, taking a number it newly gives."""
    changes: dict[str, Any] = {}
    if text_key(found.text) != text_key(text):
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
    """Return an http(s) address cut to the field's length, or '' for anything else."""
    url = (url or "").strip()
    return url[:500] if re.match(r"^https?://", url, re.IGNORECASE) else ""
