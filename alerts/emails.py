"""The e-mails: one helper renders each kind from templates/emails/<name>-subject|body.txt|html.

Every message says why the recipient gets it and how to change that, links to the case, and
carries List-Unsubscribe / List-Unsubscribe-Post (one-click) headers pointing at a signed URL.
"""

from __future__ import annotations

import zoneinfo
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from alerts.models import Notification, NotificationKind, NotificationStatus, Subscription
from cases.deadlines.today import remaining
from cases.models import DeadlineStatus
from cases.selectors import CASE_TEXT

UNSUBSCRIBE_SALT = "alerts.unsubscribe"

PREFERENCE_REASONS = {
    "status_changes": "status changes",
    "rulings": "rulings and decided motions",
    "motions": "motions filed",
    "docket_entries": "new docket entries",
    "deadline_reminders": "deadline reminders and deadline changes",
}


class NothingToSend(Exception):
    """The notification no longer needs sending (say why)."""


def _mail_domain() -> str:
    return urlsplit(settings.SITE_URL).hostname or "docket-tracker.invalid"


def absolute(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def unsubscribe_token(*, user_id: int, subscription_id: int | None) -> str:
    """A signed token naming whose alerts to stop: one subscription, or all (None)."""
    return signing.dumps({"u": user_id, "s": subscription_id}, salt=UNSUBSCRIBE_SALT, compress=True)


def read_unsubscribe_token(token: str) -> dict[str, int | None]:
    """The token's content; raises ``signing.BadSignature`` if it was not made by us."""
    data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    if not isinstance(data, dict) or not isinstance(data.get("u"), int):
        raise signing.BadSignature("malformed token")
    return {"u": data["u"], "s": data.get("s")}


def build(notification: Notification) -> EmailMultiAlternatives:
    """The message for one notification (raises NothingToSend when it should not go out)."""
    user = notification.user
    if not user.email:
        raise NothingToSend("the recipient has no e-mail address")
    if not user.is_active:
        raise NothingToSend("the recipient's account is inactive")
    if notification.kind == NotificationKind.DIGEST:
        name, context = "digest", _digest_context(notification)
        subscription = None
    else:
        subscription = (
            Subscription.objects.filter(user=user, case_id=notification.case_id, active=True)
            .select_related("case__court")
            .defer(*CASE_TEXT)
            .first()
        )
        if subscription is None:
            raise NothingToSend("the recipient no longer follows this case")
        if notification.kind == NotificationKind.REMINDER:
            name, context = "reminder", _reminder_context(notification)
        else:
            name, context = "event", _event_context(notification, subscription)
    token = unsubscribe_token(
        user_id=user.pk, subscription_id=subscription.pk if subscription else None
    )
    unsubscribe_url = absolute(reverse("unsubscribe", args=[token]))
    context |= {
        "user": user,
        "notification": notification,
        "site_url": settings.SITE_URL.rstrip("/"),
        "manage_url": absolute(reverse("my-alerts")),
        "unsubscribe_url": unsubscribe_url,
        "subscription": subscription,
    }
    subject = " ".join(render_to_string(f"emails/{name}-subject.txt", context).split())
    message = EmailMultiAlternatives(
        subject=subject[:250],
        body=render_to_string(f"emails/{name}-body.txt", context),
        to=[user.email],
        headers={
            # Stable per notification: if a worker dies between the mail server accepting a
            # message and the row being marked sent, the repeat carries the same Message-ID,
            # which mail systems recognise as the same message.
            "Message-ID": f"<notification-{notification.pk}@{_mail_domain()}>",
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "X-Docket-Tracker-Notification": str(notification.pk),
            "Auto-Submitted": "auto-generated",
        },
    )
    message.attach_alternative(render_to_string(f"emails/{name}-body.html", context), "text/html")
    return message


def _case_context(case: Any) -> dict[str, Any]:
    return {"case": case, "case_url": absolute(case.get_absolute_url())}


def _event_context(notification: Notification, subscription: Subscription) -> dict[str, Any]:
    event = notification.event
    if event is None:
        raise NothingToSend("the event was deleted")
    reasons = [label for field, label in PREFERENCE_REASONS.items() if getattr(subscription, field)]
    return _case_context(subscription.case) | {"event": event, "reasons": reasons}


def _reminder_context(notification: Notification) -> dict[str, Any]:
    deadline = notification.deadline
    if deadline is None or deadline.status != DeadlineStatus.OPEN:
        raise NothingToSend("the deadline is no longer open")
    case = deadline.case
    today = timezone.now().astimezone(zoneinfo.ZoneInfo(case.court.time_zone)).date()
    left = remaining(deadline, today)
    if left.calendar_days < 0:
        raise NothingToSend("the deadline has passed")
    return _case_context(case) | {
        "deadline": deadline,
        "days_left": left.calendar_days,
        "court_days_left": left.court_days,
        "court_calendar": left.calendar,
        "court_time_zone": case.court.time_zone,
    }


def _digest_context(notification: Notification) -> dict[str, Any]:
    items = list(
        notification.items.filter(status=NotificationStatus.PENDING)
        .select_related("case__court", "event", "deadline__case__court")
        .defer(*CASE_TEXT, "deadline__case__search_text", "deadline__case__search_vector")
        .order_by("case__short_name", "case_id", "event__occurred_on", "pk")
    )
    if not items:
        raise NothingToSend("nothing waited for this digest")
    followed = set(
        Subscription.objects.filter(user=notification.user, active=True).values_list(
            "case_id", flat=True
        )
    )
    groups: dict[int, dict[str, Any]] = {}
    for item in items:
        if item.case_id not in followed:  # unfollowed since: leave it out
            continue
        group = groups.setdefault(item.case_id, _case_context(item.case) | {"items": []})
        if item.kind == NotificationKind.REMINDER and item.deadline:
            left = remaining(item.deadline)
            text = f"Reminder: {item.deadline.title} due {item.deadline.due_date:%-d %B %Y}"
            if left.calendar_days >= 0:
                days, court = left.calendar_days, left.court_days
                text += (
                    f" ({days} calendar day{'s' if days != 1 else ''}, "
                    f"{court} court day{'s' if court != 1 else ''} left)"
                )
        elif item.event:
            text = item.event.summary
        else:
            continue
        group["items"].append(text)
    groups = {k: v for k, v in groups.items() if v["items"]}
    if not groups:
        raise NothingToSend("every item of this digest was withdrawn")
    count = sum(len(g["items"]) for g in groups.values())
    return {"groups": list(groups.values()), "item_count": count, "case_count": len(groups)}
