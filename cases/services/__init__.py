"""Every write to cases/ that carries a rule goes through these functions.

The admin, the seed loader, the views and the tests all call them, so each rule has one path:
a change and the ``CaseEvent`` that reports it are written in one transaction.
"""

from cases.services.cases import (
    case_create,
    case_link_create,
    case_link_update,
    case_status_change,
    case_update,
)
from cases.services.deadlines import (
    Proposal,
    court_rule_set,
    deadline_compute,
    deadline_mark_met,
    deadline_move,
    deadline_proposals,
    deadline_set,
    deadline_update,
    deadline_vacate,
    deadlines_from_proposals,
    deadlines_retrigger,
    default_periods,
)
from cases.services.docket import (
    docket_entry_add,
    docket_entry_update,
    motion_check_movants,
    motion_file,
    motion_set_status,
    motion_update,
    ruling_check_decisions,
    ruling_record,
    ruling_update,
)
from cases.services.events import event_record, on_event_committed

__all__ = [
    "Proposal",
    "court_rule_set",
    "deadline_compute",
    "deadline_proposals",
    "deadlines_from_proposals",
    "deadlines_retrigger",
    "default_periods",
    "case_create",
    "case_link_create",
    "case_link_update",
    "case_status_change",
    "case_update",
    "deadline_mark_met",
    "deadline_move",
    "deadline_set",
    "deadline_update",
    "deadline_vacate",
    "docket_entry_add",
    "docket_entry_update",
    "event_record",
    "motion_check_movants",
    "motion_file",
    "motion_set_status",
    "motion_update",
    "on_event_committed",
    "ruling_check_decisions",
    "ruling_record",
    "ruling_update",
]
