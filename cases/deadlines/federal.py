"""Federal periods: FRCP 6 and FRAP 26, the same rules cited from each."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from cases.deadlines.choices import SERVICE_NOUNS, RuleSet, Service, Unit
from cases.deadlines.counting import ONE_DAY, Computer, DayCounter, Period
from cases.deadlines.steps import Step, day_label, plural, skipping

CITES = {
    RuleSet.FRCP: {
        "exclude": "FRCP 6(a)(1)(A)",
        "count": "FRCP 6(a)(1)(B)",
        "last": "FRCP 6(a)(1)(C)",
        "next": "FRCP 6(a)(5)",
        "holiday": "FRCP 6(a)(6)",
        "extra": "FRCP 6(d)",
    },
    RuleSet.FRAP: {
        "exclude": "FRAP 26(a)(1)(A)",
        "count": "FRAP 26(a)(1)(B)",
        "last": "FRAP 26(a)(1)(C)",
        "next": "FRAP 26(a)(5)",
        "holiday": "FRAP 26(a)(6)",
        "extra": "FRAP 26(c)",
    },
}

# The methods of service after which FRCP 6(d) and FRAP 26(c) add 3 days.
PLUS_THREE = {
    Service.MAIL,
    Service.MAIL_OUT_OF_STATE,
    Service.MAIL_INTERNATIONAL,
    Service.OVERNIGHT,
    Service.FAX,
    Service.CLERK,
    Service.CONSENTED,
}


def federal(rule_set: RuleSet) -> Computer:
    """Return the count of FRCP 6 or FRAP 26, citing ``rule_set``'s rules."""
    cite = CITES[rule_set]

    def run(counter: DayCounter, period: Period) -> tuple[list[Step], datetime.date]:
        count = _Count(counter, period, cite)
        due = count.roll(count.last_day())
        due = count.add_for_service(due)
        return count.steps, due

    return run


@dataclass
class _Count:
    """One federal count: its calendar, its period, the rules it cites and its steps so far."""

    counter: DayCounter
    period: Period
    cite: dict[str, str]
    steps: list[Step] = field(default_factory=list)

    def last_day(self) -> datetime.date:
        """Count the period from its trigger, excluding that day: its last day before a roll."""
        trigger, days, cite = self.period.trigger, self.period.days, self.cite
        self.steps.append(
            Step(
                f"Start from {day_label(trigger)} and exclude that day; count "
                f"{'forward' if self.period.after else 'backward'}.",
                cite["exclude"],
            )
        )
        if self.period.unit == Unit.CALENDAR_DAYS:
            due = trigger + days * self.period.step
            self.steps.append(
                Step(
                    f"Count every day, including intermediate Saturdays, Sundays and legal "
                    f"holidays: day {days} is {day_label(due)}.",
                    cite["count"],
                )
            )
            return due
        due, skipped = self.counter.court_days(trigger, days, self.period.step)
        self.steps.append(
            Step(
                f"Count {plural(days, 'court day')} (skipping Saturdays, Sundays and legal "
                f"holidays): the last is {day_label(due)}.{skipping(skipped)}",
                "local rule or order setting court days",
            )
        )
        return due

    def add_for_service(self, due: datetime.date) -> datetime.date:
        """Add the 3 days of FRCP 6(d) / FRAP 26(c) where the method of service adds them."""
        service, extra = self.period.service, self.cite["extra"]
        if service in PLUS_THREE:
            if self.period.from_judgment:
                self.steps.append(
                    Step(
                        f"No 3 days are added for service by {SERVICE_NOUNS[service]}: the "
                        "period runs from entry of judgment, not from service.",
                        extra,
                    )
                )
                return due
            if not self.period.after:
                self.steps.append(
                    Step(
                        "No 3 days are added for the method of service: that rule applies "
                        "only to periods after being served.",
                        extra,
                    )
                )
                return due
            due = due + 3 * ONE_DAY
            self.steps.append(
                Step(
                    f"Served by {SERVICE_NOUNS[service]}: add 3 days after the period would "
                    f"otherwise expire: {day_label(due)}.",
                    extra,
                )
            )
            return self.roll(due)
        if service in (Service.ELECTRONIC, Service.PERSONAL) and self.period.after:
            self.steps.append(Step(f"{service.label} adds no days.", extra))
        return due

    def roll(self, due: datetime.date) -> datetime.date:
        """Move a last day that is closed to the next (counting backward, previous) open day."""
        rolled, skipped = self.counter.roll(due, self.period.step)
        cite = self.cite
        if not skipped:
            self.steps.append(
                Step(
                    f"{day_label(due)} is not a Saturday, Sunday or legal holiday, so the "
                    "period ends that day.",
                    cite["last"],
                )
            )
            return due
        way = "next" if self.period.after else "previous"
        self.steps.append(
            Step(
                "The last day falls on a Saturday, Sunday or legal holiday, so the period "
                f"continues to the {way} day that is none of those "
                f"({self.counter.calendar.name}): {day_label(rolled)}. "
                f"Closed: {', '.join(skipped)}.",
                f"{cite['last']}, {cite['next']}, {cite['holiday']}",
            )
        )
        return rolled
