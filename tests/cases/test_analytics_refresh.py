"""The analytics refresh: the rows it writes in PostgreSQL, in one transaction, and its triggers."""

from __future__ import annotations

import datetime
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection, transaction
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from cases import services
from cases.analytics import refresh
from cases.models import AnalyticsRefresh, Motion, MotionOutcome, OutcomeGroup
from tests import factories
from tests.cases import analytics_docket

pytestmark = pytest.mark.django_db
D = datetime.date


def summary() -> tuple[list[tuple], list[tuple]]:
    """Every row of both summary tables, ids left out, in a stable order."""
    motions = list(MotionOutcome.objects.order_by("motion_id").values_list())
    groups = sorted(
        OutcomeGroup.objects.values_list(*[f.name for f in OutcomeGroup._meta.fields][1:]),
        key=repr,
    )
    return motions, groups


def test_it_writes_one_row_per_motion_with_its_judge_and_days():
    docket = analytics_docket.build()
    rows = {row.motion_id: row for row in MotionOutcome.objects.all()}
    assert len(rows) == Motion.objects.count() == 16

    def row(title: str) -> MotionOutcome:
        return rows[Motion.objects.get(title=title).pk]

    first = row("Dismissal 1")
    assert (first.judge_id, first.court_id, first.kind, first.outcome) == (
        docket.marsh.pk, docket.court_a.pk, "dismiss", "granted"
    )  # fmt: skip
    assert (first.filed_on, first.decided_on, first.days) == (D(2020, 3, 1), D(2020, 3, 11), 10)
    withdrawn = row("Dismissal 10")  # no ruling: the presiding judge, no dates
    assert (withdrawn.judge_id, withdrawn.outcome, withdrawn.decided_on, withdrawn.days) == (
        docket.marsh.pk, "withdrawn", None, None
    )  # fmt: skip
    assert row("Stay 1").judge_id == docket.quinn.pk  # the ruling's judge, not the presiding
    assert (row("Stay 4").judge_id, row("Stay 4").days) == (docket.pike.pk, 40)
    undated = row("Remand 2")
    assert (undated.judge_id, undated.outcome, undated.decided_on, undated.days) == (
        None, "denied", None, None
    )  # fmt: skip
    assert undated.case_status == "closed" and first.case_status == "active"


def test_it_counts_every_group_once():
    docket = analytics_docket.build()
    by_dimension = {}
    for group in OutcomeGroup.objects.all():
        by_dimension.setdefault(group.dimension, []).append(group)
    assert {name: len(found) for name, found in by_dimension.items()} == {
        "all": 1, "kind": 3, "court": 2, "judge": 4, "judge_kind": 4, "court_kind": 3,
        "court_judge": 4,
    }  # fmt: skip
    (everything,) = by_dimension["all"]
    assert (everything.motions, everything.granted, everything.denied, everything.timed) == (
        16, 5, 5, 11
    )  # fmt: skip
    assert (everything.q1, everything.median, everything.q3) == (30.0, 30.0, 45.0)
    marsh = OutcomeGroup.objects.get(dimension="judge_kind", judge=docket.marsh)
    assert (marsh.kind, marsh.motions, marsh.pending, marsh.withdrawn) == ("dismiss", 10, 2, 1)
    state = AnalyticsRefresh.objects.get()
    assert state.motions == 16 and state.refreshed_at <= timezone.now()


def test_refreshing_again_gives_the_same_rows():
    analytics_docket.build()
    first = summary()
    refresh.analytics_refresh()
    refresh.analytics_refresh()
    assert summary() == first
    assert AnalyticsRefresh.objects.count() == 1


def test_its_statements_do_not_grow_with_the_motions():
    factories.motion(factories.case())
    refresh.analytics_refresh()  # the first one also creates the state row
    with CaptureQueriesContext(connection) as small:
        refresh.analytics_refresh()
    analytics_docket.build(refresh=False)
    with CaptureQueriesContext(connection) as large:
        refresh.analytics_refresh()
    assert MotionOutcome.objects.count() == 17
    # A savepoint (a transaction outside tests), lock the state row, empty and fill each table
    # (one INSERT per dimension), save the state, release.
    assert len(large.captured_queries) == len(small.captured_queries) == 14
    inserts = [q["sql"] for q in large.captured_queries if q["sql"].startswith("INSERT")]
    assert len(inserts) == 8 and all("SELECT" in sql for sql in inserts)


