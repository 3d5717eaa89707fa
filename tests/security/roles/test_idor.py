"""One reader's alerts kept from another (IDOR)."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import User
from django.test import Client

from alerts import services as alert_services
from alerts.models import Subscription
from tests import factories
from tests.security.roles.expect import GET
from tests.security.roles.idor import ATTEMPTS, Alerts, alerts_of, her_marks
from tests.security.roles.walk import sign_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def bob(db) -> User:
    return User.objects.create_user("bob", "bob@example.org", "bobs own long passphrase")


@pytest.fixture
def alerts(alice: User, bob: User) -> Alerts:
    shared = factories.case(short_name="Thornley v. Clearview")
    hers = factories.case(short_name="Mutnick v. Clearview")
    his = factories.case(short_name="Hall v. Clearview")
    her_sub = alert_services.subscription_follow(user=alice, case=hers, docket_entries=True)
    her_shared_sub = alert_services.subscription_follow(user=alice, case=shared, rulings=False)
    his_sub = alert_services.subscription_follow(user=bob, case=shared)
    alert_services.subscription_follow(user=bob, case=his)
    her_settings = alert_services.alert_settings_update(
        user=alice,
        time_zone="Asia/Kolkata",
        delivery="digest",
        digest_hour=18,
        reminder_days="9, 23",
    )
    return Alerts(alice, bob, shared, hers, his, her_sub, her_shared_sub, his_sub, her_settings)


@pytest.mark.parametrize(
    ("attempt", "method", "url", "data", "status", "his_change"),
    ATTEMPTS,
    ids=[attempt for attempt, *_ in ATTEMPTS],
)
def test_bob_cannot_reach_alices_alerts(alerts, attempt, method, url, data, status, his_change):
    a = alerts
    hers_before, his_before = alerts_of(a.alice), alerts_of(a.bob)
    bob = sign_in(Client(), a.bob)
    response = bob.get(url(a)) if method == GET else bob.post(url(a), data(a))
    assert response.status_code == status, attempt
    if status == 302 and url(a).startswith("/admin/"):
        assert response["Location"].startswith("/admin/login/?next=")

    assert alerts_of(a.alice) == hers_before, "alice's alerts changed"
    if his_change is None:
        assert alerts_of(a.bob) == his_before, "bob's alerts changed"
    else:
        assert his_change(a), "bob's own alerts did not change as asked"
    # What bob saw, and his own page afterwards, show nothing of alice's.
    pages = [response, bob.get("/alerts/")]
    if response.status_code == 302 and not response["Location"].startswith("/admin/"):
        pages.append(bob.get(response["Location"]))
    for page in pages:
        text = page.content.decode()
        shown = [mark for mark in her_marks(a) if mark in text]
        assert not shown, f"{attempt}: bob's page {page.request['PATH_INFO']} shows {shown}"
        listed = {int(pk) for pk in re.findall(r'id="(?:subscription|unfollow)-(\d+)"', text)}
        assert listed <= set(Subscription.objects.filter(user=a.bob).values_list("pk", flat=True))


def test_alice_still_sees_and_changes_her_own(alerts, alice):
    """The attempts above fail for bob, not for everyone: alice's own page and forms work."""
    client = sign_in(Client(), alice)
    page = client.get("/alerts/").content.decode()
    assert f'id="subscription-{alerts.her_sub.pk}"' in page and alerts.hers.short_name in page
    assert [mark for mark in her_marks(alerts) if mark not in page] == []  # the marks are real
    assert "Hall v. Clearview" not in page and "bob@example.org" not in page
    response = client.post(
        f"/alerts/subscriptions/{alerts.her_sub.pk}/", {f"s{alerts.her_sub.pk}-motions": "on"}
    )
    assert response.status_code == 302
    changed = Subscription.objects.get(pk=alerts.her_sub.pk)
    assert (changed.motions, changed.docket_entries, changed.rulings) == (True, False, False)
