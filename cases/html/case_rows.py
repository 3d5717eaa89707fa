"""The case list's rows: caption (and search snippet), court and docket, status and dates."""

from __future__ import annotations

from collections.abc import Callable

from cases.html.parts import NOT_CONFIRMED, STATUS_LABELS, label, time_tag
from cases.models import Case
from tracker.html import escape


def case_row(
    case: Case, case_url: Callable[[str], str], court_url: Callable[[str], str], english: bool
) -> str:
    """Return one ``<tr>`` of the case list: caption (and search snippet), court and docket
    number, status, filed date, last activity.

    ``case.snippet_html`` is markup made safe already (``search.snippet_html``), and so is
    ``case.tags_html``, which signed-in users' rows carry (``cases.html.tags``). ``case_url``
    and ``court_url`` build the links (``tracker.links.slug_urls``), ``english`` says whether
    dates can skip the translation machinery: ``{% case_rows %}`` reads each once for all rows.
    """
    snippet = getattr(case, "snippet_html", "")
    snippet = f'<p class="snippet">{snippet}</p>' if snippet else ""
    court, status = case.court, case.status
    filed = time_tag(case.filed_date, english) or NOT_CONFIRMED
    return (
        f'<tr><td><a href="{escape(case_url(case.slug))}">{escape(case.short_name)}</a>'
        f"{snippet}{getattr(case, 'tags_html', '')}</td>"
        f'<td><a href="{escape(court_url(court.code))}">{escape(court.short_name)}</a> '
        f"{escape(case.docket_number)}</td>"
        f'<td><span class="badge {escape(status)}">{label(STATUS_LABELS, status)}</span></td>'
        f"<td>{filed}</td><td>{time_tag(case.last_activity_on, english)}</td></tr>\n"
    )
