"""The choices a deadline computation takes: rule set, direction, unit and method of service."""

from __future__ import annotations

import enum
from typing import Self


class LabelledChoice(enum.StrEnum):
    """A string choice with a label for people, written ``NAME = "value", "Label"``."""

    label: str

    def __new__(cls, value: str, label: str) -> Self:
        """Build the member ``value``, carrying ``label``."""
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member


class RuleSet(LabelledChoice):
    FRCP = "frcp", "Federal Rules of Civil Procedure (FRCP 6)"
    FRAP = "frap", "Federal Rules of Appellate Procedure (FRAP 26)"
    CALIFORNIA = (
        "california",
        "California Code of Civil Procedure (CCP 12-12c, 135, 1013, 1010.6)",
    )


class Direction(enum.StrEnum):
    AFTER = "after"
    BEFORE = "before"


class Unit(enum.StrEnum):
    CALENDAR_DAYS = "calendar"
    COURT_DAYS = "court"


class Service(LabelledChoice):
    """How the paper that starts (or, before a hearing, must precede) the period is served."""

    NONE = "none", "Not triggered by service (filing, order, hearing, entry of judgment)"
    PERSONAL = "personal", "Personal delivery"
    ELECTRONIC = "electronic", "Electronic service"
    MAIL = "mail", "Mail (in California: mailed within California)"
    MAIL_OUT_OF_STATE = "mail_us", "Mail to an address elsewhere in the United States"
    MAIL_INTERNATIONAL = "mail_intl", "Mail to an address outside the United States"
    OVERNIGHT = "overnight", "Express mail or overnight delivery"
    FAX = "fax", "Fax"
    CLERK = "clerk", "Leaving it with the court clerk (FRCP 5(b)(2)(D))"
    CONSENTED = "consented", "Other means the person consented to (FRCP 5(b)(2)(F))"


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
