"""Deadlines on the researchers' pages: the computation, the earliest safe date, and the
calendar and court days left."""

from __future__ import annotations

import datetime

import pytest
import time_machine

from cases import services
from cases.models import Case
from tests.cases.test_pages import page_text

pytestmark = pytest.mark.django_db

D = datetime.date
# Thu 20 November 2025, 18:00 UTC: the same day in Chicago and in Oakland.
NOW = datetime.datetime(2025, 11, 20, 18, 0, tzinfo=datetime.UTC)


@pytest.fixture
def computed(seeded):
    alameda = Case.objects.get(slug="renderos-v-clearview-alameda")
    mdl = Case.objects.get(slug="in-re-clearview-mdl")
    # CCP 12/12a: Wed 2025-11-12 + 15 = Thu 11-27 (Thanksgiving), Fri 11-28 (the day after),
    # the weekend: Mon 2025-12-01.
    services.deadline_set(
        case=alameda,
        title="Reply in support of the motion",
        kind="reply",
        basis="computed",
        trigger_date=D(2025, 11, 12),
        trigger_event="service of the opposition",
        period_days=15,
    )
    # FRCP 6(a): Wed 2025-12-10 + 14 = Wed 12-24, closed by executive order; Christmas; Fri 12-26
    # closed by executive order; the weekend: Mon 12-29. If the executive-order closures are not
    # legal holidays, Wed 12-24 is the last day.
    services.deadline_set(
        case=mdl,
        title="Response to the motion",
        kind="response",
        basis="computed",
        trigger_date=D(2025, 12, 10),
        trigger_event="service of the motion",
        period_days=14,
        service_method="electronic",
    )
    return alameda, mdl


@time_machine.travel(NOW)
def test_deadlines_page_shows_days_left_and_the_computation(client, computed):
    text = page_text(client, "/deadlines/")
    # Thu 11-20 to Mon 12-01: Fri 21, Mon 24, Tue 25, Wed 26, Mon 1 (Thanksgiving and the day
    # after are California judicial holidays).
    assert "Reply in support of the motion — in 11 calendar days (5 court days)" in text
    assert "Computed: 15 days after service of the opposition on 2025-11-12 — CCP 12" in text
    assert "How this date was computed" in text and "Thanksgiving Day" in text
    # Thu 11-20 to Mon 12-29 in a federal court: 39 calendar days; court days skip weekends,
    # Thanksgiving (11-27), Christmas Eve and the day after Christmas (executive orders) and
    # Christmas: 27 weekdays after 11-20 through 12-29, minus 4 = 23.
    assert "Response to the motion — in 39 calendar days (23 court days)" in text
    assert "Earliest safe date: Wed 24 Dec 2025" in text


@time_machine.travel(NOW)
def test_case_page_shows_the_computation(client, computed):
    alameda, mdl = computed
    text = page_text(client, alameda.get_absolute_url())
    assert "in 11 calendar days (5 court days)" in text
    assert "Due: Mon 2025-12-01." in text and "CCP 12a, 12b, 135; CRC 1.11" in text
    text = page_text(client, mdl.get_absolute_url())
    assert "Earliest safe date: Wed 24 Dec 2025" in text
    assert "closed by executive order" in text


@time_machine.travel(NOW)
def test_computed_deadlines_cost_no_extra_queries(client, computed, django_assert_max_num_queries):
    alameda, _ = computed
    with django_assert_max_num_queries(3):
        assert client.get("/deadlines/").status_code == 200
    with django_assert_max_num_queries(15):  # 13, and the related-case graph's 2
        assert client.get(alameda.get_absolute_url()).status_code == 200
