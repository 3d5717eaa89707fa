"""The analytics filters: each one's effect on the counts, bad values, and the CSV downloads."""

from __future__ import annotations

import csv
import io
import re

import pytest
from django.http import QueryDict

from cases.analytics import selectors
from cases.analytics.filters import OutcomeFilterSet
from cases.analytics.refresh import analytics_refresh
from cases.models import MotionOutcome
from tests import factories
from tests.cases import analytics_docket
from tests.cases.analytics_docket import page_text

pytestmark = pytest.mark.django_db


COUNTED = re.compile(r"\d+ motions?: \d+ decided, \d+ pending, \d+ withdrawn\.")


def motions_counted(client, query: str) -> str:
    """The page's line of totals: "N motions: D decided, P pending, W withdrawn."."""
    found = COUNTED.search(page_text(client, f"/analytics/?min=0&{query}"))
    assert found, query
    return found.group(0)


@pytest.mark.parametrize(
    ("query", "counted"),
    [
        ("", "16 motions: 12 decided, 3 pending, 1 withdrawn."),
        ("court=ana-b", "2 motions: 1 decided, 1 pending, 0 withdrawn."),
        ("court=ana-a&court=ana-b", "16 motions: 12 decided, 3 pending, 1 withdrawn."),
        ("level=state_trial", "2 motions: 1 decided, 1 pending, 0 withdrawn."),
        ("level=federal_district", "14 motions: 11 decided, 2 pending, 1 withdrawn."),
        ("kind=stay", "4 motions: 4 decided, 0 pending, 0 withdrawn."),
        ("kind=stay&kind=remand", "6 motions: 5 decided, 1 pending, 0 withdrawn."),
        ("judge=marsh", "10 motions: 7 decided, 2 pending, 1 withdrawn."),
        ("judge=ZOR", "3 motions: 3 decided, 0 pending, 0 withdrawn."),
        ("filed_after=2021-01-01", "2 motions: 1 decided, 1 pending, 0 withdrawn."),
        ("filed_before=2020-12-31", "14 motions: 11 decided, 2 pending, 1 withdrawn."),
        (
            "filed_after=2020-03-01&filed_before=2020-03-01",
            "14 motions: 11 decided, 2 pending, 1 withdrawn.",
        ),
        ("case_status=closed", "2 motions: 1 decided, 1 pending, 0 withdrawn."),
        ("case_status=active&kind=dismiss", "10 motions: 7 decided, 2 pending, 1 withdrawn."),
    ],
)
def test_each_filter_narrows_the_counts(client, query, counted):
    analytics_docket.build()
    assert motions_counted(client, query) == counted


def test_the_judge_number_filter_is_the_judge_pages_link(client):
    docket = analytics_docket.build()
    assert motions_counted(client, f"judge_id={docket.pike.pk}") == (
        "1 motion: 1 decided, 0 pending, 0 withdrawn."
    )
    page = client.get(f"/judges/{docket.pike.pk}/").content.decode()
    assert f'<a href="/analytics/?judge_id={docket.pike.pk}">These motions on the' in page


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("court=nowhere", "Court: Select a valid choice. nowhere is not one of the available"),
        ("level=galactic", "Court level: Select a valid choice. galactic is not one of"),
        ("kind=robot", "Motion kind: Select a valid choice. robot is not one of"),
        ("case_status=asleep", "Case status: Select a valid choice. asleep is not one of"),
        ("filed_after=yesterday", "Motion filed between: Enter a valid date."),
        ("judge_id=abc", "Judge number: Enter a whole number."),
        ("judge_id=99999999999999999999999", "Judge number: Ensure this value is less than"),
        ("judge=" + "x" * 101, "Judge: Ensure this value has at most 100 characters"),
        ("min=abc", "Fewest decided motions shown: Enter a whole number."),
        ("min=-1", "Fewest decided motions shown: Ensure this value is greater than or equal"),
    ],
)
def test_a_bad_filter_value_is_reported_and_left_out(client, query, message):
    analytics_docket.build()
    response = client.get(f"/analytics/?{query}")
    assert response.status_code == 200
    text = page_text(client, f"/analytics/?{query}")
    assert message in text and "This filter was not applied." in text
    # The other figures stand, unfiltered, at the default minimum.
    assert "16 motions: 12 decided, 3 pending, 1 withdrawn." in text
    assert "3 groups with fewer than 5 decided motions are not shown." in text
    csv_response = client.get(f"/analytics/judges.csv?{query}")
    assert csv_response.status_code == 200


