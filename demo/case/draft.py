"""A demo case while it is written: its parties, its docket, and the events its rows report."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field
from typing import Any

from demo.courts import CourtData
from demo.heads.head import CaseHead

# kind, date, summary, detail, then the ids (or NULL) of its deadline, docket entry, motion,
# ruling and status change.
Event = tuple[str, datetime.date, str, str, str, str, str, str, str]
Motion = dict[str, Any]
# ruling id, date, docket entry position (None: off the docket), [(motion, outcome), ...]
Ruling = tuple[int, datetime.date, int | None, list[tuple[Motion, str]]]


@dataclass
class CaseDraft:
    """One case as it is written: its head, court and parties, and the events of its rows."""

    head: CaseHead
    court: CourtData
    sides: list[list[int]]  # each side's parties, as indexes into State.parties
    case_parties: list[list[int]]  # their CaseParty ids
    names: list[list[str]]  # their names
    events: list[Event] = field(default_factory=list)


@dataclass
class Docket:
    """A case's docket entries (dates and ids), its motions and the rulings deciding them."""

    dates: list[datetime.date]
    entry_ids: list[int]
    closing: int  # the position of the entry that closes the case, else -1
    used: set[int] = field(default_factory=set)  # positions with a motion, ruling or closing
    motions: list[Motion] = field(default_factory=list)
    rulings: list[Ruling] = field(default_factory=list)
