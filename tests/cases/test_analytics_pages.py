"""The analytics page and a judge's figures: what they show, their queries, their escaping."""

from __future__ import annotations

import re

import pytest
from django.core.cache import caches

from cases.analytics.refresh import analytics_refresh
from tests import factories
from tests.cases import analytics_docket
from tests.cases.analytics_docket import page_text
from tests.html_checks import PAYLOADS, assert_only_escaped

pytestmark = pytest.mark.django_db


def more_of_everything(docket: analytics_docket.Docket) -> None:
    """Another court, judge and case, with enough decided motions to be shown everywhere."""
    court = factories.court()
    judge = factories.judge(court, name="Walter Ives")
    case = factories.case(court)
    for number in range(6):
        motion = factories.motion(case, title=f"Summary {number}", kind="summary_judgment")
        analytics_docket.decide(case, motion, "denied", 20 + number, judge)
    analytics_refresh()


def test_the_pages_queries_do_not_grow_with_the_groups(client, django_assert_max_num_queries):
    docket = analytics_docket.build()
    for _ in range(2):
        # The refresh state, the stored groups each table shows (one query, ranked, the court
        # and judge names joined), how many groups have enough decided motions, the court
        # filter's options.
        with django_assert_max_num_queries(4):
            assert client.get("/analytics/?min=1").status_code == 200
        # One court: the refresh state, the court codes checked, the court's stored groups, the
        # court filter's options.
        with django_assert_max_num_queries(4):
            assert client.get("/analytics/?court=ana-a").status_code == 200
        # Filtered further: the refresh state, the court codes checked, the three tables and the
        # total counted live under the timeout (set and put back, in a savepoint here: in a
        # test's transaction), the court filter's options.
        with django_assert_max_num_queries(11):
            assert client.get("/analytics/?court=ana-a&kind=dismiss&min=1").status_code == 200
        # The judge, the judge's cases and rulings; the refresh state and the judge's stored
        # groups.
        with django_assert_max_num_queries(5):
            assert client.get(f"/judges/{docket.marsh.pk}/").status_code == 200
        # The CSV of a table: its groups (stored; or the refresh state, the court codes checked
        # and the groups counted live under the timeout).
        with django_assert_max_num_queries(1):
            assert b"".join(client.get("/analytics/judges.csv").streaming_content)
        with django_assert_max_num_queries(7):
            assert b"".join(client.get("/analytics/judges.csv?court=ana-a").streaming_content)
        more_of_everything(docket)


def test_the_judge_page_shows_the_judges_numbers(client):
    docket = analytics_docket.build()
    text = page_text(client, f"/judges/{docket.marsh.pk}/")

    assert "10 motions: 7 decided, 2 pending, 1 withdrawn." in text
    assert "4 of 7 decided motions granted (57%)" in text
    assert "2 of 7 decided motions denied (29%)" in text
    assert "median 40, quartiles 25 and 55" in text
    assert "Motion to dismiss" in text and "4 of 7 (57%)" in text
    assert "How these are counted" in text and "Figures as of" in text


def test_a_judge_with_few_decisions_is_shown_only_when_asked(client):
    docket = analytics_docket.build()
    url = f"/judges/{docket.quinn.pk}/"
    text = page_text(client, url)
    assert "Only 3 of 3 motions decided: too few to state outcome rates." in text
    assert "decided motions denied" not in text
    assert 'href="?min=1"' in client.get(url).content.decode()
    shown = page_text(client, f"{url}?min=1")
    assert "2 of 3 decided motions denied (67%)" in shown
    assert "1 of 3 decided motions moot (33%)" in shown
    assert f'/analytics/kinds.csv?judge_id={docket.quinn.pk}&amp;min=1"' in (
        client.get(f"{url}?min=1").content.decode()
    )
    bad = page_text(client, f"{url}?min=many")
    assert "Fewest decided motions shown: Enter a whole number." in bad
    assert "too few to state outcome rates" in bad
    pike = page_text(client, f"/judges/{docket.pike.pk}/")
    assert "Only 1 of 1 motion decided" in pike


def test_a_judge_page_before_any_refresh_says_so(client):
    judge = factories.judge(name="Nadia Unrefreshed")
    text = page_text(client, f"/judges/{judge.pk}/")
    assert "have not been computed yet" in text


