"""The API's fixtures: the personas with tokens, JSON helpers, a throttle that starts afresh."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from rest_framework.authtoken.models import Token

from api import services
from api.throttling import CACHE


@pytest.fixture(autouse=True)
def throttle_forgotten(settings) -> None:
    """Each test starts, and leaves, with no request counted against any rate, and rates that a
    test walking every list does not reach (tests/api/test_throttling.py sets its own)."""
    settings.API_ANON_RATE = settings.API_USER_RATE = "100000/minute"
    CACHE.clear()
    yield
    CACHE.clear()


@pytest.fixture
def bob(db) -> User:
    """A reader: signed in, not staff."""
    return User.objects.create_user("bob", "bob@example.org", "correct horse battery")


@pytest.fixture
def carol(db) -> User:
    """Another reader, whose subscriptions are none of bob's business."""
    return User.objects.create_user("carol", "carol@example.org", "correct horse battery")


def token_of(user: User) -> Token:
    return services.token_replace(user=user)


def token_client(user: User) -> Client:
    """A client that sends ``user``'s token with every request (no session)."""
    return Client(HTTP_AUTHORIZATION=f"Token {token_of(user).key}")


def get_json(client: Client, url: str, status: int = 200, **extra: Any) -> Any:
    response = client.get(url, **extra)
    assert response.status_code == status, (url, response.status_code, response.content[:500])
    assert response["Content-Type"] == "application/json", response["Content-Type"]
    return response.json()


def walk(client: Client, url: str) -> list[dict[str, Any]]:
    """Every row of a list, following ``next`` from the first page to the last."""
    rows: list[dict[str, Any]] = []
    pages = 0
    while url:
        page = get_json(client, url)
        rows += page["results"]
        url = page["next"]
        pages += 1
        assert pages < 1000, "the pages never end"
    return rows
