"""bob, a reader; alice signed in; and the cases they follow."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client

from alerts import services
from alerts.models import Subscription
from tests import factories


@pytest.fixture
def bob(db) -> User:
    return User.objects.create_user("bob", "bob@example.org", "bobs own long passphrase")


@pytest.fixture
def alice_client(alice: User) -> Client:
    client = Client()
    client.force_login(alice)
    return client


@pytest.fixture
def followed(alice: User, bob: User) -> dict[str, Subscription]:
    """alice follows two cases, bob one of the same."""
    one = factories.case(short_name="Thornley v. Clearview")
    two = factories.case(short_name="Mutnick v. Clearview")
    return {
        "one": services.subscription_follow(user=alice, case=one),
        "two": services.subscription_follow(user=alice, case=two),
        "bobs": services.subscription_follow(user=bob, case=one),
    }
