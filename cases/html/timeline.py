"""A case's timeline: one ``<li>`` an event, with what the ruling and the docket entry add."""

from __future__ import annotations

from cases.html.parts import EVENT_LABELS, label, time_tag
from cases.models import CaseEvent, DocketEntry, DocketSource, Ruling
from tracker.html import escape, is_web_address

_IMPORTED_FROM = {
    DocketSource.PACER: "from PACER",
    DocketSource.COURTLISTENER: "from CourtListener",
}


def _ruling_notes(ruling: Ruling, dated: bool) -> list[str]:
    """Return the ruling's citation and, when the event has no date, the ruling's date note."""
    notes = []
    if ruling.citation:
        notes.append(f'<span class="meta">({escape(ruling.citation)})</span>')
    if not dated and ruling.date_note:
        notes.append(f'<span class="meta">— {escape(ruling.date_note)}</span>')
    return notes


def _entry_notes(entry: DocketEntry, english: bool) -> list[str]:
    """Return the entry's document link (http(s) only) and where an imported entry came from."""
    notes = []
    if is_web_address(entry.document_url):
        href = escape(entry.document_url)
        notes.append(f'<a href="{href}" rel="noopener noreferrer external">document</a>')
    if entry.source != DocketSource.MANUAL:
        notes.append(f'<span class="imported">{_IMPORTED_FROM[entry.source]}</span>')
        if entry.missing_from_source_since is not None:
            since = time_tag(entry.missing_from_source_since, english)
            notes.append(f'<span class="meta">no longer on the docket since {since}</span>')
    return notes


def timeline_item(event: CaseEvent, english: bool = True) -> str:
    """Return one event: when (in court), what kind, the summary, then the notes of its ruling
    and of its docket entry."""
    when = time_tag(event.occurred_on, english) or "date not confirmed"
    notes = []
    if event.ruling is not None:
        notes += _ruling_notes(event.ruling, event.occurred_on is not None)
    if event.docket_entry is not None:
        notes += _entry_notes(event.docket_entry, english)
    return (
        f'<li><span class="when">{when}</span> '
        f'<span class="badge">{label(EVENT_LABELS, event.kind)}</span> {escape(event.summary)}'
        f"{''.join(' ' + note for note in notes)}</li>\n"
    )
