"""Following cases, choosing alerts, unsubscribing from mail, and the account pages, as a reader.

alice is an editor (fixture); bob is a reader who follows cases of his own.
"""

from __future__ import annotations

import html
import re

import pytest
from django.contrib.auth.models import User
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from alerts import services
from alerts.emails import unsubscribe_token
from alerts.models import AlertSettings, Subscription
from tests import factories
from tests.forms import form_data

pytestmark = pytest.mark.django_db

CHOICES = ["deadline_reminders", "status_changes", "rulings", "motions", "docket_entries"]


@pytest.fixture
def bob(db) -> User:
    return User.objects.create_user("bob", "bob@example.org", "bobs own long passphrase")


@pytest.fixture
def alice_client(alice: User) -> Client:
    client = Client()
    client.force_login(alice)
    return client


def text_of(response) -> str:
    """The page as a reader sees it: tags dropped, entities decoded, spaces collapsed."""
    body = re.sub(r"<[^>]+>", " ", response.content.decode())
    return re.sub(r"\s+", " ", html.unescape(body))


def post_form(client: Client, response, form_id: str, **changes):
    """Submit the rendered form ``form_id`` to its action, with some fields changed.

    A change of None drops the field, as unticking a checkbox does.
    """
    page = response.content.decode()
    tag = re.search(rf'<form[^>]*\bid="{re.escape(form_id)}"[^>]*>', page)
    assert tag, f"no form {form_id!r} on the page"
    action = re.search(r'\baction="([^"]*)"', tag.group(0))
    data = form_data(response, form_id)
    for name, value in changes.items():
        if value is None:
            data.pop(name, None)
        else:
            data[name] = value
    return client.post(
        html.unescape(action.group(1)) if action else response.request["PATH_INFO"], data
    )


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]


# --- Login required ------------------------------------------------------------------------------


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


# --- Following from the case page ----------------------------------------------------------------


def test_follow_then_unfollow_through_the_case_page(alice_client, alice):
    case = factories.case(short_name="Renderos v. Clearview AI")
    page = alice_client.get(case.get_absolute_url())
    assert page.context["following"] is False
    assert "Follow this case" in text_of(page)

    response = post_form(alice_client, page, "follow-form")
    assert response.status_code == 302 and response["Location"] == case.get_absolute_url()
    subscription = Subscription.objects.get(user=alice, case=case)
    assert subscription.active
    assert [getattr(subscription, name) for name in CHOICES] == [True, True, True, True, False]
    assert AlertSettings.objects.filter(user=alice).exists()

    page = alice_client.get(case.get_absolute_url())
    assert "You now follow Renderos v. Clearview AI." in messages_of(page)
    assert page.context["following"] is True
    assert 'id="follow-form"' not in page.content.decode()

    response = post_form(alice_client, page, "unfollow-form")
    assert response["Location"] == case.get_absolute_url()
    subscription.refresh_from_db()
    assert not subscription.active
    page = alice_client.get(case.get_absolute_url())
    assert "You no longer follow Renderos v. Clearview AI." in messages_of(page)
    assert 'id="follow-form"' in page.content.decode()

    # Following again restores the same row, with the choices it had.
    post_form(alice_client, page, "follow-form")
    assert Subscription.objects.get(user=alice, case=case).active
    assert Subscription.objects.filter(user=alice).count() == 1


def test_anonymous_readers_are_asked_to_sign_in(client):
    case = factories.case()
    response = client.get(case.get_absolute_url())
    assert "Sign in to follow this case" in text_of(response)
    assert f'href="/accounts/login/?next={case.get_absolute_url()}"' in response.content.decode()
    assert 'id="follow-form"' not in response.content.decode()


def test_follow_and_unfollow_answer_post_only_and_404_for_unknown_cases(alice_client):
    case = factories.case()
    assert alice_client.get(reverse("follow-case", args=[case.slug])).status_code == 405
    assert alice_client.get(reverse("unfollow-case", args=[case.slug])).status_code == 405
    assert alice_client.post(reverse("follow-case", args=["no-such-case"])).status_code == 404
    assert alice_client.post(reverse("unfollow-case", args=["no-such-case"])).status_code == 404
    assert not Subscription.objects.exists()


def test_unfollowing_a_case_one_does_not_follow_says_so(alice_client):
    case = factories.case()
    response = alice_client.post(reverse("unfollow-case", args=[case.slug]), follow=True)
    assert f"You were not following {case.short_name}." in messages_of(response)


