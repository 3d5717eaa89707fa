"""Figures counted live over the per-motion rows, for the filters no stored groups answer.

Counting most of the motions (a date range, a court level, several kinds) takes a few hundred
milliseconds at scale 1, so what is counted is kept (the "analytics" cache, per worker) under
the summary's refresh time and the filters that applied: the same filters again, or the CSV of
one of the tables just shown, cost nothing until the next refresh. And it is bounded: on
PostgreSQL the queries run under ``statement_timeout`` (``ANALYTICS_LIVE_TIMEOUT``, in
seconds), and a count that takes longer is reported, not waited for.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from typing import Any, TypeVar

from django.conf import settings
from django.core.cache import caches
from django.db import OperationalError, connection, transaction

from cases.analytics.filters import OutcomeFilterSet
from cases.models import AnalyticsRefresh

T = TypeVar("T")
CANCELLED = "57014"  # PostgreSQL's query_canceled: statement_timeout ran out
TOO_SLOW = (
    "Counting the motions that match these filters took longer than {seconds:g} seconds, so "
    "nothing is shown. Narrow them (one court, one judge or one motion kind are answered at "
    "once), or try again after the next recount."
)


class TooSlow(Exception):
    """A live count ran past ``ANALYTICS_LIVE_TIMEOUT``."""

    def __init__(self) -> None:
        super().__init__(TOO_SLOW.format(seconds=timeout()))


def timeout() -> float:
    return float(settings.ANALYTICS_LIVE_TIMEOUT)


def key(state: AnalyticsRefresh, filterset: OutcomeFilterSet, *parts: Any) -> str:
    """The cache key of a live count: the refresh, the filters that applied and ``parts``."""
    applied = sorted((name, repr(value)) for name, value in filterset.form.cleaned_data.items())
    facts = repr((state.refreshed_at.isoformat(), applied, parts))
    return "analytics-live:" + hashlib.sha256(facts.encode()).hexdigest()


def _bounded(compute: Callable[[], T]) -> T:
    """Return ``compute()``, its queries under the statement timeout (PostgreSQL)."""
    if connection.vendor != "postgresql":
        return compute()
    limit = f"{max(1, round(timeout() * 1000))}ms"  # 0 would be no limit at all
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            # The setting lasts to the end of the transaction: put back what it was, for a
            # request that runs in one (a timeout rolls the savepoint, and the setting, back).
            cursor.execute(
                "SELECT current_setting('statement_timeout'), "
                "set_config('statement_timeout', %s, true)",
                [limit],
            )
            before = cursor.fetchone()[0]
            found = compute()
            cursor.execute("SELECT set_config('statement_timeout', %s, true)", [before])
            return found
    except OperationalError as error:
        if getattr(error.__cause__, "pgcode", None) == CANCELLED:
            raise TooSlow from error
        raise


def counted(
    state: AnalyticsRefresh, filterset: OutcomeFilterSet, compute: Callable[[], T], *parts: Any
) -> T:
    """Return what ``compute()`` counts for these filters, from the cache when it was counted
    since the last refresh. Raises ``TooSlow`` past the timeout (nothing is kept then)."""
    cache, name = caches["analytics"], key(state, filterset, *parts)
    found = cache.get(name)
    if found is None:
        found = _bounded(compute)
        cache.set(name, found)
    return found
