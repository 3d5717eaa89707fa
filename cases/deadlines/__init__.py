"""The court-rule deadline engine: pure functions, no Django models.

``choices`` names the inputs, ``federal`` and ``california`` count each rule set's periods on
the ``calendars``, ``engine`` runs them (``compute``). ``today`` applies the rules to a tracked
court (its calendar, its today, the time left until a deadline): the one module here that reads
the models, so it is imported from its own path (``cases.deadlines.today``).

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
from cases.deadlines.choices import Direction, RuleSet, Service, Unit
from cases.deadlines.counting import ComputationError
from cases.deadlines.engine import Computation, compute, days_remaining
from cases.deadlines.steps import Step, day_label

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
