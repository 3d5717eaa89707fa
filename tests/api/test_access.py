"""Who may read: anyone while API_PUBLIC is true; with it false, a token or a session."""

from __future__ import annotations

import pytest
from django.test import Client

from tests.api.conftest import token_client

pytestmark = pytest.mark.django_db

READS = [
    "/api/v1/courts/",
    "/api/v1/courts/ilnd/",
    "/api/v1/judges/",
    "/api/v1/cases/",
    "/api/v1/cases/thornley-v-clearview-ca7/",
    "/api/v1/cases/thornley-v-clearview-ca7/docket-entries/",
    "/api/v1/cases/thornley-v-clearview-ca7/links/",
    "/api/v1/parties/",
    "/api/v1/parties/clearview-ai-inc/",
    "/api/v1/schema/",
]


@pytest.mark.parametrize("url", READS)
def test_anyone_reads_a_public_site(client, seeded, url):
    assert client.get(url).status_code == 200


@pytest.mark.parametrize("url", READS)
def test_a_private_site_asks_for_credentials(client, seeded, settings, bob, url):
    settings.API_PUBLIC = False
    answer = client.get(url)
    assert answer.status_code == 401
    assert answer["WWW-Authenticate"] == "Token"
    assert b"Authentication credentials were not provided." in answer.content
    assert token_client(bob).get(url).status_code == 200
    client.force_login(bob)
    assert client.get(url).status_code == 200


def test_a_token_that_is_not_valid_is_refused_even_on_a_public_site(client, seeded):
    for header in ("Token nope", "Token", "Token a b"):
        answer = client.get("/api/v1/courts/", HTTP_AUTHORIZATION=header)
        assert answer.status_code == 401, header
        assert answer.json()["detail"]


def test_a_replaced_token_stops_working(seeded, bob):
    old = token_client(bob)
    assert old.get("/api/v1/subscriptions/").status_code == 200
    new = token_client(bob)
    assert old.get("/api/v1/subscriptions/").status_code == 401
    assert new.get("/api/v1/subscriptions/").status_code == 200


def test_an_inactive_users_token_is_refused(seeded, bob):
    api = token_client(bob)
    bob.is_active = False
    bob.save()
    assert api.get("/api/v1/courts/").status_code == 401


def test_the_docs_pages_open_for_anyone(client, db, settings):
    settings.API_PUBLIC = False
    for url in ("/api/v1/docs/", "/api/v1/redoc/"):
        answer = client.get(url)
        assert answer.status_code == 200 and answer["Content-Type"].startswith("text/html")
    assert Client().get("/api/v1/schema/").status_code == 401
