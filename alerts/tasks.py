"""Celery tasks: thin, id in, service call out. Scheduled by CELERY_BEAT_SCHEDULE in settings."""

from __future__ import annotations

import logging

from celery import shared_task

from alerts import delivery, services
from alerts.health import task_run_record

log = logging.getLogger(__name__)


@shared_task(acks_late=True, ignore_result=True)
def dispatch_event(event_id: int) -> int:
    """Write the notifications for one case event, then send the immediate ones."""
    written = services.event_dispatch(event_id=event_id)
    if written:
        send_pending.delay()
    return written


@shared_task(acks_late=True, ignore_result=True)
def send_pending(batches: int = 50) -> int:
    """Send due notifications, batch by batch; schedule itself again for pending retries."""
    sent = 0
    for _ in range(batches):
        result = delivery.send_batch()
        sent += result.sent
        if not result.claimed:
            break
    else:
        send_pending.delay()  # more than this run's share is waiting
    wait = delivery.next_retry_in()
    if wait is not None and not send_pending.app.conf.task_always_eager:
        send_pending.apply_async(countdown=max(1.0, wait))
    return sent


@shared_task(acks_late=True, ignore_result=True)
def scan_reminders() -> int:
    """Write the deadline reminders that have fallen due, then send them."""
    written = services.reminders_scan()
    if written:
        send_pending.delay()
    task_run_record(task="scan_reminders")
    return written


@shared_task(acks_late=True, ignore_result=True)
def send_digests() -> int:
    """Gather the daily digests whose hour has come, then send them."""
    written = services.digests_prepare()
    if written:
        send_pending.delay()
    task_run_record(task="send_digests")
    return written


@shared_task(acks_late=True, ignore_result=True)
def sweep() -> int:
    """Dispatch events whose dispatch never ran (broker down at commit), free dead claims."""
    event_ids, stale = services.events_to_sweep()
    if stale:
        log.warning("Marked %s old undispatched events as dispatched without alerts", stale)
    for event_id in event_ids:
        services.event_dispatch(event_id=event_id)
    released = delivery.release_expired_claims()
    send_pending.delay()
    task_run_record(task="sweep")
    return len(event_ids) + released


def enqueue_dispatch(event_id: int) -> None:
    """Hook run after an event's transaction commits (see alerts.apps).

    If the broker cannot be reached the event stays undispatched, and the sweep sends it later:
    the change itself is already committed, so the request that made it must not fail.
    """
    try:
        dispatch_event.delay(event_id)
    except Exception:  # noqa: BLE001 - any broker failure; the sweep is the fallback
        log.warning("Could not queue dispatch of event %s; the sweep will", event_id, exc_info=True)