def test_the_case_page_costs_one_more_query_when_signed_in(
    client, alice_client, django_assert_max_num_queries
):
    case = factories.case()
    # Anonymous: the case page's 13 queries at most (tests/cases/test_pages.py), unchanged.
    with django_assert_max_num_queries(13), CaptureQueriesContext(connection) as anonymous:
        assert client.get(case.get_absolute_url()).status_code == 200
    # Signed in: the session and the user, as on every page, and whether they follow the case.
    with CaptureQueriesContext(connection) as signed_in:
        assert alice_client.get(case.get_absolute_url()).status_code == 200
    assert len(signed_in) == len(anonymous) + 3
    assert sum("alerts_subscription" in q["sql"] for q in signed_in.captured_queries) == 1


# --- My alerts -----------------------------------------------------------------------------------


def test_my_alerts_lists_the_cases_followed_with_their_choices(alice_client, alice, bob):
    followed = factories.case(short_name="Thornley v. Clearview")
    stopped = factories.case(short_name="Mutnick v. Clearview")
    bobs = factories.case(short_name="Hall v. Clearview")
    services.subscription_follow(user=alice, case=followed, docket_entries=True)
    services.subscription_unfollow(
        subscription=services.subscription_follow(user=alice, case=stopped)
    )
    services.subscription_follow(user=bob, case=bobs)
    response = alice_client.get("/alerts/")
    assert response.status_code == 200
    text = text_of(response)
    assert "Thornley v. Clearview" in text
    assert "Mutnick v. Clearview" not in text and "Hall v. Clearview" not in text
    sub = Subscription.objects.get(user=alice, case=followed)
    data = form_data(response, f"subscription-{sub.pk}")
    assert {name.removeprefix(f"s{sub.pk}-") for name in data} - {"csrfmiddlewaretoken"} == set(
        CHOICES
    )
    assert "Alerts are sent to alice@example.org" in text
    assert response.content.decode().count("<h1") == 1


def test_my_alerts_says_when_there_is_nothing_to_show(alice_client):
    response = alice_client.get("/alerts/")
    assert "You do not follow any case yet" in text_of(response)
    # Showing the page writes nothing: the settings shown are the defaults.
    assert not AlertSettings.objects.exists()


def test_updating_the_choices_of_a_subscription(alice_client, alice):
    one, other = factories.case(), factories.case()
    sub = services.subscription_follow(user=alice, case=one)
    untouched = services.subscription_follow(user=alice, case=other)
    page = alice_client.get("/alerts/")
    response = post_form(
        alice_client,
        page,
        f"subscription-{sub.pk}",
        **{f"s{sub.pk}-rulings": None, f"s{sub.pk}-docket_entries": "on"},
    )
    assert response.status_code == 302 and response["Location"] == "/alerts/"
    sub.refresh_from_db()
    assert (sub.rulings, sub.docket_entries, sub.motions, sub.active) == (False, True, True, True)
    untouched.refresh_from_db()
    assert (untouched.rulings, untouched.docket_entries) == (True, False)
    page = alice_client.get("/alerts/")
    assert f"Saved your alerts for {one.short_name}." in messages_of(page)
    assert form_data(page, f"subscription-{sub.pk}").get(f"s{sub.pk}-docket_entries") == "on"


def test_unfollow_from_my_alerts_comes_back_to_my_alerts(alice_client, alice):
    case = factories.case()
    sub = services.subscription_follow(user=alice, case=case)
    response = post_form(alice_client, alice_client.get("/alerts/"), f"unfollow-{sub.pk}")
    assert response["Location"] == "/alerts/"
    sub.refresh_from_db()
    assert not sub.active


def test_unfollow_does_not_send_readers_to_other_sites(alice_client, alice):
    case = factories.case()
    services.subscription_follow(user=alice, case=case)
    response = alice_client.post(
        reverse("unfollow-case", args=[case.slug]), {"next": "https://evil.example/"}
    )
    assert response["Location"] == case.get_absolute_url()


def test_updating_the_alert_settings(alice_client, alice):
    page = alice_client.get("/alerts/")
    response = post_form(
        alice_client,
        page,
        "alert-settings",
        time_zone="Europe/Paris",
        delivery="digest",
        digest_hour="18",
        reminder_days="1, 14,3",
    )
    assert response.status_code == 302 and response["Location"] == "/alerts/"
    saved = AlertSettings.objects.get(user=alice)
    assert (saved.time_zone, saved.delivery, saved.digest_hour) == ("Europe/Paris", "digest", 18)
    assert saved.lead_days == [14, 3, 1]
    page = alice_client.get("/alerts/")
    assert "Saved your alert settings." in messages_of(page)
    shown = form_data(page, "alert-settings")
    assert (shown["time_zone"], shown["delivery"], shown["digest_hour"]) == (
        "Europe/Paris",
        "digest",
        "18",
    )


