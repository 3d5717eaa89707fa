"""A subscription's choices and filters in words, for the e-mails and the follow-on page."""

from __future__ import annotations

from alerts.models import Subscription
from cases.models import MotionKind

PREFERENCE_REASONS = {
    "status_changes": "status changes",
    "rulings": "rulings and decided motions",
    "motions": "motions filed",
    "docket_entries": "new docket entries",
    "deadline_reminders": "deadline reminders and deadline changes",
}


def reasons(subscription: Subscription) -> list[str]:
    """The kinds of news the subscription chose, in words."""
    return [label for field, label in PREFERENCE_REASONS.items() if getattr(subscription, field)]


def filters_in_words(subscription: Subscription) -> str:
    """ "only with the words settlement "preliminary injunction"; only motions to dismiss" or ""."""
    parts = []
    if subscription.match_words:
        parts.append(f"only with the words {subscription.match_words}")
    kinds = [
        MotionKind(kind).label
        for kind in subscription.motion_kinds or []
        if kind in MotionKind.values
    ]
    if kinds:
        parts.append("only motions of the kinds " + ", ".join(kinds))
    return "; ".join(parts)
