"""The signed links an alert carries: unsubscribe, and follow the case this one went to.

Each token is signed (``django.core.signing``), so only the tracker can make one, and works for
a reader who is not signed in; the page each opens only asks on GET (mail scanners follow
links) and acts on POST. An unsubscribe token names the person and one subscription (or all);
a follow-on token names the person, the subscription whose choices and filters are copied, and
the case to follow.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.conf import settings
from django.core import signing

UNSUBSCRIBE_SALT = "alerts.unsubscribe"
FOLLOW_ON_SALT = "alerts.follow-on"


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


@dataclass(frozen=True)
class FollowOnLink:
    user_id: int
    subscription_id: int
    case_id: int


def follow_on_token(*, user_id: int, subscription_id: int, case_id: int) -> str:
    """A signed token offering ``case_id`` with the choices of ``subscription_id``."""
    return signing.dumps(
        {"u": user_id, "s": subscription_id, "c": case_id}, salt=FOLLOW_ON_SALT, compress=True
    )


def read_follow_on_token(token: str) -> FollowOnLink:
    """The token's content; raises ``signing.BadSignature`` if it was not made by us."""
    data = signing.loads(token, salt=FOLLOW_ON_SALT)
    if not isinstance(data, dict) or not all(isinstance(data.get(k), int) for k in "usc"):
        raise signing.BadSignature("malformed token")
    return FollowOnLink(user_id=data["u"], subscription_id=data["s"], case_id=data["c"])