def test_a_refresh_that_fails_leaves_the_last_summary_whole(monkeypatch):
    analytics_docket.build()
    before = summary()
    factories.motion(factories.case(), title="Filed since")

    def broken(dimension: str) -> None:
        raise RuntimeError("the disk is full")

    monkeypatch.setattr(refresh, "group_rows", broken)
    with pytest.raises(RuntimeError):
        refresh.analytics_refresh()
    # The motions were written before the failure, and rolled back with the rest.
    assert summary() == before and MotionOutcome.objects.count() == 16


def test_a_refresh_asked_for_before_the_last_one_started_is_skipped():
    analytics_docket.build()
    last = AnalyticsRefresh.objects.get().refreshed_at
    assert refresh.analytics_refresh(requested_at=last - datetime.timedelta(seconds=1)) is None
    assert AnalyticsRefresh.objects.get().refreshed_at == last
    later = refresh.analytics_refresh(requested_at=timezone.now())
    assert later is not None and later.refreshed_at > last


def queued() -> int:
    """How many refreshes the test's transaction will queue when it commits."""
    return sum(1 for _, func, _ in connection.run_on_commit if func is refresh._enqueue)


def test_a_transaction_recording_rulings_queues_one_refresh():
    # The test's transaction is the one that would commit: 10 rulings recorded in it so far.
    docket = analytics_docket.build(refresh=False)
    assert queued() == 1
    pending = list(Motion.objects.filter(case=docket.case1, status="pending"))
    with transaction.atomic():
        for motion in pending:
            analytics_docket.decide(docket.case1, motion, "denied", 80, docket.marsh)
    assert queued() == 1
    refresh._enqueue()  # what the commit runs: the task (eager here) refreshes
    marsh = OutcomeGroup.objects.get(dimension="judge", judge=docket.marsh)
    assert (marsh.pending, marsh.denied, marsh.timed) == (0, 4, 9)


def test_setting_a_motions_status_queues_a_refresh_too(django_capture_on_commit_callbacks):
    motion = factories.motion(factories.case())
    assert queued() == 0  # filing a motion does not
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        services.motion_set_status(motion=motion, status="withdrawn", occurred_on=D(2021, 2, 1))
    assert refresh._enqueue in callbacks
    assert OutcomeGroup.objects.get(dimension="all").withdrawn == 1


@pytest.mark.django_db(transaction=True)
def test_the_refresh_runs_once_each_commit(caplog):
    docket = analytics_docket.build(refresh=False)
    caplog.clear()
    with caplog.at_level("INFO", logger="cases.analytics.refresh"), transaction.atomic():
        for motion in Motion.objects.filter(case=docket.case1, status="pending"):
            analytics_docket.decide(docket.case1, motion, "denied", 80, docket.marsh)
    refreshed = [r for r in caplog.records if r.getMessage().startswith("Analytics refreshed")]
    assert [r.getMessage() for r in refreshed] == ["Analytics refreshed: 16 motions, 21 groups"]
    assert OutcomeGroup.objects.get(dimension="judge", judge=docket.marsh).pending == 0


def test_the_command_and_the_seed_loader_refresh(seeded):
    state = AnalyticsRefresh.objects.get()  # load_clearview refreshed at its end
    assert state.motions == Motion.objects.count() == MotionOutcome.objects.count() > 0
    out = StringIO()
    call_command("analytics_refresh", stdout=out)
    assert f"Motion analytics refreshed: {state.motions:,} motions counted" in out.getvalue()


def test_the_beat_schedule_refreshes_every_half_hour(settings):
    assert settings.CELERY_BEAT_SCHEDULE["cases-analytics-refresh"] == {
        "task": "cases.tasks.analytics_refresh",
        "schedule": 1800,
    }


def test_a_motion_decided_twice_counts_for_its_latest_ruling():
    court = factories.court()
    first, second = factories.judge(court), factories.judge(court)
    case = factories.case(court)
    motion = factories.motion(case, title="Decided twice")
    analytics_docket.decide(case, motion, "denied", 10, first)
    analytics_docket.decide(case, motion, "granted", 50, second)  # on reconsideration
    refresh.analytics_refresh()
    row = MotionOutcome.objects.get(motion_id=motion.pk)
    assert (row.judge_id, row.outcome, row.days) == (second.pk, "granted", 50)
    assert not OutcomeGroup.objects.filter(dimension="judge", judge=first).exists()
