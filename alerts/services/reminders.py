"""Deadline reminders: the scan that writes each reminder once it falls due (the outbox)."""

from __future__ import annotations

import datetime
import zoneinfo

from django.utils import timezone

from alerts.models import (
    AlertSettings,
    Delivery,
    Notification,
    NotificationKind,
    NotificationStatus,
    Subscription,
    parse_lead_days,
)
from cases.models import Deadline, DeadlineStatus

# Reminders fall due at this hour, in the court's time zone, on their day.
REMINDER_HOUR = 8


def reminder_due_at(deadline: Deadline, lead_days: int, court_zone: str) -> datetime.datetime:
    """When the reminder ``lead_days`` before ``deadline`` falls due: 08:00 court time that day."""
    day = deadline.due_date - datetime.timedelta(days=lead_days)
    return datetime.datetime.combine(
        day, datetime.time(REMINDER_HOUR), tzinfo=zoneinfo.ZoneInfo(court_zone)
    )


def deadline_passed_at(deadline: Deadline, court_zone: str) -> datetime.datetime:
    """The end of the deadline: its time, or the end of its day, in the court's time zone."""
    zone = zoneinfo.ZoneInfo(court_zone)
    if deadline.due_time:
        return datetime.datetime.combine(deadline.due_date, deadline.due_time, tzinfo=zone)
    return datetime.datetime.combine(
        deadline.due_date + datetime.timedelta(days=1), datetime.time(0), tzinfo=zone
    )


def reminder_key(deadline: Deadline, lead_days: int) -> str:
    time = deadline.due_time.strftime("%H%M") if deadline.due_time else "-"
    return f"{deadline.pk}:{deadline.due_date:%Y%m%d}:{time}:{lead_days}"


def reminders_scan(*, now: datetime.datetime | None = None, chunk: int = 2000) -> int:
    """Write the reminders that have fallen due; return how many new ones were written.

    For each open deadline not yet passed, each active subscriber who wants reminders gets one
    reminder per lead time once it falls due. When several have fallen due at once (someone
    followed the case late, or the scan did not run), only the nearest is sent and the others
    are recorded as not sent, so nobody gets a "7 days left" the day before. The keys include
    the due date, so a moved deadline is reminded again for its new date; vacated and met
    deadlines, and those already passed, get none.
    """
    now = now or timezone.now()
    horizon = (now + datetime.timedelta(days=61)).date()
    deadlines = (
        Deadline.objects.filter(
            status=DeadlineStatus.OPEN,
            due_date__gte=(now - datetime.timedelta(days=1)).date(),
            due_date__lte=horizon,
            case__subscriptions__active=True,
            case__subscriptions__deadline_reminders=True,
        )
        .distinct()
        .select_related("case__court")
        .only("pk", "due_date", "due_time", "case_id", "case__court__time_zone")
        .order_by("pk")
    )
    subscribers = _reminder_subscribers()
    written = 0
    batch: list[Notification] = []
    for deadline in deadlines.iterator(chunk_size=chunk):
        zone = deadline.case.court.time_zone
        if now >= deadline_passed_at(deadline, zone):
            continue
        for user_id, delivery, leads in subscribers.get(deadline.case_id, ()):
            due = [lead for lead in leads if now >= reminder_due_at(deadline, lead, zone)]
            if not due:
                continue
            nearest = min(due)
            for lead in due:
                batch.append(
                    Notification(
                        user_id=user_id,
                        kind=NotificationKind.REMINDER,
                        delivery=delivery,
                        case_id=deadline.case_id,
                        deadline_id=deadline.pk,
                        key=reminder_key(deadline, lead),
                        lead_days=lead,
                        status=(
                            NotificationStatus.PENDING
                            if lead == nearest
                            else NotificationStatus.SKIPPED
                        ),
                    )
                )
        if len(batch) >= chunk:
            written += _insert(batch)
            batch = []
    return written + _insert(batch)


def _reminder_subscribers() -> dict[int, list[tuple[int, str, list[int]]]]:
    """case id -> [(user id, delivery, lead days)] for every active reminder subscription."""
    rows = (
        Subscription.objects.filter(active=True, deadline_reminders=True, user__is_active=True)
        .values_list(
            "case_id",
            "user_id",
            "user__alert_settings__delivery",
            "user__alert_settings__reminder_days",
        )
        .iterator(chunk_size=5000)
    )
    parsed: dict[str, list[int]] = {}
    by_case: dict[int, list[tuple[int, str, list[int]]]] = {}
    for case_id, user_id, delivery, days in rows:
        days = days or AlertSettings._meta.get_field("reminder_days").default
        if days not in parsed:
            parsed[days] = _leads(days)
        by_case.setdefault(case_id, []).append(
            (user_id, delivery or Delivery.IMMEDIATE, parsed[days])
        )
    return by_case


def _leads(value: str) -> list[int]:
    try:
        return parse_lead_days(value)
    except ValueError:
        return [7, 1]


def _insert(rows: list[Notification]) -> int:
    """Insert the rows that do not exist yet; return how many were new."""
    if not rows:
        return 0
    keys = {(row.user_id, row.key) for row in rows}
    existing = set(
        Notification.objects.filter(
            key__in={key for _, key in keys}, user_id__in={user for user, _ in keys}
        ).values_list("user_id", "key")
    )
    new = [row for row in rows if (row.user_id, row.key) not in existing]
    Notification.objects.bulk_create(new, ignore_conflicts=True)
    return sum(1 for row in new if row.status == NotificationStatus.PENDING)
