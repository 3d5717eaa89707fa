"""The court-rule deadline engine: pure functions, no Django models.

>>> from cases.deadlines import compute, RuleSet, Service
>>> compute(date(2021, 4, 2), 14, rule_set=RuleSet.FRCP, service=Service.MAIL).due_date
datetime.date(2021, 4, 19)
"""

from cases.deadlines.calendars import (
    CaliforniaJudicialHolidays,
    Closure,
    CourtCalendar,
    california_calendar,
    federal_calendar,
)
from cases.deadlines.engine import (
    Computation,
    ComputationError,
    Direction,
    RuleSet,
    Service,
    Step,
    Unit,
    compute,
    day_label,
    days_remaining,
)

__all__ = [
    "CaliforniaJudicialHolidays",
    "Closure",
    "Computation",
    "ComputationError",
    "CourtCalendar",
    "Direction",
    "RuleSet",
    "Service",
    "Step",
    "Unit",
    "california_calendar",
    "compute",
    "day_label",
    "days_remaining",
    "federal_calendar",
]
