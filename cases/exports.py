"""CSV exports of the case list and of a case's timeline, streamed row by row.

Every cell goes through ``spreadsheet_safe``: a value a spreadsheet would read as a formula is
written as text instead (OWASP, "CSV Injection").
"""

from __future__ import annotations

import csv
import datetime
from collections.abc import Iterable, Iterator
from typing import Any

from django.http import HttpRequest, StreamingHttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_safe

from cases import selectors
from cases.filters import CaseFilterSet, TimelineFilter
from cases.models import Case, CaseStatus, CaseType

CHUNK_SIZE = 500
CONTENT_TYPE = "text/csv; charset=utf-8"
# Characters that make Excel, LibreOffice or Google Sheets read a cell as a formula.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

CASE_COLUMNS = [
    "Caption",
    "Short name",
    "Docket number",
    "Court",
    "Court code",
    "Case type",
    "Status",
    "Filed",
    "Closed",
    "Last activity",
    "URL",
]
TIMELINE_COLUMNS = [
    "Date",
    "Kind",
    "Summary",
    "Docket entry",
    "Motion",
    "Ruling",
    "Citation",
    "Recorded at",
]


def spreadsheet_safe(value: Any) -> str:
    """The cell's text, with a leading apostrophe if a spreadsheet would run it as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class _Echo:
    """A file-like object whose write returns the line, for csv.writer over a generator."""

    def write(self, value: str) -> str:
        return value


def _lines(header: list[str], rows: Iterable[Iterable[Any]]) -> Iterator[str]:
    writer = csv.writer(_Echo())
    yield writer.writerow(header)
    for row in rows:
        yield writer.writerow([spreadsheet_safe(value) for value in row])


def csv_response(
    filename: str, header: list[str], rows: Iterable[Iterable[Any]]
) -> StreamingHttpResponse:
    response = StreamingHttpResponse(_lines(header, rows), content_type=CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def _iso(value: datetime.date | None) -> str:
    return value.isoformat() if value else ""


@require_safe
def cases_csv(request: HttpRequest) -> StreamingHttpResponse:
    """Every case the case list's filters match, in the list's order (invalid filters ignored)."""
    filterset = CaseFilterSet(request.GET or None, queryset=Case.objects.all())
    filterset.rank_limit = None  # every match, not only the ones the page ranks
    # One query (a server-side cursor read in chunks), plus one when a court filter is validated.
    rows = filterset.qs.values_list(
        "caption",
        "short_name",
        "docket_number",
        "court__name",
        "court__code",
        "case_type",
        "status",
        "filed_date",
        "closed_date",
        "last_activity_on",
        "slug",
    ).iterator(chunk_size=CHUNK_SIZE)
    case_types, statuses = dict(CaseType.choices), dict(CaseStatus.choices)

    def cells() -> Iterator[list[Any]]:
        for row in rows:
            *fields, case_type, status, filed, closed, last_activity, slug = row
            yield [
                *fields,
                case_types.get(case_type, case_type),
                statuses.get(status, status),
                _iso(filed),
                _iso(closed),
                _iso(last_activity),
                request.build_absolute_uri(reverse("case-detail", args=[slug])),
            ]

    filename = f"cases-{timezone.localdate():%Y-%m-%d}.csv"
    return csv_response(filename, CASE_COLUMNS, cells())


@require_safe
def case_timeline_csv(request: HttpRequest, slug: str) -> StreamingHttpResponse:
    """The case's timeline in court order, with the case page's kind and date filters."""
    # Two queries: the case, then its events with their entry, motion and ruling (one cursor).
    case = get_object_or_404(Case.objects.only("pk", "slug"), slug=slug)
    events = selectors.case_timeline(case, **TimelineFilter(request.GET).selection())

    def cells() -> Iterator[list[Any]]:
        for event in events.iterator(chunk_size=CHUNK_SIZE):
            ruling = event.ruling
            yield [
                _iso(event.occurred_on),
                event.get_kind_display(),
                event.summary,
                event.docket_entry.number if event.docket_entry else "",
                event.motion.title if event.motion else "",
                ruling.title if ruling else "",
                ruling.citation if ruling else "",
                timezone.localtime(event.recorded_at).isoformat(timespec="seconds"),
            ]

    return csv_response(f"{case.slug}-timeline.csv", TIMELINE_COLUMNS, cells())
