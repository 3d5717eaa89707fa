"""Sign-in: throttled and logged (django-axes), strong passwords, resets that reveal nothing."""

from __future__ import annotations

import logging

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth.models import User
from django.core import mail
from django.db.models import Sum
from django.test import Client

from tests.alerts.views.pages import post_form, text_of

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery"  # alice's, tests/conftest.py


def sign_in(client: Client, password: str, *, username: str = "alice", path: str = "/accounts/"):
    """Post the sign-in form as a browser does: the page first, then its form."""
    login = f"{path}login/"
    page = client.get(login)
    form = "login-form"
    return post_form(client, page, form, username=username, password=password)


def test_thirty_bad_passwords_lock_the_account_out_with_a_message_and_a_log_line(
    alice: User, caplog: pytest.LogCaptureFixture
) -> None:
    limit = settings.AXES_FAILURE_LIMIT
    assert limit <= 30
    statuses = []
    with caplog.at_level(logging.WARNING, logger="axes"):
        for attempt in range(30):
            # Each from another address: the lock is on the account, not on one client.
            client = Client(REMOTE_ADDR=f"198.51.100.{attempt + 1}")
            statuses.append(sign_in(client, f"wrong guess {attempt}").status_code)

    # The form says "wrong password" until the limit, then every attempt meets the lock.
    assert statuses[: limit - 1] == [200] * (limit - 1)
    assert statuses[limit - 1 :] == [429] * (30 - limit + 1)
    locked = sign_in(Client(REMOTE_ADDR="203.0.113.9"), PASSWORD)
    assert locked.status_code == 429, "the right password does not open a locked account"
    message = text_of(locked)
    assert "Sign-in locked" in message
    assert f"Too many failed sign-ins ({limit}) for this account" in message
    assert "locked for 60 minutes" in message
    assert "_auth_user_id" not in locked.client.session

    locks = [r for r in caplog.records if "Locking out" in r.getMessage()]
    assert locks, [r.getMessage() for r in caplog.records]
    assert "alice" in locks[0].getMessage()
    attempts = AccessAttempt.objects.filter(username="alice")
    failures = attempts.aggregate(n=Sum("failures_since_start"))
    assert failures["n"] == 31  # every attempt is recorded, the locked-out ones too


def test_the_admin_sign_in_is_throttled_too(alice: User) -> None:
    limit = settings.AXES_FAILURE_LIMIT
    client = Client()
    for attempt in range(limit):
        response = client.post(
            "/admin/login/?next=/admin/",
            {"username": "alice", "password": f"guess {attempt}", "next": "/admin/"},
        )
    assert response.status_code == 429
    assert "Sign-in locked" in text_of(response)
    assert client.get("/admin/").status_code == 302  # not signed in


def test_one_address_trying_many_accounts_is_locked_out(alice: User) -> None:
    limit = settings.AXES_FAILURE_LIMIT
    client = Client(REMOTE_ADDR="192.0.2.77")
    statuses = [sign_in(client, "x", username=f"user{n}").status_code for n in range(limit)]
    assert statuses[-1] == 429
    # The same address cannot sign in to a real account now; another address can.
    assert sign_in(client, PASSWORD).status_code == 429
    response = sign_in(Client(REMOTE_ADDR="192.0.2.78"), PASSWORD)
    assert response.status_code == 302 and response["Location"] == "/alerts/"


def test_a_good_sign_in_resets_the_count(alice: User) -> None:
    limit = settings.AXES_FAILURE_LIMIT
    client = Client()
    for _ in range(limit - 1):
        assert sign_in(client, "nope").status_code == 200
    assert sign_in(client, PASSWORD).status_code == 302
    client.post("/accounts/logout/")
    for _ in range(limit - 1):
        assert sign_in(client, "nope").status_code == 200  # counted from zero again


def test_behind_the_proxy_the_client_is_the_address_the_proxy_appended(settings) -> None:
    from django.test import RequestFactory

    from tracker.security import client_ip

    request = RequestFactory().get(
        "/", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR="6.6.6.6, 198.51.100.4"
    )
    settings.SECURE_PROXY_SSL_HEADER = None
    assert client_ip(request) == "10.0.0.2"  # no proxy: the header is the client's own word
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    assert client_ip(request) == "198.51.100.4"  # not the first entry, which the client wrote


@pytest.mark.parametrize(
    ("password", "complaint"),
    [
        ("short", "This password is too short."),
        ("password123", "This password is too common."),
        ("84736251900", "This password is entirely numeric."),
        ("alice@example.org", "The password is too similar to the"),
    ],
)
def test_weak_passwords_are_refused_when_setting_one(
    alice: User, password: str, complaint: str
) -> None:
    client = Client()
    client.force_login(alice)
    page = client.get("/admin/password_change/")
    assert page.status_code == 200
    response = client.post(
        "/admin/password_change/",
        {"old_password": PASSWORD, "new_password1": password, "new_password2": password},
    )
    assert response.status_code == 200
    assert complaint in text_of(response)
    alice.refresh_from_db()
    assert alice.check_password(PASSWORD)


def test_password_reset_answers_the_same_for_known_and_unknown_addresses(alice: User) -> None:
    answers = []
    for address in ("alice@example.org", "nobody@example.org"):
        client = Client()
        response = client.post("/accounts/password_reset/", {"email": address}, follow=True)
        answers.append((response.status_code, response.redirect_chain, text_of(response)))
    assert answers[0] == answers[1]
    assert [m.to for m in mail.outbox] == [["alice@example.org"]]


def test_sessions_expire_after_the_documented_days(client: Client, alice: User) -> None:
    assert settings.SESSION_COOKIE_AGE == 14 * 24 * 3600
    response = sign_in(client, PASSWORD)
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert int(cookie["max-age"]) == 14 * 24 * 3600
    assert cookie["httponly"]
