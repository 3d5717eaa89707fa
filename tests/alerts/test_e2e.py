"""End to end: a ruling entered in the admin reaches the subscriber's inbox through the real parts.

The test process serves the admin (Django's test client, committing for real), publishes to Redis
(the server and database in TEST_REDIS_URL, under a key prefix of its own) and runs the SMTP
server; a real Celery worker, started as a subprocess on the same
test database, dispatches the event and sends the mail. ``running_workers`` is also used by
test_faults.py.
"""

from __future__ import annotations

import datetime
import json
import os
import re
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import quote

import pytest
import redis
from django.db import connection
from django.test import Client
from kombu import pools

from alerts import services, tasks
from alerts.models import Notification
from cases.models import Case, CaseEvent, Motion
from tests import factories
from tests.forms import form_data
from tests.processes import ROOT, clean_env

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

# The Redis server and database the tests may use (TEST_REDIS_URL). They may share it with
# anyone: every key a test's broker writes carries a prefix of that test's own, and only keys
# with that prefix are deleted afterwards.
BROKER_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/0")
SITE_URL = "https://tracker.example.org"
# The interpreter running the tests, wherever its virtualenv lives.
CELERY = [sys.executable, "-m", "celery"]
WORKER_CONCURRENCY = 2
READY_TIMEOUT = 30.0
MAIL_TIMEOUT = 30.0

T = TypeVar("T")
D = datetime.date


def wait_for(
    condition: Callable[[], T],
    *,
    timeout: float,
    what: str | Callable[[], str],
    interval: float = 0.05,
) -> T:
    """Poll ``condition`` until it returns something truthy; fail naming ``what`` on timeout.

    ``what`` may be a function, called only on timeout (to show the workers' logs as they are).
    """
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            described = what if isinstance(what, str) else what()
            pytest.fail(f"Timed out after {timeout:.0f}s waiting for {described}")
        time.sleep(interval)


def worker_database_url() -> str:
    """The URL of the database pytest-django created, for the worker subprocesses."""
    db = connection.settings_dict
    credentials = quote(db["USER"], safe="") + (
        f":{quote(db['PASSWORD'], safe='')}" if db["PASSWORD"] else ""
    )
    return f"postgres://{credentials}@{db['HOST']}:{db['PORT'] or 5432}/{db['NAME']}"


def use_broker(url: str, options: dict[str, Any] | None = None) -> None:
    """Make this process publish to ``url``, dropping connections pooled for the previous one."""
    from tracker.celery import app

    pools.reset()  # kombu's pools are shared and keyed by URL: close and forget them all
    app._pool = None
    app.amqp._producer_pool = None
    app.conf.broker_url = url
    app.conf.broker_transport_options = {} if options is None else options


def keys_under(prefix: str) -> list[bytes]:
    """The keys in the test Redis database that carry ``prefix``."""
    client = redis.Redis.from_url(BROKER_URL)
    try:
        return list(client.scan_iter(match=f"{prefix}*", count=1000))
    finally:
        client.close()


class Worker:
    """One ``celery worker`` subprocess, in its own process group, logging to a file."""

    def __init__(self, name: str, env: dict[str, str], log_path: Path) -> None:
        self.name = name
        self.log_path = log_path
        self.terminated = False
        command = [*CELERY, "-A", "tracker", "worker", "--loglevel=INFO"]
        command += [f"--concurrency={WORKER_CONCURRENCY}", "--pool=prefork", "-n", f"{name}@%h"]
        with log_path.open("wb") as log:
            self.process = subprocess.Popen(
                command,
                cwd=ROOT,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group: the pool children die with it
            )

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def tail(self, lines: int = 40) -> str:
        return "\n".join(self.log().splitlines()[-lines:])

    def running(self) -> bool:
        return self.process.poll() is None

    def wait_ready(self, timeout: float = READY_TIMEOUT) -> None:
        def ready() -> bool:
            if not self.running():
                pytest.fail(
                    f"Worker {self.name} exited ({self.process.returncode}):\n{self.tail()}"
                )
            return re.search(rf"{re.escape(self.name)}@\S+ ready\.", self.log()) is not None

        wait_for(ready, timeout=timeout, what=f"worker {self.name} to be ready", interval=0.1)

    def wait_task(self, task_id: str, timeout: float = MAIL_TIMEOUT) -> str:
        """Wait until the task with ``task_id`` finished here; return its log line."""

        def finished() -> str | None:
            match = re.search(rf".*\[{re.escape(task_id)}\] (succeeded|raised).*", self.log())
            return match.group(0) if match else None

        return wait_for(finished, timeout=timeout, what=f"task {task_id} on {self.name}")

    def sent_by_send_pending(self) -> int:
        """How many messages this worker's send_pending tasks reported sending."""
        found = re.findall(
            r"Task alerts\.tasks\.send_pending\[[^\]]+\] succeeded in \S+: (\d+)", self.log()
        )
        return sum(int(n) for n in found)

    def kill(self) -> None:
        """SIGKILL the whole worker (main process and pool children) at once, as a crash would."""
        with suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGKILL)
        self.process.wait(timeout=10)

    def terminate(self) -> None:
        """Ask for a warm shutdown (SIGTERM to the main process), as a supervisor does."""
        if self.running() and not self.terminated:
            self.process.send_signal(signal.SIGTERM)
            self.terminated = True

    def stop(self, timeout: float = 15.0) -> None:
        """Warm shutdown, then SIGKILL to the whole group if it does not end in time."""
        if self.process.returncode is not None:
            return
        self.terminate()
        try:
            self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)


