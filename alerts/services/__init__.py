"""Following cases, and turning case events and deadlines into notifications (the outbox).

Nothing here sends mail: these functions write ``Notification`` rows, each unique per recipient
and event (or reminder key), which ``alerts.delivery`` then claims and sends. ``following``
writes subscriptions and settings, ``dispatch`` (with ``notices``) an event's notifications,
``reminders`` the deadline reminders, ``digests`` the daily digests.
"""

from __future__ import annotations

from alerts.services.digests import digests_prepare
from alerts.services.dispatch import EVENT_PREFERENCE, event_dispatch, events_to_sweep
from alerts.services.following import (
    alert_settings_for,
    alert_settings_update,
    choices_of,
    subscription_follow,
    subscription_follow_like,
    subscription_unfollow,
    subscription_update,
)
from alerts.services.reminders import (
    REMINDER_HOUR,
    deadline_passed_at,
    reminder_due_at,
    reminder_key,
    reminders_scan,
)

__all__ = [
    "EVENT_PREFERENCE",
    "REMINDER_HOUR",
    "alert_settings_for",
    "alert_settings_update",
    "choices_of",
    "deadline_passed_at",
    "digests_prepare",
    "event_dispatch",
    "events_to_sweep",
    "reminder_due_at",
    "reminder_key",
    "reminders_scan",
    "subscription_follow",
    "subscription_follow_like",
    "subscription_unfollow",
    "subscription_update",
]
