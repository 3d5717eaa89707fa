"""Rebuild the analytics' summary: one row per motion, then the counts of every group.

One transaction, a fixed number of statements whatever the number of motions (each table is
emptied with one DELETE and filled with INSERT ... SELECT), so a reader sees the old summary or
the new one, never half of either. The refresh holds the lock on the ``AnalyticsRefresh`` row
while it runs: two refreshes at once take turns. It runs from ``manage.py analytics_refresh``,
the seed loader and the demo generator, the beat schedule, and once after each transaction that
records or corrects a ruling or sets a motion's status (``analytics_refresh_on_commit``).
"""

from __future__ import annotations

import datetime
import logging
import time
from typing import Any

from django.db import connection, transaction
from django.db.models import (
    BigIntegerField,
    Case,
    F,
    Model,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
    Window,
)
from django.db.models.functions import Coalesce, RowNumber
from django.utils import timezone

from cases.analytics.outcomes import COUNTS, DECIDED, QUARTILES, DaysBetween, aggregates
from cases.models import (
    AnalyticsRefresh,
    CaseJudge,
    JudgeRole,
    Motion,
    MotionOutcome,
    OutcomeGroup,
)

log = logging.getLogger(__name__)

REFRESH_ID = 1
MOTION_COLUMNS = (
    "motion_id",
    "court_id",
    "judge_id",
    "kind",
    "outcome",
    "case_status",
    "filed_on",
    "decided_on",
    "days",
)
# Each group row: its dimension, then the key columns that dimension groups by.
GROUPINGS = {
    OutcomeGroup.Dimension.ALL: (),
    OutcomeGroup.Dimension.KIND: ("kind",),
    OutcomeGroup.Dimension.COURT: ("court_id",),
    OutcomeGroup.Dimension.JUDGE: ("judge_id",),
    OutcomeGroup.Dimension.JUDGE_KIND: ("judge_id", "kind"),
    OutcomeGroup.Dimension.COURT_KIND: ("court_id", "kind"),
    OutcomeGroup.Dimension.COURT_JUDGE: ("court_id", "judge_id"),
}
KEY_COLUMNS = ("kind", "court_id", "judge_id")


def motion_rows() -> QuerySet[Motion]:
    """Return each motion as an analytics row (its columns prefixed ``row_``).

    The deciding ruling is the latest one (by date, an undated one last, as the motion's status
    follows it): each motion is joined to its decisions and the first of them by that order is
    kept (a window, so the database hashes and sorts once rather than looking up each motion).
    The judge is that ruling's, else the case's first presiding judge.
    """
    presiding = CaseJudge.objects.filter(case=OuterRef("case"), role=JudgeRole.PRESIDING).order_by(
        "pk"
    )
    latest_first = Window(
        RowNumber(),
        partition_by=F("pk"),
        order_by=[
            F("decisions__ruling__date").desc(nulls_first=True),
            F("decisions__ruling_id").desc(nulls_last=True),
        ],
    )
    decided = Q(status__in=DECIDED)
    rows = Motion.objects.order_by().annotate(
        ruling_date=F("decisions__ruling__date"),
        ruling_judge=F("decisions__ruling__judge"),
        latest_first=latest_first,
    )
    return rows.filter(latest_first=1).values(
        row_motion_id=F("pk"),
        row_court_id=F("case__court_id"),
        row_judge_id=Coalesce(
            "ruling_judge", Subquery(presiding.values("judge")[:1]), output_field=BigIntegerField()
        ),
        row_kind=F("kind"),
        row_outcome=F("status"),
        row_case_status=F("case__status"),
        row_filed_on=F("filed_date"),
        row_decided_on=Case(When(decided, then="ruling_date")),
        row_days=Case(When(decided, then=DaysBetween("ruling_date", "filed_date"))),
    )


def group_rows(dimension: str) -> QuerySet[MotionOutcome]:
    """Return the counts of each group of ``dimension`` over the analytics rows."""
    keys = GROUPINGS[dimension]
    # No keys: one group of every row (a constant is left out of the GROUP BY).
    rows = MotionOutcome.objects.order_by().annotate(everything=Value(1))
    rows = rows.values(*(keys or ("everything",)))
    return rows.annotate(**aggregates()).values(*keys, *aggregates())


def _insert_select(
    model: type[Model], columns: tuple[str, ...], select: str, rows: QuerySet[Any]
) -> int:
    """INSERT INTO the model's table (``columns``) the rows of ``rows``, picked by ``select``."""
    sql, params = rows.query.sql_with_params()
    quote = connection.ops.quote_name
    names = ", ".join(quote(column) for column in columns)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {quote(model._meta.db_table)} ({names}) "  # noqa: S608 - names only
            f"SELECT {select} FROM ({sql}) AS source",
            params,
        )
        return cursor.rowcount


def _empty(model: type[Model]) -> None:
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {connection.ops.quote_name(model._meta.db_table)}")  # noqa: S608


def _source(column: str) -> str:
    return f"source.{connection.ops.quote_name(column)}"


def _fill() -> tuple[int, int]:
    """Empty and fill both summary tables; return how many motions and groups they have."""
    _empty(MotionOutcome)
    motions = _insert_select(
        MotionOutcome,
        MOTION_COLUMNS,
        ", ".join(_source(f"row_{column}") for column in MOTION_COLUMNS),
        motion_rows(),
    )
    _empty(OutcomeGroup)
    groups = 0
    for dimension, keys in GROUPINGS.items():
        keyed = [
            _source(key) if key in keys else ("''" if key == "kind" else "NULL")
            for key in KEY_COLUMNS
        ]
        values = [*keyed, *(_source(name) for name in (*COUNTS, *QUARTILES))]
        groups += _insert_select(
            OutcomeGroup,
            ("dimension", *KEY_COLUMNS, *COUNTS, *QUARTILES),
            ", ".join([f"'{dimension}'", *values]),
            group_rows(dimension),
        )
    return motions, groups


def analytics_refresh(*, requested_at: datetime.datetime | None = None) -> AnalyticsRefresh | None:
    """Rebuild the summary in one transaction and return its state.

    With ``requested_at`` (when a change asked for it), nothing is done, and None returned, if
    a refresh has started since: that one already read the change.
    """
    started = time.perf_counter()
    with transaction.atomic():
        state, created = AnalyticsRefresh.objects.select_for_update().get_or_create(
            pk=REFRESH_ID, defaults={"refreshed_at": timezone.now(), "motions": 0, "seconds": 0}
        )
        if requested_at is not None and not created and state.refreshed_at >= requested_at:
            return None
        state.refreshed_at = timezone.now()  # every commit before this is read below
        state.motions, groups = _fill()
        state.seconds = round(time.perf_counter() - started, 3)
        state.save()
    log.info("Analytics refreshed: %s motions, %s groups", state.motions, groups)
    return state


def _enqueue() -> None:
    # cases.tasks imports this module (its task calls the service above): imported here.
    from cases.tasks import analytics_refresh as task

    try:
        task.delay(requested_at=timezone.now().isoformat())
    except Exception:  # noqa: BLE001 - any broker failure; the beat schedule refreshes later
        log.warning(
            "Could not queue the analytics refresh; the scheduled one will do", exc_info=True
        )


def analytics_refresh_on_commit() -> None:
    """Queue one refresh for after the current transaction commits, however often it is asked."""
    pending = getattr(connection, "run_on_commit", [])
    if any(entry[1] is _enqueue for entry in pending):
        return
    transaction.on_commit(_enqueue)
