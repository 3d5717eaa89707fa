"""The choices of deadlines and default periods (kinds, rule sets, units, service), and the
columns of a period both count with."""

from __future__ import annotations

from django.db import models


class DeadlineKind(models.TextChoices):
    RESPONSE = "response", "Response / opposition"
    REPLY = "reply", "Reply"
    HEARING = "hearing", "Hearing"
    FILING = "filing", "Filing"
    DISCOVERY = "discovery", "Discovery"
    APPEAL = "appeal", "Notice of appeal / petition"
    OTHER = "other", "Other"


class DeadlineBasis(models.TextChoices):
    COMPUTED = "computed", "Computed from a court rule"
    SET_BY_ORDER = "set_by_order", "Set by order"
    OTHER = "other", "Other"


class RuleSetChoice(models.TextChoices):
    FRCP = "frcp", "Federal Rules of Civil Procedure (FRCP 6)"
    FRAP = "frap", "Federal Rules of Appellate Procedure (FRAP 26)"
    CALIFORNIA = "california", "California Code of Civil Procedure (CCP 12-12c, 1013, 1010.6)"


class PeriodUnit(models.TextChoices):
    CALENDAR = "calendar", "calendar days"
    COURT = "court", "court days"


class PeriodDirection(models.TextChoices):
    AFTER = "after", "after the trigger"
    BEFORE = "before", "before the trigger (e.g. a hearing)"


class ServiceMethod(models.TextChoices):
    NONE = "none", "Not triggered by service (filing, order, hearing)"
    PERSONAL = "personal", "Personal delivery"
    ELECTRONIC = "electronic", "Electronic service"
    MAIL = "mail", "Mail (California: mailed within California)"
    MAIL_OUT_OF_STATE = "mail_us", "Mail to an address elsewhere in the United States"
    MAIL_INTERNATIONAL = "mail_intl", "Mail to an address outside the United States"
    OVERNIGHT = "overnight", "Express mail or overnight delivery"
    FAX = "fax", "Fax"
    CLERK = "clerk", "Left with the court clerk (FRCP 5(b)(2)(D))"
    CONSENTED = "consented", "Other means the person consented to (FRCP 5(b)(2)(F))"


class DeadlineStatus(models.TextChoices):
    OPEN = "open", "Open"
    MET = "met", "Met"
    EXTENDED = "extended", "Extended"
    VACATED = "vacated", "Vacated"


class PeriodTrigger(models.TextChoices):
    FILED = "filed", "the motion's filing (and service)"
    HEARING = "hearing", "the motion's hearing date"
    RESPONSE = "response", "the response deadline proposed with it"


def period_unit_field() -> models.CharField:
    """Return the column of the days a period counts: calendar days or court days."""
    return models.CharField(max_length=10, choices=PeriodUnit.choices, default=PeriodUnit.CALENDAR)


def period_direction_field() -> models.CharField:
    """Return the column of the way a period counts: after its trigger, or back from it."""
    return models.CharField(
        max_length=10, choices=PeriodDirection.choices, default=PeriodDirection.AFTER
    )
