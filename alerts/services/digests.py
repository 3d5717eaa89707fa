"""Daily digests: each digest reader's waiting items gathered into one message a day."""

from __future__ import annotations

import datetime
import zoneinfo

from django.db import transaction
from django.utils import timezone

from alerts.models import (
    AlertSettings,
    Delivery,
    Notification,
    NotificationKind,
    NotificationStatus,
)


def digests_prepare(*, now: datetime.datetime | None = None) -> int:
    """Gather each digest reader's waiting items into today's digest once their hour has come.

    One digest per person and local day (unique key), so running this again adds nothing.
    Returns how many digests were written.
    """
    now = now or timezone.now()
    waiting = (
        Notification.objects.filter(
            delivery=Delivery.DIGEST,
            status=NotificationStatus.PENDING,
            digest__isnull=True,
        )
        .exclude(kind=NotificationKind.DIGEST)
        .values_list("user_id", flat=True)
        .distinct()
    )
    settings_by_user = {
        s.user_id: s for s in AlertSettings.objects.filter(user_id__in=list(waiting))
    }
    written = 0
    for user_id, user_settings in settings_by_user.items():
        local = now.astimezone(zoneinfo.ZoneInfo(user_settings.time_zone))
        if local.hour < user_settings.digest_hour:
            continue
        with transaction.atomic():
            digest, _ = Notification.objects.get_or_create(
                user_id=user_id,
                key=f"digest:{local.date():%Y-%m-%d}",
                defaults={
                    "kind": NotificationKind.DIGEST,
                    "delivery": Delivery.IMMEDIATE,
                    "status": NotificationStatus.PENDING,
                },
            )
            if digest.status != NotificationStatus.PENDING:
                continue  # today's digest has gone; the rest waits for tomorrow's
            attached = (
                Notification.objects.filter(
                    user_id=user_id,
                    delivery=Delivery.DIGEST,
                    status=NotificationStatus.PENDING,
                    digest__isnull=True,
                )
                .exclude(kind=NotificationKind.DIGEST)
                .update(digest=digest)
            )
            written += 1 if attached else 0
    return written