class Workers:
    """Starts workers on the test database, the SMTP fixture and Redis database 5."""

    def __init__(self, *, smtp_port: int, var_dir: Path, key_prefix: str) -> None:
        self.smtp_port = smtp_port
        self.var_dir = var_dir
        self.key_prefix = key_prefix
        self.started: list[Worker] = []

    def env(self, **variables: str) -> dict[str, str]:
        inherited = {k for k in os.environ if k.startswith(("ALERTS_", "CELERY_", "EMAIL_"))}
        env = clean_env(
            self.var_dir,
            DATABASE_URL=worker_database_url(),
            REDIS_URL=BROKER_URL,
            REDIS_KEY_PREFIX=self.key_prefix,
            EMAIL_URL=f"smtp://127.0.0.1:{self.smtp_port}",
            SITE_URL=SITE_URL,
            **variables,
        )
        return {k: v for k, v in env.items() if k not in inherited or k in variables}

    def start(self, name: str = "e2e", *, wait: bool = True, **variables: str) -> Worker:
        worker = Worker(name, self.env(**variables), self.var_dir / f"worker-{name}.log")
        self.started.append(worker)
        if wait:
            worker.wait_ready()
        return worker

    def stop_all(self) -> None:
        for worker in self.started:
            worker.terminate()  # all at once: each warm shutdown takes a second or two
        for worker in self.started:
            worker.stop()

    def logs(self) -> str:
        return "\n\n".join(f"--- worker {w.name} ---\n{w.tail()}" for w in self.started)


# This run's keys in Redis: the tests publish and the workers consume under it.
KEY_PREFIX = f"tracker-test-{uuid.uuid4().hex[:12]}:"
BROKER_OPTIONS = {"global_keyprefix": KEY_PREFIX}


@contextmanager
def running_workers(*, smtp: Any, settings: Any, tmp_path: Path) -> Iterator[Workers]:
    """This process publishing to the test Redis (not eagerly); workers stopped after.

    Only the keys under this run's prefix are touched: they are deleted before and after, and
    nothing else in the database is read, written or flushed.
    """
    from tracker.celery import app

    broker = redis.Redis.from_url(BROKER_URL)
    _delete_our_keys(broker)
    previous = (app.conf.broker_url, app.conf.broker_transport_options)
    settings.REDIS_URL = BROKER_URL
    var_dir = tmp_path / "var"
    var_dir.mkdir()
    workers = Workers(smtp_port=smtp.port, var_dir=var_dir, key_prefix=KEY_PREFIX)
    try:
        yield workers
    finally:
        workers.stop_all()
        app.conf.task_always_eager = True  # as the autouse fixture left it; it resets it after
        use_broker(previous[0], previous[1])
        _delete_our_keys(broker)
        broker.close()


def _delete_our_keys(broker: redis.Redis) -> None:
    for key in list(broker.scan_iter(match=f"{KEY_PREFIX}*", count=1000)):
        broker.delete(key)


def go_live() -> None:
    """From here on this process publishes tasks to Redis instead of running them eagerly."""
    from tracker.celery import app

    use_broker(BROKER_URL, BROKER_OPTIONS)
    app.conf.task_always_eager = False


