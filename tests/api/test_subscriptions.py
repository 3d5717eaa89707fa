"""A token's owner's subscriptions: list, follow, stop; anyone else's is not found."""

from __future__ import annotations

import json

import pytest
from django.test import Client

from alerts.models import Subscription
from alerts.services import subscription_follow
from cases.models import Case
from tests.api.conftest import get_json, token_client, walk

pytestmark = pytest.mark.django_db

URL = "/api/v1/subscriptions/"


def post_json(client: Client, data: object, url: str = URL) -> object:
    return client.post(url, json.dumps(data), content_type="application/json")


@pytest.fixture
def thornley(seeded) -> Case:
    return Case.objects.get(slug="thornley-v-clearview-ca7")


def test_anonymous_is_asked_for_a_token(client, thornley):
    assert client.get(URL).status_code == 401
    assert post_json(client, {"case": thornley.slug}).status_code == 401
    assert client.delete(f"{URL}1/").status_code == 401
    assert not Subscription.objects.exists()


def test_the_list_is_the_owners_own_active_subscriptions(thornley, bob, carol):
    mdl = Case.objects.get(slug="in-re-clearview-mdl")
    mine = subscription_follow(user=bob, case=thornley, docket_entries=True)
    stopped = subscription_follow(user=bob, case=mdl)
    Subscription.objects.filter(pk=stopped.pk).update(active=False)
    subscription_follow(user=carol, case=mdl)
    rows = walk(token_client(bob), URL)
    assert [row["id"] for row in rows] == [mine.pk]
    assert rows[0]["case"]["slug"] == thornley.slug
    assert rows[0]["docket_entries"] is True and rows[0]["rulings"] is True
    assert set(rows[0]) == {
        *("id", "case", "deadline_reminders", "status_changes", "rulings", "motions"),
        *("docket_entries", "created_at"),
    }
    assert get_json(token_client(bob), f"{URL}{mine.pk}/")["id"] == mine.pk


def test_following_with_the_follow_forms_choices(thornley, bob):
    api = token_client(bob)
    answer = post_json(api, {"case": thornley.slug, "motions": False, "docket_entries": True})
    assert answer.status_code == 201
    subscription = Subscription.objects.get(user=bob, case=thornley)
    assert subscription.active and subscription.docket_entries and not subscription.motions
    assert answer.json()["id"] == subscription.pk and answer.json()["motions"] is False
    # Following again changes the choices given and keeps the others.
    again = post_json(api, {"case": thornley.slug, "motions": True})
    assert again.status_code == 200
    subscription.refresh_from_db()
    assert subscription.motions and subscription.docket_entries
    assert Subscription.objects.filter(user=bob).count() == 1


def test_unfollowing_and_following_again(thornley, bob):
    api = token_client(bob)
    subscription = subscription_follow(user=bob, case=thornley, rulings=False)
    assert api.delete(f"{URL}{subscription.pk}/").status_code == 204
    subscription.refresh_from_db()
    assert not subscription.active
    assert walk(api, URL) == []
    assert api.delete(f"{URL}{subscription.pk}/").status_code == 404  # stopped already
    back = post_json(api, {"case": thornley.slug})
    assert back.status_code == 201 and back.json()["rulings"] is False  # its choices kept


def test_someone_elses_subscription_is_not_found(thornley, bob, carol, alice):
    carols = subscription_follow(user=carol, case=thornley)
    for user in (bob, alice):
        api = token_client(user)
        assert api.get(f"{URL}{carols.pk}/").status_code == 404
        assert api.delete(f"{URL}{carols.pk}/").status_code == 404
    carols.refresh_from_db()
    assert carols.active


def test_staff_use_their_own_subscriptions_alike(thornley, alice):
    api = token_client(alice)
    assert post_json(api, {"case": thornley.slug}).status_code == 201
    assert [row["case"]["slug"] for row in walk(api, URL)] == [thornley.slug]


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"case": "no-such-case"}, "case"),
        ({}, "case"),
        ({"case": "has spaces"}, "case"),
        ({"case": "thornley-v-clearview-ca7", "motions": "perhaps"}, "motions"),
        (["thornley-v-clearview-ca7"], "non_field_errors"),
        ("thornley-v-clearview-ca7", "non_field_errors"),
    ],
)
def test_a_follow_that_is_not_valid_is_a_400_and_writes_nothing(thornley, bob, body, field):
    answer = post_json(token_client(bob), body)
    assert answer.status_code == 400
    assert field in answer.json()["errors"], answer.json()
    assert not Subscription.objects.exists()


def test_a_body_that_is_not_json(thornley, bob):
    api = token_client(bob)
    broken = api.post(URL, "{case:", content_type="application/json")
    assert broken.status_code == 400 and "JSON parse error" in broken.json()["detail"]
    form = api.post(URL, {"case": thornley.slug})
    assert form.status_code == 415
    assert not Subscription.objects.exists()


def test_a_session_needs_the_csrf_token_to_follow(thornley, bob):
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(bob)
    answer = post_json(browser, {"case": thornley.slug})
    assert answer.status_code == 403 and "CSRF" in answer.json()["detail"]
    assert not Subscription.objects.exists()
    assert get_json(browser, URL)["results"] == []  # reading needs no CSRF token


def test_the_list_method_rules(thornley, bob):
    api = token_client(bob)
    assert api.put(URL, "{}", content_type="application/json").status_code == 405
    assert api.delete(URL).status_code == 405
    assert api.post(f"{URL}1/", "{}", content_type="application/json").status_code == 405
