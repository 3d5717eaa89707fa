"""Following cases, and turning case events and deadlines into notifications (the outbox).

Nothing here sends mail: these functions write ``Notification`` rows, each unique per recipient
and event (or reminder key), which ``alerts.delivery`` then claims and sends.
"""

from __future__ import annotations

import datetime
import zoneinfo
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Q
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
from cases.models import Case, CaseEvent, Deadline, DeadlineStatus, EventKind

# Which subscription choice each kind of event answers to.
EVENT_PREFERENCE = {
    EventKind.STATUS_CHANGED: "status_changes",
    EventKind.CASE_LINKED: "status_changes",
    EventKind.RULING_ENTERED: "rulings",
    EventKind.MOTION_DECIDED: "rulings",
    EventKind.MOTION_FILED: "motions",
    EventKind.DOCKET_ENTRY_ADDED: "docket_entries",
    EventKind.DEADLINE_SET: "deadline_reminders",
    EventKind.DEADLINE_MOVED: "deadline_reminders",
    EventKind.DEADLINE_VACATED: "deadline_reminders",
}
# Reminders fall due at this hour, in the court's time zone, on their day.
REMINDER_HOUR = 8


# --- Following ---------------------------------------------------------------------------------


def alert_settings_for(user: AbstractBaseUser) -> AlertSettings:
    """The user's alert settings, created with the defaults on first use."""
    found, _ = AlertSettings.objects.get_or_create(user=user)
    return found


def alert_settings_update(*, user: AbstractBaseUser, **values: Any) -> AlertSettings:
    """Save a person's alert preferences (only the fields given: never the bounce record)."""
    found, _ = AlertSettings.objects.update_or_create(user=user, defaults=values)
    return found


@transaction.atomic
def subscription_follow(*, user: AbstractBaseUser, case: Case, **choices: bool) -> Subscription:
    """Follow a case (or follow it again), with the default choices unless given."""
    subscription, created = Subscription.objects.select_for_update().get_or_create(
        user=user, case=case, defaults=choices | {"active": True}
    )
    if not created:
        for name, value in (choices | {"active": True}).items():
            setattr(subscription, name, value)
        subscription.save()
    alert_settings_for(user)
    return subscription


@transaction.atomic
def subscription_update(*, subscription: Subscription, **choices: bool) -> Subscription:
    """Change which kinds of news a subscription brings."""
    subscription = Subscription.objects.select_for_update().get(pk=subscription.pk)
    for name, value in choices.items():
        setattr(subscription, name, value)
    subscription.full_clean()
    subscription.save()
    return subscription


def subscription_unfollow(*, subscription: Subscription) -> Subscription:
    """Stop a subscription (kept, inactive, so following again restores its choices)."""
    Subscription.objects.filter(pk=subscription.pk).update(active=False)
    subscription.active = False
    return subscription


# --- Case events -------------------------------------------------------------------------------


def _wants(event: CaseEvent) -> Q | None:
    """The subscriptions that want to hear about ``event`` (None: nobody is told)."""
    preference = EVENT_PREFERENCE.get(EventKind(event.kind))
    if preference is None:
        return None
    # A ruling that decides motions is told through its "motion decided" events.
    if (
        event.kind == EventKind.RULING_ENTERED
        and event.ruling is not None
        and event.ruling.decisions.exists()
    ):
        return None
    return Q(**{preference: True})


@transaction.atomic
def event_dispatch(*, event_id: int, now: datetime.datetime | None = None) -> int:
    """Write one notification per subscriber who wants this event; return how many.

    The event is claimed first (``dispatched_at`` set where it was empty), so dispatching the
    same event twice writes nothing the second time.
    """
    now = now or timezone.now()
    claimed = CaseEvent.objects.filter(pk=event_id, dispatched_at__isnull=True).update(
        dispatched_at=now
    )
    if not claimed:
        return 0
    event = CaseEvent.objects.select_related("ruling").get(pk=event_id)
    wants = _wants(event)
    if wants is None:
        return 0
    subscriptions = (
        # Those who followed the case by the time the event was recorded (a late sweep must
        # not tell a newcomer about older news).
        Subscription.objects.filter(
            case_id=event.case_id, active=True, created_at__lte=event.recorded_at
        )
        .filter(wants)
        .select_related("user__alert_settings")
    )
    rows = [
        Notification(
            user_id=sub.user_id,
            kind=NotificationKind.EVENT,
            delivery=_delivery(sub),
            case_id=event.case_id,
            event_id=event.pk,
            deadline_id=event.deadline_id,
            subject="",
        )
        for sub in subscriptions
        if sub.user.is_active
    ]
    Notification.objects.bulk_create(rows, ignore_conflicts=True)
    return len(rows)


def _delivery(subscription: Subscription) -> str:
    user_settings = getattr(subscription.user, "alert_settings", None)
    return user_settings.delivery if user_settings else Delivery.IMMEDIATE


def events_to_sweep(*, now: datetime.datetime | None = None) -> tuple[list[int], int]:
    """Events committed but never dispatched: (ids to dispatch now, how many were too old).

    An event older than ALERTS_SWEEP_MAX_AGE is marked dispatched without alerts, so that a
    tracker that ran without workers for a while does not mail out its whole backlog.
    """
    now = now or timezone.now()
    settle = datetime.timedelta(seconds=settings.ALERTS_SWEEP_SETTLE_SECONDS)
    max_age = datetime.timedelta(seconds=settings.ALERTS_SWEEP_MAX_AGE_SECONDS)
    waiting = CaseEvent.objects.filter(dispatched_at__isnull=True, recorded_at__lte=now - settle)
    stale = waiting.filter(recorded_at__lt=now - max_age).update(dispatched_at=now)
    ids = list(waiting.order_by("pk").values_list("pk", flat=True)[:10000])
    return ids, stale


# --- Deadline reminders ------------------------------------------------------------------------


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


# --- Digests -----------------------------------------------------------------------------------


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
