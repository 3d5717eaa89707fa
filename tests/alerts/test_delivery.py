"""From case events to e-mails received by a real SMTP server: preferences, contents, retries."""

from __future__ import annotations

import datetime
import threading

import pytest
import time_machine
from django.db import connections
from django.utils import timezone

from alerts import delivery, emails, services, tasks
from alerts.models import AlertSettings, Notification
from cases import services as case_services
from cases.models import CaseEvent
from tests import factories

pytestmark = pytest.mark.django_db(transaction=True)

D = datetime.date


@pytest.fixture
def people(django_user_model):
    def make(name: str):
        return django_user_model.objects.create_user(name, f"{name}@example.org", "pw")

    return {name: make(name) for name in ("alice", "bob", "carol")}


@pytest.fixture
def thornley(people):
    case = factories.case(short_name="Thornley v. Clearview AI", docket_number="20-3249")
    clearview = factories.case_party(case, role="appellant")
    stay = factories.motion(
        case,
        title="Motion to stay mandate",
        kind="stay",
        filed_date=D(2021, 2, 22),
        movants=[clearview],
    )
    return case, stay


def rule(case, stay, *, outcome: str = "denied"):
    return case_services.ruling_record(
        case=case, title="Order", kind="order", date=D(2021, 3, 1), decisions=[(stay, outcome)]
    )


def test_a_ruling_reaches_each_subscriber_once_with_the_right_subject(smtp, people, thornley):
    case, stay = thornley
    services.subscription_follow(user=people["alice"], case=case)
    services.subscription_follow(user=people["bob"], case=case, rulings=False)
    rule(case, stay)  # commits: the event hook dispatches and sends (Celery runs eagerly here)
    assert smtp.inbox.subjects() == ["[Thornley v. Clearview AI] Motion to stay mandate: DENIED"]
    assert len(smtp.inbox.to("alice@example.org")) == 1
    assert smtp.inbox.to("bob@example.org") == []
    # Nothing more goes out when the dispatch and the sender run again.
    for event in CaseEvent.objects.filter(case=case):
        tasks.dispatch_event(event.pk)
    tasks.send_pending()
    assert len(smtp.inbox.messages) == 1
    row = Notification.objects.get(user=people["alice"])
    assert (row.status, row.attempts, row.subject) == (
        "sent",
        1,
        "[Thornley v. Clearview AI] Motion to stay mandate: DENIED",
    )


def test_the_email_has_both_parts_links_reason_and_unsubscribe_headers(smtp, people, thornley):
    case, stay = thornley
    services.subscription_follow(user=people["alice"], case=case)
    rule(case, stay)
    message = smtp.inbox.messages[0]
    text = message.get_body(("plain",)).get_content()
    html = message.get_body(("html",)).get_content()
    case_url = f"https://tracker.example.org/cases/{case.slug}/"
    for part in (text, html):
        assert "Motion to stay mandate: DENIED" in part
        assert case_url in part
        assert "https://tracker.example.org/alerts/" in part
        assert "because you follow Thornley v. Clearview AI" in part
    assert "1 March 2021" in text
    unsubscribe = str(message["List-Unsubscribe"]).strip().strip("<>")
    assert unsubscribe.startswith("https://tracker.example.org/alerts/unsubscribe/")
    assert unsubscribe in text
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    row = Notification.objects.get(user=people["alice"])
    assert message["Message-ID"] == f"<notification-{row.pk}@tracker.example.org>"
    token = unsubscribe.rstrip("/").rsplit("/", 1)[1]
    subscription = people["alice"].subscriptions.get()
    assert emails.read_unsubscribe_token(token) == {
        "u": people["alice"].pk,
        "s": subscription.pk,
    }


