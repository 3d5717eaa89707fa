"""Faults with real workers: a worker killed mid-batch, SMTP down, Redis down, two workers at once.

Each test runs Celery workers as subprocesses on the test database (see test_e2e.py), with the
SMTP server of the ``smtp`` fixture in this process and Redis database 5 as the broker. The
promise under test: every notification reaches its recipient, and only once; the one exception
allowed is a message the mail server had taken when its worker was killed, before the worker
could mark it sent (at-least-once for that single in-flight message).
"""

from __future__ import annotations

import asyncio
import datetime
import time
import zoneinfo
from collections import Counter
from collections.abc import Iterator

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from alerts import services, tasks
from alerts.models import Notification, Subscription
from cases import services as case_services
from cases.models import Case, CaseEvent, Motion
from tests import factories
from tests.alerts import test_e2e as e2e
from tests.alerts.conftest import Inbox, free_port

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

SMTP_DELAY = 0.01  # seconds the mail server takes per message, so that a kill lands mid-batch


class SlowInbox(Inbox):
    """An inbox whose server takes ``delay`` seconds before accepting each message."""

    def __init__(self, delay: float) -> None:
        super().__init__()
        self.delay = delay

    async def handle_DATA(self, server, session, envelope) -> str:  # noqa: N802
        await asyncio.sleep(self.delay)
        return await super().handle_DATA(server, session, envelope)

    def per_recipient(self) -> Counter[str]:
        return Counter(str(m["To"]) for m in self.messages)


@pytest.fixture
def workers(transactional_db, smtp, settings, tmp_path) -> Iterator[e2e.Workers]:
    with e2e.running_workers(smtp=smtp, settings=settings, tmp_path=tmp_path) as started:
        yield started


@pytest.fixture
def thornley(transactional_db) -> tuple[Case, Motion]:
    return e2e.thornley_case()


@pytest.fixture
def bob(django_user_model) -> User:
    return django_user_model.objects.create_user("bob", "bob@example.org", "pw")


@pytest.fixture
def slow_smtp(smtp):
    """The ``smtp`` fixture's server, restarted on the same port with a slow inbox."""
    smtp.stop()
    smtp.inbox = SlowInbox(SMTP_DELAY)
    smtp.start()
    return smtp


def reminder_audience(size: int) -> list[str]:
    """``size`` people following one case whose deadline's 7-day reminder is due; their addresses.

    Rows are made in bulk; the deadline is set before anyone follows the case, so its "deadline
    set" notice goes to nobody.
    """
    court = factories.court(time_zone="America/Chicago")
    case = factories.case(court_=court, short_name="Renderos v. Clearview AI")
    today = timezone.now().astimezone(zoneinfo.ZoneInfo(court.time_zone)).date()
    case_services.deadline_set(
        case=case, title="Opposition", kind="response", due_date=today + datetime.timedelta(3)
    )
    users = User.objects.bulk_create(
        User(username=f"reader{n:04d}", email=f"reader{n:04d}@example.org") for n in range(size)
    )
    Subscription.objects.bulk_create(Subscription(user=user, case=case) for user in users)
    return [user.email for user in users]


def sent_count() -> int:
    return Notification.objects.filter(status="sent").count()


def test_a_worker_killed_mid_batch_loses_nothing_and_repeats_at_most_the_in_flight_message(
    workers, slow_smtp
):
    addresses = reminder_audience(500)
    first = workers.start("first")
    e2e.go_live()
    tasks.scan_reminders.delay()  # writes 500 reminders, then sends them in batches of 100

    e2e.wait_for(
        lambda: len(slow_smtp.inbox.messages) >= 150,
        timeout=e2e.MAIL_TIMEOUT,
        what=lambda: f"150 reminders to be sent\n{workers.logs()}",
        interval=0.005,
    )
    first.kill()
    time.sleep(0.2)  # the mail server notices the lost connection and drops what it was reading
    before = slow_smtp.inbox.per_recipient()
    assert 50 <= before.total() <= 400, before.total()
    stranded = Notification.objects.filter(status="sending")
    assert stranded.exists(), "the kill landed between two batches"
    last_claim = max(stranded.values_list("claimed_at", flat=True))
    # Taken by the mail server, but the worker died before marking it sent: at most one message
    # per pool process can be in that state, and only these may arrive twice.
    in_flight = set(stranded.values_list("user__email", flat=True)) & set(before)
    assert len(in_flight) <= e2e.WORKER_CONCURRENCY, in_flight

    second = workers.start("second", ALERTS_CLAIM_LEASE_SECONDS="3")
    time.sleep(max(0.0, (last_claim - timezone.now()).total_seconds() + 3.5))  # lease runs out
    tasks.sweep.delay()  # frees the dead worker's claims, then sends what waits

    e2e.wait_for(
        lambda: sent_count() == 500,
        timeout=e2e.MAIL_TIMEOUT,
        what=lambda: f"all 500 reminders to be sent\n{workers.logs()}",
    )
    time.sleep(1)
    received = slow_smtp.inbox.per_recipient()
    assert set(received) == set(addresses)
    twice = {address for address, count in received.items() if count > 1}
    print(f"\nkilled after {before.total()} messages; received twice: {len(twice)}")
    assert twice == in_flight
    assert max(received.values()) <= 2
    # A repeat is the same message: same Message-ID, so each recipient has exactly one message.
    message_ids: dict[str, set[str]] = {}
    for message in slow_smtp.inbox.messages:
        message_ids.setdefault(str(message["To"]), set()).add(str(message["Message-ID"]))
    assert {len(ids) for ids in message_ids.values()} == {1}
    assert not Notification.objects.exclude(status="sent").exists()
    assert "Traceback" not in second.log()
    subject = slow_smtp.inbox.messages[0]["Subject"]
    assert subject.startswith("[Renderos v. Clearview AI] Reminder: Opposition due in 3 days")


