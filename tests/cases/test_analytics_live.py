"""Filters no stored groups answer are counted live: kept until the next refresh, and bounded by
``ANALYTICS_LIVE_TIMEOUT`` (a count past it is reported on the page, and the CSV answers 503)."""

from __future__ import annotations

import datetime

import psycopg2
import pytest
from django.db import connection

from cases import services
from cases.analytics import live
from cases.analytics.refresh import analytics_refresh
from cases.models import AnalyticsRefresh
from tests import factories
from tests.cases import analytics_docket
from tests.cases.analytics_docket import page_text

LIVE = "/analytics/?min=0&level=federal_district"


@pytest.mark.django_db
def test_the_same_filters_are_counted_once_per_refresh(client, django_assert_max_num_queries):
    analytics_docket.build()
    # The refresh time, the four counts, the timeout set and put back (with the savepoint's
    # two statements, in a test's transaction) and the form's courts.
    with django_assert_max_num_queries(10) as first:
        text = page_text(client, LIVE)
    assert "14 motions: 11 decided, 2 pending, 1 withdrawn." in text
    counted = len(first.captured_queries)
    with django_assert_max_num_queries(counted - 8):  # the refresh time and the courts
        assert "14 motions: 11 decided, 2 pending, 1 withdrawn." in page_text(client, LIVE)
    # The CSV of a table is counted once too, on its own.
    assert client.get("/analytics/judges.csv?min=0&level=federal_district").status_code == 200
    with django_assert_max_num_queries(1):
        client.get("/analytics/judges.csv?min=0&level=federal_district").getvalue()

    # A ruling and the next refresh: counted again, with the new ruling.
    case = factories.case(court_=factories.court(code="ana-c", level="federal_district"))
    motion = factories.motion(case, kind="dismiss", filed_date=datetime.date(2020, 3, 1))
    services.ruling_record(
        case=case, title="Order", kind="order", date=datetime.date(2020, 4, 1),
        decisions=[(motion, "granted")],
    )  # fmt: skip
    analytics_refresh()
    assert "15 motions: 12 decided, 2 pending, 1 withdrawn." in page_text(client, LIVE)


def _connect() -> psycopg2.extensions.connection:
    settings = connection.settings_dict
    return psycopg2.connect(
        dbname=settings["NAME"],
        user=settings["USER"],
        host=settings["HOST"],
        port=settings["PORT"] or 5432,
        password=settings["PASSWORD"],
    )


@pytest.mark.django_db(transaction=True)
def test_a_count_past_the_timeout_is_reported_and_nothing_kept(client, settings):
    analytics_docket.build()
    settings.ANALYTICS_LIVE_TIMEOUT = 0.3
    other = _connect()  # another session holds the summary's table: the count waits, and stops
    try:
        with other.cursor() as cursor:
            cursor.execute("LOCK TABLE cases_motionoutcome IN ACCESS EXCLUSIVE MODE")
        response = client.get(LIVE)
        assert response.status_code == 200
        text = page_text(client, LIVE)
        assert "took longer than 0.3 seconds, so nothing is shown. Narrow them" in text
        assert "motions: " not in text and "By motion kind" not in text
        download = client.get("/analytics/kinds.csv?level=federal_district")
        assert download.status_code == 503 and download["Retry-After"] == "1800"
        assert "took longer than 0.3 seconds" in download.content.decode()
        # A stored answer does not wait on the live rows.
        assert "16 motions: 12 decided" in page_text(client, "/analytics/?min=0")
    finally:
        other.rollback()
        other.close()
    # The lock gone, the same filters are counted (the timeout kept nothing).
    assert "14 motions: 11 decided, 2 pending, 1 withdrawn." in page_text(client, LIVE)
    assert AnalyticsRefresh.objects.count() == 1


@pytest.mark.django_db
def test_the_timeout_is_put_back_after_a_count(client):
    analytics_docket.build()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL statement_timeout = '42s'")
    assert "14 motions" in page_text(client, LIVE)
    with connection.cursor() as cursor:
        cursor.execute("SHOW statement_timeout")
        assert cursor.fetchone()[0] == "42s"
    assert live.timeout() == 10.0  # the default
