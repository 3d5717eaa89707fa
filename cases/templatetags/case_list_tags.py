"""``{% case_rows rows %}``: the case list's table rows (``cases.html.case_rows``)."""

from __future__ import annotations

from collections.abc import Iterable

from django import template
from django.utils.safestring import SafeString

from cases.html.case_rows import case_row
from cases.html.parts import english
from cases.models import Case
from tracker.html import join
from tracker.links import slug_urls

register = template.Library()


@register.simple_tag
def case_rows(rows: Iterable[Case]) -> SafeString:
    """Return the rows, the links' prefixes and the language read once for all of them."""
    case_url, court_url, plain = slug_urls("case-detail"), slug_urls("court-detail"), english()
    return join(case_row(case, case_url, court_url, plain) for case in rows)
