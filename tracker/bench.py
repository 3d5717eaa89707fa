"""Endpoints for the benchmark harness (bench/pages.py), off unless ``BENCH_ENDPOINTS`` is true.

- ``/_bench/floor/``: the floor. It fetches the same rows as the first page of the case list
  (the case list's own queryset and ordering, the columns its table shows, ``CASES_PER_PAGE``
  rows) and returns them as JSON: no template, no count, no filter form. What it does per second
  is what Django and PostgreSQL can do on this machine for one page of cases, and the harness
  states each page's throughput as a fraction of it.
- ``QueryCountMiddleware``: adds ``X-SQL-Queries`` to every response, the number of SQL
  statements the request ran (counted with ``connection.execute_wrapper``, so it needs no
  ``DEBUG``). For a streaming response (the CSV exports) the header can only count the statements
  run before the response is returned; the statements run while the body streams (the export's
  own query is one: a server-side cursor read in chunks counts once) are counted too, and the
  total is logged at the end of the stream on the ``tracker.bench`` logger as
  ``bench-sql path=<path and query> before-response=<n> total=<n>``, which the harness reads
  from the server's log.

Neither exists in production: settings.py installs the middleware and tracker/urls.py registers
the URL only when ``BENCH_ENDPOINTS`` is set (env ``BENCH_ENDPOINTS=1``); it is off by default and
in the tests.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from typing import Any

from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse, StreamingHttpResponse
from django.urls import URLPattern, path
from django.views.decorators.http import require_safe

logger = logging.getLogger("tracker.bench")

HEADER = "X-SQL-Queries"


def enabled() -> bool:
    return bool(getattr(settings, "BENCH_ENDPOINTS", False))


@require_safe
def floor(request: HttpRequest) -> JsonResponse:
    """The case list's first page of rows as JSON: one query."""
    from cases.filters import CaseFilterSet
    from cases.models import Case
    from cases.views import CASES_PER_PAGE, LIST_COLUMNS  # the columns the list's rows show

    rows = CaseFilterSet(None, queryset=Case.objects.all()).qs.values(*LIST_COLUMNS)
    return JsonResponse({"rows": list(rows[:CASES_PER_PAGE])})


def urlpatterns() -> list[URLPattern]:
    """The bench URLs when ``BENCH_ENDPOINTS`` is true, else none (tracker/urls.py adds them)."""
    if not enabled():
        return []
    return [path("_bench/floor/", floor, name="bench-floor")]


class QueryCounter:
    """An ``execute_wrapper`` that counts the statements it sees."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, execute: Callable, sql: str, params: Any, many: bool, context: Any) -> Any:
        self.count += 1
        return execute(sql, params, many, context)


class QueryCountMiddleware:
    """Adds ``X-SQL-Queries`` (statements run by the request) when ``BENCH_ENDPOINTS`` is true.

    Put it first in MIDDLEWARE, so that it counts the statements of every other middleware too.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        if not enabled():
            raise MiddlewareNotUsed
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        counter = QueryCounter()
        with connection.execute_wrapper(counter):
            response = self.get_response(request)
        response[HEADER] = str(counter.count)
        if isinstance(response, StreamingHttpResponse) and not response.is_async:
            response.streaming_content = self._counted(
                response.streaming_content, counter, request.get_full_path()
            )
        return response

    @staticmethod
    def _counted(chunks: Iterator[bytes], counter: QueryCounter, path: str) -> Iterator[bytes]:
        before = counter.count
        with connection.execute_wrapper(counter):
            yield from chunks
        logger.info("bench-sql path=%s before-response=%d total=%d", path, before, counter.count)
