"""Courts, judges, cases, the related-case graph and everything that happens in a case.

Writes that carry a rule (a status change, a ruling deciding motions, a deadline moved) go through
``cases.services``; the models hold the data, the database constraints and the read helpers.

Importing the modules below in this order declares the models in the order of the concepts
(courts, the case, its judges and links, the docket, motions and rulings, deadlines, status
changes and events), which is the order of each model's reverse relations (and so of the
objects listed on the admin's delete pages); ``tests/cases/test_models.py`` keeps it.
"""

from cases.models.case import Case
from cases.models.case_choices import CaseStatus, CaseType
from cases.models.case_judges import CaseJudge, JudgeRole
from cases.models.case_links import LINK_INVERSE_LABELS, CaseLink, LinkKind
from cases.models.checks import choices_check, validate_time_zone
from cases.models.courts import Court, CourtLevel, HolidayCalendar, Judge
from cases.models.deadline_choices import (
    DeadlineBasis,
    DeadlineKind,
    DeadlineStatus,
    PeriodDirection,
    PeriodTrigger,
    PeriodUnit,
    RuleSetChoice,
    ServiceMethod,
)
from cases.models.deadlines import Deadline
from cases.models.default_periods import DefaultPeriod
from cases.models.docket import DocketEntry, DocketImport, DocketSource, WebhookDelivery
from cases.models.events import CaseEvent, EventKind
from cases.models.motion_choices import MotionKind, MotionStatus, Outcome, RulingKind
from cases.models.motions import Motion, Ruling, RulingMotion
from cases.models.status_changes import StatusChange

# Staff's tags and notes on a case, after the case's own concepts (isort: the order matters).
from cases.models.notes import (  # isort: skip
    NOTE_MAX_LENGTH,
    TAG_NAME_MAX_LENGTH,
    CaseNote,
    CaseTag,
    NoteVisibility,
    Tag,
)

# Last, whatever the alphabet says: the analytics' summary is derived from every concept above.
from cases.models.analytics import AnalyticsRefresh, MotionOutcome, OutcomeGroup  # isort: skip

__all__ = [
    "LINK_INVERSE_LABELS",
    "NOTE_MAX_LENGTH",
    "TAG_NAME_MAX_LENGTH",
    "AnalyticsRefresh",
    "Case",
    "CaseEvent",
    "CaseJudge",
    "CaseLink",
    "CaseNote",
    "CaseStatus",
    "CaseTag",
    "CaseType",
    "Court",
    "CourtLevel",
    "Deadline",
    "DeadlineBasis",
    "DeadlineKind",
    "DeadlineStatus",
    "DefaultPeriod",
    "DocketEntry",
    "DocketImport",
    "DocketSource",
    "EventKind",
    "HolidayCalendar",
    "Judge",
    "JudgeRole",
    "LinkKind",
    "Motion",
    "MotionKind",
    "MotionOutcome",
    "MotionStatus",
    "NoteVisibility",
    "Outcome",
    "OutcomeGroup",
    "PeriodDirection",
    "PeriodTrigger",
    "PeriodUnit",
    "RuleSetChoice",
    "Ruling",
    "RulingKind",
    "RulingMotion",
    "ServiceMethod",
    "StatusChange",
    "Tag",
    "WebhookDelivery",
    "choices_check",
    "validate_time_zone",
]
