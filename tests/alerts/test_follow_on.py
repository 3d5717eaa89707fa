"""Following where a case goes: a link that moves the litigation on offers, or follows, the new
case.

Links are created with ``case_link_create`` and committed; the commit hook dispatches and sends
them as the tasks do (Celery runs eagerly here), to the in-process SMTP server.
"""

from __future__ import annotations

import datetime
import re

import pytest
from django.test import Client

from alerts import links, services, tasks
from alerts.models import Notification, Subscription
from cases import services as case_services
from cases.models import CaseEvent
from tests import factories
from tests.alerts.views.pages import post_form, text_of

pytestmark = pytest.mark.django_db(transaction=True)

D = datetime.date
FILTERS = {"match_words": 'settlement "class certification"', "motion_kinds": ["dismiss"]}


@pytest.fixture
def people(django_user_model):
    names = ("alice", "bob", "carol", "dave")
    return {n: django_user_model.objects.create_user(n, f"{n}@example.org") for n in names}


@pytest.fixture
def renderos():
    """The Alameda County case and the N.D. Cal. case it was removed to."""
    alameda = factories.court(code="cal-alameda", short_name="Alameda Cty. Super. Ct.")
    ndcal = factories.court(code="cand", short_name="N.D. Cal.")
    state = factories.case(alameda, short_name="Renderos v. Clearview AI", docket_number="RG21")
    federal = factories.case(
        ndcal, short_name="Renderos (N.D. Cal.)", docket_number="4:21-cv-04572"
    )
    return state, federal


def remove(state, federal, kind: str = "removed_to"):
    return case_services.case_link_create(
        from_case=state, to_case=federal, kind=kind, date=D(2021, 6, 14)
    )


def parts(message) -> tuple[str, str]:
    return message.get_body(("plain",)).get_content(), message.get_body(("html",)).get_content()


def choices(subscription: Subscription) -> dict:
    return services.choices_of(subscription) | {"active": subscription.active}


def test_followers_are_offered_the_case_it_went_to(smtp, people, renderos):
    state, federal = renderos
    alice = services.subscription_follow(
        user=people["alice"], case=state, rulings=False, docket_entries=True, **FILTERS
    )
    # bob turned status changes (and so related cases) off: the offer reaches him all the same.
    services.subscription_follow(user=people["bob"], case=state, status_changes=False)
    remove(state, federal)
    subject = "[Renderos v. Clearview AI] Removed to N.D. Cal. 4:21-cv-04572: follow it too?"
    for name in ("alice", "bob"):
        [message] = smtp.inbox.to(f"{name}@example.org")
        assert message["Subject"] == subject
        text, html = parts(message)
        offer = (
            "The litigation went on in Renderos (N.D. Cal.) (N.D. Cal. 4:21-cv-04572). "
            "Follow it with the same alerts?"
        )
        assert offer in text and offer in html
        assert "every follower is told when the litigation moves to another case" in text
    assert not Subscription.objects.filter(case=federal).exists()  # offered, not followed

    text, html = parts(smtp.inbox.to("alice@example.org")[0])
    url = re.search(r"Follow Renderos \(N\.D\. Cal\.\): (https://tracker\.example\.org(\S+))", text)
    assert url and f'href="{url.group(1)}"' in html
    token = url.group(2).rstrip("/").rsplit("/", 1)[1]
    assert links.read_follow_on_token(token) == links.FollowOnLink(
        user_id=people["alice"].pk, subscription_id=alice.pk, case_id=federal.pk
    )

    # The link, opened signed out: GET asks and changes nothing; the form's POST follows.
    reader = Client(enforce_csrf_checks=True)
    page = reader.get(url.group(2))
    assert page.status_code == 200
    assert "Follow Renderos (N.D. Cal.)?" in text_of(page)
    assert not Subscription.objects.filter(case=federal).exists()
    assert reader.post(url.group(2)).status_code == 403  # no CSRF token: refused
    done = post_form(reader, page, "follow-on-form")
    assert done.status_code == 200 and "You now follow Renderos (N.D. Cal.)" in text_of(done)
    new = Subscription.objects.get(user=people["alice"], case=federal)
    assert choices(new) == choices(alice)

    # Dispatching the event again sends nothing more.
    for event in CaseEvent.objects.filter(kind="case_linked"):
        CaseEvent.objects.filter(pk=event.pk).update(dispatched_at=None)
        tasks.dispatch_event(event.pk)
    assert len(smtp.inbox.messages) == 2


