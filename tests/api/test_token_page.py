"""The token page: signed in only; GET shows whether you have a token and changes nothing; a
POST with the CSRF token makes, replaces or revokes it, and a new key is shown that once."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from rest_framework.authtoken.models import Token

pytestmark = pytest.mark.django_db

URL = "/api/v1/token/"
KEY = re.compile(r'<p id="new-token">Your new token: <code>([0-9a-f]{40})</code>')


def csrf_client(user) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    return client


def csrf_token(client: Client) -> str:
    page = client.get(URL)
    assert page.status_code == 200
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.content.decode())[1]


def test_it_requires_signing_in(client, db):
    for answer in (client.get(URL), client.post(URL, {"action": "create"})):
        assert answer.status_code == 302
        assert answer["Location"] == f"/accounts/login/?next={URL}"
    assert not Token.objects.exists()


def test_get_says_there_is_no_token_and_makes_none(client, bob):
    client.force_login(bob)
    page = client.get(URL)
    assert page.status_code == 200 and b"You have no token." in page.content
    assert b"Make a token" in page.content and b"Revoke" not in page.content
    assert "no-store" in page["Cache-Control"]
    assert not Token.objects.exists()


def test_a_post_makes_a_token_shown_once(bob):
    client = csrf_client(bob)
    made = client.post(URL, {"action": "create", "csrfmiddlewaretoken": csrf_token(client)})
    assert made.status_code == 200
    assert "no-store" in made["Cache-Control"]
    key = KEY.search(made.content.decode())[1]
    assert Token.objects.get(user=bob).key == key
    later = client.get(URL).content.decode()
    assert key not in later and "You have a token, made" in later
    assert (
        Client(HTTP_AUTHORIZATION=f"Token {key}").get("/api/v1/subscriptions/").status_code == 200
    )


def test_replacing_the_token_ends_the_old_one(bob):
    client = csrf_client(bob)
    first = KEY.search(
        client.post(
            URL, {"action": "create", "csrfmiddlewaretoken": csrf_token(client)}
        ).content.decode()
    )[1]
    second = KEY.search(
        client.post(
            URL, {"action": "create", "csrfmiddlewaretoken": csrf_token(client)}
        ).content.decode()
    )[1]
    assert first != second
    assert list(Token.objects.filter(user=bob).values_list("key", flat=True)) == [second]
    assert Client(HTTP_AUTHORIZATION=f"Token {first}").get("/api/v1/courts/").status_code == 401


def test_revoking_the_token(bob):
    client = csrf_client(bob)
    client.post(URL, {"action": "create", "csrfmiddlewaretoken": csrf_token(client)})
    answer = client.post(URL, {"action": "revoke", "csrfmiddlewaretoken": csrf_token(client)})
    assert answer.status_code == 200 and b"You have no token." in answer.content
    assert not Token.objects.filter(user=bob).exists()
    again = client.post(URL, {"action": "revoke", "csrfmiddlewaretoken": csrf_token(client)})
    assert b"You had no token to revoke." in again.content


def test_a_post_without_the_csrf_token_is_refused(bob):
    client = csrf_client(bob)
    assert client.post(URL, {"action": "create"}).status_code == 403
    assert not Token.objects.exists()


def test_a_post_that_chooses_nothing_is_a_400(client, bob):
    client.force_login(bob)
    for data in ({}, {"action": "steal"}):
        answer = client.post(URL, data)
        assert answer.status_code == 400
        assert b"Choose to make a new token or to revoke yours." in answer.content
    assert not Token.objects.exists()


def test_each_user_sees_only_their_own(bob, carol, alice):
    mine = csrf_client(bob)
    mine.post(URL, {"action": "create", "csrfmiddlewaretoken": csrf_token(mine)})
    for other in (carol, alice):
        theirs = Client()
        theirs.force_login(other)
        assert b"You have no token." in theirs.get(URL).content
