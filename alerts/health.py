"""``/healthz`` for monitors: the database, the broker, the scheduler and the outbox.

200 when every check passes, 503 when one fails; the JSON body says which, with the figures
(``{"status": "ok", "checks": {"database": {"ok": true, ...}, ...}}``). The limits are settings:
HEALTH_BEAT_MAX_AGE_SECONDS (default 10 minutes: the sweep runs every 2) and
HEALTH_UNSENT_MAX_AGE_SECONDS (default 30 minutes).
"""

from __future__ import annotations

import logging
import time
from typing import Any

from django.conf import settings
from django.db import DatabaseError, connection
from django.db.models import Max, Min
from django.http import HttpRequest, JsonResponse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from alerts.models import Delivery, Notification, NotificationStatus, TaskRun

log = logging.getLogger(__name__)


def check_database() -> dict[str, Any]:
    started = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {"ok": True, "ms": round((time.perf_counter() - started) * 1000, 1)}


def check_broker() -> dict[str, Any]:
    from tracker.celery import app

    started = time.perf_counter()
    with app.connection_for_write() as broker:
        broker.ensure_connection(max_retries=1, timeout=settings.CELERY_BROKER_CONNECTION_TIMEOUT)
    return {
        "ok": True,
        "transport": app.conf.broker_url.split(":", 1)[0],
        "ms": round((time.perf_counter() - started) * 1000, 1),
    }


def check_beat(now: Any) -> dict[str, Any]:
    limit = settings.HEALTH_BEAT_MAX_AGE_SECONDS
    last = TaskRun.objects.aggregate(at=Max("finished_at"))["at"]
    if last is None:
        return {"ok": False, "error": "no scheduled task has run yet", "max_age_seconds": limit}
    age = max(0.0, (now - last).total_seconds())
    return {
        "ok": age <= limit,
        "last_run": last.isoformat(),
        "age_seconds": round(age),
        "max_age_seconds": limit,
    }


def check_outbox(now: Any) -> dict[str, Any]:
    """The oldest notification meant to go out at once that has not gone out."""
    limit = settings.HEALTH_UNSENT_MAX_AGE_SECONDS
    oldest = Notification.objects.filter(
        delivery=Delivery.IMMEDIATE,
        status__in=[NotificationStatus.PENDING, NotificationStatus.SENDING],
    ).aggregate(at=Min("created_at"))["at"]
    age = None if oldest is None else round(max(0.0, (now - oldest).total_seconds()))
    return {
        "ok": age is None or age <= limit,
        "oldest_unsent_age_seconds": age,
        "max_age_seconds": limit,
    }


def health_report() -> dict[str, Any]:
    """Run every check; a check that raises is a failed check, with the reason."""
    now = timezone.now()
    checks: dict[str, Any] = {}
    for name, check in (
        ("database", check_database),
        ("broker", check_broker),
        ("beat", lambda: check_beat(now)),
        ("outbox", lambda: check_outbox(now)),
    ):
        try:
            checks[name] = check()
        except (DatabaseError, OSError, ConnectionError) as exc:
            checks[name] = {"ok": False, "error": f"{type(exc).__name__}: {exc}"[:300]}
        except Exception as exc:  # kombu raises its own OperationalError and more
            log.warning("Health check %s failed", name, exc_info=True)
            checks[name] = {"ok": False, "error": f"{type(exc).__name__}: {exc}"[:300]}
    healthy = all(check["ok"] for check in checks.values())
    return {"status": "ok" if healthy else "fail", "time": now.isoformat(), "checks": checks}


@never_cache
@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    report = health_report()
    return JsonResponse(report, status=200 if report["status"] == "ok" else 503)


def task_run_record(*, task: str) -> None:
    """Note that ``task`` (a scheduled one) has just finished."""
    TaskRun.objects.update_or_create(task=task, defaults={"finished_at": timezone.now()})
