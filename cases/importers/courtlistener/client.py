"""The HTTP client of CourtListener's REST API: token, timeouts, pages, waits and retries."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from types import TracebackType
from typing import Any

import httpx
from django.conf import settings
from django.db import transaction

from cases.importers.courtlistener.errors import (
    SYNC_OFF,
    CourtListenerError,
    CourtListenerRateLimited,
)
from cases.importers.courtlistener.responses import response_json, retry_after, status_text

logger = logging.getLogger(__name__)


# A 429 asking for a longer wait than this is not waited out: the next sync tries again.
MAX_WAIT_SECONDS = 60.0
# Pages of one list (100 rows each) followed before giving up: a loop, or not a docket.
MAX_PAGES = 1000
PAGE_SIZE = 100


Sleep = Callable[[float], None]


def _refuse_inside_transaction() -> None:
    # A request can take COURTLISTENER_TIMEOUT seconds, several times over with the retries:
    # never while holding a transaction (and its row locks) open.
    if transaction.get_connection().in_atomic_block:
        raise RuntimeError("CourtListener must not be called inside a database transaction.")


class CourtListenerClient:
    """GET requests to CourtListener's REST API with its token, a timeout on each, cursor
    pagination, waits on 429 (``Retry-After``) and retries with backoff on 5xx and network errors.

    ``sleep`` is how it waits (tests pass one that records instead of sleeping).
    """

    def __init__(
        self,
        *,
        token: str,
        api_url: str,
        timeout: float,
        sleep: Sleep = time.sleep,
        retries: int = 3,
        rate_limit_retries: int = 3,
        backoff: float = 1.0,
        max_wait: float = MAX_WAIT_SECONDS,
    ) -> None:
        if not token:
            raise CourtListenerError(SYNC_OFF)
        self.api_url = api_url if api_url.endswith("/") else f"{api_url}/"
        self.timeout = timeout
        self.sleep = sleep
        self.retries = retries
        self.rate_limit_retries = rate_limit_retries
        self.backoff = backoff
        self.max_wait = max_wait
        self._origin = _origin(httpx.URL(self.api_url))
        self._http = httpx.Client(
            base_url=self.api_url,
            headers={
                "Authorization": f"Token {token}",
                "Accept": "application/json",
                "User-Agent": "docket-tracker (CourtListener sync)",
            },
            timeout=httpx.Timeout(timeout),
            follow_redirects=False,
        )

    @classmethod
    def from_settings(cls, *, sleep: Sleep = time.sleep) -> CourtListenerClient:
        return cls(
            token=settings.COURTLISTENER_TOKEN,
            api_url=settings.COURTLISTENER_API_URL,
            timeout=settings.COURTLISTENER_TIMEOUT,
            sleep=sleep,
        )

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> CourtListenerClient:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # One resource, one list.

    def docket(self, docket_id: int) -> dict[str, Any]:
        return self.get(f"dockets/{docket_id}/")

    def docket_entries(self, docket_id: int) -> list[dict[str, Any]]:
        return self.paginate("docket-entries/", {"docket": docket_id, "page_size": PAGE_SIZE})

    def parties(self, docket_id: int) -> list[dict[str, Any]]:
        # filter_nested_results: each party's attorneys and types for this docket only.
        return self.paginate(
            "parties/",
            {"docket": docket_id, "filter_nested_results": "True", "page_size": PAGE_SIZE},
        )

    def attorneys(self, docket_id: int) -> list[dict[str, Any]]:
        return self.paginate(
            "attorneys/",
            {"docket": docket_id, "filter_nested_results": "True", "page_size": PAGE_SIZE},
        )

    def paginate(self, path: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        """Return every result of a list, following each page's ``next`` address (v4 cursors)."""
        results: list[dict[str, Any]] = []
        url: str = path
        query: dict[str, Any] | None = params
        seen: set[str] = set()
        for _ in range(MAX_PAGES):
            page = self.get(url, query)
            items = page.get("results")
            if not isinstance(items, list):
                raise CourtListenerError(
                    f"CourtListener's answer for {path} is not a list of results."
                )
            results.extend(item for item in items if isinstance(item, dict))
            following = page.get("next")
            if not following:
                return results
            if not isinstance(following, str) or following in seen:
                raise CourtListenerError(f"CourtListener's pages of {path} run in a loop.")
            seen.add(following)
            url, query = following, None
        raise CourtListenerError(f"CourtListener's {path} has more than {MAX_PAGES} pages.")

    def get(self, url: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        """Return one JSON object from CourtListener; any failure raises ``CourtListenerError``."""
        request = self._http.build_request("GET", url, params=params)
        where = self._describe(request.url)
        if _origin(request.url) != self._origin:
            # A "next" address elsewhere would be sent the token: refuse it.
            raise CourtListenerError(
                f"CourtListener's answer points to another site ({request.url.host}); not followed."
            )
        failures = 0
        waits = 0
        while True:
            _refuse_inside_transaction()
            try:
                response = self._http.send(request)
            except httpx.TimeoutException:
                problem = f"CourtListener did not answer within {self.timeout:g} s"
            except httpx.TransportError as error:
                problem = f"CourtListener could not be reached ({type(error).__name__}: {error})"
            else:
                if response.status_code == 429:
                    wait = retry_after(response, self.backoff * 2**waits)
                    if wait > self.max_wait or waits >= self.rate_limit_retries:
                        raise CourtListenerRateLimited(
                            f"CourtListener is limiting this token's requests (429 Too Many "
                            f"Requests for {where}, retry after {wait:g} s); the next sync "
                            "tries again."
                        )
                    waits += 1
                    logger.info("CourtListener 429 for %s; waiting %.1f s", where, wait)
                    self.sleep(wait)
                    continue
                if response.status_code < 500:
                    return response_json(response, where)
                problem = f"CourtListener answered {status_text(response.status_code)}"
            if failures >= self.retries:
                raise CourtListenerError(
                    f"{problem} for {where}, {failures + 1} times in a row; gave up "
                    "(the next sync tries again)."
                )
            delay = self.backoff * 2**failures
            failures += 1
            logger.info("%s for %s; retrying in %.1f s", problem, where, delay)
            self.sleep(delay)

    def _describe(self, url: httpx.URL) -> str:
        text = str(url)
        return text.removeprefix(self.api_url) if text.startswith(self.api_url) else url.path


def _origin(url: httpx.URL) -> tuple[str, str, int | None]:
    """Return the scheme, host and port of an address: where the token may be sent."""
    return (url.scheme, url.host, url.port)