def test_preferences_choose_which_events_are_sent(smtp, people, thornley):
    case, _ = thornley
    services.subscription_follow(user=people["alice"], case=case, docket_entries=True)
    services.subscription_follow(user=people["bob"], case=case, motions=False)
    case_services.docket_entry_add(case=case, number=50, filed_date=D(2021, 3, 2), text="Notice")
    factories.motion(case, title="Motion for fees", filed_date=D(2021, 3, 3))
    case_services.case_status_change(case=case, status="closed", effective_date=D(2021, 3, 4))
    assert sorted(m["Subject"] for m in smtp.inbox.to("alice@example.org")) == [
        "[Thornley v. Clearview AI] Docket entry 50: Notice",
        "[Thornley v. Clearview AI] Motion filed: Motion for fees",
        "[Thornley v. Clearview AI] Status: filed -> closed",
    ]
    assert [m["Subject"] for m in smtp.inbox.to("bob@example.org")] == [
        "[Thornley v. Clearview AI] Status: filed -> closed"
    ]


def test_deadline_notices_moved_and_vacated(smtp, people):
    case = factories.case(short_name="Renderos v. Clearview AI")
    services.subscription_follow(user=people["alice"], case=case)
    deadline = case_services.deadline_set(
        case=case, title="Opposition", kind="response", due_date=D(2031, 4, 30)
    )
    case_services.deadline_move(deadline=deadline, due_date=D(2031, 5, 7), reason="stipulation")
    case_services.deadline_vacate(deadline=deadline, reason="case remanded")
    assert smtp.inbox.subjects() == [
        "[Renderos v. Clearview AI] Deadline set: Opposition, due 2031-04-30",
        "[Renderos v. Clearview AI] Deadline moved: Opposition, from 2031-04-30 to 2031-05-07 "
        "(stipulation)",
        "[Renderos v. Clearview AI] Deadline vacated: Opposition (case remanded)",
    ]


def test_reminder_email_says_how_many_days_remain(smtp, people):
    court = factories.court(time_zone="America/Los_Angeles")
    case = factories.case(court_=court, short_name="Renderos v. Clearview AI")
    services.subscription_follow(user=people["alice"], case=case, deadline_reminders=True)
    case_services.deadline_set(
        case=case,
        title="Opposition",
        kind="response",
        due_date=D(2031, 3, 20),
        due_time=datetime.time(16, 0),
        rule="CCP 1005(b)",
    )
    smtp.inbox.messages.clear()  # the "deadline set" notice
    with time_machine.travel(datetime.datetime(2031, 3, 13, 15, 30, tzinfo=datetime.UTC)):
        tasks.scan_reminders()
    assert smtp.inbox.subjects() == [
        "[Renderos v. Clearview AI] Reminder: Opposition due in 7 days, 5 court days (20 Mar 2031)"
    ]
    text = smtp.inbox.messages[0].get_body(("plain",)).get_content()
    # Thu 13 to Thu 20 March 2031: Fri, Mon, Tue, Wed, Thu are court days.
    assert "Days left: 7 calendar days, 5 court days" in text
    assert "16:00 (America/Los_Angeles)" in text and "CCP 1005(b)" in text


def test_transient_smtp_errors_are_retried_with_backoff_and_sent_once(
    smtp, people, thornley, settings
):
    settings.ALERTS_RETRY_BASE_SECONDS = 60
    case, stay = thornley
    services.subscription_follow(user=people["alice"], case=case)
    smtp.inbox.data_reply = "451 4.3.0 Try again later"
    rule(case, stay)
    row = Notification.objects.get()
    assert (row.status, row.attempts) == ("pending", 1)
    assert "451" in row.last_error
    assert 55 <= (row.next_attempt_at - timezone.now()).total_seconds() <= 60
    tasks.send_pending()  # not due yet: nothing is tried
    assert Notification.objects.get().attempts == 1
    start = timezone.now()
    with time_machine.travel(start + datetime.timedelta(seconds=61), tick=False):
        tasks.send_pending()  # fails again: the next wait doubles to 120 s
        row.refresh_from_db()
        assert (row.status, row.attempts) == ("pending", 2)
        assert (row.next_attempt_at - timezone.now()).total_seconds() == 120
    smtp.inbox.data_reply = None
    with time_machine.travel(start + datetime.timedelta(seconds=182)):
        tasks.send_pending()
    row.refresh_from_db()
    assert (row.status, row.attempts) == ("sent", 3)
    assert len(smtp.inbox.messages) == 1


