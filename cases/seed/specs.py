"""The shape of a docket file (SCHEMA.md): each mapping's keys, whether required, their kinds."""

from __future__ import annotations

from typing import Any

from cases.models import (
    CaseStatus,
    CaseType,
    CourtLevel,
    DeadlineBasis,
    DeadlineKind,
    DeadlineStatus,
    HolidayCalendar,
    JudgeRole,
    LinkKind,
    MotionKind,
    Outcome,
    RulingKind,
)
from parties.models import PartyKind, PartyRole, RepresentationRole

# Each spec maps a key to (required, kind); kind is "str", "date", "int", "bool", "list", "tags",
# a TextChoices class, or a nested spec (for lists of mappings).
Spec = dict[str, tuple[bool, Any]]

COURT: Spec = {
    "code": (True, "str"),
    "name": (True, "str"),
    "short_name": (True, "str"),
    "level": (True, CourtLevel),
    "state": (False, "str"),
    "time_zone": (True, "str"),
    "holiday_calendar": (True, HolidayCalendar),
    "appeals_to": (False, "str"),
}
JUDGE: Spec = {"name": (True, "str"), "court": (True, "str"), "title": (False, "str")}
FIRM: Spec = {"name": (True, "str"), "city": (False, "str")}
ATTORNEY: Spec = {"name": (True, "str"), "firm": (False, "str")}
PARTY: Spec = {
    "name": (True, "str"),
    "kind": (True, PartyKind),
    "description": (False, "str"),
    "sources": (False, "tags"),
}
COUNSEL: Spec = {
    "attorney": (True, "str"),
    "firm": (False, "str"),
    "role": (True, RepresentationRole),
    "start_date": (False, "date"),
    "end_date": (False, "date"),
    "sources": (False, "tags"),
}
CASE_PARTY: Spec = {
    "party": (True, "str"),
    "role": (True, PartyRole),
    "joined_date": (False, "date"),
    "terminated_date": (False, "date"),
    "note": (False, "str"),
    "sources": (False, "tags"),
    "counsel": (False, COUNSEL),
}
CASE_JUDGE: Spec = {"name": (True, "str"), "role": (True, JudgeRole)}
STATUS: Spec = {
    "status": (True, CaseStatus),
    "date": (False, "date"),
    "note": (False, "str"),
    "sources": (False, "tags"),
}
ENTRY: Spec = {
    "number": (False, "int"),
    "filed_date": (True, "date"),
    "text": (True, "str"),
    "document_url": (False, "str"),
    "sources": (False, "tags"),
}
MOTION: Spec = {
    "key": (True, "str"),
    "kind": (True, MotionKind),
    "title": (True, "str"),
    "filed_date": (False, "date"),
    "movants": (False, "list"),
    "docket_entry": (False, "int"),
    "summary": (False, "str"),
    "outcome_unknown": (False, "bool"),
    "sources": (False, "tags"),
}
DECISION: Spec = {"motion": (True, "str"), "outcome": (True, Outcome)}
RULING: Spec = {
    "date": (False, "date"),
    "date_note": (False, "str"),
    "kind": (True, RulingKind),
    "title": (True, "str"),
    "judge": (False, "str"),
    "summary": (False, "str"),
    "citation": (False, "str"),
    "docket_entry": (False, "int"),
    "decides": (False, DECISION),
    "sources": (False, "tags"),
}
DEADLINE: Spec = {
    "title": (True, "str"),
    "kind": (True, DeadlineKind),
    "due_date": (True, "date"),
    "basis": (False, DeadlineBasis),
    "status": (False, DeadlineStatus),
    "motion": (False, "str"),
    "sources": (False, "tags"),
}
CASE: Spec = {
    "slug": (True, "str"),
    "caption": (True, "str"),
    "short_name": (True, "str"),
    "docket_number": (True, "str"),
    "court": (True, "str"),
    "case_type": (True, CaseType),
    "filed_date": (False, "date"),
    "closed_date": (False, "date"),
    "summary": (False, "str"),
    "causes_of_action": (False, "list"),
    "relief_sought": (False, "str"),
    "sources": (False, "tags"),
    "judges": (False, CASE_JUDGE),
    "status_history": (False, STATUS),
    "parties": (False, CASE_PARTY),
    "docket_entries": (False, ENTRY),
    "motions": (False, MOTION),
    "rulings": (False, RULING),
    "deadlines": (False, DEADLINE),
}
LINK: Spec = {
    "from": (True, "str"),
    "to": (True, "str"),
    "kind": (True, LinkKind),
    "date": (False, "date"),
    "note": (False, "str"),
    "sources": (False, "tags"),
}
TOP: Spec = {
    "sources": (True, "map"),
    "courts": (True, COURT),
    "judges": (False, JUDGE),
    "firms": (False, FIRM),
    "attorneys": (False, ATTORNEY),
    "parties": (False, PARTY),
    "cases": (True, CASE),
    "links": (False, LINK),
}
