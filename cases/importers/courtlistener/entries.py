"""A CourtListener docket entry's JSON as the merge takes it."""

from __future__ import annotations

from typing import Any

from cases.importers.courtlistener.values import as_date, as_dicts, as_int, as_text, site_url
from cases.importers.docket import EntryData, clean_text


def _main_document(documents: list[dict[str, Any]]) -> dict[str, Any] | None:
    """Return the entry's own document (not an attachment), when CourtListener has it."""
    for document in documents:
        if document.get("document_type") == 1:
            return document
    for document in documents:
        if document.get("document_type") is None and not as_int(document.get("attachment_number")):
            return document
    return None


def entry_data(raw: dict[str, Any]) -> EntryData:
    """Return one docket entry (``docket-entries/`` or a webhook's result) for the merge."""
    documents = as_dicts(raw.get("recap_documents"))
    main = _main_document(documents)
    text = clean_text(as_text(raw.get("description")))
    if not text and main is not None:
        text = clean_text(as_text(main.get("description")))
    if not text:
        text = next(
            (clean_text(as_text(d.get("description"))) for d in documents if d.get("description")),
            "",
        )
    return EntryData(
        number=as_int(raw.get("entry_number")),
        date_filed=as_date(raw.get("date_filed")),
        date_entered=as_date(raw.get("date_entered")),
        text=text,
        pacer_doc_id=as_text(main.get("pacer_doc_id")).strip() if main else "",
        pacer_seq_no=as_text(raw.get("pacer_sequence_number")).strip(),
        courtlistener_id=as_int(raw.get("id")),
        document_url=site_url(main.get("absolute_url")) if main else "",
    )
