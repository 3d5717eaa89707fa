"""Deadline computation under FRCP 6, FRAP 26 and the California Code of Civil Procedure.

``compute()`` is pure: dates in, a ``Computation`` out, with every step explained and cited.
Nothing here touches Django or the database.
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Callable
from dataclasses import dataclass, field

from cases.deadlines.calendars import (
    FIRST_YEAR,
    LAST_YEAR,
    WEEKDAY_NAMES,
    Closure,
    CourtCalendar,
    california_calendar,
    federal_calendar,
)

ONE_DAY = datetime.timedelta(days=1)
MAX_DAYS = 3650


class ComputationError(ValueError):
    """The inputs cannot be computed; the message says why, for the person entering them."""


class RuleSet(enum.StrEnum):
    FRCP = "frcp"
    FRAP = "frap"
    CALIFORNIA = "california"

    @property
    def label(self) -> str:
        return RULE_SET_LABELS[self]


RULE_SET_LABELS = {
    RuleSet.FRCP: "Federal Rules of Civil Procedure (FRCP 6)",
    RuleSet.FRAP: "Federal Rules of Appellate Procedure (FRAP 26)",
    RuleSet.CALIFORNIA: "California Code of Civil Procedure (CCP 12-12c, 135, 1013, 1010.6)",
}


class Direction(enum.StrEnum):
    AFTER = "after"
    BEFORE = "before"


class Unit(enum.StrEnum):
    CALENDAR_DAYS = "calendar"
    COURT_DAYS = "court"


class Service(enum.StrEnum):
    """How the paper that starts (or, before a hearing, must precede) the period is served."""

    NONE = "none"
    PERSONAL = "personal"
    ELECTRONIC = "electronic"
    MAIL = "mail"
    MAIL_OUT_OF_STATE = "mail_us"
    MAIL_INTERNATIONAL = "mail_intl"
    OVERNIGHT = "overnight"
    FAX = "fax"
    CLERK = "clerk"
    CONSENTED = "consented"

    @property
    def label(self) -> str:
        return SERVICE_LABELS[self]


# How a step names the method: "served by mail".
SERVICE_NOUNS = {
    Service.PERSONAL: "personal delivery",
    Service.ELECTRONIC: "electronic service",
    Service.MAIL: "mail",
    Service.MAIL_OUT_OF_STATE: "mail",
    Service.MAIL_INTERNATIONAL: "mail",
    Service.OVERNIGHT: "overnight delivery",
    Service.FAX: "fax",
    Service.CLERK: "leaving it with the clerk",
    Service.CONSENTED: "other consented means",
}

SERVICE_LABELS = {
    Service.NONE: "Not triggered by service (filing, order, hearing, entry of judgment)",
    Service.PERSONAL: "Personal delivery",
    Service.ELECTRONIC: "Electronic service",
    Service.MAIL: "Mail (in California: mailed within California)",
    Service.MAIL_OUT_OF_STATE: "Mail to an address elsewhere in the United States",
    Service.MAIL_INTERNATIONAL: "Mail to an address outside the United States",
    Service.OVERNIGHT: "Express mail or overnight delivery",
    Service.FAX: "Fax",
    Service.CLERK: "Leaving it with the court clerk (FRCP 5(b)(2)(D))",
    Service.CONSENTED: "Other means the person consented to (FRCP 5(b)(2)(F))",
}

_FEDERAL_PLUS_THREE = {
    Service.MAIL,
    Service.MAIL_OUT_OF_STATE,
    Service.MAIL_INTERNATIONAL,
    Service.OVERNIGHT,
    Service.FAX,
    Service.CLERK,
    Service.CONSENTED,
}

# CCP 1013 and 1010.6: (amount, unit, citation) added for each method.
_CALIFORNIA_EXTENSIONS = {
    Service.MAIL: (5, Unit.CALENDAR_DAYS, "CCP 1013(a)", "mail within California"),
    Service.MAIL_OUT_OF_STATE: (
        10,
        Unit.CALENDAR_DAYS,
        "CCP 1013(a)",
        "mail to an address outside California but in the United States",
    ),
    Service.MAIL_INTERNATIONAL: (
        20,
        Unit.CALENDAR_DAYS,
        "CCP 1013(a)",
        "mail to an address outside the United States",
    ),
    Service.OVERNIGHT: (2, Unit.COURT_DAYS, "CCP 1013(c)", "express mail or overnight delivery"),
    Service.FAX: (2, Unit.COURT_DAYS, "CCP 1013(e)", "fax"),
    Service.ELECTRONIC: (2, Unit.COURT_DAYS, "CCP 1010.6(a)(3)(B)", "electronic service"),
}


@dataclass(frozen=True)
class Step:
    text: str
    citation: str = ""

    def __str__(self) -> str:
        return f"{self.text} [{self.citation}]" if self.citation else self.text


@dataclass(frozen=True)
class Computation:
    """A computed deadline and how it was reached."""

    due_date: datetime.date
    trigger_date: datetime.date
    days: int
    unit: Unit
    direction: Direction
    rule_set: RuleSet
    service: Service
    steps: tuple[Step, ...]
    calendar: str
    earliest_safe: datetime.date | None = None
    earliest_safe_reason: str = ""
    disputed: tuple[str, ...] = field(default=())

    @property
    def citations(self) -> list[str]:
        return list(dict.fromkeys(s.citation for s in self.steps if s.citation))

    @property
    def rule(self) -> str:
        """The citations in one short line, for the deadline's rule column."""
        return "; ".join(self.citations)[:200]

    @property
    def period(self) -> str:
        unit = "court day" if self.unit == Unit.COURT_DAYS else "day"
        return f"{self.days} {unit}{'' if self.days == 1 else 's'} {self.direction.value}"

    def explanation(self) -> str:
        """The steps as numbered lines, plus the earliest safe date when a reading gives one."""
        lines = [f"{n}. {step}" for n, step in enumerate(self.steps, 1)]
        lines.append(f"Due: {day_label(self.due_date)}.")
        if self.earliest_safe:
            lines.append(
                f"Earliest safe date: {day_label(self.earliest_safe)}. {self.earliest_safe_reason}"
            )
        return "\n".join(lines)