def test_the_chart_is_svg_with_titles_a_legend_and_bars_by_outcome(client):
    analytics_docket.build()
    html = client.get("/analytics/").content.decode()
    charts = re.findall(r"<svg [^>]*>.*?</svg>", html, flags=re.S)
    assert len(charts) == 3  # kinds, judges, courts
    judges = next(chart for chart in charts if 'id="chart-judges-title"' in chart)
    assert 'role="img"' in judges
    assert 'aria-labelledby="chart-judges-title chart-judges-desc"' in judges
    assert "<title>Xavier Marsh: 4 of 7 decided motions granted (57%)</title>" in judges
    assert "<title>Xavier Marsh: 1 of 7 decided motions granted in part (14%)</title>" in judges
    assert "moot (0%)" not in judges  # an empty segment is not drawn
    for label in ("Granted", "Granted in part", "Denied", "Moot", "Outcome unknown"):
        assert f">{label}</text>" in judges
    assert ">7 decided, 2 pending</text>" in judges
    assert "style=" not in html and "<script" not in html  # the Content-Security-Policy's rules
    widths = re.findall(r'<rect x="[\d.]+" y="\d+" width="([\d.]+)" height="15"', judges)
    assert sum(float(width) for width in widths) == pytest.approx(400, abs=0.2)


def test_the_nav_links_to_the_analytics(client, db):
    html = client.get("/analytics/").content.decode()
    assert '<a href="/analytics/" aria-current="page">Analytics</a>' in html
    assert '<a href="/analytics/">Analytics</a>' in client.get("/").content.decode()


@pytest.mark.parametrize("payload", PAYLOADS)
def test_names_are_escaped_in_the_tables_the_charts_and_the_titles(client, payload):
    court = factories.court(code="ana-x", short_name=f"Court {payload}")
    judge = factories.judge(court, name=f"Judge {payload}")
    case = factories.case(court)
    for number in range(5):
        motion = factories.motion(case, title=f"Motion {number}")
        analytics_docket.decide(case, motion, "granted", 5, judge)
    analytics_refresh()
    for url in ("/analytics/", "/analytics/?court=ana-x"):
        html = client.get(url).content.decode()
        assert_only_escaped(html, payload, [judge.name])
        svg = "".join(re.findall(r"<svg .*?</svg>", html, flags=re.S))
        assert_only_escaped(svg, payload, [f"{judge.name}: 5 of 5 decided motions granted"])
    html = client.get(f"/judges/{judge.pk}/").content.decode()
    svg = "".join(re.findall(r"<svg .*?</svg>", html, flags=re.S))
    assert_only_escaped(html, payload, [judge.name])
    assert_only_escaped(svg, payload, [f"{judge.name}, by motion kind: decided motions"])
    court_page = client.get("/analytics/?min=1").content.decode()
    assert_only_escaped(court_page, payload, [court.short_name])


def test_long_names_are_cut_in_the_chart_and_whole_in_its_titles(client):
    court = factories.court(code="ana-l")
    long_name = "Honorable " + "Bartholomew " * 5 + "Longname"
    judge = factories.judge(court, name=long_name)
    case = factories.case(court)
    for number in range(5):
        analytics_docket.decide(case, factories.motion(case), "denied", number, judge)
    analytics_refresh()
    html = client.get("/analytics/").content.decode()
    assert f"<title>{long_name}</title>{long_name[:33]}…</text>" in html


COUNTED_LINE = re.compile(r"(\d+) motions?: (\d+) decided")


@pytest.mark.parametrize("page", ["all", "one kind", "filtered live", "judge"])
def test_the_rendered_tables_are_kept_until_the_next_refresh(client, page):
    # The tables are rendered once per refresh and query (the "analytics" cache), and a refresh
    # shows at once: its time is in the key.
    docket = analytics_docket.build()
    url = {
        "all": "/analytics/?min=0",
        "one kind": "/analytics/?min=0&kind=stay",
        "filtered live": "/analytics/?min=0&kind=stay&court=ana-a",
        "judge": f"/judges/{docket.quinn.pk}/?min=1",
    }[page]
    before = COUNTED_LINE.search(page_text(client, url)).groups()
    kept = len(caches["analytics"]._cache)  # noqa: SLF001 - locmem's entries
    assert kept >= 1
    motion = factories.motion(docket.case2, title="Stay 5", kind="stay")
    analytics_docket.decide(docket.case2, motion, "granted", 50, docket.quinn)
    assert COUNTED_LINE.search(page_text(client, url)).groups() == before  # not yet recounted
    assert len(caches["analytics"]._cache) == kept  # noqa: SLF001 - served from it
    analytics_refresh()
    motions, decided = COUNTED_LINE.search(page_text(client, url)).groups()
    assert (int(motions), int(decided)) == (int(before[0]) + 1, int(before[1]) + 1)
