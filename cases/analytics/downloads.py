"""The analytics tables as CSV: every group shown at the filters' minimum, none cut off.

Written by ``cases.exports.csv_response``, so every cell is neutralised as the other exports'
are (a value a spreadsheet would run as a formula is written as text).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.http import HttpRequest, StreamingHttpResponse
from django.utils import timezone

from cases.analytics.groups import Group
from cases.analytics.outcomes import DECIDED, LABELS
from cases.analytics.selectors import TableSpec
from cases.exports import csv_response

KEYS = {"kinds": "Kind code", "judges": "Judge number", "courts": "Court code"}


def header(spec: TableSpec) -> list[str]:
    outcomes = [column for status in DECIDED for column in (LABELS[status], f"{LABELS[status]} %")]
    return [
        spec.heading,
        KEYS[spec.name],
        "Motions",
        "Decided",
        *outcomes,
        "Pending",
        "Withdrawn",
        "Decided with filing and ruling dates",
        "Days to ruling, 25th percentile",
        "Days to ruling, median",
        "Days to ruling, 75th percentile",
        "URL",
    ]


def _percent(count: int, of: int) -> str:
    return f"{100 * count / of:.1f}" if of else ""


def _days(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}"


def cells(request: HttpRequest, groups: list[Group]) -> Iterator[list[Any]]:
    for group in groups:
        outcomes = [
            value
            for cell in group.cells
            for value in (cell.count, _percent(cell.count, group.decided))
        ]
        yield [
            group.label,
            group.key,
            group.motions,
            group.decided,
            *outcomes,
            group.pending,
            group.withdrawn,
            group.timed,
            _days(group.q1),
            _days(group.median),
            _days(group.q3),
            request.build_absolute_uri(group.url) if group.url else "",
        ]


def outcome_csv(
    request: HttpRequest, spec: TableSpec, groups: list[Group]
) -> StreamingHttpResponse:
    filename = f"motion-outcomes-by-{spec.name}-{timezone.localdate():%Y-%m-%d}.csv"
    return csv_response(filename, header(spec), cells(request, groups))
