"""The analytics' figures on a docket counted by hand (tests/cases/analytics_docket.py)."""

from __future__ import annotations

import pytest
from django.http import QueryDict

from cases.analytics import selectors
from cases.analytics.filters import OutcomeFilterSet
from cases.analytics.sqlite import percentile
from cases.models import MotionOutcome
from tests.cases import analytics_docket
from tests.cases.analytics_docket import page_text

pytestmark = pytest.mark.django_db


def report(query: str = "") -> selectors.Report:
    data = QueryDict(query) if query else None
    return selectors.outcome_report(OutcomeFilterSet(data, queryset=MotionOutcome.objects.all()))


def groups(result: selectors.Report, table: str) -> dict[str, selectors.Group]:
    found = next(t for t in result.tables if t.name == table)
    return {group.label: group for group in found.groups}


def hidden(result: selectors.Report) -> dict[str, int]:
    return {table.name: table.hidden for table in result.tables}


def test_the_totals_state_their_denominators_and_quartiles():
    analytics_docket.build()
    total = report().total

    assert (total.motions, total.decided, total.pending, total.withdrawn) == (16, 12, 3, 1)
    assert [cell.sentence for cell in total.cells] == [
        "5 of 12 decided motions granted (42%)",
        "1 of 12 decided motions granted in part (8%)",
        "5 of 12 decided motions denied (42%)",
        "1 of 12 decided motions moot (8%)",
        "0 of 12 decided motions decided with the outcome unknown (0%)",
    ]
    # 10, 20, 30, 30, 30, 30, 40, 40, 50, 60, 70 days: the undated ruling is not timed.
    assert (total.timed, total.q1, total.median, total.q3) == (11, 30.0, 30.0, 45.0)


def test_groups_under_five_decided_motions_are_hidden_and_counted():
    docket = analytics_docket.build()
    result = report()

    marsh = groups(result, "judges")["Xavier Marsh"]
    assert (marsh.motions, marsh.decided, marsh.pending, marsh.withdrawn) == (10, 7, 2, 1)
    assert [cell.text for cell in marsh.cells] == [
        "4 of 7 (57%)",
        "1 of 7 (14%)",
        "2 of 7 (29%)",
        "0 of 7 (0%)",
        "0 of 7 (0%)",
    ]
    assert (marsh.q1, marsh.median, marsh.q3, marsh.timing) == (25.0, 40.0, 55.0, "40 (25–55), n=7")
    assert marsh.url == f"/judges/{docket.marsh.pk}/"
    assert list(groups(result, "kinds")) == ["Motion to dismiss"]
    assert list(groups(result, "courts")) == ["A.D."]
    assert hidden(result) == {"kinds": 2, "judges": 3, "courts": 1}


def test_min_1_shows_every_group_with_a_decision():
    analytics_docket.build()
    result = report("min=1")

    assert hidden(result) == {"kinds": 0, "judges": 0, "courts": 0}
    judges = groups(result, "judges")
    # Most decided first: Quinn decided the stays (not Pike, who presides); the ruling naming
    # no judge counts for the presiding judge; case 3 has no judge at all.
    assert list(judges) == ["Xavier Marsh", "Zora Quinn", "No judge recorded", "Yolanda Pike"]
    quinn = judges["Zora Quinn"]
    assert (quinn.decided, quinn.counts["denied"], quinn.counts["moot"]) == (3, 2, 1)
    assert (judges["Yolanda Pike"].decided, judges["Yolanda Pike"].counts["granted"]) == (1, 1)
    nobody = judges["No judge recorded"]
    assert (nobody.motions, nobody.decided, nobody.pending, nobody.timed) == (2, 1, 1, 0)
    assert nobody.url == "" and nobody.timing == "no dated rulings"
    kinds = groups(result, "kinds")
    assert [(g.label, g.decided) for g in kinds.values()] == [
        ("Motion to dismiss", 7),
        ("Motion to stay", 4),
        ("Motion to remand", 1),
    ]
    stay = kinds["Motion to stay"]
    assert (stay.q1, stay.median, stay.q3) == (30.0, 30.0, 32.5)  # 30, 30, 30, 40 days
    courts = groups(result, "courts")
    assert [(g.label, g.motions, g.decided) for g in courts.values()] == [
        ("A.D.", 14, 11),
        ("B.D.", 2, 1),
    ]


