"""Benchmark: the deadline-reminder scan and the sender, on generated data in their own database.

    make bench                      # or: .venv/bin/python bench/reminders.py [--scale 0.1 1]

For each scale (1 = 100,000 open deadlines due within the next 8 days and 10,000 subscriptions),
the tables are emptied and filled again with bulk inserts, then ``services.reminders_scan()`` is
timed twice: the first scan writes every reminder that has fallen due, the second (what beat runs
every 15 minutes afterwards) finds them all written. SQL statements are counted at both scales, to
show that they grow with the chunks of rows written, not with each row. Last, ``delivery.
send_batch()`` hands 5,000 reminders to Django's locmem e-mail backend, to measure the sender
without a network. Then the fan-out: ``services.event_dispatch()`` of the docket entries and
motions of one case with many subscribers (default 2,000), once with no subscriber filtering and
once with two thirds of them filtering (a third by words and phrases, a third by motion kinds),
timing events per second, SQL statements per event and rows written. A table is printed and the
figures are written to bench/results/reminders-<date>.json. Not part of the test suite.

The database (default postgres://root@127.0.0.1:5432/bench_alerts, or BENCH_DATABASE_URL) is
created if missing and migrated; everything in it is deleted on each run.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import random
import resource
import sys
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
DEFAULT_DATABASE_URL = "postgres://root@127.0.0.1:5432/bench_alerts"

FULL = {"courts": 40, "cases": 20_000, "deadlines": 100_000, "users": 2_500, "follows": 4}
TIME_ZONES = ["America/Chicago", "America/New_York", "America/Los_Angeles", "America/Denver"]
REMINDER_DAYS = ["7, 1", "7, 1", "7, 1", "3", "14, 7, 1", "1"]
SEND_COUNT = 5_000
FANOUT_SUBSCRIBERS = 2_000
FANOUT_EVENTS = 200  # half docket entries, half motions
FANOUT_WORDS = [
    'settlement "preliminary injunction"',
    "remand",
    '"class certification" stay',
    "mandate transfer",
    '"motion to dismiss"',
]
FANOUT_KINDS = [["dismiss"], ["stay", "remand"], ["class_certification"], ["summary_judgment"]]
FANOUT_TEXTS = [
    "Minute entry: status conference held.",
    "Joint stipulation regarding the briefing schedule.",
    "Notice of settlement and request to vacate deadlines.",
    "Order granting in part the motion to dismiss.",
    "Transcript of proceedings held on the preliminary injunction.",
    "Notice of appearance of counsel.",
    "Order of remand to the Superior Court.",
    "Letter to the court regarding discovery.",
]
SEED = 20_260_101
_VAR_DIR = tempfile.TemporaryDirectory(prefix="bench-var-")  # removed when the run ends


def configure(database_url: str) -> None:
    """Point the settings at the bench database, in production mode, before Django starts."""
    for name in ("REDIS_URL", "EMAIL_URL", "CONN_MAX_AGE"):
        os.environ.pop(name, None)
    os.environ.update(
        DATABASE_URL=database_url,
        ENV_FILE=os.devnull,
        VAR_DIR=_VAR_DIR.name,
        DEBUG="false",  # no query log: the timings are those of production
        SECRET_KEY="bench-only-not-secret",  # noqa: S106 - a throwaway database
        ALLOWED_HOSTS="localhost",
        DJANGO_SETTINGS_MODULE="tracker.settings",
    )
    sys.path.insert(0, str(ROOT))


def create_database(database_url: str) -> None:
    import psycopg2

    url = urlsplit(database_url)
    name = url.path.lstrip("/")
    server = psycopg2.connect(
        dbname="postgres",
        user=url.username or "",
        password=url.password or "",
        host=url.hostname,
        port=url.port or 5432,
    )
    server.autocommit = True
    with server.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if cursor.fetchone() is None:
            cursor.execute(f'CREATE DATABASE "{name}"')
    server.close()


class QueryCounter:
    """Counts the SQL statements Django sends (``connection.execute_wrapper``)."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


@dataclass
class Scan:
    scale: float
    deadlines: int
    subscriptions: int
    cases_followed: int
    generate_s: float
    first_scan_s: float = 0.0
    first_scan_queries: int = 0
    reminders_written: int = 0
    rows_inserted: int = 0
    second_scan_s: float = 0.0
    second_scan_queries: int = 0
    second_scan_written: int = 0


