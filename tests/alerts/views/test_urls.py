"""Login required on every alert address, and the addresses' names."""

from __future__ import annotations

import pytest
from django.urls import reverse

from alerts.models import AlertSettings, Subscription

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("method", "url", "lands_on"),
    [
        ("get", "/alerts/", "/alerts/"),
        ("post", "/alerts/settings/", "/alerts/"),
        ("post", "/alerts/subscriptions/1/", "/alerts/"),
        ("post", "/cases/some-case/follow/", "/cases/some-case/"),
        ("post", "/cases/some-case/unfollow/", "/cases/some-case/"),
    ],
)
def test_it_requires_login(client, method, url, lands_on):
    response = getattr(client, method)(url)
    assert response.status_code == 302
    # After signing in the reader lands on a page (a POST-only address would answer 405).
    assert response["Location"] == f"/accounts/login/?next={lands_on}"
    assert not Subscription.objects.exists() and not AlertSettings.objects.exists()


def test_the_url_names():
    assert reverse("my-alerts") == "/alerts/"
    assert reverse("alert-settings") == "/alerts/settings/"
    assert reverse("subscription-update", args=[7]) == "/alerts/subscriptions/7/"
    assert reverse("follow-case", args=["x"]) == "/cases/x/follow/"
    assert reverse("unfollow-case", args=["x"]) == "/cases/x/unfollow/"
    assert reverse("unsubscribe", args=["abc"]) == "/alerts/unsubscribe/abc/"
    assert reverse("follow-on", args=["abc"]) == "/alerts/follow-on/abc/"
