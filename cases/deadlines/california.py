"""California periods: CCP 12, 12a, 12b, 12c, 135, 1013 and 1010.6, and CRC 1.11."""

from __future__ import annotations

import datetime
from typing import NamedTuple

from cases.deadlines.choices import Service, Unit
from cases.deadlines.counting import ComputationError, DayCounter, Period
from cases.deadlines.steps import Step, day_label, plural, skipping


class Extension(NamedTuple):
    """The time CCP 1013 or 1010.6 adds for a method of service."""

    amount: int
    unit: Unit
    cite: str
    how: str  # the method, as a step names it: "Service by mail within California"


EXTENSIONS = {
    Service.MAIL: Extension(5, Unit.CALENDAR_DAYS, "CCP 1013(a)", "mail within California"),
    Service.MAIL_OUT_OF_STATE: Extension(
        10,
        Unit.CALENDAR_DAYS,
        "CCP 1013(a)",
        "mail to an address outside California but in the United States",
    ),
    Service.MAIL_INTERNATIONAL: Extension(
        20,
        Unit.CALENDAR_DAYS,
        "CCP 1013(a)",
        "mail to an address outside the United States",
    ),
    Service.OVERNIGHT: Extension(
        2, Unit.COURT_DAYS, "CCP 1013(c)", "express mail or overnight delivery"
    ),
    Service.FAX: Extension(2, Unit.COURT_DAYS, "CCP 1013(e)", "fax"),
    Service.ELECTRONIC: Extension(2, Unit.COURT_DAYS, "CCP 1010.6(a)(3)(B)", "electronic service"),
}


def california(counter: DayCounter, period: Period) -> tuple[list[Step], datetime.date]:
    """Count a California period: the days, the extension for service, then the roll."""
    if period.service in (Service.CLERK, Service.CONSENTED):
        raise ComputationError(
            f"{period.service.label} is not a method of service with a California extension; "
            "choose personal delivery, mail, express mail, fax or electronic service."
        )
    steps = [
        Step(
            f"Start from {day_label(period.trigger)}, excluding that day"
            + ("." if period.after else ", and count backward from the hearing."),
            "CCP 12" if period.after else "CCP 12, 12c(a)",
        )
    ]
    extension = _extension(period, steps)
    if period.unit == Unit.CALENDAR_DAYS:
        due = _calendar_days(period, extension, steps)
    else:
        due = _court_days(counter, period, extension, steps)
    if extension and extension.unit == Unit.COURT_DAYS:
        due, skipped = counter.court_days(due, extension.amount, period.step)
        steps.append(
            Step(
                f"Service by {extension.how} adds {extension.amount} court days"
                + _backward(period, ", counted backward")
                + f": {day_label(due)}.{skipping(skipped)}",
                _cited(period, extension),
            )
        )
    return steps, _roll(counter, due, period, steps)


def _extension(period: Period, steps: list[Step]) -> Extension | None:
    """Return the extension the method of service adds: none to a period from judgment."""
    extension = EXTENSIONS.get(period.service)
    if extension and period.from_judgment:
        steps.append(
            Step(
                "No extension for the method of service: the period runs from entry of "
                "judgment, not from service.",
                extension.cite,
            )
        )
        return None
    return extension


def _calendar_days(period: Period, extension: Extension | None, steps: list[Step]) -> datetime.date:
    """Count calendar days, a calendar-day extension lengthening the period itself."""
    days = period.days
    total = days
    if extension and extension.unit == Unit.CALENDAR_DAYS:
        total = days + extension.amount
    due = period.trigger + total * period.step
    if extension and total != days:
        steps.append(
            Step(
                f"Service by {extension.how} extends the period by {extension.amount} calendar "
                f"days, to {total} days" + _backward(period, ", also counted backward") + ".",
                _cited(period, extension),
            )
        )
    steps.append(
        Step(f"Count {plural(total, 'calendar day')}: day {total} is {day_label(due)}.", "CCP 12")
    )
    return due


def _court_days(
    counter: DayCounter, period: Period, extension: Extension | None, steps: list[Step]
) -> datetime.date:
    """Count court days, then add a calendar-day extension after the last of them."""
    due, skipped = counter.court_days(period.trigger, period.days, period.step)
    steps.append(
        Step(
            f"Count {plural(period.days, 'court day')}, skipping Saturdays, Sundays and judicial "
            f"holidays: the last is {day_label(due)}.{skipping(skipped)}",
            "CCP 12, 12a, 135",
        )
    )
    if extension and extension.unit == Unit.CALENDAR_DAYS:
        due = due + extension.amount * period.step
        steps.append(
            Step(
                f"Service by {extension.how} adds {extension.amount} calendar days"
                + _backward(period, ", counted backward")
                + f": {day_label(due)}.",
                _cited(period, extension),
            )
        )
    return due


def _roll(
    counter: DayCounter, due: datetime.date, period: Period, steps: list[Step]
) -> datetime.date:
    """Move a last day that is not a court day to the next (backward: previous) court day."""
    rolled, skipped = counter.roll(due, period.step)
    if not skipped:
        steps.append(Step(f"{day_label(due)} is a court day.", "CCP 12, 135"))
        return rolled
    closed = ", ".join(skipped)
    if period.after:
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
    return rolled


def _backward(period: Period, words: str) -> str:
    """Return ``words`` for a period counted backward, nothing for one counted forward."""
    return "" if period.after else words


def _cited(period: Period, extension: Extension) -> str:
    """Cite the extension, and CCP 12c(b) too when it is counted backward from a hearing."""
    return extension.cite if period.after else f"{extension.cite}; CCP 12c(b)"