def test_followers_who_chose_it_follow_the_new_case_at_once(smtp, people, renderos):
    state, federal = renderos
    services.alert_settings_update(user=people["alice"], follow_on="follow")
    alice = services.subscription_follow(
        user=people["alice"], case=state, deadline_reminders=False, docket_entries=True, **FILTERS
    )
    remove(state, federal)
    new = Subscription.objects.get(user=people["alice"], case=federal)
    assert choices(new) == choices(alice)
    [message] = smtp.inbox.to("alice@example.org")  # not also the new case's "removed from"
    assert message["Subject"] == (
        "[Renderos v. Clearview AI] Removed to N.D. Cal. 4:21-cv-04572: you now follow it"
    )
    text, html = parts(message)
    said = (
        "You now follow Renderos (N.D. Cal.) (N.D. Cal. 4:21-cv-04572), with the same alerts "
        "as Renderos v. Clearview AI."
    )
    assert said in text and said in html
    unfollow = re.search(r"Unfollow Renderos \(N\.D\. Cal\.\): (https://\S+)", text).group(1)
    assert f'href="{unfollow}"' in html
    token = unfollow.rstrip("/").rsplit("/", 1)[1]
    assert links.read_unsubscribe_token(token) == {"u": people["alice"].pk, "s": new.pk}

    # Idempotent: the same event dispatched again writes no second subscription or alert.
    event = CaseEvent.objects.get(case=state, kind="case_linked")
    CaseEvent.objects.filter(pk=event.pk).update(dispatched_at=None)
    tasks.dispatch_event(event.pk)
    assert Subscription.objects.filter(user=people["alice"]).count() == 2
    assert Notification.objects.filter(user=people["alice"]).count() == 1
    assert len(smtp.inbox.messages) == 1

    # The new follow brings the new case's news, with the filters copied.
    case_services.docket_entry_add(
        case=federal, number=5, filed_date=D(2021, 7, 1), text="Notice of settlement."
    )
    case_services.docket_entry_add(case=federal, number=6, filed_date=D(2021, 7, 2), text="Order.")
    assert smtp.inbox.subjects()[1:] == [
        "[Renderos (N.D. Cal.)] Docket entry 5: Notice of settlement."
    ]


def test_who_follows_the_new_case_already_is_left_alone(people, renderos):
    state, federal = renderos
    for name in ("carol", "dave"):
        services.alert_settings_update(user=people[name], follow_on="follow")
        services.subscription_follow(user=people[name], case=state)
    services.subscription_follow(user=people["carol"], case=federal, rulings=False)
    # dave stopped following the new case on purpose: it is not revived, nor offered again.
    services.subscription_unfollow(
        subscription=services.subscription_follow(user=people["dave"], case=federal)
    )
    remove(state, federal)
    event = CaseEvent.objects.get(case=state, kind="case_linked")
    rows = Notification.objects.filter(event=event).order_by("user__username")
    assert [(n.user.username, n.notice, n.other_case_id) for n in rows] == [
        ("carol", "", None),  # the plain "removed to" alert of one who chose status changes
        ("dave", "", None),
    ]
    carol = Subscription.objects.get(user=people["carol"], case=federal)
    assert (carol.rulings, carol.active) == (False, True)
    assert not Subscription.objects.get(user=people["dave"], case=federal).active


def test_an_appeal_is_offered_to_the_lower_courts_followers(people):
    lower = factories.case(short_name="Thornley v. Clearview AI (N.D. Ill.)")
    appeal = factories.case(short_name="Thornley v. Clearview AI (7th Cir.)")
    services.subscription_follow(user=people["alice"], case=lower)
    services.subscription_follow(user=people["bob"], case=appeal)
    # "<appeal> was an appeal from <lower>": the litigation goes from lower to appeal.
    case_services.case_link_create(from_case=appeal, to_case=lower, kind="appeal_from")
    alice = Notification.objects.get(user=people["alice"])
    assert (alice.notice, alice.other_case_id, alice.event.case_id) == (
        "follow_offered",
        appeal.pk,
        lower.pk,
    )
    bob = Notification.objects.get(user=people["bob"])
    assert (bob.notice, bob.event.summary.startswith("Appeal from")) == ("", True)


@pytest.mark.parametrize("kind", ["related", "consolidated_into"])
def test_links_that_do_not_move_the_case_offer_nothing(people, renderos, kind):
    state, federal = renderos
    services.subscription_follow(user=people["alice"], case=state, status_changes=False)
    services.subscription_follow(user=people["bob"], case=state)
    remove(state, federal, kind=kind)
    assert list(Notification.objects.values_list("user__username", "notice")) == [("bob", "")]
