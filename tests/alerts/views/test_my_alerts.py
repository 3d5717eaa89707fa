"""My alerts: the cases followed, their choices, and the alert settings."""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from alerts import services
from alerts.models import AlertSettings, Subscription
from tests import factories
from tests.alerts.views.pages import CHOICES, messages_of, post_form, text_of
from tests.forms import form_data

pytestmark = pytest.mark.django_db


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
    # The ticked choices and the words (empty); no motion kind is ticked.
    assert {name.removeprefix(f"s{sub.pk}-") for name in data} - {"csrfmiddlewaretoken"} == {
        *CHOICES,
        "match_words",
    }
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
