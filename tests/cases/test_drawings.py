"""The case page's pictures are drawn once per worker for the same rows, and drawn again as soon
as a row they show changes (a motion decided, a linked case renamed, a new link)."""

from __future__ import annotations

import datetime
import re

import pytest
import time_machine

from cases import services
from cases.templatetags import case_page_tags
from tests import factories
from tracker.memo import Recent

D = datetime.date
NOW = datetime.datetime(2026, 12, 3, 15, 0, tzinfo=datetime.UTC)


def test_recent_keeps_the_latest_used_and_computes_each_key_once() -> None:
    recent: Recent[str] = Recent(2)
    calls: list[str] = []

    def compute(key: str):
        return lambda: calls.append(key) or key.upper()

    assert recent.get("a", compute("a")) == "A"
    assert recent.get("b", compute("b")) == "B"
    assert recent.get("a", compute("a")) == "A"  # kept: not computed again, and now the latest
    assert recent.get("c", compute("c")) == "C"  # over the size: "b", the least recent, goes
    assert len(recent) == 2
    assert recent.get("a", compute("a")) == "A"
    assert recent.get("b", compute("b")) == "B"
    assert calls == ["a", "b", "c", "b"]


@pytest.fixture
def drawings():
    case_page_tags.charts.clear()
    case_page_tags.graphs.clear()
    yield case_page_tags
    case_page_tags.charts.clear()
    case_page_tags.graphs.clear()


def page(client, case) -> str:
    response = client.get(case.get_absolute_url())
    assert response.status_code == 200
    return response.content.decode()


def chart(markup: str) -> str:
    return re.search(r'<figure class="timeline-chart">.*?</figure>', markup, re.S).group(0)


def graph(markup: str) -> str:
    return re.search(r'<figure class="related-graph">.*?</figure>', markup, re.S).group(0)


@time_machine.travel(NOW)
@pytest.mark.django_db
def test_the_same_rows_are_drawn_once_and_a_change_is_drawn_at_once(client, drawings) -> None:
    case = factories.case(short_name="Doe v. Clearview", filed_date=D(2024, 1, 2))
    motion = factories.motion(case, title="Motion to dismiss", filed_date=D(2024, 3, 1))
    other = factories.case(short_name="Doe v. Clearview (removed)", filed_date=D(2024, 5, 1))
    services.case_link_create(from_case=case, to_case=other, kind="removed_to", date=D(2024, 5, 1))

    first = page(client, case)
    assert len(drawings.charts) == 1 and len(drawings.graphs) == 1
    assert page(client, case) == first  # the second view drew nothing new
    assert len(drawings.charts) == 1 and len(drawings.graphs) == 1
    assert 'class="motion pending"' in chart(first)

    services.ruling_record(
        case=case, title="Order", kind="order", date=D(2024, 6, 3), decisions=[(motion, "denied")]
    )
    decided = page(client, case)
    assert 'class="motion denied"' in chart(decided) and 'class="motion pending"' not in decided
    assert len(drawings.charts) == 2 and graph(decided) == graph(first)

    services.case_update(case=other, short_name="Doe v. Clearview AI, Inc.")
    renamed = page(client, case)
    assert "Doe v. Clearview AI, Inc." in graph(renamed)
    assert len(drawings.graphs) == 2

    third = factories.case(short_name="Doe v. Clearview (appeal)", filed_date=D(2025, 1, 6))
    services.case_link_create(from_case=third, to_case=other, kind="appeal_from")
    assert "Doe v. Clearview (appeal)" in graph(page(client, case))
    assert len(drawings.graphs) == 3


@time_machine.travel(NOW)
@pytest.mark.django_db
def test_a_new_day_draws_the_chart_again(client, drawings) -> None:
    case = factories.case(filed_date=D(2024, 1, 2))
    factories.motion(case, title="Pending motion", filed_date=D(2026, 11, 3))
    assert "30 days so far" in chart(page(client, case))
    with time_machine.travel(NOW + datetime.timedelta(days=1)):
        assert "31 days so far" in chart(page(client, case))
    assert len(drawings.charts) == 2
