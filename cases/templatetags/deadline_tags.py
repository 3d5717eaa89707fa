"""``{% deadline_item deadline "D j M Y" %}``: a deadline as the case page and the deadlines
page print it (``cases.html.deadlines``)."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString

from cases.html.deadlines import deadline_html
from cases.models import Deadline
from tracker.html import safe

register = template.Library()


@register.simple_tag
def deadline_item(deadline: Deadline, date_format: str = "D j M Y") -> SafeString:
    """Return the deadline, its date shown in ``date_format``."""
    return safe(deadline_html(deadline, date_format))