def test_smtp_server_down_then_up(smtp, people, thornley, settings):
    settings.ALERTS_RETRY_BASE_SECONDS = 1
    case, stay = thornley
    services.subscription_follow(user=people["alice"], case=case)
    smtp.stop()
    rule(case, stay)
    row = Notification.objects.get()
    assert row.status == "pending" and "Connection" in row.last_error
    smtp.start()
    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=5)):
        tasks.send_pending()
    assert Notification.objects.get().status == "sent"
    assert len(smtp.inbox.messages) == 1


def test_a_permanent_refusal_is_recorded_and_not_retried(smtp, people, thornley):
    case, stay = thornley
    services.subscription_follow(user=people["alice"], case=case)
    smtp.inbox.rcpt_reply = "550 5.1.1 No such user"
    rule(case, stay)
    row = Notification.objects.get()
    assert row.status == "failed" and "550" in row.last_error
    settings_row = AlertSettings.objects.get(user=people["alice"])
    assert settings_row.email_rejected_at is not None
    assert "550" in settings_row.email_rejected_reason
    smtp.inbox.rcpt_reply = None
    with time_machine.travel(timezone.now() + datetime.timedelta(days=1)):
        tasks.send_pending()
    assert smtp.inbox.messages == []


def test_gives_up_after_the_last_attempt(smtp, people, thornley, settings):
    settings.ALERTS_MAX_ATTEMPTS = 2
    settings.ALERTS_RETRY_BASE_SECONDS = 1
    case, stay = thornley
    services.subscription_follow(user=people["alice"], case=case)
    smtp.inbox.data_reply = "421 4.7.0 Busy"
    rule(case, stay)
    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=5)):
        tasks.send_pending()
    row = Notification.objects.get()
    assert (row.status, row.attempts) == ("failed", 2)
    assert row.last_error.startswith("gave up:")


def test_two_senders_never_claim_the_same_rows(people):
    case = factories.case()
    rows = [
        Notification(user=people[name], kind="event", delivery="immediate", case=case, key=f"k{i}")
        for i in range(150)
        for name in ("alice",)
    ]
    Notification.objects.bulk_create(rows)
    claimed: list[list[int]] = []
    barrier = threading.Barrier(2)

    def claimer() -> None:
        try:
            barrier.wait()
            claimed.append(delivery.claim(limit=100))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=claimer) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    first, second = claimed
    assert not set(first) & set(second)
    assert len(first) + len(second) == 150
    assert Notification.objects.filter(status="sending").count() == 150


def test_expired_claims_are_released(people, settings):
    settings.ALERTS_CLAIM_LEASE_SECONDS = 60
    case = factories.case()
    Notification.objects.create(user=people["alice"], kind="event", delivery="immediate", case=case)
    assert len(delivery.claim()) == 1
    assert delivery.release_expired_claims() == 0  # the lease still runs
    with time_machine.travel(timezone.now() + datetime.timedelta(seconds=61)):
        assert delivery.release_expired_claims() == 1
    assert Notification.objects.get().status == "pending"


def test_the_sweep_sends_what_was_never_dispatched_and_drops_old_backlog(
    smtp, people, thornley, settings
):
    case, stay = thornley
    services.subscription_follow(user=people["alice"], case=case)
    CaseEvent.objects.update(dispatched_at=timezone.now())
    from cases.services import events as event_hooks

    hooks = list(event_hooks._committed_event_hooks)
    event_hooks._committed_event_hooks.clear()  # the broker was down: nothing was queued
    try:
        rule(case, stay)
    finally:
        event_hooks._committed_event_hooks.extend(hooks)
    assert smtp.inbox.messages == []
    waiting = CaseEvent.objects.filter(dispatched_at__isnull=True)
    assert waiting.count() == 2  # ruling entered, motion decided
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=2)):
        tasks.sweep()
    assert smtp.inbox.subjects() == ["[Thornley v. Clearview AI] Motion to stay mandate: DENIED"]
    # A backlog older than the sweep's limit is marked done without mail.
    event_hooks._committed_event_hooks.clear()
    try:
        case_services.case_status_change(case=case, status="closed", effective_date=None)
    finally:
        event_hooks._committed_event_hooks.extend(hooks)
    with time_machine.travel(timezone.now() + datetime.timedelta(days=3)):
        tasks.sweep()
    assert len(smtp.inbox.messages) == 1
    assert not CaseEvent.objects.filter(dispatched_at__isnull=True).exists()


