"""/healthz for monitors, and the JSON line each delivery attempt writes to the log."""

from __future__ import annotations

import datetime
import io
import json
import logging
import logging.config
import time
from collections.abc import Iterator

import pytest
from django.conf import settings as django_settings
from django.test import Client
from django.utils import timezone

from alerts import tasks
from alerts.models import Notification, TaskRun
from tests import factories
from tests.alerts import test_e2e as e2e
from tests.alerts.conftest import free_port

pytestmark = pytest.mark.django_db


def health(client: Client) -> tuple[int, dict]:
    response = client.get("/healthz")
    assert response["Content-Type"] == "application/json"
    assert "no-cache" in response["Cache-Control"]
    return response.status_code, json.loads(response.content)


@pytest.fixture
def beat_ran() -> None:
    TaskRun.objects.create(task="sweep", finished_at=timezone.now())


@pytest.fixture
def redis_broker() -> Iterator[None]:
    """This process's Celery app pointed at the test Redis (as a deployment's would be)."""
    from tracker.celery import app

    previous = (app.conf.broker_url, app.conf.broker_transport_options)
    e2e.use_broker(e2e.BROKER_URL, e2e.BROKER_OPTIONS)
    yield
    e2e.use_broker(*previous)


def notification(*, minutes_ago: int, delivery: str = "immediate", status: str = "pending"):
    user = factories.user() if hasattr(factories, "user") else None
    if user is None:
        from django.contrib.auth.models import User

        user = User.objects.create_user(f"u{Notification.objects.count()}", "u@example.org")
    row = Notification.objects.create(
        user=user, kind="event", delivery=delivery, status=status, key=f"k{time.monotonic()}"
    )
    Notification.objects.filter(pk=row.pk).update(
        created_at=timezone.now() - datetime.timedelta(minutes=minutes_ago)
    )
    return row


def test_healthy_with_redis_answers_200_with_every_check(client, beat_ran, redis_broker):
    status, report = health(client)
    assert status == 200, report
    assert report["status"] == "ok"
    checks = report["checks"]
    assert set(checks) == {"database", "broker", "beat", "outbox"}
    assert all(check["ok"] for check in checks.values())
    assert checks["broker"]["transport"] == "redis"
    assert checks["beat"]["age_seconds"] < 60
    assert checks["outbox"]["oldest_unsent_age_seconds"] is None


def test_a_broker_that_is_down_gives_503_naming_it(client, beat_ran):
    from tracker.celery import app

    previous = (app.conf.broker_url, app.conf.broker_transport_options)
    e2e.use_broker(f"redis://127.0.0.1:{free_port()}/0")  # nothing listens there
    try:
        started = time.monotonic()
        status, report = health(client)
        took = time.monotonic() - started
    finally:
        e2e.use_broker(*previous)
    assert status == 503
    assert report["status"] == "fail"
    assert report["checks"]["broker"]["ok"] is False
    assert "Error" in report["checks"]["broker"]["error"]
    assert report["checks"]["database"]["ok"] is True
    assert took < 10, f"the check waited {took:.1f}s for a dead broker"


def test_no_scheduled_run_or_a_stale_one_gives_503(client):
    status, report = health(client)
    assert status == 503
    assert report["checks"]["beat"] == {
        "ok": False,
        "error": "no scheduled task has run yet",
        "max_age_seconds": 600,
    }
    TaskRun.objects.create(
        task="sweep", finished_at=timezone.now() - datetime.timedelta(minutes=11)
    )
    status, report = health(client)
    assert status == 503 and report["checks"]["beat"]["age_seconds"] >= 660


def test_the_beat_tasks_record_their_runs(client):
    tasks.sweep()
    tasks.scan_reminders()
    tasks.send_digests()
    assert set(TaskRun.objects.values_list("task", flat=True)) == {
        "sweep",
        "scan_reminders",
        "send_digests",
    }
    assert health(client)[1]["checks"]["beat"]["ok"] is True


def test_an_old_unsent_notification_gives_503_and_a_digest_item_does_not(client, beat_ran):
    notification(minutes_ago=120, delivery="digest")  # waits for its digest hour, rightly
    notification(minutes_ago=5)
    status, report = health(client)
    assert status == 200, report
    assert 290 <= report["checks"]["outbox"]["oldest_unsent_age_seconds"] <= 310
    notification(minutes_ago=31, status="sending")
    status, report = health(client)
    assert status == 503
    assert report["checks"]["outbox"]["ok"] is False
    assert report["checks"]["outbox"]["oldest_unsent_age_seconds"] >= 31 * 60


def test_health_answers_get_only(client):
    assert client.post("/healthz").status_code == 405


# --- The delivery attempts' JSON log ----------------------------------------------------------


@pytest.fixture
def attempts_log() -> Iterator[io.StringIO]:
    """The alerts.delivery.attempts logger as settings.LOGGING configures it, into a buffer."""
    stream = io.StringIO()
    config = {
        **django_settings.LOGGING,
        "handlers": {
            **django_settings.LOGGING["handlers"],
            "json": {**django_settings.LOGGING["handlers"]["json"], "stream": stream},
        },
    }
    logging.config.dictConfig(config)
    yield stream
    logging.config.dictConfig(django_settings.LOGGING)


@pytest.mark.django_db(transaction=True)
def test_each_delivery_attempt_is_one_json_line(smtp, django_user_model, attempts_log, settings):
    from alerts import services
    from cases import services as case_services

    bob = django_user_model.objects.create_user("bob", "bob@example.org", "pw")
    case = factories.case(short_name="Thornley v. Clearview AI")
    stay = factories.motion(case, title="Motion to stay mandate", kind="stay")
    services.subscription_follow(user=bob, case=case)
    smtp.inbox.data_reply = "451 Try again later"
    case_services.ruling_record(
        case=case, title="Order", kind="order", date=datetime.date(2021, 3, 1),
        decisions=[(stay, "denied")],
    )  # fmt: skip
    smtp.inbox.data_reply = None
    Notification.objects.update(next_attempt_at=None)
    tasks.send_pending()

    lines = [json.loads(line) for line in attempts_log.getvalue().splitlines()]
    row = Notification.objects.get()
    assert [(x["outcome"], x["attempt"]) for x in lines] == [("retrying", 1), ("sent", 2)]
    first, second = lines
    assert first["level"] == "WARNING" and second["level"] == "INFO"
    assert first["logger"] == "alerts.delivery.attempts"
    assert (first["notification"], first["user"], first["case"], first["kind"]) == (
        row.pk,
        bob.pk,
        case.pk,
        "event",
    )
    assert first["error"].startswith("451") and second["error"] == ""
    assert first["message"] == f"Notification {row.pk}: retrying"
    assert isinstance(second["duration_ms"], float) and "time" in second
