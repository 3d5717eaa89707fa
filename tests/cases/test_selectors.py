"""cases/selectors/: what the case page's summaries return, in what order, in how many
statements."""

from __future__ import annotations

import datetime
import itertools

import pytest
from django.db.models import F

from cases import selectors, services
from cases.models import Deadline
from tests import factories

pytestmark = pytest.mark.django_db

D, T = datetime.date, datetime.time
TODAY = D(2026, 6, 1)


def test_the_case_deadlines_come_in_one_statement_in_the_order_of_their_lists(
    django_assert_num_queries,
):
    case = factories.case()
    days = [TODAY - datetime.timedelta(3), TODAY, TODAY + datetime.timedelta(5)]
    times = [None, T(9, 0), T(17, 30)]
    for n, (day, time) in enumerate(itertools.product(days, times)):
        services.deadline_set(case=case, title=f"D{n}", kind="filing", due_date=day, due_time=time)
    met = Deadline.objects.filter(case=case, due_date=days[2], due_time=T(9, 0)).get()
    Deadline.objects.filter(pk=met.pk).update(status="met")  # future, but not open: a past one

    with django_assert_num_queries(1):
        shown = selectors.case_deadlines(case, upcoming_limit=4, past_limit=3, today=TODAY)

    rows = Deadline.objects.filter(case=case)
    is_upcoming = rows.filter(status="open", due_date__gte=TODAY)
    expected_upcoming = list(is_upcoming.order_by("due_date", "due_time", "pk")[:4])
    expected_past = list(
        rows.exclude(pk__in=is_upcoming.values("pk")).order_by(
            "-due_date", F("due_time").desc(nulls_last=True), "-pk"
        )[:3]
    )
    assert shown.upcoming == expected_upcoming and shown.upcoming_count == 5
    assert shown.past == expected_past and shown.past_count == 4
    # No time comes after the times of the same day; in the past list too (DESC NULLS LAST).
    assert [d.due_time for d in shown.upcoming] == [T(9, 0), T(17, 30), None, T(17, 30)]
    assert [(d.due_date, d.due_time) for d in shown.past] == [
        (days[2], T(9, 0)),
        (days[0], T(17, 30)),
        (days[0], T(9, 0)),
    ]
    assert all(d.remaining is not None for d in shown.upcoming)
