"""The ``X-SQL-Queries`` header for the benchmark harness (bench/pages.py).

``QueryCountMiddleware`` adds ``X-SQL-Queries`` to every response, the number of SQL statements
the request ran (counted with ``connection.execute_wrapper``, so it needs no ``DEBUG``). For a
streaming response (the CSV exports) the header can only count the statements run before the
response is returned; the statements run while the body streams (the export's own query is one:
a server-side cursor read in chunks counts once) are counted too, and the total is logged at the
end of the stream on this module's logger as
``bench-sql path=<path and query> before-response=<n> total=<n>``, which the harness reads from
the server's log.

It does not exist in production: settings.py installs the middleware only when
``BENCH_ENDPOINTS`` is set (env ``BENCH_ENDPOINTS=1``); it is off by default and in the tests.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from typing import Any

from django.conf import settings
from django.core.exceptions import MiddlewareNotUsed
from django.db import connection
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse

logger = logging.getLogger(__name__)

HEADER = "X-SQL-Queries"


class QueryCounter:
    """An ``execute_wrapper`` that counts the statements it sees."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, execute: Callable, sql: str, params: Any, many: bool, context: Any) -> Any:
        self.count += 1
        return execute(sql, params, many, context)


class QueryCountMiddleware:
    """Add ``X-SQL-Queries`` (statements run by the request) when ``BENCH_ENDPOINTS`` is true.

    Put it first in MIDDLEWARE, so that it counts the statements of every other middleware too.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        if not getattr(settings, "BENCH_ENDPOINTS", False):
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
