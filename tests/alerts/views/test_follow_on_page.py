"""The follow-on link of an alert: signed, GET asks, POST (with CSRF) follows; works signed out."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from alerts import services
from alerts.links import follow_on_token, unsubscribe_token
from alerts.models import Subscription
from tests import factories
from tests.alerts.views.pages import post_form, text_of

pytestmark = pytest.mark.django_db

FILTERS = {"match_words": '"class certification"', "motion_kinds": ["certify_appeal"]}


@pytest.fixture
def offer(alice):
    """alice follows the state case (with filters); the offer of the federal case it went to."""
    state = factories.case(short_name="Renderos v. Clearview AI")
    federal = factories.case(short_name="Renderos (N.D. Cal.)", docket_number="4:21-cv-04572")
    like = services.subscription_follow(
        user=alice, case=state, rulings=False, docket_entries=True, **FILTERS
    )
    token = follow_on_token(user_id=alice.pk, subscription_id=like.pk, case_id=federal.pk)
    return {"like": like, "case": federal, "url": reverse("follow-on", args=[token])}


def follows(user, case) -> Subscription | None:
    return Subscription.objects.filter(user=user, case=case, active=True).first()


def test_get_asks_and_changes_nothing(client, alice, offer):
    response = client.get(offer["url"])
    assert response.status_code == 200
    text = text_of(response)
    assert "Follow Renderos (N.D. Cal.)?" in text
    assert "Follow it with the same alerts as Renderos v. Clearview AI, sent to alice@" in text
    for said in ("Status changes", "New docket entries", 'only with the words "class cert'):
        assert said in text
    assert "Rulings and decided motions" not in text
    assert "Motion to certify interlocutory appeal" in text
    assert 'id="follow-on-form" method="post"' in response.content.decode()
    assert client.head(offer["url"]).status_code == 200
    assert follows(alice, offer["case"]) is None


def test_post_with_the_pages_csrf_token_follows_with_the_same_choices(alice, offer):
    reader = Client(enforce_csrf_checks=True)  # signed out: the signed link is the credential
    assert reader.post(offer["url"]).status_code == 403  # a bare POST: no CSRF token
    assert follows(alice, offer["case"]) is None
    response = post_form(reader, reader.get(offer["url"]), "follow-on-form")
    assert response.status_code == 200
    text = text_of(response)
    assert "You now follow Renderos (N.D. Cal.)" in text
    assert "Stop alerts for Renderos (N.D. Cal.)" in text
    new = follows(alice, offer["case"])
    assert services.choices_of(new) == services.choices_of(offer["like"])
    # Again: nothing more to do, and the choices made since are kept.
    services.subscription_update(subscription=new, rulings=True)
    page = reader.get(offer["url"])
    assert "You already follow Renderos (N.D. Cal.)" in text_of(page)
    assert 'id="follow-on-form"' not in page.content.decode()
    again = reader.post(offer["url"], {"csrfmiddlewaretoken": reader.cookies["csrftoken"].value})
    assert again.status_code == 200 and "Nothing was changed." in text_of(again)
    assert follows(alice, offer["case"]).rulings is True
    assert Subscription.objects.filter(user=alice, case=offer["case"]).count() == 1


def test_a_follow_stopped_since_is_restarted_only_by_the_button(client, alice, offer):
    services.subscription_unfollow(
        subscription=services.subscription_follow(user=alice, case=offer["case"])
    )
    assert "Follow Renderos (N.D. Cal.)?" in text_of(client.get(offer["url"]))
    assert follows(alice, offer["case"]) is None
    post_form(client, client.get(offer["url"]), "follow-on-form")
    restarted = follows(alice, offer["case"])
    assert services.choices_of(restarted) == services.choices_of(offer["like"])


def test_signed_in_as_someone_else_it_follows_for_the_person_it_was_sent_to(alice, bob, offer):
    client = Client()
    client.force_login(bob)
    page = client.get(offer["url"])
    assert "sent to alice@example.org" in text_of(page)  # whose alerts it changes, said first
    post_form(client, page, "follow-on-form")
    assert follows(alice, offer["case"]) is not None
    assert not Subscription.objects.filter(user=bob).exists()


def bad_tokens(alice, bob, offer) -> dict[str, str]:
    like, case = offer["like"], offer["case"]
    good = follow_on_token(user_id=alice.pk, subscription_id=like.pk, case_id=case.pk)
    bobs = services.subscription_follow(user=bob, case=factories.case())
    return {
        "tampered": good[:-2] + ("AA" if not good.endswith("AA") else "BB"),
        "nonsense": "nonsense",
        "an unsubscribe token": unsubscribe_token(user_id=alice.pk, subscription_id=like.pk),
        "someone else's subscription": follow_on_token(
            user_id=alice.pk, subscription_id=bobs.pk, case_id=case.pk
        ),
        "the case followed itself": follow_on_token(
            user_id=alice.pk, subscription_id=like.pk, case_id=like.case_id
        ),
        "a case that does not exist": follow_on_token(
            user_id=alice.pk, subscription_id=like.pk, case_id=999999
        ),
    }


@pytest.mark.parametrize("method", ["get", "post"])
def test_links_that_do_not_work_say_so_and_change_nothing(client, alice, bob, offer, method):
    for name, token in bad_tokens(alice, bob, offer).items():
        response = getattr(client, method)(reverse("follow-on", args=[token]))
        assert response.status_code == 400, name
        text = text_of(response)
        assert "This follow link does not work" in text and "Nothing was changed." in text
        assert "Docket tracker" in text  # the site's layout, not a bare error
    assert Subscription.objects.filter(user=alice).count() == 1


def test_an_inactive_account_or_a_deleted_subscription_makes_the_link_void(client, alice, offer):
    alice.is_active = False
    alice.save()
    assert client.post(offer["url"]).status_code == 400
    alice.is_active = True
    alice.save()
    Subscription.objects.filter(pk=offer["like"].pk).delete()
    assert client.post(offer["url"]).status_code == 400
    assert not Subscription.objects.filter(user=alice).exists()


def test_the_page_costs_a_fixed_number_of_queries(client, offer, django_assert_max_num_queries):
    # The subscription with its user and case, the case offered with its court, whether it is
    # followed already.
    with django_assert_max_num_queries(3):
        assert client.get(offer["url"]).status_code == 200
