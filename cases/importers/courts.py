"""Find the tracker's court for a federal court id (``ilnd``, ``ca7``, ``jpml``), creating it
from courts-db when the tracker does not have it yet."""

from __future__ import annotations

import functools
from typing import Any

from courts_db import courts as courts_db_courts

from cases.federal_courts import CIRCUITS, DISTRICTS, NYC
from cases.importers.errors import DocketImportError
from cases.models import Court, CourtLevel, HolidayCalendar

# code -> (state, circuit, time zone), from the table of the 94 districts.
_DISTRICTS = {code: (state, circuit, zone) for code, state, _, circuit, zone, _ in DISTRICTS}
_CIRCUIT_ZONES = {code: zone for code, _, zone, _ in CIRCUITS}
# Where a court of appeals sits, for its state column (the national ones have none).
_CIRCUIT_STATES = {
    "ca1": "MA", "ca2": "NY", "ca3": "PA", "ca4": "VA", "ca5": "LA", "ca6": "OH", "ca7": "IL",
    "ca8": "MO", "ca9": "CA", "ca10": "CO", "ca11": "GA", "cadc": "DC", "cafc": "",
}  # fmt: skip


@functools.cache
def _courts_db() -> dict[str, dict[str, Any]]:
    return {court["id"]: court for court in courts_db_courts}


def federal_court_info(court_id: str) -> dict[str, Any] | None:
    """The courts-db record of a federal court, or None."""
    info = _courts_db().get(court_id)
    if info is None or info.get("system") != "federal":
        return None
    return info


def _level(court_id: str, info: dict[str, Any]) -> str:
    if court_id == "jpml":
        return CourtLevel.JPML
    if court_id == "scotus":
        return CourtLevel.FEDERAL_SUPREME
    if info.get("type") == "appellate":
        return CourtLevel.FEDERAL_APPELLATE
    if info.get("type") in {"trial", "bankruptcy"}:
        return CourtLevel.FEDERAL_DISTRICT
    raise DocketImportError(
        f"{info.get('name', court_id).strip()} is not a federal district court, the JPML or a "
        "court of appeals, so its dockets cannot be imported."
    )


def _district_of(court_id: str) -> str:
    """The district a bankruptcy court belongs to (``canb`` -> ``cand``)."""
    if court_id.endswith("b") and f"{court_id[:-1]}d" in _DISTRICTS:
        return f"{court_id[:-1]}d"
    return court_id


def _place(court_id: str, level: str) -> tuple[str, str, str]:
    """(state, time zone, the code of the court it appeals to) of a federal court."""
    if level == CourtLevel.JPML:
        return "", NYC, ""
    if level == CourtLevel.FEDERAL_SUPREME:
        return "", NYC, ""
    if level == CourtLevel.FEDERAL_APPELLATE:
        return _CIRCUIT_STATES.get(court_id, ""), _CIRCUIT_ZONES.get(court_id, NYC), "scotus"
    district = _district_of(court_id)
    if district not in _DISTRICTS:
        raise DocketImportError(
            f"The tracker does not know the state, circuit and time zone of the court "
            f"{court_id!r}; add the court in the admin first."
        )
    state, circuit, zone = _DISTRICTS[district]
    # A bankruptcy court's orders go up to its district court.
    appeals_to = district if district != court_id else circuit
    return state, zone, appeals_to


def court_for_federal_id(court_id: str) -> Court:
    """Return the court with this code, created from courts-db (and the court above it) if new."""
    court_id = court_id.strip().lower()
    court = Court.objects.filter(code=court_id).first()
    if court is not None:
        return court
    info = federal_court_info(court_id)
    if info is None:
        raise DocketImportError(f"{court_id!r} is not the id of a federal court in courts-db.")
    level = _level(court_id, info)
    state, zone, appeals_to = _place(court_id, level)
    court = Court(
        code=court_id,
        name=" ".join(info["name"].split()),
        short_name=(info.get("citation_string") or court_id)[:60],
        level=level,
        state=state,
        time_zone=zone,
        holiday_calendar=HolidayCalendar.US_FEDERAL,
        appeals_to=court_for_federal_id(appeals_to) if appeals_to else None,
    )
    court.full_clean()
    court.save()
    return court
