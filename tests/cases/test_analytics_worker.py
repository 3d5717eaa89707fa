"""The analytics refresh task run by a real Celery worker, as the beat and a ruling queue it.

The worker is a subprocess on the test database and the test Redis (tests/alerts/test_e2e.py's
``running_workers``; no mail is sent, so its SMTP address is never used).
"""

from __future__ import annotations

import datetime
from types import SimpleNamespace

import pytest

from cases.models import AnalyticsRefresh, Motion, MotionOutcome, OutcomeGroup
from cases.tasks import analytics_refresh
from tests.alerts.conftest import free_port
from tests.alerts.test_e2e import go_live, running_workers, wait_for
from tests.cases import analytics_docket

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def test_a_worker_refreshes_on_schedule_and_after_a_ruling(settings, tmp_path):
    docket = analytics_docket.build(refresh=False)
    smtp = SimpleNamespace(port=free_port())
    with running_workers(smtp=smtp, settings=settings, tmp_path=tmp_path) as workers:
        worker = workers.start("analytics")
        go_live()

        # What the beat sends: no arguments, a full refresh.
        line = worker.wait_task(analytics_refresh.delay().id)
        assert "succeeded" in line and line.endswith(": 16"), line
        state = AnalyticsRefresh.objects.get()
        assert MotionOutcome.objects.count() == 16 and state.motions == 16

        # A ruling commits: the service queues a refresh, which counts it.
        motion = Motion.objects.get(title="Remand 1")
        analytics_docket.decide(docket.case3, motion, "granted", 400, None)
        wait_for(
            lambda: AnalyticsRefresh.objects.get().refreshed_at > state.refreshed_at,
            timeout=30,
            what=lambda: f"the refresh queued by the ruling\n{workers.logs()}",
        )
        court_b = OutcomeGroup.objects.get(dimension="court", court=docket.court_b)
        assert (court_b.pending, court_b.granted, court_b.denied) == (0, 1, 1)

        # Asked for before the last refresh started: the task does nothing.
        before = AnalyticsRefresh.objects.get().refreshed_at
        asked = (before - datetime.timedelta(seconds=5)).isoformat()
        line = worker.wait_task(analytics_refresh.delay(requested_at=asked).id)
        assert line.endswith(": None"), line
        assert AnalyticsRefresh.objects.get().refreshed_at == before
        assert "Traceback" not in worker.log()
