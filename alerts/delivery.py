"""Sending the outbox: claim notifications atomically, send each once, record what happened.

A sender claims a batch with ``UPDATE ... WHERE status = 'pending' ... FOR UPDATE SKIP LOCKED``
(one transaction, committed before any mail goes out), so two workers, or a task that runs twice,
never claim the same row. A row stays claimed ("sending") for a lease; if the worker dies, the
sweep puts rows whose lease ran out back to pending. Each message is marked sent as soon as the
mail server accepts it. Transient SMTP failures go back to pending with exponential backoff;
a permanent refusal marks the row failed and flags the address, and is not retried.
"""

from __future__ import annotations

import datetime
import logging
import smtplib
import socket
import time
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.mail import get_connection
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone

from alerts import emails
from alerts.models import (
    AlertSettings,
    Delivery,
    Notification,
    NotificationKind,
    NotificationStatus,
)
from cases.selectors import CASE_TEXT

log = logging.getLogger(__name__)
# One JSON object per delivery attempt (settings.LOGGING), for a log collector to count and alert
# on: which notification, to whom, which attempt, and how it ended.
attempts_log = logging.getLogger("alerts.delivery.attempts")

TRANSIENT_ERRORS = (
    smtplib.SMTPServerDisconnected,
    smtplib.SMTPConnectError,
    smtplib.SMTPHeloError,
    socket.timeout,
    ConnectionError,
    OSError,
)


@dataclass
class BatchResult:
    claimed: int = 0
    sent: int = 0
    retrying: int = 0
    failed: int = 0
    lost: int = 0  # claims that ran out before this sender reached them


def claim(*, limit: int = 100, now: datetime.datetime | None = None) -> list[int]:
    """Claim up to ``limit`` pending notifications that are due; return their ids."""
    now = now or timezone.now()
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute(
                    """
                    UPDATE alerts_notification SET status = 'sending', claimed_at = %s,
                        attempts = attempts + 1
                    WHERE id IN (
                        SELECT id FROM alerts_notification
                        WHERE status = 'pending' AND delivery = 'immediate'
                          AND (next_attempt_at IS NULL OR next_attempt_at <= %s)
                        ORDER BY id LIMIT %s
                        FOR UPDATE SKIP LOCKED)
                    RETURNING id
                    """,
                    [now, now, limit],
                )
                return sorted(row[0] for row in cursor.fetchall())
        # SQLite (development): one writer at a time, so a conditional update is enough.
        ids = list(
            Notification.objects.filter(
                status=NotificationStatus.PENDING, delivery=Delivery.IMMEDIATE
            )
            .exclude(next_attempt_at__gt=now)
            .order_by("pk")
            .values_list("pk", flat=True)[:limit]
        )
        Notification.objects.filter(pk__in=ids, status=NotificationStatus.PENDING).update(
            status=NotificationStatus.SENDING, claimed_at=now, attempts=F("attempts") + 1
        )
        return ids


def release_expired_claims(*, now: datetime.datetime | None = None) -> int:
    """Put rows back to pending whose sender died holding them (their lease ran out)."""
    now = now or timezone.now()
    lease = datetime.timedelta(seconds=settings.ALERTS_CLAIM_LEASE_SECONDS)
    expired = Notification.objects.filter(
        status=NotificationStatus.SENDING, claimed_at__lt=now - lease
    )
    expired.filter(attempts__gte=settings.ALERTS_MAX_ATTEMPTS).update(
        status=NotificationStatus.FAILED,
        claimed_at=None,
        last_error="gave up: the worker sending it stopped on every attempt",
    )
    return expired.update(status=NotificationStatus.PENDING, claimed_at=None)


def send_batch(*, limit: int = 100) -> BatchResult:
    """Claim one batch and send it over one SMTP connection."""
    result = BatchResult()
    ids = claim(limit=limit)
    result.claimed = len(ids)
    if not ids:
        return result
    rows = (
        Notification.objects.filter(pk__in=ids)
        .select_related(
            "user", "case__court", "event", "deadline__case__court", "other_case__court"
        )
        .defer(*CASE_TEXT, *emails.DEADLINE_CASE_TEXT, *emails.OTHER_CASE_TEXT)
        .order_by("pk")
    )
    mail = get_connection(fail_silently=False)
    try:
        for notification in rows:
            started = time.perf_counter()
            try:
                outcome = send_one(notification, mail)
            except Exception as exc:  # a bug, not a mail problem: record it, never retry it
                log.exception("Notification %s could not be built or sent", notification.pk)
                _finish(notification, NotificationStatus.FAILED, error=f"internal error: {exc!r}")
                outcome = "failed"
            setattr(result, outcome, getattr(result, outcome) + 1)
            _log_attempt(notification, outcome, time.perf_counter() - started)
    finally:
        try:
            mail.close()
        except TRANSIENT_ERRORS:  # the server went away after the last message
            log.warning("SMTP connection did not close cleanly", exc_info=True)
    return result