def test_smtp_server_down_then_up_sends_once(workers, smtp, thornley, bob):
    case, stay = thornley
    services.subscription_follow(user=bob, case=case)
    workers.start(ALERTS_RETRY_BASE_SECONDS="1")
    e2e.go_live()
    smtp.stop()

    case_services.ruling_record(
        case=case,
        title="Order",
        kind="order",
        date=datetime.date(2021, 3, 1),
        decisions=[(stay, "denied")],
    )

    failed = e2e.wait_for(
        lambda: Notification.objects.filter(attempts__gte=1, status="pending").first(),
        timeout=e2e.MAIL_TIMEOUT,
        what=lambda: f"a failed first attempt\n{workers.logs()}",
    )
    assert "Connection" in failed.last_error, failed.last_error
    assert failed.next_attempt_at is not None
    smtp.start()  # same port
    e2e.wait_for(
        lambda: smtp.inbox.messages,
        timeout=e2e.MAIL_TIMEOUT,
        what=lambda: f"the retried alert\n{workers.logs()}",
    )
    time.sleep(3)
    assert smtp.inbox.subjects() == ["[Thornley v. Clearview AI] Motion to stay mandate: DENIED"]
    row = Notification.objects.get()
    assert row.status == "sent" and row.attempts >= 2


def test_broker_down_at_commit_the_request_succeeds_and_the_sweep_delivers(
    workers, smtp, alice, thornley, bob
):
    case, stay = thornley
    services.subscription_follow(user=bob, case=case)
    worker = workers.start(ALERTS_SWEEP_SETTLE_SECONDS="1")
    e2e.go_live()
    e2e.use_broker(f"redis://127.0.0.1:{free_port()}/0")  # nothing listens there
    editor = Client()
    editor.force_login(alice)

    started = time.monotonic()
    response = e2e.post_ruling(editor, case, stay, "denied")
    took = time.monotonic() - started

    print(f"\nthe request with the broker down took {took:.2f}s")
    assert response.status_code == 302
    assert took < 5, f"the request waited {took:.1f}s for the dead broker"
    stay.refresh_from_db()
    assert stay.status == "denied"  # committed
    assert CaseEvent.objects.filter(dispatched_at__isnull=True).count() == 2
    time.sleep(1.5)  # older than ALERTS_SWEEP_SETTLE_SECONDS
    assert smtp.inbox.messages == [] and not Notification.objects.exists()

    e2e.use_broker(e2e.BROKER_URL, e2e.BROKER_OPTIONS)
    worker.wait_task(tasks.sweep.delay().id)
    e2e.wait_for(
        lambda: smtp.inbox.messages,
        timeout=e2e.MAIL_TIMEOUT,
        what=lambda: f"the swept alert\n{workers.logs()}",
    )
    time.sleep(3)
    assert smtp.inbox.subjects() == ["[Thornley v. Clearview AI] Motion to stay mandate: DENIED"]
    assert not CaseEvent.objects.filter(dispatched_at__isnull=True).exists()


def test_two_workers_send_each_pending_notification_once(workers, slow_smtp):
    addresses = reminder_audience(300)
    assert services.reminders_scan() == 300  # the outbox, written in this process
    one = workers.start("one", wait=False)
    two = workers.start("two", wait=False)
    one.wait_ready()
    two.wait_ready()
    e2e.go_live()
    for _ in range(6):  # more senders than batches: they compete for the same rows
        tasks.send_pending.delay()

    e2e.wait_for(
        lambda: sent_count() == 300,
        timeout=e2e.MAIL_TIMEOUT,
        what=lambda: f"300 reminders to be sent\n{workers.logs()}",
    )

    def reported() -> tuple[int, int] | None:
        counts = (one.sent_by_send_pending(), two.sent_by_send_pending())
        return counts if sum(counts) == 300 else None

    by_worker = e2e.wait_for(
        reported,
        timeout=10,
        what=lambda: f"the send_pending tasks to report\n{workers.logs()}",
    )
    received = slow_smtp.inbox.per_recipient()
    assert set(received) == set(addresses)
    assert max(received.values()) == 1
    print(f"\nsent by each worker: {by_worker}")
    assert min(by_worker) > 0, by_worker  # both took part


def test_a_batch_that_outlasts_its_lease_is_not_sent_twice(workers, smtp):
    smtp.stop()
    smtp.inbox = SlowInbox(0.05)  # 100 messages take over 5 s: longer than the 2 s lease
    smtp.start()
    addresses = reminder_audience(150)
    assert services.reminders_scan() == 150
    worker = workers.start(ALERTS_CLAIM_LEASE_SECONDS="2")
    e2e.go_live()
    tasks.send_pending.delay()
    e2e.wait_for(
        lambda: len(smtp.inbox.messages) >= 5, timeout=e2e.MAIL_TIMEOUT, what="the first batch"
    )
    time.sleep(2.5)  # the first batch (100 rows) is still being sent; its lease has run out
    worker.wait_task(tasks.sweep.delay().id)  # a routine sweep, as beat runs every 2 minutes

    e2e.wait_for(
        lambda: sent_count() == 150,
        timeout=e2e.MAIL_TIMEOUT,
        what=lambda: f"all 150 reminders to be sent\n{workers.logs()}",
    )
    time.sleep(2)
    received = smtp.inbox.per_recipient()
    assert set(received) == set(addresses)
    duplicates = sum(count - 1 for count in received.values())
    print(f"\nduplicates after a sweep in the middle of a long batch: {duplicates}")
    assert duplicates == 0
