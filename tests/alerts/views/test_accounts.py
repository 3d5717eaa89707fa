"""Accounts: signing in and out, and resetting a password by e-mail."""

from __future__ import annotations

import re

import pytest
from django.core import mail

from tests import factories
from tests.alerts.views.pages import post_form, text_of

pytestmark = pytest.mark.django_db


def test_the_login_page_signs_in_and_out(client, alice):
    page = client.get("/accounts/login/")
    assert page.status_code == 200
    assert '<label for="id_username">' in page.content.decode()
    wrong = post_form(client, page, "login-form", username="alice", password="wrong")
    assert wrong.status_code == 200
    assert "Please enter a correct username and password" in text_of(wrong)
    response = post_form(
        client, page, "login-form", username="alice", password="correct horse battery"
    )
    assert response.status_code == 302 and response["Location"] == "/alerts/"
    home = client.get("/")
    assert "My alerts" in text_of(home) and "Sign out" in text_of(home)
    assert client.get("/accounts/logout/").status_code == 405
    response = post_form(client, home, "sign-out")
    assert response.status_code == 302 and response["Location"] == "/"
    assert "Sign in" in text_of(client.get("/"))


def test_sign_in_from_a_case_page_comes_back_to_it(client, alice):
    case = factories.case()
    page = client.get(f"/accounts/login/?next={case.get_absolute_url()}")
    response = post_form(
        client, page, "login-form", username="alice", password="correct horse battery"
    )
    assert response["Location"] == case.get_absolute_url()


def test_password_reset_by_email(client, alice):
    page = client.get("/accounts/password_reset/")
    assert page.status_code == 200
    response = post_form(client, page, "password-reset-form", email="alice@example.org")
    assert response.status_code == 302
    assert "Check your e-mail" in text_of(client.get(response["Location"]))
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["alice@example.org"]
    assert message.subject == "Reset your Docket tracker password"
    link = re.search(r"http://testserver(/accounts/reset/\S+/)", message.body)
    assert link, message.body

    response = client.get(link.group(1))  # the token moves into the session
    assert response.status_code == 302
    page = client.get(response["Location"])
    assert page.status_code == 200 and "Choose a new password" in text_of(page)
    mismatch = post_form(
        client, page, "set-password-form", new_password1="one long phrase", new_password2="other"
    )
    assert mismatch.status_code == 200
    assert "The two password fields didn’t match." in text_of(mismatch)
    response = post_form(
        client,
        page,
        "set-password-form",
        new_password1="a brand new passphrase",
        new_password2="a brand new passphrase",
    )
    assert response.status_code == 302
    assert "Your new password is set." in text_of(client.get(response["Location"]))
    alice.refresh_from_db()
    assert alice.check_password("a brand new passphrase")
    # The link works once.
    assert "This link does not work" in text_of(client.get(link.group(1), follow=True))


def test_password_reset_for_an_unknown_address_sends_nothing(client, alice):
    response = client.post("/accounts/password_reset/", {"email": "nobody@example.org"})
    assert response.status_code == 302  # the same answer, so addresses cannot be probed
    assert mail.outbox == []
