"""The reads of the analytics page, its CSV downloads and a judge's page.

Unfiltered, or filtered by one court or one motion kind alone, the page reads the groups the
last refresh counted (``OutcomeGroup``: the rows each table shows, ranked by the database, and
how many groups have enough decided motions); a judge's page reads that judge's groups the same
way. Any other filter
counts the matching rows of the per-motion summary (``MotionOutcome``) as it goes, one query per
table and one for the total. Either way the figures are as of the last refresh, and the
queries do not grow with the rows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, F, Q, QuerySet, Window
from django.db.models.functions import RowNumber
from django.urls import reverse

from cases.analytics import live
from cases.analytics.filters import OutcomeFilterSet
from cases.analytics.groups import Group, group_from
from cases.analytics.outcomes import COUNTS, DECIDED, QUARTILES, aggregates
from cases.analytics.refresh import REFRESH_ID
from cases.models import AnalyticsRefresh, Judge, MotionKind, MotionOutcome, OutcomeGroup

Dimension = OutcomeGroup.Dimension
TABLE_ROWS = 20  # the most groups a table of the page shows (its CSV has them all)
KIND_LABELS = dict(MotionKind.choices)
NO_JUDGE = "No judge recorded"
# The columns that name a group, on both kinds of rows.
NAMES = (
    "kind",
    "court_id",
    "court__code",
    "court__short_name",
    "court__name",
    "judge_id",
    "judge__name",
)


def _kind(row: dict[str, Any]) -> Group:
    kind = row["kind"]
    return group_from(row, label=KIND_LABELS.get(kind, kind), key=kind)


def _court(row: dict[str, Any]) -> Group:
    code = row["court__code"] or ""
    label = row["court__short_name"] or row["court__name"] or code or "Court not recorded"
    url = reverse("court-detail", args=[code]) if code else ""
    return group_from(row, label=label, key=code, url=url)


def _judge(row: dict[str, Any]) -> Group:
    pk = row["judge_id"]
    if pk is None:
        return group_from(row, label=NO_JUDGE, key="")
    url = reverse("judge-detail", args=[pk])
    return group_from(row, label=row["judge__name"] or NO_JUDGE, key=str(pk), url=url)


@dataclass(frozen=True)
class TableSpec:
    name: str  # in the CSV's address: /analytics/<name>.csv
    title: str
    heading: str  # the first column's
    dimension: str
    fields: tuple[str, ...]  # what a live query groups by
    build: Callable[[dict[str, Any]], Group]
    sort_name: str  # the column that breaks ties, after the decided and all motions


TABLES = {
    spec.name: spec
    for spec in (
        TableSpec("kinds", "By motion kind", "Motion kind", Dimension.KIND, ("kind",), _kind,
                  "kind"),
        TableSpec("judges", "By judge", "Judge", Dimension.JUDGE, ("judge_id", "judge__name"),
                  _judge, "judge__name"),
        TableSpec("courts", "By court", "Court", Dimension.COURT,
                  ("court_id", "court__code", "court__short_name", "court__name"), _court,
                  "court__short_name"),
    )
}  # fmt: skip


@dataclass
class OutcomeTable:
    spec: TableSpec
    groups: list[Group]
    hidden: int  # groups with fewer decided motions than the minimum
    beyond: int  # groups past the page's cap, in the CSV

    @property
    def name(self) -> str:
        return self.spec.name

    @property
    def title(self) -> str:
        return self.spec.title

    @property
    def heading(self) -> str:
        return self.spec.heading


@dataclass
class Report:
    state: AnalyticsRefresh | None
    minimum: int
    total: Group | None = None
    tables: list[OutcomeTable] = field(default_factory=list)
    live: bool = False
    too_slow: str = ""  # counted live for too long: why nothing is shown

    @property
    def total_shown(self) -> bool:
        return self.total is not None and self.total.decided >= self.minimum


def _decided(row: dict[str, Any]) -> int:
    return sum(row[status] or 0 for status in DECIDED)


def _ranked(spec: TableSpec, rows: Iterable[dict[str, Any]], minimum: int) -> tuple[list, int]:
    """Return the rows with ``minimum`` decided motions or more, most decided first, and how
    many were left out."""
    rows = list(rows)
    shown = [row for row in rows if _decided(row) >= minimum]
    shown.sort(key=lambda row: (-_decided(row), -row["motions"], str(row[spec.sort_name] or "")))
    return shown, len(rows) - len(shown)


def _table(spec: TableSpec, rows: Iterable[dict[str, Any]], minimum: int) -> OutcomeTable:
    shown, hidden = _ranked(spec, rows, minimum)
    groups = [spec.build(row) for row in shown[:TABLE_ROWS]]
    return OutcomeTable(spec=spec, groups=groups, hidden=hidden, beyond=len(shown) - len(groups))


def refresh_state() -> AnalyticsRefresh | None:
    """Return when the summary was last rebuilt, None if never."""
    return AnalyticsRefresh.objects.filter(pk=REFRESH_ID).first()


def _summary_rows(**where: Any) -> list[dict[str, Any]]:
    rows = OutcomeGroup.objects.filter(**where).order_by()
    return list(rows.values("dimension", *NAMES, *COUNTS, *QUARTILES))


def _live_rows(rows: QuerySet[MotionOutcome], spec: TableSpec) -> list[dict[str, Any]]:
    return list(rows.order_by().values(*spec.fields).annotate(**aggregates()))


def _total(row: dict[str, Any] | None) -> Group:
    return group_from(row or {}, label="All motions", key="")


@dataclass(frozen=True)
class Scope:
    """Which stored groups make a page: the total's dimension, each table's, and the rows'."""

    total: str
    tables: dict[str, str]  # table -> dimension
    where: dict[str, Any] = field(default_factory=dict)
    many: bool = False  # thousands of groups: ranked and counted by the database


