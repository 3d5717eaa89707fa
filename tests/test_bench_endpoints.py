"""The benchmark's floor view and X-SQL-Queries header exist only when BENCH_ENDPOINTS is set."""

from __future__ import annotations

import datetime
import importlib
from collections.abc import Iterator

import pytest
from django.test import Client
from django.urls import clear_url_caches

import tracker.urls
from cases.views import CASES_PER_PAGE, LIST_COLUMNS
from tests import factories
from tracker import query_count

FLOOR = "/_bench/floor/"


def _reload_urls() -> None:
    importlib.reload(tracker.urls)
    clear_url_caches()


@pytest.fixture
def bench_on(settings) -> Iterator[None]:
    settings.BENCH_ENDPOINTS = True
    settings.MIDDLEWARE = ["tracker.query_count.QueryCountMiddleware", *settings.MIDDLEWARE]
    _reload_urls()
    yield
    settings.BENCH_ENDPOINTS = False
    _reload_urls()


@pytest.fixture
def cases(db) -> list:
    court = factories.court()
    start = datetime.date(2020, 1, 1)
    return [
        factories.case(court, filed_date=start + datetime.timedelta(days=n))
        for n in range(CASES_PER_PAGE + 5)
    ]


def test_off_by_default(client: Client, cases: list, settings) -> None:
    assert settings.BENCH_ENDPOINTS is False
    assert "tracker.query_count.QueryCountMiddleware" not in settings.MIDDLEWARE
    response = client.get(FLOOR)
    assert response.status_code == 404
    assert query_count.HEADER not in client.get("/cases/").headers


@pytest.mark.usefixtures("bench_on")
def test_floor_returns_the_case_lists_first_page_as_json(cases: list) -> None:
    response = Client().get(FLOOR)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response[query_count.HEADER] == "1"
    rows = response.json()["rows"]
    assert len(rows) == CASES_PER_PAGE
    newest_first = sorted(cases, key=lambda case: case.filed_date, reverse=True)
    assert [row["slug"] for row in rows] == [c.slug for c in newest_first[:CASES_PER_PAGE]]
    assert set(rows[0]) == set(LIST_COLUMNS)


@pytest.mark.usefixtures("bench_on")
def test_every_page_and_stream_carries_its_query_count(cases: list, caplog) -> None:
    caplog.set_level("INFO", logger="tracker.query_count")
    client = Client()
    page = client.get("/cases/")
    assert page.status_code == 200
    assert int(page[query_count.HEADER]) >= 2  # at least the count and the rows
    export = client.get("/cases/export.csv")
    assert export.status_code == 200
    # Before the response is returned nothing has run; the export's query runs as it streams.
    assert export[query_count.HEADER] == "0"
    body = b"".join(export.streaming_content)
    assert body.count(b"\n") == len(cases) + 1
    # ... and the total, with it, is logged when the stream ends.
    assert "bench-sql path=/cases/export.csv before-response=0 total=1" in caplog.messages