def test_settings_keep_what_the_mail_worker_recorded(alice_client, alice):
    refused = timezone.now()
    AlertSettings.objects.create(
        user=alice, email_rejected_at=refused, email_rejected_reason="550 5.1.1 <b>no</b> user"
    )
    page = alice_client.get("/alerts/")
    text = text_of(page)
    assert "The mail server refused your address alice@example.org" in text
    assert "550 5.1.1 <b>no</b> user" in text  # shown as text, not markup
    assert "<b>no</b>" not in page.content.decode()
    post_form(alice_client, page, "alert-settings", digest_hour="9")
    saved = AlertSettings.objects.get(user=alice)
    assert saved.digest_hour == 9 and saved.email_rejected_at == refused


def test_my_alerts_warns_when_there_is_no_address(alice_client, alice):
    alice.email = ""
    alice.save()
    text = text_of(alice_client.get("/alerts/"))
    assert "Your account has no e-mail address, so no alerts can be sent to you" in text


@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        ("reminder_days", "soon", "Give days before the deadline as whole numbers from 0 to 60"),
        ("reminder_days", "7, 90", "Give days before the deadline as whole numbers from 0 to 60"),
        ("digest_hour", "25", "Select a valid choice. 25 is not one of the available choices."),
        ("time_zone", "Mars/Base", "Select a valid choice. Mars/Base is not one of the"),
    ],
)
@pytest.mark.parametrize("saved_before", [False, True])
def test_invalid_settings_are_shown_and_change_nothing(
    alice_client, alice, field, value, error, saved_before
):
    if saved_before:
        AlertSettings.objects.create(user=alice, time_zone="Europe/London", digest_hour=6)
    page = alice_client.get("/alerts/")
    response = post_form(
        alice_client,
        page,
        "alert-settings",
        **{"delivery": "digest", "reminder_days": "3", field: value},
    )
    assert response.status_code == 200
    text = text_of(response)
    assert "Your settings were not saved: please correct the errors below." in text
    assert error in text
    assert text.count("Your settings were not saved") == 1
    # The error sits under its field, which names it for screen readers.
    page = response.content.decode()
    assert f'id="id_{field}_error"' in page
    assert re.search(rf'<(select|input)[^>]*aria-describedby="[^"]*id_{field}_error"', page)
    assert form_data(response, "alert-settings")["delivery"] == "digest"  # the input is kept
    if saved_before:
        kept = AlertSettings.objects.get(user=alice)
        assert (kept.time_zone, kept.digest_hour, kept.delivery, kept.reminder_days) == (
            "Europe/London",
            6,
            "immediate",
            "7, 1",
        )
    else:
        assert not AlertSettings.objects.exists()


def test_bob_cannot_change_alices_subscription(alice, bob):
    case = factories.case()
    sub = services.subscription_follow(user=alice, case=case)
    client = Client()
    client.force_login(bob)
    url = reverse("subscription-update", args=[sub.pk])
    response = client.post(url, {f"s{sub.pk}-docket_entries": "on"})
    assert response.status_code == 404
    sub.refresh_from_db()
    assert (sub.rulings, sub.docket_entries, sub.active) == (True, False, True)
    assert client.post(reverse("subscription-update", args=[999999])).status_code == 404
    # Bob's "unfollow" of the same case is about his own (missing) subscription only.
    client.post(reverse("unfollow-case", args=[case.slug]))
    sub.refresh_from_db()
    assert sub.active
    assert f"subscription-{sub.pk}" not in client.get("/alerts/").content.decode()


def test_text_from_the_docket_is_escaped(alice_client, alice):
    case = factories.case(short_name="<script>alert(1)</script> v. Co")
    services.subscription_follow(user=alice, case=case)
    page = alice_client.get("/alerts/").content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; v. Co" in page


@pytest.mark.parametrize("count", [1, 20])
def test_my_alerts_costs_a_fixed_number_of_queries(
    alice_client, alice, django_assert_max_num_queries, count
):
    court = factories.court()
    for _ in range(count):
        services.subscription_follow(user=alice, case=factories.case(court_=court))
    # Session, user, alert settings, subscriptions with their cases and courts.
    with django_assert_max_num_queries(4):
        response = alice_client.get("/alerts/")
    assert len(response.context["subscription_forms"]) == count


# --- Unsubscribe links ---------------------------------------------------------------------------


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


# --- Accounts ------------------------------------------------------------------------------------


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