@pytest.fixture
def workers(transactional_db, smtp, settings, tmp_path) -> Iterator[Workers]:
    with running_workers(smtp=smtp, settings=settings, tmp_path=tmp_path) as started:
        yield started


def post_ruling(client: Client, case: Case, motion: Motion, outcome: str) -> Any:
    """Enter a ruling deciding ``motion`` on the admin's add-ruling page, as an editor does."""
    page = client.get(f"/admin/cases/ruling/add/?case={case.pk}")
    assert page.status_code == 200
    data = form_data(page, "ruling_form") | {
        "title": f"Order on the {motion.title.lower()}",
        "kind": "order",
        "date": "2021-03-01",
        f"outcome_{motion.pk}": outcome,
    }
    return client.post("/admin/cases/ruling/add/", data)


def thornley_case() -> tuple[Case, Motion]:
    """The Thornley appeal with its pending motion to stay the mandate."""
    case = factories.case(short_name="Thornley v. Clearview AI", docket_number="20-3249")
    stay = factories.motion(
        case, title="Motion to stay mandate", kind="stay", filed_date=D(2021, 2, 22)
    )
    return case, stay


@pytest.fixture
def thornley(transactional_db) -> tuple[Case, Motion]:
    return thornley_case()


def test_a_ruling_entered_in_the_admin_is_mailed_once_by_a_real_worker(
    workers, smtp, alice, thornley, django_user_model
):
    case, stay = thornley
    bob = django_user_model.objects.create_user("bob", "bob@example.org", "pw")
    services.subscription_follow(user=bob, case=case)
    worker = workers.start()
    go_live()
    editor = Client()
    editor.force_login(alice)

    response = post_ruling(editor, case, stay, "denied")

    assert response.status_code == 302, response.content.decode()[:2000]
    subject = "[Thornley v. Clearview AI] Motion to stay mandate: DENIED"
    wait_for(
        lambda: smtp.inbox.messages,
        timeout=MAIL_TIMEOUT,
        what=lambda: f"the alert to reach the inbox\n{workers.logs()}",
    )
    time.sleep(3)  # anything more would have arrived by now
    assert smtp.inbox.subjects() == [subject]
    assert [str(m["To"]) for m in smtp.inbox.messages] == ["bob@example.org"]
    row = Notification.objects.get()
    assert (row.user, row.status, row.attempts, row.subject) == (bob, "sent", 1, subject)

    # The same tasks delivered again (a redelivered message, a second beat) send nothing more.
    for event in CaseEvent.objects.filter(case=case):
        worker.wait_task(tasks.dispatch_event.delay(event.pk).id)
    worker.wait_task(tasks.send_pending.delay().id)
    assert len(smtp.inbox.messages) == 1
    assert "Traceback" not in worker.log()
    # Each delivery attempt is logged as one JSON object, for the log collector.
    lines = worker.log().splitlines()
    attempts = [json.loads(line) for line in lines if '"delivery_attempt"' in line]
    assert [(a["outcome"], a["notification"], a["attempt"]) for a in attempts] == [
        ("sent", row.pk, 1)
    ], worker.log()
    assert attempts[0]["kind"] == "event" and attempts[0]["user"] == bob.pk
    assert attempts[0]["level"] == "INFO" and attempts[0]["logger"] == "alerts.delivery.attempts"


def test_the_tests_touch_no_redis_key_but_their_own(transactional_db, smtp, settings, tmp_path):
    redis_db = redis.Redis.from_url(BROKER_URL)
    redis_db.set("someone-else:precious", "kept")
    try:
        before = set(redis_db.scan_iter(count=1000))
        with running_workers(smtp=smtp, settings=settings, tmp_path=tmp_path) as workers:
            worker = workers.start()
            go_live()
            worker.wait_task(tasks.sweep.delay().id)
            created = set(redis_db.scan_iter(count=1000)) - before
            ours = {key for key in created if key.startswith(KEY_PREFIX.encode())}
            assert ours, "the broker wrote nothing under this run's prefix"
            # Keys of other runs carry their own prefix; none is written without one.
            assert all(key.startswith(b"tracker-test-") for key in created), created - ours
        assert keys_under(KEY_PREFIX) == []
        assert redis_db.get("someone-else:precious") == b"kept"
    finally:
        redis_db.delete("someone-else:precious")
        redis_db.close()
