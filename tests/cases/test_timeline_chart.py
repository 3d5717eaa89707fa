"""The case page's timeline chart: its axis, ticks and rows (pure), what the Clearview pages
draw, the cap on a big MDL, what is left out and said so, escaping, and what it costs."""

from __future__ import annotations

import datetime
import html
import re

import pytest
import time_machine

from cases import services
from cases.charts.facts import Facts, Mark, Span
from cases.charts.scale import TimeScale, domain, pack, ticks
from cases.charts.style import MAX_ROWS, OUTCOMES
from cases.charts.svg import chart_figure, layout
from cases.models import MotionStatus
from tests import factories
from tests.html_checks import PAYLOADS, assert_only_escaped

D = datetime.date
# 15:00 UTC: 3 December in Chicago and in California.
NOW = datetime.datetime(2026, 12, 3, 15, 0, tzinfo=datetime.UTC)
TODAY = D(2026, 12, 3)
BAR = re.compile(r'<g class="motion ([\w-]+)"><title>(.*?)</title><rect [^>]*fill="([^"]+)"')


def figure(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    found = re.search(
        r'<figure class="timeline-chart">.*?</figure>', response.content.decode(), re.S
    )
    assert found, "no timeline chart on the page"
    return found.group(0)


def text_of(markup: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", markup)))


def bars(markup: str) -> list[tuple[str, str, str]]:
    """Return (outcome, title, fill) of each bar drawn."""
    return [(o, html.unescape(t), f) for o, t, f in BAR.findall(markup)]


# The axis, its ticks and the rows: pure functions.


def test_the_scale_maps_days_linearly():
    scale = TimeScale(D(2021, 1, 1), D(2021, 1, 11), 0, 100)
    assert scale.x(D(2021, 1, 1)) == 0
    assert scale.x(D(2021, 1, 6)) == 50
    assert scale.x(D(2021, 1, 11)) == 100


def test_the_domain_is_padded_and_at_least_two_weeks_long():
    assert domain([D(2021, 1, 1)]) == (D(2020, 12, 24), D(2021, 1, 9))
    first, last = domain([D(2020, 1, 1), D(2030, 1, 1)])
    assert first == D(2020, 1, 1) - datetime.timedelta(days=73)
    assert last == D(2030, 1, 1) + datetime.timedelta(days=73)


def labels(start: datetime.date, end: datetime.date) -> list[str]:
    return [tick.label for tick in ticks(start, end)]


def test_ticks_of_weeks_are_mondays_with_the_year_once():
    assert labels(D(2026, 1, 3), D(2026, 1, 27)) == ["5 Jan 2026", "12 Jan", "19 Jan", "26 Jan"]
    assert labels(D(2026, 12, 20), D(2027, 1, 10)) == ["21 Dec 2026", "28 Dec", "4 Jan 2027"]


def test_ticks_of_months_years_and_a_decade():
    assert labels(D(2021, 3, 9), D(2021, 9, 1)) == ["Apr 2021", "May", "Jun", "Jul", "Aug", "Sep"]
    assert labels(D(2021, 3, 9), D(2026, 12, 3)) == ["2022", "2023", "2024", "2025", "2026"]
    assert labels(D(2015, 6, 1), D(2026, 6, 1)) == ["2016", "2018", "2020", "2022", "2024", "2026"]
    assert labels(D(2024, 11, 20), D(2025, 5, 30)) == [
        "Dec 2024",
        "2025",
        "Feb",
        "Mar",
        "Apr",
        "May",
    ]


@pytest.mark.parametrize("days", [0, 3, 10, 20, 45, 100, 200, 400, 900, 2000, 4000, 20000])
def test_every_span_gets_a_few_ticks_in_order(days):
    start = D(2020, 2, 17)
    end = start + datetime.timedelta(days=days)
    found = ticks(start, end)
    assert 1 <= len(found) <= 10
    assert [t.on for t in found] == sorted(t.on for t in found)
    assert all(start <= t.on <= end for t in found)


def test_bars_that_overlap_stack_and_the_others_share_a_row():
    intervals = [(0, 10), (5, 15), (12, 20), (16, 30)]
    assert pack(intervals) == [0, 1, 0, 1]
    assert pack(intervals, gap=3) == [0, 1, 2, 0]
    assert pack([(30, 40), (0, 10)]) == [0, 0]  # in the order given, packed by start
    assert pack([]) == []


def span(start: datetime.date, end: datetime.date, outcome: str = "granted", **kw) -> Span:
    return Span(start, end, outcome, kw.get("title", "A motion"), "Motion to dismiss")


def test_rows_are_capped_and_the_caption_says_how_many_are_shown():
    many = [span(D(2021, 1, 1) + datetime.timedelta(n), TODAY, "pending") for n in range(30)]
    facts = Facts(name="Big", today=TODAY, filed=D(2021, 1, 1), motions=many, motion_total=30)
    drawn = layout(facts).bars
    assert len(drawn) == MAX_ROWS and {bar.row for bar in drawn} == set(range(MAX_ROWS))
    text = text_of(chart_figure(facts))
    assert f"{MAX_ROWS} of 30 motions shown, the latest filed" in text


def test_the_legend_names_the_colour_of_each_outcome_drawn():
    facts = Facts(
        name="Case",
        today=TODAY,
        filed=D(2021, 1, 1),
        motions=[span(D(2021, 2, 1), D(2021, 5, 1), o) for o in ("granted", "denied", "pending")],
        motion_total=3,
        deadlines=[Mark(D(2027, 1, 5), "Reply", "Deadline: Reply")],
    )
    legend = text_of(chart_figure(facts).split('<ul class="chart-legend">')[1])
    for outcome in ("granted", "denied", "pending"):
        look = OUTCOMES[outcome]
        assert f"{look.label}: {look.colour} bar" in legend
    assert "Moot" not in legend  # only the outcomes drawn
    assert "Deadline ahead: brown diamond" in legend and "Today: dashed line" in legend


@pytest.mark.parametrize("payload", PAYLOADS)
def test_labels_titles_and_names_are_escaped(payload):
    facts = Facts(
        name=payload,
        today=TODAY,
        filed=D(2021, 1, 1),
        statuses=[Mark(D(2022, 1, 1), payload, payload)],
        motions=[Span(D(2021, 2, 1), D(2021, 5, 1), payload, payload, payload)],
        deadlines=[Mark(D(2027, 1, 5), payload, payload)],
        motion_total=1,
    )
    assert_only_escaped(str(chart_figure(facts)), payload, [payload])


# The case pages.


@time_machine.travel(NOW)
def test_the_renderos_pages_draw_their_motions_by_outcome(client, seeded):
    ndill = figure(client, "/cases/renderos-v-clearview-ndill/")
    [(outcome, title, fill)] = bars(ndill)
    assert outcome == MotionStatus.GRANTED and fill == OUTCOMES["granted"].fill
    assert title.startswith("Plaintiffs' motion to remand to the Alameda County Superior Court")
    assert "(Motion to remand). Filed 20 Oct 2021, decided 23 Mar 2022 (154 days)." in title
    assert title.endswith("Outcome: Granted.")
    text = text_of(ndill)
    # The County's motion was decided on no recorded date: counted, not drawn.
    assert "1 motion drawn, from filing to ruling. 1 undated motion is not drawn." in text
    assert "Granted: green bar" in text and "Status change: tick, labelled" in text
    assert ">Remanded</text>" in ndill and ">Filed</text>" in ndill and ">Today</text>" in ndill
    assert "Today is 3 Dec 2026." in ndill  # the <desc>, from the court's calendar

    alameda = figure(client, "/cases/renderos-v-clearview-alameda/")
    assert bars(alameda) == []
    assert "3 undated motions are not drawn." in text_of(alameda)
    assert ">Removed</text>" in alameda and ">Active</text>" in alameda
    assert (
        "Renderos v. Clearview AI: filed 9 Mar 2021. Status changes: Removed on 14 Jun 2021; "
        "Active on 23 Mar 2022. Today is 3 Dec 2026." in html.unescape(alameda)
    )


def test_the_chart_is_an_image_labelled_by_its_title_and_description(client, seeded):
    chart = figure(client, "/cases/in-re-clearview-mdl/")
    svg = re.search(r"<svg [^>]*>", chart).group(0)
    assert 'role="img"' in svg and 'aria-labelledby="tc-title tc-desc"' in svg
    assert 'viewBox="0 0 800 ' in svg
    assert '<title id="tc-title">Timeline of In re Clearview AI' in chart
    assert '<desc id="tc-desc">' in chart
    assert "style=" not in chart and "<script" not in chart
    assert len(bars(chart)) == 2  # the two motions of the MDL with a filing date
    assert "6 undated motions are not drawn." in text_of(chart)


def _big_mdl(count: int):
    mdl = factories.case(short_name="In re Big MDL", filed_date=D(2019, 12, 1))
    for n in range(count):
        filed = D(2020, 1, 1) + datetime.timedelta(days=5 * n)
        motion = factories.motion(mdl, title=f"Motion {n:03d}", filed_date=filed)
        if n < count - 10:  # all but the last ten were withdrawn three days later
            services.motion_set_status(
                motion=motion, status="withdrawn", occurred_on=filed + datetime.timedelta(3)
            )
    return mdl


@time_machine.travel(NOW)
def test_a_big_mdl_draws_its_latest_motions_and_links_to_them_all(
    db, client, django_assert_max_num_queries
):
    mdl = _big_mdl(300)
    # The case page's 12 (tests/cases/test_pages.py) and the chart's motions (1).
    with django_assert_max_num_queries(13):
        chart = figure(client, mdl.get_absolute_url())
    drawn = bars(chart)
    assert len(drawn) == 40
    assert [o for o, _, _ in drawn].count("pending") == 10
    titles = {t.split(" (")[0]: t for _, t, _ in drawn}
    assert set(titles) == {f"Motion {n}" for n in range(260, 300)}
    withdrawn = D(2020, 1, 1) + datetime.timedelta(days=5 * 260 + 3)
    assert f"withdrawn {withdrawn.day} {withdrawn:%b %Y} (3 days)." in titles["Motion 260"]
    assert "40 of 300 motions shown, the latest filed; all are in the timeline below" in (
        text_of(chart)
    )
    assert '<a href="?kind=motions#h-timeline">timeline below</a>' in chart


@time_machine.travel(NOW)
def test_undated_motions_and_status_changes_are_counted_not_drawn(db, client):
    case = factories.case()
    for title in ("No date 1", "No date 2"):
        factories.motion(case, title=title, filed_date=None)
    ruled = factories.motion(case, title="Ruled on no known date", filed_date=D(2021, 1, 4))
    services.ruling_record(
        case=case, title="Order", kind="order", date=None, decisions=[(ruled, "granted")]
    )
    factories.motion(case, title="Still pending", filed_date=D(2026, 11, 3))
    services.case_status_change(case=case, status="stayed", effective_date=None)
    chart = figure(client, case.get_absolute_url())
    [(outcome, title, _)] = bars(chart)
    assert outcome == "pending" and "Filed 3 Nov 2026, pending, 30 days so far." in title
    text = text_of(chart)
    assert "1 motion drawn, from filing to ruling." in text
    assert "3 undated motions are not drawn." in text
    assert "1 undated status change is not drawn." in text


@time_machine.travel(NOW)
def test_deadlines_ahead_are_diamonds_and_the_axis_reaches_the_last(db, client):
    case = factories.case(filed_date=D(2026, 6, 1))
    for n, due in enumerate([D(2026, 12, 10), D(2027, 3, 1)]):
        services.deadline_set(case=case, title=f"Brief {n}", kind="filing", due_date=due)
    services.deadline_set(case=case, title="Past", kind="filing", due_date=D(2026, 11, 1))
    chart = figure(client, case.get_absolute_url())
    diamonds = re.findall(r'<path class="deadline"[^>]*><title>(.*?)</title>', chart)
    assert len(diamonds) == 2 and diamonds[0].startswith("Deadline: Brief 0 (in 7 calendar days")
    assert diamonds[1].endswith("due 1 Mar 2027")
    assert ">Mar</text>" in chart  # the axis runs on into March 2027


@pytest.mark.parametrize("payload", PAYLOADS)
def test_hostile_titles_notes_and_names_are_escaped_on_the_page(db, client, payload):
    case = factories.case(short_name=payload)
    factories.motion(case, title=payload, filed_date=D(2025, 1, 1))
    services.case_status_change(
        case=case, status="stayed", effective_date=D(2025, 2, 1), note=payload
    )
    services.deadline_set(case=case, title=payload, kind="filing", due_date=D(2099, 1, 1))
    chart = figure(client, case.get_absolute_url())
    assert_only_escaped(chart, payload, [payload])
    assert len(bars(chart)) == 1


def test_a_case_with_no_motions_costs_no_chart_query(db, client, django_assert_max_num_queries):
    case = factories.case()
    # Case+court+judges (2), parties+counsel (2), motions (1: none, so the chart reads none),
    # deadlines (1), related (1), status history (1, shared with the chart), timeline (2).
    with django_assert_max_num_queries(10):
        chart = figure(client, case.get_absolute_url())
    assert bars(chart) == [] and ">Filed</text>" in chart
