"""Helpers shared by the public pages: pagination that never fails, query strings for links."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Page, Paginator
from django.db import connections
from django.http import HttpRequest, QueryDict
from django.utils.functional import cached_property


class CappedPaginator(Paginator):
    """A paginator that counts at most ``cap`` rows.

    An exact ``COUNT(*)`` over a filter that matches most of a big table costs as much as reading
    it; counting ``SELECT 1 ... LIMIT cap + 1`` costs at most ``cap`` rows. Past the cap the
    count reads "more than cap" and the pages stop there (no page needs an OFFSET beyond it).

    An unfiltered list of a table that PostgreSQL's statistics (``pg_class.reltuples``, from the
    last ANALYZE, kept by autovacuum) put at ten times the cap or more is not counted at all: it
    is past the cap: counting up to the cap would still read cap + 1 index entries on every
    case list (docs/performance.md). A table never analyzed (-1) is counted.
    """

    # The statistics' row estimate must be this many times the cap to be trusted without a count.
    ESTIMATE_MARGIN = 10

    def __init__(self, object_list: Any, per_page: int, cap: int) -> None:
        super().__init__(object_list, per_page)
        self.cap = cap

    @cached_property
    def _counted(self) -> int:
        # Count keys only: no ordering, no ranking or snippet annotations in the subquery.
        rows = self.object_list
        if not hasattr(rows, "values"):
            return len(rows[: self.cap + 1])  # a list
        keys = rows.order_by().values("pk")[: self.cap + 1]
        query = rows.query
        connection = connections[rows.db]
        if query.where or query.distinct or query.combinator or connection.vendor != "postgresql":
            return keys.count()
        # Unfiltered: one statement that reads the estimate and counts only when it is not
        # far past the cap (PostgreSQL runs the CASE's subquery only when it is reached).
        sql, params = keys.query.sql_with_params()  # the ORM's SQL; values stay parameters
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT CASE WHEN (SELECT reltuples FROM pg_class WHERE oid = %s::regclass)"  # noqa: S608
                f" >= %s THEN %s ELSE (SELECT COUNT(*) FROM ({sql}) AS keys) END",
                [
                    connection.ops.quote_name(rows.model._meta.db_table),
                    self.cap * self.ESTIMATE_MARGIN,
                    self.cap + 1,
                    *params,
                ],
            )
            return int(cursor.fetchone()[0])

    @cached_property
    def count(self) -> int:
        return min(self._counted, self.cap)

    @property
    def capped(self) -> bool:
        return self._counted > self.cap


def paginate(
    request: HttpRequest,
    rows: Any,
    per_page: int,
    *,
    param: str = "page",
    cap: int | None = None,
) -> tuple[Page, str]:
    """The requested page of ``rows`` and a note when the page asked for does not exist.

    A page number that is not a number, or past the end, shows the nearest page instead of an
    error, and says so. With ``cap``, at most that many rows are counted and paged through.
    """
    paginator = CappedPaginator(rows, per_page, cap) if cap else Paginator(rows, per_page)
    raw = request.GET.get(param, "1")
    page = paginator.get_page(raw)
    note = ""
    if raw not in ("", "1") and str(page.number) != raw.strip():
        shown = f"page {page.number} of {paginator.num_pages}"
        note = f"There is no page {raw[:20]!r}; showing {shown}."
    return page, note


def query_without(request: HttpRequest, *names: str) -> str:
    """The current query string without ``names`` (for links that change only those)."""
    query: QueryDict = request.GET.copy()
    for name in names:
        query.pop(name, None)
    return query.urlencode()
