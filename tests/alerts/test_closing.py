"""A case that closes tells each follower once that their follow stays, whatever their choices."""

from __future__ import annotations

import datetime
import re

import pytest
import time_machine

from alerts import links, services, tasks
from alerts.models import AlertSettings, Notification
from cases import services as case_services
from cases.models import CaseEvent
from tests import factories

pytestmark = pytest.mark.django_db(transaction=True)

D = datetime.date
CLOSED = "Mutnick v. Clearview AI is closed; your follow stays until you remove it."


@pytest.fixture
def people(django_user_model):
    names = ("alice", "bob", "carol")
    return {n: django_user_model.objects.create_user(n, f"{n}@example.org") for n in names}


@pytest.fixture
def mutnick():
    return factories.case(short_name="Mutnick v. Clearview AI", status="active")


def close(case, when: datetime.date) -> None:
    case_services.case_status_change(case=case, status="closed", effective_date=when)


def test_each_follower_is_told_once_in_one_message(smtp, people, mutnick):
    alice = services.subscription_follow(user=people["alice"], case=mutnick)
    bob = services.subscription_follow(
        user=people["bob"], case=mutnick, status_changes=False, rulings=False
    )
    close(mutnick, D(2022, 5, 9))
    # alice chose status changes: one message says both; bob did not, and is told all the same.
    for name, subscription in (("alice", alice), ("bob", bob)):
        [message] = smtp.inbox.to(f"{name}@example.org")
        assert message["Subject"] == "[Mutnick v. Clearview AI] Status: active -> closed"
        text = message.get_body(("plain",)).get_content()
        html = message.get_body(("html",)).get_content()
        assert "Status: active -> closed" in text and CLOSED in text and CLOSED in html
        assert "every follower is told when a case closes" in text
        unfollow = re.search(r"Unfollow Mutnick v\. Clearview AI: (https://\S+)", text).group(1)
        assert f'href="{unfollow}"' in html
        token = unfollow.rstrip("/").rsplit("/", 1)[1]
        assert links.read_unsubscribe_token(token) == {
            "u": subscription.user_id,
            "s": subscription.pk,
        }
    assert subscription.active  # the follow stays

    # A second dispatch of the same closing sends nothing (one row per person and event).
    event = CaseEvent.objects.get(case=mutnick, kind="status_changed")
    CaseEvent.objects.filter(pk=event.pk).update(dispatched_at=None)
    tasks.dispatch_event(event.pk)
    assert len(smtp.inbox.messages) == 2
    assert Notification.objects.filter(event=event).count() == 2


def test_reopened_and_closed_again_tells_of_the_new_closing_only(smtp, people, mutnick):
    services.subscription_follow(user=people["alice"], case=mutnick)
    services.subscription_follow(user=people["bob"], case=mutnick, status_changes=False)
    close(mutnick, D(2022, 5, 9))
    case_services.case_status_change(case=mutnick, status="active", effective_date=D(2022, 6, 1))
    close(mutnick, D(2022, 7, 1))
    assert [m["Subject"] for m in smtp.inbox.to("alice@example.org")] == [
        "[Mutnick v. Clearview AI] Status: active -> closed",
        "[Mutnick v. Clearview AI] Status: closed -> active",
        "[Mutnick v. Clearview AI] Status: active -> closed",
    ]
    # bob hears of each closing once, and of nothing else.
    assert [m["Subject"] for m in smtp.inbox.to("bob@example.org")] == [
        "[Mutnick v. Clearview AI] Status: active -> closed",
    ] * 2
    closings = Notification.objects.filter(notice="case_closed")
    assert closings.count() == 4
    assert closings.values("event").distinct().count() == 2


def test_a_digest_carries_the_notices_with_their_links(smtp, people, mutnick):
    AlertSettings.objects.create(
        user=people["carol"], delivery="digest", digest_hour=7, time_zone="UTC"
    )
    services.subscription_follow(user=people["carol"], case=mutnick, status_changes=False)
    federal = factories.case(short_name="Mutnick (N.D. Ill.)", docket_number="1:20-cv-00512")
    with time_machine.travel(datetime.datetime(2031, 5, 9, 6, 0, tzinfo=datetime.UTC)):
        case_services.case_link_create(from_case=mutnick, to_case=federal, kind="transferred_to")
        close(mutnick, D(2031, 5, 9))
        assert smtp.inbox.messages == []  # the digest reader gets nothing at once
    with time_machine.travel(datetime.datetime(2031, 5, 9, 7, 5, tzinfo=datetime.UTC)):
        tasks.send_digests()
    [message] = smtp.inbox.messages
    assert message["Subject"] == "Docket digest: 2 updates in 1 case"
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    offer = (
        f"The litigation went on in Mutnick (N.D. Ill.) ({federal.court.short_name} "
        "1:20-cv-00512). Follow it with the same alerts?"
    )
    for said in (offer, CLOSED):
        assert said in text and said in html
    follow = re.search(r"Follow Mutnick \(N\.D\. Ill\.\): (https://\S+)", text).group(1)
    unfollow = re.search(r"Unfollow Mutnick v\. Clearview AI: (https://\S+)", text).group(1)
    assert f'href="{follow}"' in html and f'href="{unfollow}"' in html
    assert "/alerts/follow-on/" in follow and "/alerts/unsubscribe/" in unfollow
