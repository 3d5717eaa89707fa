"""Rates: anonymous clients per address (API_ANON_RATE), users per token or session
(API_USER_RATE); past the rate, 429 with Retry-After."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.api.conftest import get_json, token_client

pytestmark = pytest.mark.django_db


def test_an_anonymous_client_past_its_rate_waits(client, seeded, settings):
    settings.API_ANON_RATE = "3/minute"
    for _ in range(3):
        get_json(client, "/api/v1/courts/")
    answer = client.get("/api/v1/courts/")
    assert answer.status_code == 429
    assert 50 <= int(answer["Retry-After"]) <= 60
    assert answer.json()["detail"].startswith("Request was throttled.")
    # Another address has a rate of its own.
    get_json(Client(REMOTE_ADDR="192.0.2.7"), "/api/v1/courts/")


def test_the_rate_counts_every_read_of_the_api(client, seeded, settings):
    settings.API_ANON_RATE = "2/hour"
    get_json(client, "/api/v1/courts/")
    get_json(client, "/api/v1/cases/thornley-v-clearview-ca7/")
    assert client.get("/api/v1/parties/").status_code == 429
    assert 3500 <= int(client.get("/api/v1/parties/")["Retry-After"]) <= 3600


def test_a_made_up_forwarded_address_does_not_reset_the_count(client, seeded, settings):
    settings.API_ANON_RATE = "2/minute"
    for fake in ("198.51.100.1", "198.51.100.2"):
        get_json(client, "/api/v1/courts/", HTTP_X_FORWARDED_FOR=fake)
    answer = client.get("/api/v1/courts/", HTTP_X_FORWARDED_FOR="198.51.100.3")
    assert answer.status_code == 429


def test_behind_the_proxy_each_client_address_counts_apart(client, seeded, settings):
    settings.API_ANON_RATE = "1/minute"
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    # The proxy appends the address it saw; what the client put before it proves nothing.
    get_json(client, "/api/v1/courts/", HTTP_X_FORWARDED_FOR="203.0.113.9, 198.51.100.1")
    again = client.get("/api/v1/courts/", HTTP_X_FORWARDED_FOR="203.0.113.8, 198.51.100.1")
    assert again.status_code == 429
    get_json(client, "/api/v1/courts/", HTTP_X_FORWARDED_FOR="198.51.100.2")


def test_a_token_has_its_own_rate(seeded, settings, bob, carol):
    settings.API_ANON_RATE = "1/minute"
    settings.API_USER_RATE = "3/minute"
    bobs = token_client(bob)
    for _ in range(3):  # above the anonymous rate: the user's counts
        get_json(bobs, "/api/v1/subscriptions/")
    answer = bobs.get("/api/v1/cases/")
    assert answer.status_code == 429 and int(answer["Retry-After"]) > 0
    get_json(token_client(carol), "/api/v1/cases/")  # carol, from the same address


def test_a_session_counts_as_its_user(client, seeded, settings, bob):
    settings.API_USER_RATE = "1/minute"
    client.force_login(bob)
    get_json(client, "/api/v1/courts/")
    assert client.get("/api/v1/courts/").status_code == 429
