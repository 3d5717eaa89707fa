"""Alerts in the admin: administrators manage subscriptions and read the delivery record."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group

from alerts import services
from alerts.models import AlertSettings, Notification, Subscription
from cases.roles import EDITORS_GROUP
from tests import factories
from tests.forms import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def failed(alice) -> Notification:
    case = factories.case(short_name="Thornley v. Clearview")
    services.subscription_follow(user=alice, case=case)
    return Notification.objects.create(
        user=alice,
        kind="event",
        delivery="immediate",
        case=case,
        status="failed",
        attempts=3,
        subject="Ruling in Thornley v. Clearview",
        last_error="550 5.1.1 mailbox unavailable",
    )


def test_it_requires_login(client):
    response = client.get("/admin/alerts/subscription/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_editors_have_no_alerts_permissions(editor_client):
    group = Group.objects.get(name=EDITORS_GROUP)
    assert not group.permissions.filter(content_type__app_label="alerts").exists()
    for model in ["alertsettings", "subscription", "notification"]:
        assert editor_client.get(f"/admin/alerts/{model}/").status_code == 403


@pytest.mark.parametrize(
    "url",
    [
        "/admin/alerts/alertsettings/",
        "/admin/alerts/alertsettings/?q=alice&delivery=immediate",
        "/admin/alerts/subscription/",
        "/admin/alerts/subscription/?q=thornley&active__exact=1&rulings__exact=1",
        "/admin/alerts/notification/",
        "/admin/alerts/notification/?q=mailbox&status__exact=failed&kind__exact=event",
    ],
)
def test_changelists_use_a_fixed_number_of_queries(
    admin_client, failed, django_assert_max_num_queries, url
):
    # Session, user, the count (two when filtered), the page with its users and cases, and the
    # date hierarchy's years; a superuser needs no permission queries.
    with django_assert_max_num_queries(7):
        response = admin_client.get(url)
    assert response.status_code == 200
    assert response.context["cl"].result_count == 1


def test_the_delivery_record_shows_status_and_error_and_cannot_be_edited(admin_client, failed):
    text = admin_client.get("/admin/alerts/notification/").content.decode()
    assert "550 5.1.1 mailbox unavailable" in text and "Failed" in text
    page = admin_client.get(f"/admin/alerts/notification/{failed.pk}/change/")
    assert page.status_code == 200
    assert 'name="_save"' not in page.content.decode()
    assert admin_client.get("/admin/alerts/notification/add/").status_code == 403


def test_admins_add_and_change_subscriptions_through_the_services(admin_client, alice):
    case = factories.case(short_name="Mutnick v. Clearview")
    response = admin_client.post(
        "/admin/alerts/subscription/add/",
        {"user": alice.pk, "case": case.pk, "rulings": "on", "active": "on", "_save": "Save"},
    )
    assert response.status_code == 302, response.content.decode()
    sub = Subscription.objects.get(user=alice, case=case)
    assert (sub.rulings, sub.motions, sub.docket_entries, sub.active) == (True, False, False, True)
    assert AlertSettings.objects.filter(user=alice).exists()  # written by subscription_follow

    url = f"/admin/alerts/subscription/{sub.pk}/change/"
    data = form_data(admin_client.get(url), "subscription_form")
    data.pop("rulings")
    data |= {"docket_entries": "on", "_save": "Save"}
    assert admin_client.post(url, data).status_code == 302
    sub.refresh_from_db()
    assert (sub.rulings, sub.docket_entries, sub.user, sub.case) == (False, True, alice, case)

    again = admin_client.post(
        "/admin/alerts/subscription/add/",
        {"user": alice.pk, "case": case.pk, "active": "on", "_save": "Save"},
    )
    assert "This person already follows this case." in again.content.decode()


def test_case_and_user_are_chosen_by_search(admin_client, alice):
    factories.case(short_name="Thornley v. Clearview")
    response = admin_client.get(
        "/admin/autocomplete/",
        {
            "app_label": "alerts",
            "model_name": "subscription",
            "field_name": "case",
            "term": "thorn",
        },
    )
    assert response.status_code == 200
    assert [r["text"] for r in response.json()["results"]][0].startswith("Thornley v. Clearview")
    response = admin_client.get(
        "/admin/autocomplete/",
        {"app_label": "alerts", "model_name": "subscription", "field_name": "user", "term": "ali"},
    )
    assert [r["text"] for r in response.json()["results"]] == ["alice"]


def test_admins_set_filters_with_the_readers_rules(admin_client, alice):
    case = factories.case(short_name="Mutnick v. Clearview")
    values = {"user": alice.pk, "case": case.pk, "active": "on", "_save": "Save"}
    refused = admin_client.post(
        "/admin/alerts/subscription/add/", values | {"match_words": '"open quote'}
    )
    assert refused.status_code == 200
    assert "A quoted phrase is not closed" in refused.content.decode()
    assert not Subscription.objects.exists()
    response = admin_client.post(
        "/admin/alerts/subscription/add/",
        values | {"match_words": "remand  remand Stay", "motion_kinds": ["remand", "stay"]},
    )
    assert response.status_code == 302
    sub = Subscription.objects.get(user=alice, case=case)
    assert (sub.match_words, sub.motion_kinds) == ("remand Stay", ["remand", "stay"])
