"""The notice an event alert carries: the case is closed, or the litigation went to another case.

One sentence and one link each, for the event e-mail and for the item of a daily digest:
closed: "<case> is closed; your follow stays until you remove it", and the unfollow link;
followed: "You now follow <new case> ...", and the link to unfollow that one; offered: "...
Follow it with the same alerts?", and the signed follow-on link (``alerts.links``).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse

from alerts.links import absolute, follow_on_token, unsubscribe_token
from alerts.models import Notice, Notification

REASONS = {
    Notice.CASE_CLOSED: "every follower is told when a case closes",
    Notice.FOLLOWED: "every follower is told when the litigation moves to another case, and "
    "you chose to follow the new case in that event",
    Notice.FOLLOW_OFFERED: "every follower is told when the litigation moves to another case",
}


@dataclass(frozen=True)
class NoticeText:
    notice: str
    text: str
    link_label: str
    link_url: str
    reason: str


def notice_text(
    notification: Notification, *, subscription_id: int, followed: dict[int, int]
) -> NoticeText | None:
    """The notice of ``notification`` (None: it carries none, or no longer applies).

    ``subscription_id`` is the recipient's subscription to the notification's case, and
    ``followed`` maps each case they follow now to their subscription to it.
    """
    notice, case = notification.notice, notification.case
    if notice == Notice.CASE_CLOSED:
        token = unsubscribe_token(user_id=notification.user_id, subscription_id=subscription_id)
        return NoticeText(
            notice,
            f"{case.short_name} is closed; your follow stays until you remove it.",
            f"Unfollow {case.short_name}",
            absolute(reverse("unsubscribe", args=[token])),
            REASONS[Notice.CASE_CLOSED],
        )
    other = notification.other_case
    if other is None:  # deleted since
        return None
    where = f"{other.short_name} ({other.court.short_name} {other.docket_number})"
    if notice == Notice.FOLLOWED and other.pk in followed:
        token = unsubscribe_token(user_id=notification.user_id, subscription_id=followed[other.pk])
        return NoticeText(
            notice,
            f"You now follow {where}, with the same alerts as {case.short_name}.",
            f"Unfollow {other.short_name}",
            absolute(reverse("unsubscribe", args=[token])),
            REASONS[Notice.FOLLOWED],
        )
    if notice == Notice.FOLLOW_OFFERED and other.pk not in followed:
        token = follow_on_token(
            user_id=notification.user_id, subscription_id=subscription_id, case_id=other.pk
        )
        return NoticeText(
            notice,
            f"The litigation went on in {where}. Follow it with the same alerts?",
            f"Follow {other.short_name}",
            absolute(reverse("follow-on", args=[token])),
            REASONS[Notice.FOLLOW_OFFERED],
        )
    return None
