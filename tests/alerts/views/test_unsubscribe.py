"""Unsubscribe links: signed, one click, and refused when they do not work."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.urls import reverse

from alerts.emails import unsubscribe_token
from alerts.models import Subscription
from tests.alerts.views.pages import post_form, text_of

pytestmark = pytest.mark.django_db


def active_of(subscriptions: dict[str, Subscription]) -> dict[str, bool]:
    return {name: Subscription.objects.get(pk=sub.pk).active for name, sub in subscriptions.items()}


def unsubscribe_url(user: User, subscription: Subscription | None) -> str:
    token = unsubscribe_token(
        user_id=user.pk, subscription_id=subscription.pk if subscription else None
    )
    return reverse("unsubscribe", args=[token])


def test_unsubscribe_get_asks_and_changes_nothing(client, alice, followed):
    response = client.get(unsubscribe_url(alice, followed["one"]))
    assert response.status_code == 200
    assert "Stop e-mail alerts about Thornley v. Clearview to alice@example.org?" in text_of(
        response
    )
    assert 'method="post"' in response.content.decode()
    assert client.head(unsubscribe_url(alice, followed["one"])).status_code == 200
    assert all(active_of(followed).values())


def test_unsubscribe_post_stops_the_one_subscription(alice, followed):
    client = Client(enforce_csrf_checks=True)
    page = client.get(unsubscribe_url(alice, followed["one"]))
    response = post_form(client, page, "unsubscribe-form")
    assert response.status_code == 200
    assert (
        "You will no longer receive e-mail alerts about Thornley v. Clearview at "
        "alice@example.org." in text_of(response)
    )
    assert active_of(followed) == {"one": False, "two": True, "bobs": True}
    # Again: nothing more to stop, and it says so without an error.
    again = client.get(unsubscribe_url(alice, followed["one"]))
    assert "You already stopped the alerts about Thornley v. Clearview" in text_of(again)


def test_unsubscribe_one_click_post_without_csrf_token(alice, followed):
    client = Client(enforce_csrf_checks=True)
    response = client.post(
        unsubscribe_url(alice, followed["two"]),
        "List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )
    assert response.status_code == 200
    assert active_of(followed) == {"one": True, "two": False, "bobs": True}


def test_unsubscribe_from_everything(alice, followed):
    client = Client(enforce_csrf_checks=True)
    page = client.get(unsubscribe_url(alice, None))
    assert "Thornley v. Clearview" in text_of(page) and "Mutnick v. Clearview" in text_of(page)
    assert all(active_of(followed).values())
    response = post_form(client, page, "unsubscribe-form")
    assert "You will no longer receive any e-mail alerts" in text_of(response)
    assert active_of(followed) == {"one": False, "two": False, "bobs": True}


def assert_bad_link(response) -> None:
    assert response.status_code == 400
    text = text_of(response)
    assert "This unsubscribe link does not work" in text and "Nothing was changed." in text
    assert "Docket tracker" in text  # the site's layout, not a bare error


@pytest.mark.parametrize("method", ["get", "post"])
def test_unsubscribe_with_a_bad_signature(client, alice, followed, method):
    good = unsubscribe_token(user_id=alice.pk, subscription_id=followed["one"].pk)
    forged = unsubscribe_token(user_id=alice.pk, subscription_id=followed["one"].pk).split(":")
    for token in [good[:-2] + ("AA" if not good.endswith("AA") else "BB"), "nonsense", "a:b:c"]:
        assert_bad_link(getattr(client, method)(reverse("unsubscribe", args=[token])))
    # The payload of bob's token under alice's signature.
    bobs = unsubscribe_token(user_id=followed["bobs"].user_id, subscription_id=None).split(":")
    tampered = ":".join([bobs[0], *forged[1:]])
    assert_bad_link(getattr(client, method)(reverse("unsubscribe", args=[tampered])))
    assert all(active_of(followed).values())


@pytest.mark.parametrize("method", ["get", "post"])
def test_unsubscribe_for_a_deleted_subscription_or_user(client, alice, bob, followed, method):
    url = unsubscribe_url(alice, followed["two"])
    Subscription.objects.filter(pk=followed["two"].pk).delete()
    assert_bad_link(getattr(client, method)(url))
    url = unsubscribe_url(bob, followed["bobs"])
    bob.delete()
    assert_bad_link(getattr(client, method)(url))
    assert Subscription.objects.get(pk=followed["one"].pk).active


def test_a_token_cannot_name_someone_elses_subscription(client, alice, followed):
    url = unsubscribe_url(alice, followed["bobs"])  # signed, but the pair does not match
    assert_bad_link(client.post(url))
    assert all(active_of(followed).values())