def test_daily_digest_groups_the_days_items_by_case(smtp, people):
    AlertSettings.objects.create(
        user=people["carol"], delivery="digest", digest_hour=7, time_zone="Europe/Berlin"
    )
    thornley = factories.case(short_name="Thornley v. Clearview AI")
    renderos = factories.case(short_name="Renderos v. Clearview AI")
    for case in (thornley, renderos):
        services.subscription_follow(user=people["carol"], case=case)
    case_services.case_status_change(case=thornley, status="closed", effective_date=None)
    case_services.case_status_change(case=renderos, status="remanded", effective_date=None)
    factories.motion(renderos, title="Motion to dismiss")
    assert smtp.inbox.messages == []  # digest readers get nothing at once
    with time_machine.travel(datetime.datetime(2031, 1, 15, 5, 59, tzinfo=datetime.UTC)):
        tasks.send_digests()  # 06:59 in Berlin: not yet
    assert smtp.inbox.messages == []
    with time_machine.travel(datetime.datetime(2031, 1, 15, 6, 30, tzinfo=datetime.UTC)):
        tasks.send_digests()
        tasks.send_digests()  # twice: still one digest
    assert len(smtp.inbox.messages) == 1
    message = smtp.inbox.messages[0]
    assert message["Subject"] == "Docket digest: 3 updates in 2 cases"
    text = message.get_body(("plain",)).get_content()
    assert text.index("Renderos v. Clearview AI") < text.index("Thornley v. Clearview AI")
    assert "Status: filed -> remanded" in text and "Motion filed: Motion to dismiss" in text
    assert Notification.objects.filter(status="sent").count() == 4  # 3 items + the digest


def test_a_notification_that_cannot_be_built_fails_visibly_and_is_not_retried(
    smtp, people, thornley, monkeypatch
):
    case, stay = thornley
    services.subscription_follow(user=people["alice"], case=case)

    def broken(notification):
        raise KeyError("template variable")

    monkeypatch.setattr(emails, "build", broken)
    rule(case, stay)
    row = Notification.objects.get()
    assert row.status == "failed" and "internal error" in row.last_error
    assert smtp.inbox.messages == []


def test_rows_whose_sender_keeps_dying_are_given_up(people, settings):
    settings.ALERTS_CLAIM_LEASE_SECONDS = 1
    settings.ALERTS_MAX_ATTEMPTS = 2
    case = factories.case()
    Notification.objects.create(user=people["alice"], kind="event", delivery="immediate", case=case)
    for _ in range(2):
        assert len(delivery.claim()) == 1
        with time_machine.travel(timezone.now() + datetime.timedelta(seconds=2)):
            delivery.release_expired_claims()
    row = Notification.objects.get()
    assert (row.status, row.attempts) == ("failed", 2)


def test_a_digest_leaves_out_cases_unfollowed_since(smtp, people):
    AlertSettings.objects.create(user=people["carol"], delivery="digest", digest_hour=0)
    kept = factories.case(short_name="Kept v. Case")
    dropped = factories.case(short_name="Dropped v. Case")
    services.subscription_follow(user=people["carol"], case=kept)
    subscription = services.subscription_follow(user=people["carol"], case=dropped)
    case_services.case_status_change(case=kept, status="closed", effective_date=None)
    case_services.case_status_change(case=dropped, status="closed", effective_date=None)
    services.subscription_unfollow(subscription=subscription)
    tasks.send_digests()
    text = smtp.inbox.messages[0].get_body(("plain",)).get_content()
    assert "Kept v. Case" in text and "Dropped v. Case" not in text
    assert smtp.inbox.messages[0]["Subject"] == "Docket digest: 1 update in 1 case"
