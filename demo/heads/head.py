"""The head of a demo case: what is decided about it before its rows are written."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field


@dataclass
class CaseHead:
    """What is decided about a case before its rows are written."""

    index: int
    case_id: int
    case_type: str
    court: int  # index into State.courts
    filed: datetime.date
    status: str
    closed: datetime.date | None
    end: datetime.date  # the last day the case can have activity: its closing, else today
    docket_number: str
    big: bool = False
    entries: int = 1
    motions: int = 0
    deadlines: int = 0
    rare: bool = False
    # (link id, kind, other case index, date, whether this case is the link's from_case)
    links: list[tuple[int, str, int, datetime.date, bool]] = field(default_factory=list)