def day_label(day: datetime.date) -> str:
    return f"{WEEKDAY_NAMES[day.weekday()][:3]} {day:%Y-%m-%d}"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


class _Counter:
    """Counting and rolling on one calendar, noting the disputed closures it relied on."""

    def __init__(self, calendar: CourtCalendar, *, strict: bool) -> None:
        self.calendar = calendar
        self.strict = strict
        self.relied_on: dict[str, str] = {}  # disputed closure label -> why it is disputed

    def closed_because(self, day: datetime.date) -> list[Closure]:
        return [c for c in self.calendar.closures(day) if not (self.strict and c.disputed)]

    def is_open(self, day: datetime.date) -> bool:
        reasons = self.closed_because(day)
        # A day closed only for disputed reasons is one the strict reading would count.
        if reasons and all(c.disputed for c in reasons):
            for c in reasons:
                self.relied_on.setdefault(f"{day_label(day)} ({c.name})", c.disputed)
        return not reasons

    def court_days(
        self, start: datetime.date, n: int, step: datetime.timedelta
    ) -> tuple[datetime.date, list[str]]:
        """The n-th open day from ``start``, and the holidays (not weekends) skipped on the way."""
        day, counted, skipped = start, 0, []
        while counted < n:
            day += step
            if self.is_open(day):
                counted += 1
            elif day.weekday() < 5:
                reasons = "; ".join(c.name for c in self.closed_because(day))
                skipped.append(f"{day_label(day)} ({reasons})")
        return day, skipped

    def roll(self, day: datetime.date, step: datetime.timedelta) -> tuple[datetime.date, list[str]]:
        skipped = []
        while not self.is_open(day):
            reasons = "; ".join(c.name for c in self.closed_because(day))
            skipped.append(f"{day_label(day)} ({reasons})")
            day += step
        return day, skipped


