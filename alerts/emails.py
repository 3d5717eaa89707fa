"""The e-mails: one helper renders each kind from templates/emails/<name>-subject|body.txt|html.

Every message says why the recipient gets it and how to change that, links to the case, and
carries List-Unsubscribe / List-Unsubscribe-Post (one-click) headers pointing at a signed URL.
An event alert may carry a notice besides its event (``alerts.notice_mail``).
"""

from __future__ import annotations

import zoneinfo
from typing import Any
from urllib.parse import urlsplit

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from alerts.describe import filters_in_words, reasons
from alerts.links import UNSUBSCRIBE_SALT as UNSUBSCRIBE_SALT
from alerts.links import absolute, unsubscribe_token
from alerts.links import read_unsubscribe_token as read_unsubscribe_token
from alerts.models import Notification, NotificationKind, NotificationStatus, Subscription
from alerts.notice_mail import notice_text
from cases.deadlines.today import remaining
from cases.models import DeadlineStatus
from cases.selectors import CASE_TEXT

# The search columns of the other cases a notification joins, which no e-mail shows.
DEADLINE_CASE_TEXT = ("deadline__case__search_text", "deadline__case__search_vector")
OTHER_CASE_TEXT = ("other_case__search_text", "other_case__search_vector")


class NothingToSend(Exception):
    """The notification no longer needs sending (say why)."""


def _mail_domain() -> str:
    return urlsplit(settings.SITE_URL).hostname or "docket-tracker.invalid"


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
    followed = {}
    if notification.other_case_id is not None:  # does the recipient follow the new case now?
        followed = dict(
            Subscription.objects.filter(
                user_id=notification.user_id, case_id=notification.other_case_id, active=True
            )
            .order_by()
            .values_list("case_id", "pk")
        )
    notice = (
        notice_text(notification, subscription_id=subscription.pk, followed=followed)
        if notification.notice
        else None
    )
    return _case_context(subscription.case) | {
        "event": event,
        "reasons": reasons(subscription),
        "filters": filters_in_words(subscription),
        "notice": notice,
    }


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
        .select_related("case__court", "event", "deadline__case__court", "other_case__court")
        .defer(*CASE_TEXT, *DEADLINE_CASE_TEXT, *OTHER_CASE_TEXT)
        .order_by("case__short_name", "case_id", "event__occurred_on", "pk")
    )
    if not items:
        raise NothingToSend("nothing waited for this digest")
    followed = dict(
        Subscription.objects.filter(user=notification.user, active=True).values_list(
            "case_id", "pk"
        )
    )
    groups: dict[int, dict[str, Any]] = {}
    for item in items:
        if item.case_id not in followed:  # unfollowed since: leave it out
            continue
        group = groups.setdefault(item.case_id, _case_context(item.case) | {"items": []})
        notice = None
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
            if item.notice:
                notice = notice_text(
                    item, subscription_id=followed[item.case_id], followed=followed
                )
        else:
            continue
        group["items"].append({"text": text, "notice": notice})
    groups = {k: v for k, v in groups.items() if v["items"]}
    if not groups:
        raise NothingToSend("every item of this digest was withdrawn")
    count = sum(len(g["items"]) for g in groups.values())
    return {"groups": list(groups.values()), "item_count": count, "case_count": len(groups)}