@dataclass
class Send:
    messages: int
    seconds: float
    per_second: float
    queries: int
    queries_per_message: float
    batches: int


@dataclass
class Fanout:
    label: str
    subscribers: int
    filtering: int
    events: int
    seconds: float
    events_per_second: float
    queries: int
    queries_per_event: float
    rows: int
    rows_per_event: float


@dataclass
class Results:
    date: str
    machine: dict[str, str]
    scans: list[Scan] = field(default_factory=list)
    send: Send | None = None
    fanouts: list[Fanout] = field(default_factory=list)


def empty_tables() -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "TRUNCATE alerts_notification, alerts_subscription, alerts_alertsettings, "
            "cases_caseevent, cases_deadline, cases_case, cases_court, auth_user "
            "RESTART IDENTITY CASCADE"
        )


def generate(scale: float, today: datetime.date) -> tuple[int, int, int]:
    """Fill the tables; return (open deadlines, subscriptions, cases followed)."""
    from django.contrib.auth.models import User

    from alerts.models import AlertSettings, Delivery, Subscription
    from cases.models import Case, Court, CourtLevel, Deadline, DeadlineKind

    rng = random.Random(SEED)  # noqa: S311 - test data, the same on every run
    count = {name: max(1, round(n * scale)) for name, n in FULL.items() if name != "follows"}
    courts = Court.objects.bulk_create(
        Court(
            code=f"bench-{n}",
            name=f"Bench District Court {n}",
            short_name=f"B.D. {n}",
            level=CourtLevel.FEDERAL_DISTRICT,
            time_zone=TIME_ZONES[n % len(TIME_ZONES)],
        )
        for n in range(count["courts"])
    )
    cases = Case.objects.bulk_create(
        (
            Case(
                caption=f"Plaintiff {n} v. Defendant {n}",
                short_name=f"Plaintiff {n} v. Defendant",
                slug=f"bench-case-{n}",
                docket_number=f"1:26-cv-{n:06d}",
                court=courts[n % len(courts)],
                filed_date=today - datetime.timedelta(days=rng.randint(30, 900)),
            )
            for n in range(count["cases"])
        ),
        batch_size=5000,
    )
    times = [None, None, datetime.time(17, 0), datetime.time(23, 59), datetime.time(9, 30)]
    Deadline.objects.bulk_create(
        (
            Deadline(
                case=cases[n % len(cases)],
                title=f"Filing {n}",
                kind=DeadlineKind.FILING,
                due_date=today + datetime.timedelta(days=rng.randint(0, 8)),
                due_time=rng.choice(times),
            )
            for n in range(count["deadlines"])
        ),
        batch_size=5000,
    )
    users = User.objects.bulk_create(
        (
            User(username=f"reader{n:05d}", email=f"reader{n:05d}@example.org")
            for n in range(count["users"])
        ),
        batch_size=5000,
    )
    AlertSettings.objects.bulk_create(
        (
            AlertSettings(
                user=user,
                time_zone=rng.choice(TIME_ZONES),
                delivery=Delivery.DIGEST if rng.random() < 0.1 else Delivery.IMMEDIATE,
                reminder_days=rng.choice(REMINDER_DAYS),
            )
            for user in users
        ),
        batch_size=5000,
    )
    subscriptions = [
        Subscription(user=user, case=case)
        for user in users
        for case in rng.sample(cases, FULL["follows"])
    ]
    Subscription.objects.bulk_create(subscriptions, batch_size=5000)
    followed = len({s.case_id for s in subscriptions})
    return Deadline.objects.filter(status="open").count(), len(subscriptions), followed


def timed_scan(now: datetime.datetime) -> tuple[float, int, int]:
    """One reminders_scan(): (seconds, SQL statements, reminders written)."""
    from django.db import connection

    from alerts import services

    counter = QueryCounter()
    with connection.execute_wrapper(counter):
        started = time.perf_counter()
        written = services.reminders_scan(now=now)
        took = time.perf_counter() - started
    return took, counter.count, written


def run_scan(scale: float) -> Scan:
    from django.utils import timezone

    from alerts.models import Notification

    empty_tables()
    now = timezone.now()
    started = time.perf_counter()
    deadlines, subscriptions, followed = generate(scale, now.date())
    scan = Scan(scale, deadlines, subscriptions, followed, time.perf_counter() - started)
    scan.first_scan_s, scan.first_scan_queries, scan.reminders_written = timed_scan(now)
    scan.rows_inserted = Notification.objects.count()
    scan.second_scan_s, scan.second_scan_queries, scan.second_scan_written = timed_scan(now)
    return scan