def _skipping(skipped: list[str]) -> str:
    return f" Holidays skipped: {', '.join(skipped)}." if skipped else ""


def _check(trigger: datetime.date, days: int) -> None:
    if not isinstance(days, int) or isinstance(days, bool):
        raise ComputationError("The period must be a whole number of days.")
    if days < 1:
        raise ComputationError("The period must be at least 1 day.")
    if days > MAX_DAYS:
        raise ComputationError(f"The period must be at most {MAX_DAYS} days.")
    if not FIRST_YEAR <= trigger.year <= LAST_YEAR - 11:
        raise ComputationError(
            f"The trigger date must fall between {FIRST_YEAR} and {LAST_YEAR - 11}: "
            "the court calendars are not kept outside those years."
        )


def compute(
    trigger_date: datetime.date,
    days: int,
    *,
    rule_set: RuleSet | str,
    direction: Direction | str = Direction.AFTER,
    unit: Unit | str = Unit.CALENDAR_DAYS,
    service: Service | str = Service.NONE,
    from_judgment: bool = False,
    state: str = "",
) -> Computation:
    """Compute a deadline.

    ``trigger_date`` is the event the period runs from (service, filing, entry of judgment) or,
    for a period before an event, the event itself (usually a hearing). ``service`` is how the
    paper was (or will be) served; ``Service.NONE`` when the period does not run from service.
    ``from_judgment`` marks a period running from entry of judgment, to which FRCP 6(d) and
    FRAP 26(c) never add time. ``state`` is the state where a federal court sits.
    """
    try:
        rule_set, direction = RuleSet(rule_set), Direction(direction)
        unit, service = Unit(unit), Service(service)
    except ValueError as error:
        raise ComputationError(f"Unknown computation input: {error}.") from None
    _check(trigger_date, days)
    run = _COMPUTERS[rule_set]
    prevailing = _Counter(_calendar(rule_set, direction, state), strict=False)
    steps, due = run(prevailing, trigger_date, days, direction, unit, service, from_judgment)
    strict = _Counter(_calendar(rule_set, direction, state), strict=True)
    _, strict_due = run(strict, trigger_date, days, direction, unit, service, from_judgment)
    for day in (due, strict_due):
        if not FIRST_YEAR <= day.year <= LAST_YEAR:
            raise ComputationError(
                f"The period ends in {day.year}, outside the years the court calendars are kept "
                f"for ({FIRST_YEAR}-{LAST_YEAR}): enter this deadline as set by order."
            )
    earliest, reason = None, ""
    if strict_due < due:
        earliest = strict_due
        reason = (
            f"A stricter reading does not count {' or '.join(prevailing.relied_on)} as a legal "
            f"holiday ({'; '.join(dict.fromkeys(prevailing.relied_on.values()))}). File by "
            f"{day_label(strict_due)} to be safe."
        )
    return Computation(
        due_date=due,
        trigger_date=trigger_date,
        days=days,
        unit=unit,
        direction=direction,
        rule_set=rule_set,
        service=service,
        steps=tuple(steps),
        calendar=prevailing.calendar.name,
        earliest_safe=earliest,
        earliest_safe_reason=reason,
        disputed=tuple(prevailing.relied_on),
    )


def _calendar(rule_set: RuleSet, direction: Direction, state: str) -> CourtCalendar:
    if rule_set == RuleSet.CALIFORNIA:
        return california_calendar()
    # State holidays count only for periods measured forward: FRCP 6(a)(6)(C), FRAP 26(a)(6)(C).
    return federal_calendar(state if direction == Direction.AFTER else "")


# --- Federal: FRCP 6 and FRAP 26 -----------------------------------------------------------

