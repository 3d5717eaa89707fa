"""The case list's table rows, built in Python: ``{% case_rows rows %}``.

The case list prints 50 rows of about 17 values each. In the template language every value costs
a variable lookup, a filter call and an escape (about 9 microseconds here), so the rows took
3.2 ms of a page that the benchmark wants near 8 (docs/performance.md). The same markup joined
here with ``html.escape`` takes about a tenth of that. ``tests/cases/test_case_tables.py`` checks
the markup and its escaping.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from html import escape

from django import template
from django.utils.safestring import SafeString, mark_safe

from cases.models import Case, CaseStatus
from tracker.templatetags.fast_dates import date as format_date

register = template.Library()

_STATUS_LABELS = {value: escape(str(label)) for value, label in CaseStatus.choices}


def _time(value: datetime.date | None) -> str:
    if value is None:
        return ""
    return f'<time datetime="{value.isoformat()}">{escape(format_date(value, "j M Y"))}</time>'


def case_row(case: Case) -> str:
    """One ``<tr>`` of the case list: caption (and search snippet), court and docket number,
    status, filed date, last activity. ``case.snippet_html`` is markup made safe already
    (``search.snippet_html``)."""
    snippet = getattr(case, "snippet_html", "")
    snippet = f'<p class="snippet">{snippet}</p>' if snippet else ""
    court = case.court
    status = case.status
    filed = _time(case.filed_date) or '<span class="muted">not confirmed</span>'
    return (
        "<tr>"
        f'<td><a href="{escape(case.get_absolute_url())}">{escape(case.short_name)}</a>'
        f"{snippet}</td>"
        f'<td><a href="{escape(court.get_absolute_url())}">{escape(court.short_name)}</a> '
        f"{escape(case.docket_number)}</td>"
        f'<td><span class="badge {escape(status)}">'
        f"{_STATUS_LABELS.get(status) or escape(status)}</span></td>"
        f"<td>{filed}</td>"
        f"<td>{_time(case.last_activity_on)}</td>"
        "</tr>\n"
    )


@register.simple_tag
def case_rows(rows: Iterable[Case]) -> SafeString:
    return mark_safe("".join(case_row(case) for case in rows))  # noqa: S308 (escaped above)
