"""The followers of a case as the dispatcher reads them: one query, plain values, no models.

An MDL can have thousands of followers, and an event is dispatched to all of them: reading them
as values (not three model instances each) and writing their rows in one ``INSERT ... SELECT
FROM unnest(...)`` keeps the fan-out's cost in the database, where it is small.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db import connection

from alerts.models import (
    SUBSCRIPTION_CHOICES,
    Delivery,
    FollowOn,
    Notification,
    NotificationKind,
    NotificationStatus,
    Subscription,
)
from cases.models import CaseEvent

COLUMNS = (
    "user_id",
    *SUBSCRIPTION_CHOICES,
    "match_words",
    "motion_kinds",
    "user__alert_settings__delivery",
    "user__alert_settings__follow_on",
)


@dataclass(frozen=True, slots=True)
class Follower:
    """One active subscription to the event's case, with what the dispatcher needs of it."""

    user_id: int
    choices: dict[str, bool]
    match_words: str
    motion_kinds: list[str]
    delivery: str
    follow_on: str

    def wants(self, preference: str | None) -> bool:
        return preference is not None and self.choices[preference]


def followers_of(event: CaseEvent, preference: str | None) -> list[Follower]:
    """The active followers who may be told (all of them when ``preference`` is None)."""
    subscriptions = Subscription.objects.filter(
        # Those who followed the case by the time the event was recorded (a late sweep must
        # not tell a newcomer about older news).
        case_id=event.case_id,
        active=True,
        created_at__lte=event.recorded_at,
        user__is_active=True,
    )
    if preference is not None:
        subscriptions = subscriptions.filter(**{preference: True})
    count = len(SUBSCRIPTION_CHOICES)
    return [
        Follower(
            user_id=row[0],
            choices=dict(zip(SUBSCRIPTION_CHOICES, row[1 : 1 + count], strict=True)),
            match_words=row[1 + count],
            motion_kinds=row[2 + count] or [],
            delivery=row[3 + count] or Delivery.IMMEDIATE,  # no settings yet: the defaults
            follow_on=row[4 + count] or FollowOn.OFFER,
        )
        for row in subscriptions.order_by("pk").values_list(*COLUMNS)
    ]


def copy_for(follower: Follower, case_id: int) -> Subscription:
    """A new subscription to ``case_id`` with the follower's choices and filters."""
    return Subscription(
        user_id=follower.user_id,
        case_id=case_id,
        match_words=follower.match_words,
        motion_kinds=list(follower.motion_kinds),
        **follower.choices,
    )


# (user id, delivery, notice, the other case's id)
Row = tuple[int, str, str, int | None]


def rows_insert(event: CaseEvent, rows: list[Row], now: datetime.datetime) -> None:
    """Write the event's notifications, in one statement; a row that exists already is kept."""
    if not rows:
        return
    if connection.vendor != "postgresql":  # SQLite (development)
        Notification.objects.bulk_create(
            [_notification(event, row) for row in rows], ignore_conflicts=True
        )
        return
    user_ids, deliveries, notices, others = (list(column) for column in zip(*rows, strict=True))
    with connection.cursor() as cursor:
        cursor.execute(
            """
            INSERT INTO alerts_notification (
                user_id, delivery, notice, other_case_id, kind, case_id, event_id, deadline_id,
                key, status, attempts, subject, last_error, created_at)
            SELECT t.user_id, t.delivery, t.notice, t.other_case_id, %s, %s, %s, %s,
                '', %s, 0, '', '', %s
            FROM unnest(%s::bigint[], %s::text[], %s::text[], %s::bigint[])
                AS t(user_id, delivery, notice, other_case_id)
            ON CONFLICT DO NOTHING
            """,
            [
                NotificationKind.EVENT,
                event.case_id,
                event.pk,
                event.deadline_id,
                NotificationStatus.PENDING,
                now,
                user_ids,
                deliveries,
                notices,
                others,
            ],
        )


def _notification(event: CaseEvent, row: Row) -> Any:
    user_id, delivery, notice, other_case_id = row
    return Notification(
        user_id=user_id,
        kind=NotificationKind.EVENT,
        delivery=delivery,
        case_id=event.case_id,
        event_id=event.pk,
        deadline_id=event.deadline_id,
        notice=notice,
        other_case_id=other_case_id,
        subject="",
    )