def _log_attempt(notification: Notification, outcome: str, seconds: float) -> None:
    attempts_log.log(
        logging.INFO if outcome == "sent" else logging.WARNING,
        "Notification %s: %s",
        notification.pk,
        outcome,
        extra={
            "delivery_attempt": True,
            "notification": notification.pk,
            "kind": notification.kind,
            "user": notification.user_id,
            "case": notification.case_id,
            "attempt": notification.attempts,
            "outcome": outcome,
            "error": notification.last_error if outcome != "sent" else "",
            "duration_ms": round(seconds * 1000, 1),
        },
    )


def _mine(notification: Notification) -> Any:
    """The row, if this sender's claim on it still holds (same claim time, still sending)."""
    return Notification.objects.filter(
        pk=notification.pk,
        status=NotificationStatus.SENDING,
        claimed_at=notification.claimed_at,
    )


def _renew(notification: Notification) -> bool:
    """Renew the claim right before sending; False if the lease ran out and it was released."""
    renewed = timezone.now()
    if _mine(notification).update(claimed_at=renewed) != 1:
        return False
    notification.claimed_at = renewed
    return True


def send_one(notification: Notification, mail: object) -> str:
    """Send one claimed notification; record and return "sent", "retrying", "failed" or "lost".

    A batch can outlast its lease (a slow mail server): the claim is renewed right before each
    message, so a row the sweep has handed to another sender meanwhile is left to that sender.
    """
    if not _renew(notification):
        log.warning(
            "Notification %s: claim lost before sending, left to another sender", notification.pk
        )
        return "lost"
    try:
        message = emails.build(notification)
    except emails.NothingToSend as reason:
        _finish(notification, NotificationStatus.SKIPPED, error=str(reason))
        return "failed"
    message.connection = mail
    try:
        message.send()
    except smtplib.SMTPResponseException as exc:
        if 400 <= exc.smtp_code < 500:
            return _retry(notification, f"{exc.smtp_code} {exc.smtp_error!r}")
        _reject(notification, f"{exc.smtp_code} {exc.smtp_error!r}")
        return "failed"
    except smtplib.SMTPRecipientsRefused as exc:
        codes = [code for code, _ in exc.recipients.values()]
        if codes and all(400 <= code < 500 for code in codes):
            return _retry(notification, f"recipient refused for now: {exc.recipients!r}")
        _reject(notification, f"recipient refused: {exc.recipients!r}")
        return "failed"
    except TRANSIENT_ERRORS as exc:
        _drop_connection(mail)
        return _retry(notification, f"{type(exc).__name__}: {exc}")
    _finish(notification, NotificationStatus.SENT, subject=message.subject)
    if notification.kind == NotificationKind.DIGEST:
        notification.items.update(status=NotificationStatus.SENT, sent_at=timezone.now())
    return "sent"


def _drop_connection(mail: object) -> None:
    """Forget a broken SMTP connection, so the next message in the batch opens a new one."""
    try:
        mail.close()
    except (smtplib.SMTPException, *TRANSIENT_ERRORS):
        mail.connection = None


def _finish(notification: Notification, status: str, *, subject: str = "", error: str = "") -> None:
    notification.last_error = error
    _mine(notification).update(
        status=status,
        sent_at=timezone.now() if status == NotificationStatus.SENT else None,
        subject=subject[:300] or notification.subject,
        last_error=error,
        claimed_at=None,
    )


def _retry(notification: Notification, error: str) -> str:
    """Back to pending after 2^attempts x base seconds, or failed after the last attempt."""
    if notification.attempts >= settings.ALERTS_MAX_ATTEMPTS:
        _finish(notification, NotificationStatus.FAILED, error=f"gave up: {error}")
        return "failed"
    delay = settings.ALERTS_RETRY_BASE_SECONDS * 2 ** (notification.attempts - 1)
    notification.last_error = error
    _mine(notification).update(
        status=NotificationStatus.PENDING,
        claimed_at=None,
        next_attempt_at=timezone.now() + datetime.timedelta(seconds=delay),
        last_error=error,
    )
    log.warning("Notification %s will be retried in %ss: %s", notification.pk, delay, error)
    return "retrying"


def _reject(notification: Notification, error: str) -> None:
    """A permanent refusal: record it on the row and flag the person's address."""
    _finish(notification, NotificationStatus.FAILED, error=error)
    AlertSettings.objects.filter(user_id=notification.user_id).update(
        email_rejected_at=timezone.now(), email_rejected_reason=error[:500]
    )


def next_retry_in(*, now: datetime.datetime | None = None) -> float | None:
    """Seconds until the earliest notification waiting for a retry is due (None: none waits)."""
    now = now or timezone.now()
    upcoming = (
        Notification.objects.filter(
            status=NotificationStatus.PENDING,
            delivery=Delivery.IMMEDIATE,
            next_attempt_at__gt=now,
        )
        .order_by("next_attempt_at")
        .values_list("next_attempt_at", flat=True)
        .first()
    )
    return None if upcoming is None else max(0.0, (upcoming - now).total_seconds())
