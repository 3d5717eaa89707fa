"""Following from the case page."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from alerts.models import AlertSettings, Subscription
from tests import factories
from tests.alerts.views.pages import CHOICES, messages_of, post_form, text_of

pytestmark = pytest.mark.django_db


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


def test_the_case_page_costs_the_follow_notes_and_tags_queries_when_signed_in(
    client, alice_client, django_assert_max_num_queries
):
    case = factories.case()
    # Anonymous: the case page's 13 queries at most (tests/cases/test_pages.py), unchanged.
    with django_assert_max_num_queries(13), CaptureQueriesContext(connection) as anonymous:
        assert client.get(case.get_absolute_url()).status_code == 200
    # Signed in: the session and the user, as on every page; whether they follow the case; and
    # the notes and tags staff see (tests/cases/test_notes.py).
    with CaptureQueriesContext(connection) as signed_in:
        assert alice_client.get(case.get_absolute_url()).status_code == 200
    assert len(signed_in) == len(anonymous) + 5
    assert sum("alerts_subscription" in q["sql"] for q in signed_in.captured_queries) == 1
