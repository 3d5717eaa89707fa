"""Write a seeded case's docket: its entries, the motions filed and the rulings deciding them."""

from __future__ import annotations

from typing import Any

from cases import services
from cases.models import Case, DocketEntry, Judge, Motion, MotionStatus, Ruling
from cases.seed.writer import Writer
from parties.models import CaseParty


def entries_load(writer: Writer, case: Case, row: dict[str, Any]) -> dict[int, DocketEntry]:
    """Write the case's docket entries; return those with a number, by number."""
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
        entry = writer.get_or_create(
            DocketEntry,
            lookup,
            lambda item=item: services.docket_entry_add(
                case=case,
                number=item.get("number"),
                filed_date=item["filed_date"],
                text=item["text"].strip(),
                document_url=writer.text(item, "document_url"),
                sources=writer.urls(item),
            ),
        )
        if number is not None:
            by_number[number] = entry
    return by_number


def motions_load(
    writer: Writer,
    case: Case,
    row: dict[str, Any],
    case_parties: dict[str, CaseParty],
    entries: dict[int, DocketEntry],
) -> dict[str, Motion]:
    """Write the case's motions; return them by the file's key."""
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
                summary=writer.text(item, "summary"),
                sources=writer.urls(item),
            )
            if item.get("outcome_unknown"):
                motion = services.motion_set_status(
                    motion=motion,
                    status=MotionStatus.UNKNOWN,
                    occurred_on=None,
                    note="outcome not confirmed by the sources",
                )
            return motion

        motions[item["key"]] = writer.get_or_create(
            Motion, {"case": case, "title": item["title"]}, create
        )
    return motions


def rulings_load(
    writer: Writer,
    case: Case,
    row: dict[str, Any],
    judges: dict[str, Judge],
    entries: dict[int, DocketEntry],
    motions: dict[str, Motion],
) -> None:
    """Write the case's rulings, each with the motions it decides."""
    for item in row.get("rulings") or []:
        writer.get_or_create(
            Ruling,
            {"case": case, "title": item["title"]},
            lambda item=item: services.ruling_record(
                case=case,
                title=item["title"],
                kind=item["kind"],
                date=item.get("date"),
                date_note=writer.text(item, "date_note"),
                judge=judges.get(item.get("judge") or ""),
                summary=writer.text(item, "summary"),
                citation=writer.text(item, "citation"),
                docket_entry=entries.get(item.get("docket_entry")),
                sources=writer.urls(item),
                decisions=[(motions[d["motion"]], d["outcome"]) for d in item.get("decides") or []],
            ),
        )