def test_min_0_shows_groups_with_no_decision_and_a_larger_min_hides_more():
    docket = analytics_docket.build()
    case4 = analytics_docket.factories.case(docket.court_a)
    analytics_docket.factories.motion(case4, title="Lone pending", kind="transfer")
    analytics_docket.analytics_refresh()

    assert "Motion to transfer" not in groups(report("min=1"), "kinds")
    lone = groups(report("min=0"), "kinds")["Motion to transfer"]
    assert (lone.motions, lone.decided, lone.pending, lone.cells[0].text) == (1, 0, 1, "0")
    assert list(groups(report("min=8"), "kinds")) == []
    assert hidden(report("min=8"))["kinds"] == 4


def figures(result: selectors.Report) -> list:
    """Every figure of a report: the total's, then each table's groups in order."""
    every = [result.total, *(g for table in result.tables for g in table.groups)]
    tables = [(table.name, table.hidden, table.beyond) for table in result.tables]
    return [tables, *((g.label, g.url, g.counts, g.q1, g.median, g.q3) for g in every)]


def test_one_court_is_read_from_the_summary_and_other_filters_counted_live():
    analytics_docket.build()
    stored = report("court=ana-a&min=1")  # one court: its stored groups
    live = report("court=ana-a&filed_after=2000-01-01&min=1")  # any other filter: counted live
    assert stored.live and live.live
    assert figures(stored) == figures(live)
    total = stored.total
    assert (total.motions, total.decided, total.pending) == (14, 11, 2)
    assert (total.q1, total.median, total.q3) == (30.0, 30.0, 45.0)
    assert [g.label for g in stored.tables[1].groups] == [
        "Xavier Marsh",
        "Zora Quinn",
        "Yolanda Pike",
    ]
    assert figures(report("court=ana-b&min=0")) == figures(report("court=ana-b&kind=remand&min=0"))
    marsh = groups(report("court=ana-a"), "judges")["Xavier Marsh"]
    unfiltered = groups(report(), "judges")["Xavier Marsh"]
    assert (marsh.counts, marsh.q1, marsh.median, marsh.q3) == (
        unfiltered.counts,
        unfiltered.q1,
        unfiltered.median,
        unfiltered.q3,
    )


def test_the_page_shows_the_figures_and_says_what_it_hid(client):
    analytics_docket.build()
    text = page_text(client, "/analytics/")

    assert "5 of 12 decided motions granted (42%)" in text
    assert "16 motions: 12 decided, 3 pending, 1 withdrawn." in text
    assert "median 30, quartiles 30 and 45" in text
    assert "4 of 7 (57%)" in text and "40 (25–55), n=7" in text
    assert "3 groups with fewer than 5 decided motions are not shown." in text
    assert "2 groups with fewer than 5 decided motions are not shown." in text
    assert "1 group with fewer than 5 decided motions is not shown." in text
    assert "Zora Quinn" not in text
    assert "How these are counted" in text and "Figures as of" in text
    shown = page_text(client, "/analytics/?min=1")
    assert "Zora Quinn" in shown and "No judge recorded" in shown
    assert "not shown. Show" not in shown


def test_a_page_never_computed_says_what_to_do(client):
    analytics_docket.build(refresh=False)
    text = page_text(client, "/analytics/")
    assert "have not been computed yet" in text and "manage.py analytics_refresh" in text
    assert "decided motions granted" not in text


def test_the_sqlite_percentile_interpolates_as_postgresql_does():
    assert percentile([], 0.5) is None
    assert percentile([7.0], 0.25) == 7.0
    values = [10.0, 20.0, 30.0, 40.0, 50.0, 60.0, 70.0]
    assert [percentile(values, f) for f in (0.25, 0.5, 0.75)] == [25.0, 40.0, 55.0]
    assert percentile([30.0, 40.0, 30.0, 30.0], 0.5) == 30.0


def test_a_table_shows_its_first_groups_and_says_the_csv_has_the_rest(client, monkeypatch):
    analytics_docket.build()
    monkeypatch.setattr(selectors, "TABLE_ROWS", 2)
    stored = report("min=1")
    live = report("min=1&filed_after=2000-01-01")  # every motion, counted live
    for result in (stored, live):
        judges = next(table for table in result.tables if table.name == "judges")
        assert [g.label for g in judges.groups] == ["Xavier Marsh", "Zora Quinn"]
        assert (judges.hidden, judges.beyond) == (0, 2)
    text = page_text(client, "/analytics/?min=1")
    assert "The 2 with the most decided motions are shown; the CSV has the other 2." in text
    csv_rows = client.get("/analytics/judges.csv?min=1").getvalue().decode().splitlines()
    assert len(csv_rows) == 5  # the header and the 4 judges