_FEDERAL_CITES = {
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


def _federal(rule_set: RuleSet) -> Callable[..., tuple[list[Step], datetime.date]]:
    cite = _FEDERAL_CITES[rule_set]

    def run(
        counter: _Counter,
        trigger: datetime.date,
        days: int,
        direction: Direction,
        unit: Unit,
        service: Service,
        from_judgment: bool,
    ) -> tuple[list[Step], datetime.date]:
        step = ONE_DAY if direction == Direction.AFTER else -ONE_DAY
        steps = [
            Step(
                f"Start from {day_label(trigger)} and exclude that day; count "
                f"{'forward' if direction == Direction.AFTER else 'backward'}.",
                cite["exclude"],
            )
        ]
        if unit == Unit.CALENDAR_DAYS:
            due = trigger + days * step
            steps.append(
                Step(
                    f"Count every day, including intermediate Saturdays, Sundays and legal "
                    f"holidays: day {days} is {day_label(due)}.",
                    cite["count"],
                )
            )
        else:
            due, skipped = counter.court_days(trigger, days, step)
            steps.append(
                Step(
                    f"Count {_plural(days, 'court day')} (skipping Saturdays, Sundays and legal "
                    f"holidays): the last is {day_label(due)}.{_skipping(skipped)}",
                    "local rule or order setting court days",
                )
            )
        due = _federal_roll(counter, due, step, direction, steps, cite, counter.calendar.name)
        if service in _FEDERAL_PLUS_THREE:
            if from_judgment:
                steps.append(
                    Step(
                        f"No 3 days are added for service by {SERVICE_NOUNS[service]}: the "
                        "period runs from entry of judgment, not from service.",
                        cite["extra"],
                    )
                )
            elif direction == Direction.BEFORE:
                steps.append(
                    Step(
                        "No 3 days are added for the method of service: that rule applies only "
                        "to periods after being served.",
                        cite["extra"],
                    )
                )
            else:
                due = due + 3 * ONE_DAY
                steps.append(
                    Step(
                        f"Served by {SERVICE_NOUNS[service]}: add 3 days after the period would "
                        f"otherwise expire: {day_label(due)}.",
                        cite["extra"],
                    )
                )
                due = _federal_roll(
                    counter, due, step, direction, steps, cite, counter.calendar.name
                )
        elif service in (Service.ELECTRONIC, Service.PERSONAL) and direction == Direction.AFTER:
            steps.append(
                Step(
                    f"{service.label} adds no days.",
                    cite["extra"],
                )
            )
        return steps, due

    return run


def _federal_roll(
    counter: _Counter,
    due: datetime.date,
    step: datetime.timedelta,
    direction: Direction,
    steps: list[Step],
    cite: dict[str, str],
    calendar_name: str,
) -> datetime.date:
    rolled, skipped = counter.roll(due, step)
    if not skipped:
        steps.append(
            Step(
                f"{day_label(due)} is not a Saturday, Sunday or legal holiday, so the period "
                "ends that day.",
                cite["last"],
            )
        )
        return due
    way = "next" if direction == Direction.AFTER else "previous"
    steps.append(
        Step(
            "The last day falls on a Saturday, Sunday or legal holiday, so the period continues "
            f"to the {way} day that is none of those ({calendar_name}): {day_label(rolled)}. "
            f"Closed: {', '.join(skipped)}.",
            f"{cite['last']}, {cite['next']}, {cite['holiday']}",
        )
    )
    return rolled


# --- California: CCP 12, 12a, 12b, 12c, 135, 1013, 1010.6 ----------------------------------


def _california(
    counter: _Counter,
    trigger: datetime.date,
    days: int,
    direction: Direction,
    unit: Unit,
    service: Service,
    from_judgment: bool,
) -> tuple[list[Step], datetime.date]:
    after = direction == Direction.AFTER
    step = ONE_DAY if after else -ONE_DAY
    if service in (Service.CLERK, Service.CONSENTED):
        raise ComputationError(
            f"{service.label} is not a method of service with a California extension; choose "
            "personal delivery, mail, express mail, fax or electronic service."
        )
    steps = [
        Step(
            f"Start from {day_label(trigger)}, excluding that day"
            + ("." if after else ", and count backward from the hearing."),
            "CCP 12" if after else "CCP 12, 12c(a)",
        )
    ]
    extension = _CALIFORNIA_EXTENSIONS.get(service)
    if extension and from_judgment:
        steps.append(
            Step(
                "No extension for the method of service: the period runs from entry of "
                "judgment, not from service.",
                extension[2],
            )
        )
        extension = None
    # A calendar-day extension lengthens a calendar-day period before the last day is found.
    total, cal_extra = days, 0
    if extension and extension[1] == Unit.CALENDAR_DAYS and unit == Unit.CALENDAR_DAYS:
        total = days + extension[0]
    elif extension and extension[1] == Unit.CALENDAR_DAYS:
        cal_extra = extension[0]
    if unit == Unit.CALENDAR_DAYS:
        due = trigger + total * step
        if total != days:
            amount, _, cite, how = extension
            steps.append(
                Step(
                    f"Service by {how} extends the period by {amount} calendar days, to "
                    f"{total} days" + ("" if after else ", also counted backward") + ".",
                    cite if after else f"{cite}; CCP 12c(b)",
                )
            )
        steps.append(
            Step(
                f"Count {_plural(total, 'calendar day')}: day {total} is {day_label(due)}.",
                "CCP 12",
            )
        )
    else:
        due, skipped = counter.court_days(trigger, days, step)
        steps.append(
            Step(
                f"Count {_plural(days, 'court day')}, skipping Saturdays, Sundays and judicial "
                f"holidays: the last is {day_label(due)}.{_skipping(skipped)}",
                "CCP 12, 12a, 135",
            )
        )
        if cal_extra:
            amount, _, cite, how = extension
            due = due + cal_extra * step
            steps.append(
                Step(
                    f"Service by {how} adds {amount} calendar days"
                    + ("" if after else ", counted backward")
                    + f": {day_label(due)}.",
                    cite if after else f"{cite}; CCP 12c(b)",
                )
            )
    if extension and extension[1] == Unit.COURT_DAYS:
        amount, _, cite, how = extension
        due, skipped = counter.court_days(due, amount, step)
        steps.append(
            Step(
                f"Service by {how} adds {amount} court days"
                + ("" if after else ", counted backward")
                + f": {day_label(due)}.{_skipping(skipped)}",
                cite if after else f"{cite}; CCP 12c(b)",
            )
        )
    rolled, skipped = counter.roll(due, step)
    if skipped:
        closed = ", ".join(skipped)
        if after:
            text = (
                "The last day is not a court day, so the period extends to the next court day: "
                f"{day_label(rolled)}. Closed: {closed}."
            )
            cites = "CCP 12a, 12b, 135; CRC 1.11"
        else:
            text = (
                "The last day is not a court day; counting backward, the act must be done by the "
                f"court day before: {day_label(rolled)}. Closed: {closed}."
            )
            cites = "CCP 12c, 135; CRC 1.11"
        steps.append(Step(text, cites))
    else:
        steps.append(Step(f"{day_label(due)} is a court day.", "CCP 12, 135"))
    return steps, rolled


_COMPUTERS = {
    RuleSet.FRCP: _federal(RuleSet.FRCP),
    RuleSet.FRAP: _federal(RuleSet.FRAP),
    RuleSet.CALIFORNIA: _california,
}


def days_remaining(
    calendar: CourtCalendar, today: datetime.date, due: datetime.date
) -> tuple[int, int]:
    """Calendar days and court days from ``today`` to ``due``.

    Court days count the open days after today up to and including the due date; a past due
    date gives negative calendar days and 0 court days.
    """
    return (due - today).days, calendar.open_days_after(today, due)
