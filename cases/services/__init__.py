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
from cases.services.computations import (
    ComputedDeadline,
    court_rule_set,
    deadline_check_due_date,
    deadline_compute,
    deadline_preview,
)
from cases.services.deadlines import (
    deadline_mark_met,
    deadline_move,
    deadline_set,
    deadline_update,
    deadline_vacate,
)
from cases.services.docket import (
    docket_entry_add,
    docket_entry_update,
    motion_check_movants,
    motion_file,
    motion_set_status,
    motion_update,
)
from cases.services.events import event_record, on_event_committed
from cases.services.notes import (
    case_tag_add,
    case_tag_remove,
    note_add,
    note_delete,
    note_update,
    tag_create,
    tag_merge,
    tag_name_and_slug,
    tag_rename,
)
from cases.services.proposals import (
    Proposal,
    deadline_proposals,
    deadlines_from_proposals,
    default_periods,
    proposal_rows,
    proposal_service_method,
)
from cases.services.retrigger import deadlines_retrigger
from cases.services.rulings import (
    ruling_check_decisions,
    ruling_decisions,
    ruling_motions,
    ruling_outcomes,
    ruling_record,
    ruling_update,
)

__all__ = [
    "ComputedDeadline",
    "Proposal",
    "court_rule_set",
    "deadline_check_due_date",
    "deadline_compute",
    "deadline_preview",
    "deadline_proposals",
    "deadlines_from_proposals",
    "deadlines_retrigger",
    "default_periods",
    "proposal_rows",
    "proposal_service_method",
    "case_create",
    "case_tag_add",
    "case_tag_remove",
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
    "note_add",
    "note_delete",
    "note_update",
    "on_event_committed",
    "ruling_check_decisions",
    "ruling_decisions",
    "ruling_motions",
    "ruling_outcomes",
    "ruling_record",
    "ruling_update",
    "tag_create",
    "tag_merge",
    "tag_name_and_slug",
    "tag_rename",
]
