"""bob's attempts at alice's alerts: the personas' data and the table of attempts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import User
from django.core import signing

from alerts.emails import UNSUBSCRIBE_SALT, unsubscribe_token
from alerts.models import AlertSettings, Subscription
from cases.models import Case
from tests.security.roles.expect import GET, POST

# alice follows two cases (one of them only she follows) with her own choices and settings; bob,
# a reader, follows the shared case and one of his own. Every attempt below is bob's, changing an
# id in an address or a form; none may read or change anything of alice's.


@dataclass
class Alerts:
    alice: User
    bob: User
    shared: Case  # both follow it
    hers: Case  # only alice follows it
    his: Case
    her_sub: Subscription  # alice's subscription to ``hers``
    her_shared_sub: Subscription
    his_sub: Subscription  # bob's subscription to ``shared``
    her_settings: AlertSettings


def alerts_of(user: User) -> dict[str, Any]:
    """Everything of ``user``'s alerts as stored in PostgreSQL."""
    return {
        "subscriptions": list(Subscription.objects.filter(user=user).order_by("pk").values()),
        "settings": list(AlertSettings.objects.filter(user=user).values()),
    }


def her_marks(a: Alerts) -> list[str]:
    """Text that would only appear on a page showing alice's alerts."""
    return [
        a.alice.email,
        f"s{a.her_sub.pk}-",
        f"s{a.her_shared_sub.pk}-",
        'value="Asia/Kolkata" selected',
        'value="9, 23"',
    ]


def token_for(user: User, subscription: Subscription | None) -> str:
    return unsubscribe_token(
        user_id=user.pk, subscription_id=subscription.pk if subscription else None
    )


def his_token_with_her_ids(a: Alerts) -> str:
    """bob's signed link with its payload swapped for one naming alice's subscription."""
    hers = signing.dumps({"u": a.alice.pk, "s": a.her_sub.pk}, salt=UNSUBSCRIBE_SALT, compress=True)
    his = token_for(a.bob, a.his_sub)
    return ":".join([hers.split(":")[0], *his.split(":")[1:]])


SETTINGS = {"time_zone": "Europe/Lisbon", "delivery": "immediate", "digest_hour": "5"}
SETTINGS |= {"follow_on": "offer"}  # alert follow-on (issue 16): the settings form's new field

# (what bob tries, method, address, form, the answer, what of bob's changes: None for nothing)
ATTEMPTS: list[tuple[str, str, Callable, Callable, int, Callable | None]] = [
    (
        "read her subscription's address",
        GET,
        lambda a: f"/alerts/subscriptions/{a.her_sub.pk}/",
        lambda a: {},
        405,
        None,
    ),
    (
        "post choices to her subscription's address",
        POST,
        lambda a: f"/alerts/subscriptions/{a.her_sub.pk}/",
        lambda a: {f"s{a.her_sub.pk}-motions": "on", f"s{a.her_sub.pk}-docket_entries": ""},
        404,
        None,
    ),
    (
        "post his own choices to her subscription's address",
        POST,
        lambda a: f"/alerts/subscriptions/{a.her_sub.pk}/",
        lambda a: {f"s{a.his_sub.pk}-motions": "on"},
        404,
        None,
    ),
    (
        "post her subscription's fields to his own subscription's address",
        POST,
        lambda a: f"/alerts/subscriptions/{a.his_sub.pk}/?pk={a.her_sub.pk}",
        lambda a: {"pk": a.her_sub.pk, "user": a.alice.pk, f"s{a.her_sub.pk}-rulings": "on"},
        302,
        lambda a: Subscription.objects.get(pk=a.his_sub.pk).rulings is False,
    ),
    (
        "name her as the user in the settings form",
        POST,
        lambda a: "/alerts/settings/",
        lambda a: SETTINGS | {"reminder_days": "2", "user": a.alice.pk, "user_id": a.alice.pk},
        302,
        lambda a: AlertSettings.objects.get(user=a.bob).time_zone == "Europe/Lisbon",
    ),
    (
        "name her settings row in the address and the form",
        POST,
        lambda a: f"/alerts/settings/?user={a.alice.pk}&pk={a.her_settings.pk}",
        lambda a: SETTINGS | {"reminder_days": "2", "id": a.her_settings.pk},
        302,
        lambda a: AlertSettings.objects.get(user=a.bob).reminder_days == "2",
    ),
    (
        "send invalid settings naming her (the page is shown again)",
        POST,
        lambda a: f"/alerts/settings/?user={a.alice.pk}",
        lambda a: SETTINGS | {"reminder_days": "soon", "user": a.alice.pk},
        200,
        None,
    ),
    (
        "open My alerts with her id",
        GET,
        lambda a: f"/alerts/?user={a.alice.pk}&user_id={a.alice.pk}",
        lambda a: {},
        200,
        None,
    ),
    (
        "unfollow the case only she follows",
        POST,
        lambda a: f"/cases/{a.hers.slug}/unfollow/",
        lambda a: {"user": a.alice.pk, "subscription": a.her_sub.pk},
        302,
        None,
    ),
    (
        "unfollow the shared case naming her subscription",
        POST,
        lambda a: f"/cases/{a.shared.slug}/unfollow/",
        lambda a: {"subscription": a.her_shared_sub.pk, "pk": a.her_shared_sub.pk},
        302,
        lambda a: not Subscription.objects.get(pk=a.his_sub.pk).active,
    ),
    (
        "follow her case naming her, with other choices",
        POST,
        lambda a: f"/cases/{a.hers.slug}/follow/",
        lambda a: {"user": a.alice.pk, "docket_entries": "", "rulings": ""},
        302,
        lambda a: Subscription.objects.filter(user=a.bob, case=a.hers, active=True).exists(),
    ),
    (
        "unsubscribe with his own link, naming her in the form",
        POST,
        lambda a: f"/alerts/unsubscribe/{token_for(a.bob, a.his_sub)}/",
        lambda a: {"u": a.alice.pk, "s": a.her_sub.pk, "subscription": a.her_shared_sub.pk},
        200,
        lambda a: not Subscription.objects.get(pk=a.his_sub.pk).active,
    ),
    (
        "unsubscribe from everything with his own link",
        POST,
        lambda a: f"/alerts/unsubscribe/{token_for(a.bob, None)}/?u={a.alice.pk}",
        lambda a: {"u": a.alice.pk},
        200,
        lambda a: not Subscription.objects.filter(user=a.bob, active=True).exists(),
    ),
    (
        "open his own link for everything (it lists his cases only)",
        GET,
        lambda a: f"/alerts/unsubscribe/{token_for(a.bob, None)}/",
        lambda a: {},
        200,
        None,
    ),
    (
        "swap her ids into his signed link, GET",
        GET,
        lambda a: f"/alerts/unsubscribe/{his_token_with_her_ids(a)}/",
        lambda a: {},
        400,
        None,
    ),
    (
        "swap her ids into his signed link, POST",
        POST,
        lambda a: f"/alerts/unsubscribe/{his_token_with_her_ids(a)}/",
        lambda a: {},
        400,
        None,
    ),
    (
        "open her subscription in the admin",
        GET,
        lambda a: f"/admin/alerts/subscription/{a.her_sub.pk}/change/",
        lambda a: {},
        302,
        None,
    ),
    (
        "change her alert settings in the admin",
        POST,
        lambda a: f"/admin/alerts/alertsettings/{a.her_settings.pk}/change/",
        lambda a: SETTINGS | {"user": a.alice.pk, "reminder_days": "2"},
        302,
        None,
    ),
]
