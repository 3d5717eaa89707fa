"""The case page's timeline chart: the latest motions, each with the date it was decided.

One statement, written out in SQL (PostgreSQL's and SQLite's alike): building and compiling
the same query with the ORM costs several times what running it does.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import connection

from cases.models import Case, EventKind
from cases.selectors.shared import as_date

# An MDL has hundreds of motions: the chart draws the latest, the timeline lists them all.
CHART_MOTIONS = 40

# The latest motions by filing date (undated last; ``motion_case_filed_idx``), each with the
# date of the latest dated ruling that decided it or, for a status set without a ruling
# (withdrawn, moot), the date reported with it; and how many of the case's motions have no
# filing date (an InitPlan, counted once). Every value is a parameter.
_LATEST = """
SELECT m.title, m.kind, m.status, m.filed_date,
    COALESCE(
        (SELECT MAX(r.date) FROM cases_rulingmotion d
            JOIN cases_ruling r ON r.id = d.ruling_id WHERE d.motion_id = m.id),
        (SELECT MAX(e.occurred_on) FROM cases_caseevent e
            WHERE e.motion_id = m.id AND e.kind = %s)
    ),
    (SELECT COUNT(*) FROM cases_motion u WHERE u.case_id = %s AND u.filed_date IS NULL)
FROM cases_motion m
WHERE m.case_id = %s
ORDER BY m.filed_date DESC NULLS LAST, m.id DESC
LIMIT %s
"""


@dataclass(frozen=True)
class ChartMotion:
    title: str
    kind: str
    status: str
    filed_date: datetime.date | None
    ended_on: datetime.date | None  # decided (or withdrawn) on; None when pending or unknown


@dataclass
class ChartMotions:
    rows: list[ChartMotion]  # the latest by filing date, undated last
    total: int  # the case's motions
    no_filed_date: int  # of which have no filing date


def chart_motions(case: Case, *, total: int, limit: int = CHART_MOTIONS) -> ChartMotions:
    """Return the case's latest ``limit`` motions by filing date with the day each ended.

    ``total`` is the case's number of motions, which the page has already counted: none, no
    query; otherwise the one statement ``_LATEST``."""
    if not total:
        return ChartMotions([], 0, 0)
    with connection.cursor() as cursor:
        cursor.execute(_LATEST, [EventKind.MOTION_DECIDED.value, case.pk, case.pk, limit])
        found = cursor.fetchall()
    rows = [
        ChartMotion(title, kind, status, as_date(filed), as_date(ended))
        for title, kind, status, filed, ended, _ in found
    ]
    return ChartMotions(rows, total, found[0][5] if found else 0)