def run_send(count: int) -> Send:
    """Hand ``count`` pending reminders to the locmem backend through delivery.send_batch()."""
    from django.conf import settings
    from django.core import mail
    from django.db import connection

    from alerts import delivery
    from alerts.models import Notification

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    mail.outbox = []
    waiting = Notification.objects.filter(status="pending", delivery="immediate").count()
    if waiting < count:
        raise SystemExit(f"Only {waiting} immediate reminders are pending; {count} are needed.")
    counter = QueryCounter()
    sent = batches = 0
    with connection.execute_wrapper(counter):
        started = time.perf_counter()
        while sent < count:
            result = delivery.send_batch(limit=min(100, count - sent))
            sent += result.sent + result.failed + result.retrying
            batches += 1
        took = time.perf_counter() - started
    assert len(mail.outbox) == sent, (len(mail.outbox), sent)
    return Send(
        messages=sent,
        seconds=took,
        per_second=sent / took,
        queries=counter.count,
        queries_per_message=counter.count / sent,
        batches=batches,
    )


def fanout_data(subscribers: int, events: int, *, filtered: bool) -> tuple[list[int], int]:
    """One case, its subscribers (two thirds filtering when ``filtered``) and its undispatched
    events, half docket entries and half motions; return (event ids, subscribers filtering)."""
    from django.contrib.auth.models import User
    from django.utils import timezone

    from alerts.models import AlertSettings, Subscription
    from cases.models import Case, CaseEvent, Court, CourtLevel, DocketEntry, Motion, MotionKind

    rng = random.Random(SEED)  # noqa: S311 - test data, the same on every run
    court = Court.objects.create(
        code="bench-mdl",
        name="Bench MDL Court",
        short_name="B.M.",
        level=CourtLevel.FEDERAL_DISTRICT,
    )
    case = Case.objects.create(
        caption="In re Bench Litigation", short_name="In re Bench", slug="in-re-bench",
        docket_number="1:26-md-00001", court=court,
    )  # fmt: skip
    users = User.objects.bulk_create(
        User(username=f"follower{n:05d}", email=f"follower{n:05d}@example.org")
        for n in range(subscribers)
    )
    AlertSettings.objects.bulk_create(AlertSettings(user=user) for user in users)
    filtering = 0
    rows = []
    for n, user in enumerate(users):
        words, kinds = "", []
        if filtered and n % 3 == 1:
            words = FANOUT_WORDS[n % len(FANOUT_WORDS)]
        elif filtered and n % 3 == 2:
            kinds = FANOUT_KINDS[n % len(FANOUT_KINDS)]
        filtering += bool(words or kinds)
        rows.append(
            Subscription(
                user=user, case=case, docket_entries=True, match_words=words, motion_kinds=kinds
            )
        )
    Subscription.objects.bulk_create(rows, batch_size=5000)
    today = timezone.localdate()
    entries = DocketEntry.objects.bulk_create(
        DocketEntry(case=case, number=n + 1, filed_date=today, text=rng.choice(FANOUT_TEXTS))
        for n in range(events // 2)
    )
    kinds = [k for k in MotionKind.values if k != "other"]
    motions = Motion.objects.bulk_create(
        Motion(case=case, kind=rng.choice(kinds), title=f"Motion {n}", filed_date=today)
        for n in range(events - len(entries))
    )
    made = CaseEvent.objects.bulk_create(
        [
            CaseEvent(case=case, kind="docket_entry_added", summary=e.text, docket_entry=e)
            for e in entries
        ]
        + [CaseEvent(case=case, kind="motion_filed", summary=m.title, motion=m) for m in motions]
    )
    return [event.pk for event in made], filtering


def run_fanout(subscribers: int, events: int, *, filtered: bool) -> Fanout:
    """Dispatch every event of the fan-out case, one ``event_dispatch`` each, as the worker does."""
    from django.db import connection

    from alerts import services
    from alerts.models import Notification

    empty_tables()
    event_ids, filtering = fanout_data(subscribers, events, filtered=filtered)
    counter = QueryCounter()
    with connection.execute_wrapper(counter):
        started = time.perf_counter()
        for event_id in event_ids:
            services.event_dispatch(event_id=event_id)
        took = time.perf_counter() - started
    rows = Notification.objects.count()
    return Fanout(
        label="with filters" if filtered else "no filters",
        subscribers=subscribers,
        filtering=filtering,
        events=len(event_ids),
        seconds=took,
        events_per_second=len(event_ids) / took,
        queries=counter.count,
        queries_per_event=counter.count / len(event_ids),
        rows=rows,
        rows_per_event=rows / len(event_ids),
    )


def machine() -> dict[str, str]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        postgres = cursor.fetchone()[0]
    return {
        "python": platform.python_version(),
        "postgresql": postgres,
        "cpus": str(os.cpu_count()),
        "platform": platform.platform(),
    }


def table(results: Results) -> str:
    rows = [
        ("scale", *(f"{s.scale:g}" for s in results.scans)),
        ("open deadlines", *(f"{s.deadlines:,}" for s in results.scans)),
        ("subscriptions", *(f"{s.subscriptions:,}" for s in results.scans)),
        ("cases followed", *(f"{s.cases_followed:,}" for s in results.scans)),
        ("generate rows (s)", *(f"{s.generate_s:.1f}" for s in results.scans)),
        ("first scan (s)", *(f"{s.first_scan_s:.2f}" for s in results.scans)),
        ("  reminders to send", *(f"{s.reminders_written:,}" for s in results.scans)),
        ("  rows inserted (incl. skipped)", *(f"{s.rows_inserted:,}" for s in results.scans)),
        ("  SQL statements", *(f"{s.first_scan_queries:,}" for s in results.scans)),
        (
            "  statements per 1,000 rows",
            *(
                f"{1000 * s.first_scan_queries / max(1, s.rows_inserted):.2f}"
                for s in results.scans
            ),
        ),
        ("second scan (s)", *(f"{s.second_scan_s:.2f}" for s in results.scans)),
        ("  reminders written", *(f"{s.second_scan_written:,}" for s in results.scans)),
        ("  SQL statements", *(f"{s.second_scan_queries:,}" for s in results.scans)),
    ]
    width = max(len(r[0]) for r in rows)
    lines = [f"{r[0]:<{width}}  " + "  ".join(f"{c:>12}" for c in r[1:]) for r in rows]
    if results.send:
        s = results.send
        lines += [
            "",
            f"send_batch() over locmem: {s.messages:,} messages in {s.seconds:.2f}s = "
            f"{s.per_second:,.0f}/s; {s.queries:,} SQL statements "
            f"({s.queries_per_message:.2f} per message, {s.batches} batches)",
        ]
    for f in results.fanouts:
        lines += [
            f"event_dispatch() fan-out, {f.label}: {f.events} events of one case with "
            f"{f.subscribers:,} subscribers ({f.filtering:,} filtering) in {f.seconds:.2f}s = "
            f"{f.events_per_second:,.1f} events/s; {f.queries_per_event:.2f} SQL statements per "
            f"event; {f.rows:,} rows ({f.rows_per_event:,.0f} per event)"
        ]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, nargs="+", default=[0.1, 1.0])
    parser.add_argument("--send", type=int, default=SEND_COUNT, help="0 to skip")
    parser.add_argument(
        "--fanout", type=int, default=FANOUT_SUBSCRIBERS, help="subscribers of the case; 0 to skip"
    )
    parser.add_argument("--fanout-events", type=int, default=FANOUT_EVENTS)
    args = parser.parse_args()
    database_url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL)
    if urlsplit(database_url).path.lstrip("/") in {"test", "mine", "helperdb", "tracker_dev"}:
        raise SystemExit(f"{database_url} is shared: the benchmark empties its database.")
    configure(database_url)
    create_database(database_url)

    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    results = Results(date=datetime.date.today().isoformat(), machine=machine())
    for scale in sorted(args.scale):
        print(f"scale {scale:g}: generating rows and scanning...", flush=True)
        results.scans.append(run_scan(scale))
    if args.send:
        print(f"sending {args.send:,} reminders through the locmem backend...", flush=True)
        results.send = run_send(args.send)
    if args.fanout:
        for filtered in (False, True):
            print(f"fan-out to {args.fanout:,} subscribers, filtered={filtered}...", flush=True)
            results.fanouts.append(run_fanout(args.fanout, args.fanout_events, filtered=filtered))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print()
    print(table(results))
    print(f"\npeak memory of this process: {peak_mb:,.0f} MB")
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"reminders-{results.date}.json"
    data = asdict(results) | {"peak_memory_mb": round(peak_mb)}
    path.write_text(json.dumps(data, indent=2) + "\n")
    print(f"written to {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
