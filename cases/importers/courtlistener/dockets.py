"""A CourtListener docket's JSON, with its entries, parties and attorneys, as a DocketData."""

from __future__ import annotations

import re
from typing import Any

from cases.importers.courtlistener.entries import entry_data
from cases.importers.courtlistener.errors import CourtListenerError
from cases.importers.courtlistener.parties import parties_data
from cases.importers.courtlistener.values import as_date, as_dicts, as_int, as_text
from cases.importers.courts import federal_court_info
from cases.importers.docket import DocketData, clean_text
from cases.models import CaseType, DocketSource, JudgeRole


def _court_id(docket: dict[str, Any]) -> str:
    """Return the courts-db id of the docket's court ('' when it names none)."""
    court = as_text(docket.get("court_id")).strip().lower()
    if court:
        return court
    match = re.search(r"/courts/([a-z0-9]+)/?$", as_text(docket.get("court")).strip())
    return match.group(1).lower() if match else ""


def _case_type(court_id: str, docket_number: str) -> str:
    """Return the type of case a court and docket number say."""
    if court_id == "jpml":
        return CaseType.MDL
    info = federal_court_info(court_id) or {}
    if info.get("type") == "appellate":
        return CaseType.APPEAL
    if re.search(r"-(cr|mj|po)-", docket_number.lower()):
        return CaseType.CRIMINAL
    return CaseType.CIVIL


def _judges(docket: dict[str, Any]) -> list[tuple[str, str]]:
    """Return the docket's assigned judge and the magistrate judge it is referred to."""
    judges: list[tuple[str, str]] = []
    if clean_text(as_text(docket.get("assigned_to_str"))):
        judges.append((clean_text(docket["assigned_to_str"]), JudgeRole.PRESIDING))
    if clean_text(as_text(docket.get("referred_to_str"))):
        judges.append((clean_text(docket["referred_to_str"]), JudgeRole.MAGISTRATE))
    return judges


def docket_data(
    docket: dict[str, Any],
    *,
    entries: list[dict[str, Any]],
    parties: list[dict[str, Any]],
    attorneys: list[dict[str, Any]],
    docket_id: int | None = None,
) -> DocketData:
    """Return a CourtListener docket with its entries, parties and attorneys, for the merge.

    ``complete`` is False: a CourtListener (RECAP) docket has the entries someone bought or
    uploaded, so an entry the tracker has from PACER and CourtListener lacks is not flagged.
    """
    docket_id = docket_id or as_int(docket.get("id"))
    if docket_id is None:
        raise CourtListenerError("CourtListener's docket has no id.")
    court_id = _court_id(docket)
    if not court_id:
        raise CourtListenerError(f"CourtListener's docket {docket_id} names no court.")
    docket_number = clean_text(as_text(docket.get("docket_number")))
    jury = clean_text(as_text(docket.get("jury_demand")))
    return DocketData(
        source=DocketSource.COURTLISTENER,
        court_id=court_id,
        docket_number=docket_number,
        case_name=clean_text(
            as_text(docket.get("case_name"))
            or as_text(docket.get("case_name_full"))
            or as_text(docket.get("case_name_short"))
        ),
        case_type=_case_type(court_id, docket_number),
        date_filed=as_date(docket.get("date_filed")),
        date_terminated=as_date(docket.get("date_terminated")),
        cause=as_text(docket.get("cause")),
        nature_of_suit=as_text(docket.get("nature_of_suit")),
        jury_demand="" if jury.lower() == "none" else jury,
        jurisdiction=as_text(docket.get("jurisdiction_type")),
        judges=_judges(docket),
        parties=parties_data(parties, attorneys, docket_id=docket_id),
        entries=[entry_data(raw) for raw in as_dicts(entries)],
        complete=False,
        courtlistener_docket_id=docket_id,
    )
