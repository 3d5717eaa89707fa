"""The case list's table rows, built in Python: ``{% case_rows rows %}``.

The case list prints 50 rows of about 17 values each. In the template language every value costs
a variable lookup, a filter call and an escape (about 9 microseconds here), so the rows took
3.2 ms of a page that the benchmark wants near 8 (docs/performance.md). The same markup joined
here with ``html.escape`` takes about a tenth of that. ``tests/cases/test_case_tables.py`` checks
the markup and its escaping.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Iterable
from html import escape

from django import template
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from cases.models import Case, CaseStatus
from tracker.links import slug_urls
from tracker.templatetags.fast_dates import PLAIN_FORMATS
from tracker.templatetags.fast_dates import date as format_date

register = template.Library()

_STATUS_LABELS = {value: escape(str(label)) for value, label in CaseStatus.choices}


_DAY = PLAIN_FORMATS["j M Y"]


def _time(value: datetime.date | None, english: bool = True) -> str:
    if value is None:
        return ""
    if english and type(value) is datetime.date:
        shown = _DAY(value)  # |date:"j M Y" without the translation lookup
    else:
        shown = escape(format_date(value, "j M Y"))
    return f'<time datetime="{value.isoformat()}">{shown}</time>'


def case_row(
    case: Case,
    case_url: Callable[[str], str] | None = None,
    court_url: Callable[[str], str] | None = None,
    english: bool = True,
) -> str:
    """One ``<tr>`` of the case list: caption (and search snippet), court and docket number,
    status, filed date, last activity. ``case.snippet_html`` is markup made safe already
    (``search.snippet_html``). ``case_url`` and ``court_url`` build the links (``slug_urls``),
    ``english`` says whether dates can skip the translation machinery; ``case_rows`` reads
    each once for all the rows."""
    snippet = getattr(case, "snippet_html", "")
    snippet = f'<p class="snippet">{snippet}</p>' if snippet else ""
    court = case.court
    status = case.status
    case_href = case_url(case.slug) if case_url else case.get_absolute_url()
    court_href = court_url(court.code) if court_url else court.get_absolute_url()
    filed = _time(case.filed_date, english) or '<span class="muted">not confirmed</span>'
    return (
        "<tr>"
        f'<td><a href="{escape(case_href)}">{escape(case.short_name)}</a>'
        f"{snippet}</td>"
        f'<td><a href="{escape(court_href)}">{escape(court.short_name)}</a> '
        f"{escape(case.docket_number)}</td>"
        f'<td><span class="badge {escape(status)}">'
        f"{_STATUS_LABELS.get(status) or escape(status)}</span></td>"
        f"<td>{filed}</td>"
        f"<td>{_time(case.last_activity_on, english)}</td>"
        "</tr>\n"
    )


@register.simple_tag
def case_rows(rows: Iterable[Case]) -> SafeString:
    case_url, court_url = slug_urls("case-detail"), slug_urls("court-detail")
    english = (get_language() or "en").startswith("en")
    html = "".join(case_row(case, case_url, court_url, english) for case in rows)
    return mark_safe(html)  # noqa: S308 (escaped above)
