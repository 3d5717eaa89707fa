"""tracker/pages.py: the capped paginator counts at most its cap, and an unfiltered list of a
table PostgreSQL knows to be far past the cap is not counted at all."""

from __future__ import annotations

import pytest
from django.db import connection

from cases.models import Court
from tests import factories
from tracker.pages import CappedPaginator

pytestmark = pytest.mark.django_db


def analyze() -> None:
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE cases_court")


def test_a_list_under_the_cap_is_counted_exactly(django_assert_num_queries):
    for _ in range(5):
        factories.court()
    analyze()
    paginator = CappedPaginator(Court.objects.order_by("pk"), 2, cap=10)
    with django_assert_num_queries(1):
        assert paginator.count == 5 and not paginator.capped and paginator.num_pages == 3


def test_a_filtered_list_past_the_cap_reads_more_than_the_cap(django_assert_num_queries):
    for _ in range(30):
        factories.court(state="IL")
    analyze()
    rows = Court.objects.filter(state="IL").order_by("pk")
    paginator = CappedPaginator(rows, 2, cap=3)
    with django_assert_num_queries(1):
        assert paginator.count == 3 and paginator.capped and paginator.num_pages == 2


def test_an_unfiltered_table_far_past_the_cap_is_taken_from_the_statistics(
    django_assert_num_queries,
):
    for _ in range(30):
        factories.court()
    analyze()
    # The statistics say 30 rows, ten times the cap of 3 or more: no count.
    Court.objects.all().delete()  # the statistics still say 30 until the next ANALYZE
    paginator = CappedPaginator(Court.objects.order_by("pk"), 2, cap=3)
    with django_assert_num_queries(1):
        assert paginator.capped and paginator.count == 3
    # Statistics that do not put the table that far past the cap: counted exactly.
    analyze()
    paginator = CappedPaginator(Court.objects.order_by("pk"), 2, cap=3)
    with django_assert_num_queries(1):
        assert not paginator.capped and paginator.count == 0


def test_a_list_is_counted_in_python():
    paginator = CappedPaginator(list(range(12)), 5, cap=10)
    assert paginator.count == 10 and paginator.capped and paginator.num_pages == 2
