"""Pieces every row prints: choice labels, dates in ``<time>``, the "not confirmed" mark."""

from __future__ import annotations

import datetime

from django.utils.translation import get_language

from cases.models import CaseStatus, EventKind, MotionStatus, Outcome
from parties.models import RepresentationRole
from tracker.html import escape
from tracker.templatetags.fast_dates import PLAIN_FORMATS
from tracker.templatetags.fast_dates import date as format_date

NOT_CONFIRMED = '<span class="muted">not confirmed</span>'
_DAY = PLAIN_FORMATS["j M Y"]


def _labels(choices: type) -> dict[str, str]:
    """Return escaped labels by value (``get_FOO_display()`` rebuilds a dictionary each call)."""
    return {value: escape(str(label)) for value, label in choices.choices}


STATUS_LABELS = _labels(CaseStatus)
EVENT_LABELS = _labels(EventKind)
MOTION_LABELS = _labels(MotionStatus)
OUTCOME_LABELS = _labels(Outcome)
COUNSEL_LABELS = _labels(RepresentationRole)


def label(labels: dict[str, str], value: str) -> str:
    """Return the escaped label of ``value``, or ``value`` escaped when it has none."""
    return labels.get(value) or escape(value)


def english() -> bool:
    """Return whether dates can skip the translation machinery (read once a list)."""
    return (get_language() or "en").startswith("en")


def day(value: datetime.date, english: bool = True) -> str:
    """Return ``value|date:"j M Y"``, escaped."""
    if english and type(value) is datetime.date:
        return _DAY(value)
    return escape(format_date(value, "j M Y"))


def time_tag(value: datetime.date | None, english: bool = True) -> str:
    """Return ``value`` as ``<time>`` (``day()`` shown), or nothing for no date."""
    if value is None:
        return ""
    return f'<time datetime="{value.isoformat()}">{day(value, english)}</time>'
