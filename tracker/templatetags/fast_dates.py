"""A faster ``date`` filter for plain dates, installed as a template builtin (settings.TEMPLATES).

Django's ``date`` filter goes through its general ``dateformat`` machinery. Pages here format
plain ``datetime.date`` values in a handful of English formats, so those are done with a direct
lookup (for speed; see docs/performance.md); anything else (datetimes, whose time zone must be
applied, other formats, other languages) goes to Django's own filter.
``tests/test_fast_dates.py`` checks the output is the same.
"""

from __future__ import annotations

import datetime
from typing import Any

from django import template
from django.template.defaultfilters import date as django_date
from django.utils.translation import get_language

register = template.Library()

_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_MONTHS_SHORT = [m[:3] for m in _MONTHS]
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_DAYS_SHORT = [d[:3] for d in _DAYS]

# Formats of plain dates done without Django's dateformat (English only; cases.html uses them too).
PLAIN_FORMATS = {
    "Y-m-d": lambda d: d.isoformat(),
    "j M Y": lambda d: f"{d.day} {_MONTHS_SHORT[d.month - 1]} {d.year}",
    "j F Y": lambda d: f"{d.day} {_MONTHS[d.month - 1]} {d.year}",
    "D j M Y": lambda d: (
        f"{_DAYS_SHORT[d.weekday()]} {d.day} {_MONTHS_SHORT[d.month - 1]} {d.year}"
    ),
    "D j M": lambda d: f"{_DAYS_SHORT[d.weekday()]} {d.day} {_MONTHS_SHORT[d.month - 1]}",
    "D Y-m-d": lambda d: f"{_DAYS_SHORT[d.weekday()]} {d.isoformat()}",
    "l j F Y": lambda d: f"{_DAYS[d.weekday()]} {d.day} {_MONTHS[d.month - 1]} {d.year}",
}


@register.filter(expects_localtime=True, is_safe=False)
def date(value: Any, arg: str | None = None) -> str:
    fast = PLAIN_FORMATS.get(arg or "")
    if (
        fast is not None
        and type(value) is datetime.date
        and (get_language() or "en").startswith("en")
    ):
        return fast(value)
    return django_date(value, arg)
