"""Docket numbers in each court's style ("1:24-cv-00042", "24-1234", "MDL No. 3042", ...)."""

from __future__ import annotations

import datetime

from demo.courts import (
    FEDERAL_APPELLATE,
    FEDERAL_DISTRICT,
    FEDERAL_SUPREME,
    JPML,
    STATE_TRIAL,
    CourtData,
)


def docket_number(court: CourtData, case_type: str, filed: datetime.date, number: int) -> str:
    """Return a docket number in the court's style; ``number`` counts its cases of the year."""
    year, yy = filed.year, filed.year % 100
    if court.level == FEDERAL_DISTRICT:
        kind = "md" if case_type == "mdl" else "cv"
        return f"{1 + number % 5}:{yy:02d}-{kind}-{number:05d}"
    if court.level == FEDERAL_APPELLATE:
        return f"{yy:02d}-{number:04d}"
    if court.level == FEDERAL_SUPREME:
        return f"{yy:02d}-{number}"
    if court.level == JPML:
        return f"MDL No. {(year - 2000) * 100 + number + 1000}"
    if court.state == "CA":
        if court.level == STATE_TRIAL:
            return f"{court.code[3:6].upper()}-{yy:02d}-{number:06d}"
        return f"{'ABCDEFG'[number % 7]}{yy:02d}{number:04d}"
    if court.state == "IL":
        if court.level == STATE_TRIAL:
            return f"{year}-CH-{number:05d}"
        return f"1-{yy:02d}-{number:04d}"
    if court.level == STATE_TRIAL:
        return f"{year}-CV-{number:06d}"
    return f"{year}-{number:05d}"