EVERYTHING = Scope(
    Dimension.ALL,
    {"kinds": Dimension.KIND, "judges": Dimension.JUDGE, "courts": Dimension.COURT},
    many=True,
)


def court_scope(code: str) -> Scope:
    tables = {"kinds": Dimension.COURT_KIND, "judges": Dimension.COURT_JUDGE}
    return Scope(Dimension.COURT, tables | {"courts": Dimension.COURT}, {"court__code": code})


def kind_scope(kind: str) -> Scope:
    tables = {"judges": Dimension.JUDGE_KIND, "courts": Dimension.COURT_KIND}
    return Scope(Dimension.KIND, {"kinds": Dimension.KIND} | tables, {"kind": kind}, many=True)


def judge_scope(judge: Judge) -> Scope:
    return Scope(Dimension.JUDGE, {"kinds": Dimension.JUDGE_KIND}, {"judge": judge})


def _stored_tables(scope: Scope, minimum: int) -> tuple[dict[str, Any] | None, list[OutcomeTable]]:
    """Return the stored total and tables of ``scope``: one query for a court's or a judge's few
    dozen groups, two for every group (the rows shown, ranked by the database, and how many
    groups have enough decided motions)."""
    dimensions = set(scope.tables.values())
    if not scope.many:
        found = _summary_rows(dimension__in=[scope.total, *dimensions], **scope.where)
        tables = [
            _table(TABLES[name], [r for r in found if r["dimension"] == dimension], minimum)
            for name, dimension in scope.tables.items()
        ]
        return next((r for r in found if r["dimension"] == scope.total), None), tables
    rank = Window(
        RowNumber(),
        partition_by=[F("dimension")],
        order_by=[
            F("decided").desc(),
            F("motions").desc(),
            *(F(spec.sort_name).asc(nulls_first=True) for spec in TABLES.values()),
        ],
    )
    shown = (
        OutcomeGroup.objects.filter(dimension__in=[scope.total, *dimensions], **scope.where)
        .annotate(rank=rank)
        .filter(Q(dimension=scope.total) | Q(decided__gte=minimum, rank__lte=TABLE_ROWS))
        .order_by("rank")
    )
    found = list(shown.values("dimension", *NAMES, *COUNTS, *QUARTILES))
    counted = (
        OutcomeGroup.objects.filter(dimension__in=dimensions, **scope.where)
        .values("dimension")
        .annotate(groups=Count("pk"), enough=Count("pk", filter=Q(decided__gte=minimum)))
        .order_by()
    )
    counts = {row["dimension"]: (row["groups"], row["enough"]) for row in counted}
    tables = []
    for name, dimension in scope.tables.items():
        spec = TABLES[name]
        rows = [r for r in found if r["dimension"] == dimension and r["decided"] >= minimum]
        total, enough = counts.get(dimension, (0, 0))
        groups = [spec.build(row) for row in rows[:TABLE_ROWS]]
        tables.append(
            OutcomeTable(spec, groups, hidden=total - enough, beyond=enough - len(groups))
        )
    return next((row for row in found if row["dimension"] == scope.total), None), tables


def _scope(filterset: OutcomeFilterSet) -> Scope | None:
    """The stored groups that answer the filters (none, one court's or one motion kind's), None
    if none do."""
    if not filterset.applied:
        return EVERYTHING
    if code := filterset.only_court:
        return court_scope(code)
    return kind_scope(kind) if (kind := filterset.only_kind) else None


def outcome_report(filterset: OutcomeFilterSet) -> Report:
    """Return the analytics page's figures for the filters that validated: stored, or counted
    live over the per-motion rows when no stored groups answer them."""
    minimum = filterset.minimum
    state = refresh_state()
    if state is None:
        return Report(state=None, minimum=minimum)
    scope = _scope(filterset)
    if scope is None:
        rows = filterset.qs

        def count() -> tuple[dict[str, Any], list[OutcomeTable]]:
            tables = [_table(spec, _live_rows(rows, spec), minimum) for spec in TABLES.values()]
            return rows.order_by().aggregate(**aggregates()), tables

        try:
            total, tables = live.counted(state, filterset, count, "page", minimum)
        except live.TooSlow as slow:
            return Report(state=state, minimum=minimum, live=True, too_slow=str(slow))
    else:
        total, tables = _stored_tables(scope, minimum)
    return Report(
        state=state, minimum=minimum, total=_total(total), tables=tables, live=filterset.applied
    )


def outcome_groups(filterset: OutcomeFilterSet, table: str) -> list[Group]:
    """Return every group of ``table`` shown at the filters' minimum, for the CSV (raises
    ``live.TooSlow`` when counting them live takes too long)."""
    spec, scope = TABLES[table], _scope(filterset)
    if scope is None:
        state = refresh_state()
        if state is None:
            return []
        rows = live.counted(state, filterset, lambda: _live_rows(filterset.qs, spec), table)
    else:
        rows = _summary_rows(dimension=scope.tables[table], **scope.where)
    shown, _hidden = _ranked(spec, rows, filterset.minimum)
    return [spec.build(row) for row in shown]


def judge_report(judge: Judge, minimum: int) -> Report:
    """Return a judge's figures: all the judge's motions, and by motion kind."""
    state = refresh_state()
    if state is None:
        return Report(state=None, minimum=minimum)
    total, tables = _stored_tables(judge_scope(judge), minimum)
    return Report(state=state, minimum=minimum, total=_total(total), tables=tables)