def test_a_bad_value_leaves_the_other_filters_applied(client):
    analytics_docket.build()
    text = page_text(client, "/analytics/?court=ana-b&kind=robot&min=0")
    assert "Motion kind: Select a valid choice." in text
    assert "2 motions: 1 decided, 1 pending, 0 withdrawn." in text


def rows(client, url: str) -> list[list[str]]:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    body = b"".join(response.streaming_content).decode()
    return list(csv.reader(io.StringIO(body)))


def test_the_csv_has_the_tables_groups_with_every_figure(client):
    docket = analytics_docket.build()
    response = client.get("/analytics/judges.csv")
    assert response["Content-Disposition"].startswith(
        'attachment; filename="motion-outcomes-by-judges-'
    )
    header, *body = rows(client, "/analytics/judges.csv")
    assert header == [
        "Judge", "Judge number", "Motions", "Decided",
        "Granted", "Granted %", "Granted in part", "Granted in part %", "Denied", "Denied %",
        "Moot", "Moot %", "Outcome unknown", "Outcome unknown %", "Pending", "Withdrawn",
        "Decided with filing and ruling dates", "Days to ruling, 25th percentile",
        "Days to ruling, median", "Days to ruling, 75th percentile", "URL",
    ]  # fmt: skip
    assert body == [
        [
            "Xavier Marsh", str(docket.marsh.pk), "10", "7", "4", "57.1", "1", "14.3", "2",
            "28.6", "0", "0.0", "0", "0.0", "2", "1", "7", "25.0", "40.0", "55.0",
            f"http://testserver/judges/{docket.marsh.pk}/",
        ]
    ]  # fmt: skip


def test_the_csv_follows_the_pages_filters_and_minimum(client):
    analytics_docket.build()
    judges = [row[0] for row in rows(client, "/analytics/judges.csv?min=1")[1:]]
    assert judges == ["Xavier Marsh", "Zora Quinn", "No judge recorded", "Yolanda Pike"]
    kinds = rows(client, "/analytics/kinds.csv?court=ana-b&min=1")[1:]
    assert [(row[0], row[1], row[2], row[3]) for row in kinds] == [
        ("Motion to remand", "remand", "2", "1")
    ]
    courts = rows(client, "/analytics/courts.csv?min=1&kind=stay")[1:]
    assert [(row[0], row[1], row[3], row[-1]) for row in courts] == [
        ("A.D.", "ana-a", "4", "http://testserver/courts/ana-a/")
    ]
    page = client.get("/analytics/?court=ana-a&min=1").content.decode()
    for table in ("kinds", "judges", "courts"):
        assert f'href="/analytics/{table}.csv?court=ana-a&amp;min=1"' in page
    assert client.get("/analytics/nothing.csv").status_code == 404


def test_the_csv_writes_a_formula_as_text(client):
    court = factories.court(code="ana-f", short_name='=HYPERLINK("http://x")')
    judge = factories.judge(court, name="@SUM(A1:A9)")
    case = factories.case(court)
    for number in range(5):
        motion = factories.motion(case, title=f"Formula {number}")
        analytics_docket.decide(case, motion, "granted", 5, judge)
    analytics_refresh()
    judges = rows(client, "/analytics/judges.csv")[1:]
    courts = rows(client, "/analytics/courts.csv")[1:]
    assert judges[0][0] == "'@SUM(A1:A9)"
    assert courts[0][0] == '\'=HYPERLINK("http://x")'


def _figures(tables: list) -> dict[str, list[tuple]]:
    return {
        table.name: sorted((g.label, g.motions, g.decided, g.median) for g in table.groups)
        for table in tables
    }


@pytest.mark.parametrize("kind", ["dismiss", "stay", "remand"])
def test_one_motion_kind_is_read_from_the_stored_groups_with_the_live_figures(kind):
    # One kind alone is answered by the refresh's kind, judge-and-kind and court-and-kind groups
    # (no count over the motions' rows); its figures are those a live count gives.
    analytics_docket.build()
    filterset = OutcomeFilterSet(QueryDict(f"kind={kind}&min=0"), MotionOutcome.objects.all())
    assert selectors._scope(filterset) is not None
    stored = selectors.outcome_report(filterset)
    live = [
        selectors._table(spec, selectors._live_rows(filterset.qs, spec), 0)
        for spec in selectors.TABLES.values()
    ]
    assert _figures(stored.tables) == _figures(live)
    assert stored.total.motions == filterset.qs.count() > 0
