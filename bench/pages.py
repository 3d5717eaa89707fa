"""Benchmark: the public pages under load, served by gunicorn in production mode, at scale.

    make bench                                   # or: .venv/bin/python bench/pages.py
    .venv/bin/python bench/pages.py --scale 0.05 --duration 5   # a quick run

1. **Data.** It works in its own PostgreSQL database (BENCH_DATABASE_URL, default
   postgres://root@127.0.0.1:5432/bench). If that has no cases it is created, migrated and filled
   with ``manage.py generate_demo_data --scale <scale> --seed 1`` (scale 1: 100,000 cases,
   1,000,000 docket entries, 300,000 deadlines, 50,000 subscriptions, ...); otherwise the data in
   it is reused (migrated, and its analytics summary recomputed with ``manage.py
   analytics_refresh``) and its size is recorded. Otherwise the benchmark only reads it (the
   reminder scan runs in a transaction that is rolled back).
2. **Server.** ``collectstatic`` into a temporary directory (the production static storage needs
   its manifest), then gunicorn with production settings (DEBUG=false, a throwaway SECRET_KEY,
   ALLOWED_HOSTS=127.0.0.1) and 2 sync workers, with ``BENCH_ENDPOINTS=1``: that adds the floor
   view ``/_bench/floor/`` (cases/bench.py) and the ``X-SQL-Queries`` header
   (tracker/query_count.py).
3. **URLs** are picked from the data: the case with the most docket entries and one with about
   ten, the party in the most cases and a typical one, the (court, status) pair with the most
   cases, and a rare and a very common search term.
4. **CSV memory.** On the freshly started workers, after a small export to warm them up, the
   export of every case (100,000 at scale 1) is downloaded three times, one after the other,
   while the workers' RSS is sampled from /proc: the rise is the peak during the download minus
   the worker's RSS just before it. Time to the first byte is recorded to show that it streams.
5. **Probe.** Each URL three times, one after the other: status, size, ``X-SQL-Queries``.
6. **Load.** For each concurrency (1 and 8) and each URL, the floor first, bench/load.py runs in
   its own process: N client processes send requests back to back for a warm-up, then for a fixed
   time. The workers' RSS is sampled every 25 ms throughout (peak per URL and overall).
7. **Sustained load.** Every main page (the home page and the pages of step 6 but the floor and
   the export) in turn, at concurrency 16 for 60 s (``--mixed-duration``, ``--mixed-concurrency``):
   no errors, and the workers' RSS sampled every 0.5 s stays under the cap and does not climb.
8. **Reminder scan.** ``alerts.services.reminders_scan()`` over the whole dataset, in a
   subprocess on the bench database, timed with its SQL statements counted, twice (the second
   scan finds every reminder written), inside a transaction that is then rolled back.

It prints a table with each target passed or missed and writes bench/results/pages-<date>.json
(pages-<date>-<N>-cases.json for a dataset smaller than scale 1).
Figures are never asserted by the test suite. Everything runs on this machine: the server,
PostgreSQL and the load generator share its CPUs, so read the figures as relative ones (each
page against the floor) as much as absolute ones.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import json
import os
import platform
import re
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
RESULTS = ROOT / "bench" / "results"
DEFAULT_DATABASE_URL = "postgres://root@127.0.0.1:5432/bench"
SCALE_1_CASES = 100_000
SHARED_DATABASES = {"test", "mine", "helperdb", "tracker_dev", "postgres", "template1"}
sys.path.insert(0, str(ROOT / "bench"))

import load  # noqa: E402 - bench/load.py, next to this file

# Targets at concurrency 8 (issue 6).
PAGE_P95_MS = 150.0
SEARCH_RARE_P95_MS = 200.0
SEARCH_COMMON_P95_MS = 500.0
FLOOR_RATIO = 0.40
CSV_RISE_MB = 30.0
SCAN_SECONDS = 30.0
# "Queries not growing per row": at most 10 statements plus 5 per 1,000 rows written (a
# statement per row would be 1,000 per 1,000).
SCAN_FIXED_STATEMENTS = 10
SCAN_STATEMENTS_PER_1000_ROWS = 5.0
WORKER_RSS_MB = 200.0
# The sustained load (issue 13): every main page in turn at concurrency 16 for 60 s, no errors,
# the workers' memory bounded (peak under WORKER_RSS_MB, and no climb from the first ten seconds
# to the last ten of more than MIXED_RSS_CLIMB_MB).
MIXED_CONCURRENCY = 16
MIXED_SECONDS = 60.0
MIXED_RSS_CLIMB_MB = 20.0
# The main pages (not the floor, not the export of every case), with the home page.
MIXED_PAGES = [
    "case_list",
    "case_list_filtered",
    "search_rare",
    "search_common",
    "case_detail_largest",
    "case_detail_small",
    "party_busiest",
    "party_typical",
    "deadlines",
    "ics_largest",
    "atom_largest",
    "analytics",
    "analytics_court",
    "judge_busiest",
]

# name -> (what it is, judged as). Loaded at every concurrency, in this order.
ENDPOINTS: dict[str, tuple[str, str]] = {
    "floor": ("floor: the case list's rows as JSON (cases/bench.py)", "floor"),
    "case_list": ("case list, unfiltered", "page"),
    "case_list_filtered": ("case list, filtered by court and status", "page"),
    "search_rare": ("case list, full-text search, rare term", "search_rare"),
    "search_common": ("case list, full-text search, most common term", "search_common"),
    "case_detail_largest": ("case page, the case with the most docket entries", "page"),
    "case_detail_small": ("case page, a case with about 10 docket entries", "page"),
    "party_busiest": ("party page, the party in the most cases", "page"),
    "party_typical": ("party page, a typical party", "page"),
    "deadlines": ("deadlines page", "page"),
    "ics_largest": ("case calendar (.ics), the largest case", "page"),
    "atom_largest": ("case Atom feed, the largest case", "page"),
    # The motion-outcome analytics (issue 15): the bench database must be migrated and its
    # summary computed (manage.py migrate; manage.py analytics_refresh) before they are loaded.
    "analytics": ("motion-outcome analytics, unfiltered", "page"),
    "analytics_court": ("motion-outcome analytics, the court with the most motions", "page"),
    "judge_busiest": ("judge page, the judge with the most rulings", "page"),
    # The related-case graph (issue 15) at its largest: the MDL with the most member cases.
    "case_detail_hub": ("case page, the MDL with the most member cases", "page"),
    "related_hub": ("related cases page, the MDL with the most member cases", "page"),
    "csv_export": ("CSV export of every case", "export"),
}
# Requested once each in the probe, for the query counts of small against large.
PROBE_ONLY = {
    "ics_small": "case calendar (.ics), the small case",
    "atom_small": "case Atom feed, the small case",
    "timeline_csv_small": "case timeline CSV, the small case",
    "timeline_csv_largest": "case timeline CSV, the largest case",
}
# Query counts that must be equal: a case with ~10 entries against the largest one.
SAME_QUERIES = [
    ("case_detail_small", "case_detail_largest"),
    ("ics_small", "ics_largest"),
    ("atom_small", "atom_largest"),
    ("timeline_csv_small", "timeline_csv_largest"),
]
_VAR_DIR = tempfile.TemporaryDirectory(prefix="bench-pages-")  # removed when the run ends


# --- the database -------------------------------------------------------------------------


def connect(database_url: str, dbname: str | None = None):
    import psycopg2

    url = urlsplit(database_url)
    return psycopg2.connect(
        dbname=dbname or url.path.lstrip("/"),
        user=urllib.parse.unquote(url.username or ""),
        password=urllib.parse.unquote(url.password or ""),
        host=url.hostname,
        port=url.port or 5432,
    )


def create_database(database_url: str) -> None:
    name = urlsplit(database_url).path.lstrip("/")
    server = connect(database_url, "postgres")
    server.autocommit = True
    with server.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if cursor.fetchone() is None:
            cursor.execute(f'CREATE DATABASE "{name}"')
    server.close()


def case_count(database_url: str) -> int:
    conn = connect(database_url)
    try:
        with conn.cursor() as cursor:
            cursor.execute("SELECT to_regclass('cases_case') IS NOT NULL")
            if not cursor.fetchone()[0]:
                return 0
            cursor.execute("SELECT count(*) FROM cases_case")
            return cursor.fetchone()[0]
    finally:
        conn.close()


COUNTED_TABLES = {
    "cases": "cases_case",
    "docket_entries": "cases_docketentry",
    "parties": "parties_party",
    "case_parties": "parties_caseparty",
    "motions": "cases_motion",
    "rulings": "cases_ruling",
    "deadlines": "cases_deadline",
    "users": "auth_user",
    "subscriptions": "alerts_subscription",
    "case_events": "cases_caseevent",
}


def dataset_size(database_url: str) -> dict[str, int]:
    conn = connect(database_url)
    try:
        with conn.cursor() as cursor:
            sizes = {}
            for name, table in COUNTED_TABLES.items():
                cursor.execute(f"SELECT count(*) FROM {table}")  # noqa: S608 - constant names
                sizes[name] = cursor.fetchone()[0]
            cursor.execute("SELECT pg_database_size(current_database())")
            sizes["database_mb"] = round(cursor.fetchone()[0] / 2**20)
            return sizes
    finally:
        conn.close()


def ensure_dataset(database_url: str, scale: float, env: dict[str, str]) -> dict:
    """Reuse the data in the bench database, or migrate and generate it; return how."""
    create_database(database_url)
    existing = case_count(database_url)
    manage = [sys.executable, "manage.py"]
    migrate = [*manage, "migrate", "--noinput", "-v", "0"]
    if existing:
        print(f"Reusing the {existing:,} cases in {redact(database_url)}.", flush=True)
        # Data generated by older code: its tables brought up to this code's, and the analytics
        # summary (issue 15) computed from them (about 5 s at scale 1).
        subprocess.run(migrate, cwd=ROOT, env=env, check=True)  # noqa: S603 - manage.py
        if (ROOT / "cases" / "management" / "commands" / "analytics_refresh.py").exists():
            refresh = [*manage, "analytics_refresh"]
            subprocess.run(refresh, cwd=ROOT, env=env, check=True)  # noqa: S603 - manage.py
        return {"generated": False, "generate_s": None}
    command = ROOT / "demo" / "management" / "commands" / "generate_demo_data.py"
    if not command.exists():
        raise SystemExit(
            f"{redact(database_url)} has no cases and manage.py generate_demo_data does not "
            "exist yet: fill the database first."
        )
    print(f"{redact(database_url)} has no cases: migrating and generating scale {scale:g}...")
    started = time.perf_counter()
    subprocess.run(migrate, cwd=ROOT, env=env, check=True)  # noqa: S603 - manage.py
    subprocess.run(  # noqa: S603 - manage.py
        [*manage, "generate_demo_data", "--scale", f"{scale:g}", "--seed", "1"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    return {"generated": True, "generate_s": round(time.perf_counter() - started, 1)}


def _one_row(cursor, sql: str, params: tuple = ()) -> tuple:
    cursor.execute(sql, params)
    row = cursor.fetchone()
    if row is None:
        raise SystemExit(f"The bench data has nothing for: {' '.join(sql.split())[:120]}")
    return row


def _matches(cursor, term: str) -> int:
    cursor.execute(
        "SELECT count(*) FROM cases_case "
        "WHERE search_vector @@ websearch_to_tsquery('english', %s)",
        [term],
    )
    return cursor.fetchone()[0]


def documented_terms() -> dict[str, str]:
    """RARE_TERM and COMMON_TERM of the demo data (demo/words.py), read without Django."""
    import ast

    source = ROOT / "demo" / "words.py"
    if not source.exists():
        return {}
    terms = {}
    for node in ast.parse(source.read_text()).body:
        if (
            isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
            and node.targets[0].id in {"RARE_TERM", "COMMON_TERM"}
            and isinstance(node.value, ast.Constant)
        ):
            terms[node.targets[0].id] = str(node.value.value)
    return terms


def pick_terms(cursor, rare: str | None, common: str | None) -> dict:
    """The rare and common search terms, with how many cases each matches.

    Unless given, they are the generator's documented terms (demo/words.py: RARE_TERM is
    in the summaries of 10 cases at scale 1, COMMON_TERM in nearly every case) when they match
    anything; else they come from the lexeme statistics of a 2 % sample of the cases' search
    vectors: the common term is the lexeme in the most documents; the rare term is the first
    lexeme, among those in exactly one sampled document (alphabetic, 6+ letters), that matches
    between 1 and 20 cases in the whole table.
    """
    documented = documented_terms()
    for name, given in (("RARE_TERM", rare), ("COMMON_TERM", common)):
        if not given and documented.get(name) and _matches(cursor, documented[name]):
            documented[f"use_{name}"] = documented[name]
    rare = rare or documented.get("use_RARE_TERM")
    common = common or documented.get("use_COMMON_TERM")
    sample = "SELECT search_vector FROM cases_case TABLESAMPLE SYSTEM (2) REPEATABLE (1)"
    if not common:
        cursor.execute(
            "SELECT word FROM ts_stat(%s) WHERE word ~ '^[a-z]{4,}$' "
            "ORDER BY ndoc DESC, word LIMIT 1",
            [sample],
        )
        row = cursor.fetchone()
        common = row[0] if row else "v"
    if not rare:
        cursor.execute(
            "SELECT word FROM ts_stat(%s) WHERE ndoc = 1 AND word ~ '^[a-z]{6,}$' "
            "ORDER BY md5(word) LIMIT 200",
            [sample],
        )
        for (word,) in cursor.fetchall():
            if 1 <= _matches(cursor, word) <= 20:
                rare = word
                break
        else:
            rare = "zyzzyva"
    return {
        "rare_term": rare,
        "rare_matches": _matches(cursor, rare),
        "common_term": common,
        "common_matches": _matches(cursor, common),
    }


def pick_targets(database_url: str, rare: str | None, common: str | None) -> dict:
    conn = connect(database_url)
    try:
        with conn.cursor() as cursor:
            largest, largest_entries = _one_row(
                cursor,
                "SELECT c.slug, e.n FROM (SELECT case_id, count(*) AS n FROM cases_docketentry "
                "GROUP BY case_id ORDER BY n DESC, case_id LIMIT 1) e "
                "JOIN cases_case c ON c.id = e.case_id",
            )
            small, small_entries = _one_row(
                cursor,
                "SELECT c.slug, e.n FROM (SELECT case_id, count(*) AS n FROM cases_docketentry "
                "GROUP BY case_id ORDER BY abs(count(*) - 10), case_id LIMIT 1) e "
                "JOIN cases_case c ON c.id = e.case_id",
            )
            busiest, busiest_cases = _one_row(
                cursor,
                "SELECT p.slug, r.n FROM (SELECT party_id, count(DISTINCT case_id) AS n "
                "FROM parties_caseparty GROUP BY party_id ORDER BY n DESC, party_id LIMIT 1) r "
                "JOIN parties_party p ON p.id = r.party_id",
            )
            typical, typical_cases = _one_row(
                cursor,
                "WITH r AS (SELECT party_id, count(DISTINCT case_id) AS n "
                "FROM parties_caseparty GROUP BY party_id), "
                "m AS (SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY n) AS n FROM r) "
                "SELECT p.slug, r.n FROM r JOIN m ON r.n = m.n "
                "JOIN parties_party p ON p.id = r.party_id ORDER BY r.party_id LIMIT 1",
            )
            court, status, court_status_cases = _one_row(
                cursor,
                "SELECT co.code, c.status, count(*) AS n FROM cases_case c "
                "JOIN cases_court co ON co.id = c.court_id "
                "GROUP BY co.code, c.status ORDER BY n DESC, co.code, c.status LIMIT 1",
            )
            judge, judge_rulings = _one_row(
                cursor,
                "SELECT judge_id, count(*) AS n FROM cases_ruling WHERE judge_id IS NOT NULL "
                "GROUP BY judge_id ORDER BY n DESC, judge_id LIMIT 1",
            )
            motion_court, court_motions = _one_row(
                cursor,
                "SELECT co.code, count(*) AS n FROM cases_motion m "
                "JOIN cases_case c ON c.id = m.case_id JOIN cases_court co ON co.id = c.court_id "
                "GROUP BY co.code ORDER BY n DESC, co.code LIMIT 1",
            )
            hub, hub_links = _one_row(
                cursor,
                "SELECT c.slug, l.n FROM (SELECT to_case_id, count(*) AS n FROM cases_caselink "
                "GROUP BY to_case_id ORDER BY n DESC, to_case_id LIMIT 1) l "
                "JOIN cases_case c ON c.id = l.to_case_id",
            )
            terms = pick_terms(cursor, rare, common)
    finally:
        conn.close()
    return {
        "largest_case": largest,
        "largest_case_entries": largest_entries,
        "small_case": small,
        "small_case_entries": small_entries,
        "busiest_party": busiest,
        "busiest_party_cases": busiest_cases,
        "typical_party": typical,
        "typical_party_cases": typical_cases,
        "court": court,
        "status": status,
        "court_status_cases": court_status_cases,
        "busiest_judge": judge,
        "busiest_judge_rulings": judge_rulings,
        "motion_court": motion_court,
        "motion_court_motions": court_motions,
        "hub_case": hub,
        "hub_case_links": hub_links,
        **terms,
    }


def paths(targets: dict) -> dict[str, str]:
    def query(**params: str) -> str:
        return "?" + urllib.parse.urlencode(params)

    large, small = targets["largest_case"], targets["small_case"]
    return {
        "floor": "/_bench/floor/",
        "case_list": "/cases/",
        "case_list_filtered": "/cases/" + query(court=targets["court"], status=targets["status"]),
        "search_rare": "/cases/" + query(q=targets["rare_term"]),
        "search_common": "/cases/" + query(q=targets["common_term"]),
        "case_detail_largest": f"/cases/{large}/",
        "case_detail_small": f"/cases/{small}/",
        "party_busiest": f"/parties/{targets['busiest_party']}/",
        "party_typical": f"/parties/{targets['typical_party']}/",
        "deadlines": "/deadlines/",
        "analytics": "/analytics/",
        "analytics_court": "/analytics/" + query(court=targets["motion_court"]),
        "judge_busiest": f"/judges/{targets['busiest_judge']}/",
        "case_detail_hub": f"/cases/{targets['hub_case']}/",
        "related_hub": f"/cases/{targets['hub_case']}/related/",
        "ics_largest": f"/cases/{large}/deadlines.ics",
        "atom_largest": f"/cases/{large}/feed.atom",
        "csv_export": "/cases/export.csv",
        "ics_small": f"/cases/{small}/deadlines.ics",
        "atom_small": f"/cases/{small}/feed.atom",
        "timeline_csv_small": f"/cases/{small}/timeline.csv",
        "timeline_csv_largest": f"/cases/{large}/timeline.csv",
    }


# --- the server ---------------------------------------------------------------------------


def server_env(database_url: str, conn_max_age: int | None) -> dict[str, str]:
    """Production settings on the bench database, files under a temporary directory."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"REDIS_URL", "EMAIL_URL", "CONN_MAX_AGE", "DJANGO_SETTINGS_MODULE"}
    }
    env.update(
        DATABASE_URL=database_url,
        ENV_FILE=os.devnull,
        VAR_DIR=_VAR_DIR.name,
        DEBUG="false",
        SECRET_KEY="bench-only-not-secret",  # noqa: S106 - a throwaway server on 127.0.0.1
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_COOKIES="false",
        SECURE_SSL_REDIRECT="false",  # plain HTTP on 127.0.0.1, no proxy in front
        BENCH_ENDPOINTS="1",
        LOG_LEVEL="INFO",
        PYTHONUNBUFFERED="1",
    )
    if conn_max_age is not None:
        env["CONN_MAX_AGE"] = str(conn_max_age)
    return env


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def cpu_seconds(pids: list[int]) -> float | None:
    """User + system CPU time of these processes (None if one has gone)."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except (FileNotFoundError, ProcessLookupError):
            return None
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total / ticks


def rss_kb(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except (FileNotFoundError, ProcessLookupError):
        return None
    return None


def cpu_times() -> list[int]:
    """The machine's CPU jiffies: user nice system idle iowait irq softirq steal."""
    with open("/proc/stat") as stat:
        return [int(x) for x in stat.readline().split()[1:9]]


def cpu_use(before: list[int], after: list[int]) -> dict[str, float]:
    """How busy the machine's CPUs were between two ``cpu_times()`` (all processes, not only
    the benchmark's: a busy machine shows here), and the load average at the end."""
    delta = [b - a for a, b in zip(before, after, strict=True)]
    total = max(1, sum(delta))
    idle = delta[3] + delta[4]
    return {
        "cpu_busy_pct": round(100 * (total - idle) / total, 1),
        "cpu_steal_pct": round(100 * delta[7] / total, 1),
        "load_average_1m": round(os.getloadavg()[0], 2),
    }


class Server:
    """gunicorn with N sync workers; the workers are the master's children."""

    def __init__(self, env: dict[str, str], port: int, workers: int, worker_class: str) -> None:
        self.env, self.port, self.workers, self.worker_class = env, port, workers, worker_class
        self.log_path = Path(_VAR_DIR.name) / "gunicorn.log"
        self.process: subprocess.Popen | None = None

    def command(self) -> list[str]:
        command = [
            str(BIN / "gunicorn"),
            "tracker.wsgi:application",
            "--bind",
            f"127.0.0.1:{self.port}",
            "--workers",
            str(self.workers),
            "--worker-class",
            self.worker_class,
            "--error-logfile",
            "-",
            "--log-level",
            "info",
            "--no-control-socket",  # gunicorn 27's default socket path is shared by every server
        ]
        if self.worker_class == "gthread":
            command += ["--threads", "4"]
        return command

    def start(self) -> None:
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(  # noqa: S603 - our own gunicorn, fixed arguments
            self.command(),
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        log.close()

    def wait_ready(self, timeout: float = 90.0) -> None:
        import http.client

        deadline = time.time() + timeout
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise SystemExit(f"gunicorn exited:\n{self.log_tail()}")
            try:
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
                conn.request("GET", "/_bench/floor/")
                response = conn.getresponse()
                response.read()
                conn.close()
                if response.status == 200 and response.getheader(load.HEADER) is not None:
                    if len(self.worker_pids()) >= self.workers:
                        return
                elif response.status != 200:
                    raise SystemExit(
                        f"/_bench/floor/ answered {response.status}:\n{self.log_tail()}"
                    )
            except OSError:
                pass
            time.sleep(0.3)
        raise SystemExit(f"gunicorn did not answer within {timeout:.0f} s:\n{self.log_tail()}")

    def worker_pids(self) -> list[int]:
        if self.process is None:
            return []
        master = self.process.pid
        try:
            children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
            return [int(pid) for pid in children]
        except (FileNotFoundError, ProcessLookupError):
            pass
        pids = []
        for stat in Path("/proc").glob("[0-9]*/stat"):
            with contextlib.suppress(OSError, IndexError, ValueError):
                fields = stat.read_text().rsplit(")", 1)[1].split()
                if int(fields[1]) == master:
                    pids.append(int(stat.parent.name))
        return pids

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=10)

    def log_tail(self, lines: int = 40) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except FileNotFoundError:
            return ""

    def streamed_queries(self) -> dict[str, list[int]]:
        """Total statements of each streamed response, from the bench-sql log lines."""
        found: dict[str, list[int]] = {}
        text = self.log_path.read_text(errors="replace") if self.log_path.exists() else ""
        for match in re.finditer(r"bench-sql path=(\S+) before-response=\d+ total=(\d+)", text):
            found.setdefault(match.group(1), []).append(int(match.group(2)))
        return found


class RssSampler(threading.Thread):
    """Samples the workers' RSS every ``interval`` seconds; keeps the peak per phase and pid."""

    def __init__(self, server: Server, interval: float = 0.025) -> None:
        super().__init__(daemon=True)
        self.server, self.interval = server, interval
        self.phase = "start"
        self.peaks: dict[str, dict[int, int]] = {}
        self.halt = threading.Event()
        self.lock = threading.Lock()

    def run(self) -> None:
        pids: list[int] = []
        refreshed = 0.0
        while not self.halt.is_set():
            if time.time() - refreshed > 0.5:
                pids, refreshed = self.server.worker_pids(), time.time()
            with self.lock:
                peaks = self.peaks.setdefault(self.phase, {})
                for pid in pids:
                    kb = rss_kb(pid)
                    if kb is not None and kb > peaks.get(pid, 0):
                        peaks[pid] = kb
            time.sleep(self.interval)

    def set_phase(self, phase: str) -> None:
        with self.lock:
            self.phase = phase

    def peak_mb(self, phase: str | None = None) -> float:
        with self.lock:
            phases = [self.peaks.get(phase, {})] if phase else list(self.peaks.values())
            values = [kb for peaks in phases for kb in peaks.values()]
        return round(max(values, default=0) / 1024, 1)

    def phase_peaks(self, phase: str) -> dict[int, int]:
        with self.lock:
            return dict(self.peaks.get(phase, {}))


# --- measurements -------------------------------------------------------------------------


def fetch(port: int, path: str) -> dict:
    """One GET, reading the body to the end: status, bytes, header, first byte and total ms."""
    import http.client

    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=300)
    started = time.perf_counter()
    conn.request("GET", path, headers={"Accept-Encoding": "identity"})
    response = conn.getresponse()
    first = response.read(1)
    first_byte = time.perf_counter() - started
    size, lines = len(first), first.count(b"\n")
    while chunk := response.read(65536):
        size += len(chunk)
        lines += chunk.count(b"\n")
    total = time.perf_counter() - started
    conn.close()
    return {
        "status": response.status,
        "bytes": size,
        "lines": lines,
        "sql_queries": response.getheader(load.HEADER),
        "first_byte_ms": round(first_byte * 1000, 1),
        "ms": round(total * 1000, 1),
    }


def csv_memory(server: Server, sampler: RssSampler, port: int, urls: dict[str, str]) -> dict:
    """RSS rise of a worker while it streams the export of every case (fresh workers)."""
    warm = load.run(
        host="127.0.0.1",
        port=port,
        path=urls["search_rare"].replace("/cases/", "/cases/export.csv", 1),
        concurrency=4,
        warmup=0,
        duration=2,
    )
    runs = []
    for n in range(3):
        time.sleep(0.5)
        before = {pid: rss_kb(pid) or 0 for pid in server.worker_pids()}
        phase = f"csv-memory-{n}"
        sampler.set_phase(phase)
        time.sleep(0.1)
        result = fetch(port, urls["csv_export"])
        time.sleep(0.2)
        sampler.set_phase("idle")
        peaks = sampler.phase_peaks(phase)
        rises = {pid: peaks.get(pid, kb) - kb for pid, kb in before.items()}
        served = max(rises, key=rises.get)
        runs.append(
            result
            | {
                "rss_before_mb": round(before[served] / 1024, 1),
                "rss_peak_mb": round(peaks.get(served, before[served]) / 1024, 1),
                "rise_mb": round(rises[served] / 1024, 1),
            }
        )
    return {"warm_up_requests": warm["requests"], "downloads": runs}


def probe(port: int, urls: dict[str, str]) -> dict:
    results = {}
    for name, path in urls.items():
        tries = [fetch(port, path) for _ in range(3)]
        queries = sorted({int(t["sql_queries"]) for t in tries if t["sql_queries"] is not None})
        results[name] = {
            "path": path,
            "status": sorted({t["status"] for t in tries}),
            "bytes": tries[-1]["bytes"],
            "ms": [t["ms"] for t in tries],
            "sql_queries": queries,
        }
    return results


def run_load(
    port: int,
    path: str | list[str],
    concurrency: int,
    warmup: float,
    duration: float,
    min_requests: int,
) -> dict:
    """bench/load.py in its own process (several paths: each client takes them in turn)."""
    paths = [path] if isinstance(path, str) else path
    command = [
        sys.executable,
        str(ROOT / "bench" / "load.py"),
        "--port",
        str(port),
        *[arg for one in paths for arg in ("--path", one)],
        "--concurrency",
        str(concurrency),
        "--warmup",
        str(warmup),
        "--duration",
        str(duration),
        "--min-requests",
        str(min_requests),
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=True)  # noqa: S603
    return json.loads(done.stdout)


def mixed_load(
    server: Server,
    sampler: RssSampler,
    port: int,
    urls: dict[str, str],
    concurrency: int,
    duration: float,
) -> dict:
    """Every main page in turn at ``concurrency`` for ``duration`` s; the workers' RSS over it."""
    paths = ["/", *(urls[name] for name in MIXED_PAGES if name in urls)]
    print(f"sustained load: {len(paths)} pages in turn, c={concurrency}, {duration:.0f} s")
    rss: list[tuple[float, int]] = []  # (seconds since start, the largest worker's RSS in KB)
    done = threading.Event()

    def watch() -> None:
        started = time.monotonic()
        while not done.wait(0.5):
            sizes = [rss_kb(pid) or 0 for pid in server.worker_pids()]
            rss.append((time.monotonic() - started, max(sizes, default=0)))

    watcher = threading.Thread(target=watch, daemon=True)
    sampler.set_phase("mixed")
    watcher.start()
    result = run_load(port, paths, concurrency, 2.0, duration, min_requests=1)
    done.set()
    watcher.join()
    sampler.set_phase("idle")
    first = [kb for at, kb in rss if at <= 12.0] or [0]
    last = [kb for at, kb in rss if at >= rss[-1][0] - 10.0] if rss else [0]
    result |= {
        "pages": len(paths),
        "rss_peak_mb": sampler.peak_mb("mixed"),
        "rss_first_10s_mb": round(max(first) / 1024, 1),
        "rss_last_10s_mb": round(max(last) / 1024, 1),
    }
    print(
        f"    {result['requests']} requests, {result['rps']:.1f} req/s, p95 "
        f"{result['p95_ms']:.0f} ms, {result['errors']} errors; worker RSS peak "
        f"{result['rss_peak_mb']:.0f} MB ({result['rss_first_10s_mb']:.0f} MB in the first 10 s, "
        f"{result['rss_last_10s_mb']:.0f} MB in the last)",
        flush=True,
    )
    return result


def scan_child() -> None:
    """Run in a subprocess: the reminder scan over the bench database; print JSON."""
    import resource

    import reminders  # bench/reminders.py: its settings and its timed scan

    reminders.configure(os.environ["BENCH_DATABASE_URL"])
    import django

    django.setup()
    from django.db import transaction
    from django.utils import timezone

    from alerts.models import Notification, Subscription
    from cases.models import Deadline

    now = timezone.now()
    result = {
        "open_deadlines": Deadline.objects.filter(status="open").count(),
        "deadlines": Deadline.objects.count(),
        "subscriptions": Subscription.objects.filter(active=True).count(),
    }
    with transaction.atomic():
        existing = Notification.objects.count()
        took, statements, written = reminders.timed_scan(now)
        rows = Notification.objects.count() - existing
        again, again_statements, again_written = reminders.timed_scan(now)
        transaction.set_rollback(True)  # leave the bench data as it was
    result |= {
        "first_scan_s": round(took, 2),
        "first_scan_statements": statements,
        "reminders_written": written,
        "rows_inserted": rows,
        "statements_per_1000_rows": round(1000 * statements / max(1, rows), 2),
        "second_scan_s": round(again, 2),
        "second_scan_statements": again_statements,
        "second_scan_written": again_written,
        "peak_memory_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }
    print(json.dumps(result))


def reminder_scan(database_url: str) -> dict:
    env = dict(os.environ, BENCH_DATABASE_URL=database_url)
    done = subprocess.run(  # noqa: S603 - this script
        [sys.executable, __file__, "--scan-child"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        check=False,
    )
    if done.returncode:
        return {"error": done.stderr.strip().splitlines()[-1] if done.stderr else "failed"}
    return json.loads(done.stdout.strip().splitlines()[-1])


# --- verdicts and the table ---------------------------------------------------------------


def check(target: str, measured: str, passed: bool | None) -> dict:
    return {"target": target, "measured": measured, "pass": passed}


def checks(results: dict) -> list[dict]:
    out = []
    at8 = results["load"].get("8", {})
    for name, (_label, kind) in ENDPOINTS.items():
        r = at8.get(name)
        if r is None:
            continue
        limit = {
            "page": PAGE_P95_MS,
            "search_rare": SEARCH_RARE_P95_MS,
            "search_common": SEARCH_COMMON_P95_MS,
        }.get(kind)
        if limit is None:
            continue
        out.append(
            check(
                f"{name}: p95 <= {limit:.0f} ms, no errors (c=8)",
                f"p95 {r['p95_ms']:.0f} ms, {r['errors']} errors / {r['requests']}",
                r["p95_ms"] <= limit and r["errors"] == 0,
            )
        )
    if "case_list" in at8 and "floor" in at8:
        ratio = at8["case_list"]["rps"] / max(0.01, at8["floor"]["rps"])
        out.append(
            check(
                f"case_list throughput >= {FLOOR_RATIO:.0%} of the floor (c=8)",
                f"{at8['case_list']['rps']:.1f} / {at8['floor']['rps']:.1f} req/s = {ratio:.0%}",
                ratio >= FLOOR_RATIO,
            )
        )
    probe_results = results["probe"]
    for small, large in SAME_QUERIES:
        if small in probe_results and large in probe_results:
            a, b = probe_results[small]["sql_queries"], probe_results[large]["sql_queries"]
            out.append(
                check(
                    f"SQL queries the same: {small} = {large}",
                    f"{'/'.join(map(str, a))} vs {'/'.join(map(str, b))}",
                    a == b and len(a) == 1,
                )
            )
    varying = {
        name: r["sql_queries"] for name, r in probe_results.items() if len(r["sql_queries"]) != 1
    }
    for by_load in results["load"].values():
        for name, r in by_load.items():
            if len(r["sql_queries"]) > 1:
                varying[name] = sorted(r["sql_queries"], key=int)
    out.append(
        check(
            "SQL queries per page constant from request to request",
            "varying: " + ", ".join(f"{k} {v}" for k, v in varying.items()) if varying else "yes",
            not varying,
        )
    )
    memory = results.get("csv_memory") or {}
    if memory.get("downloads"):
        rise = max(d["rise_mb"] for d in memory["downloads"])
        first = max(d["first_byte_ms"] for d in memory["downloads"])
        rows = memory["downloads"][0]["lines"] - 1
        out.append(
            check(
                f"CSV export streams, worker memory rise < {CSV_RISE_MB:.0f} MB",
                f"{rows:,} rows, rise {rise:.1f} MB, first byte after {first:.0f} ms",
                rise < CSV_RISE_MB and all(d["status"] == 200 for d in memory["downloads"]),
            )
        )
    scan = results.get("reminder_scan") or {}
    if "first_scan_s" in scan:
        out.append(
            check(
                f"reminder scan < {SCAN_SECONDS:.0f} s, statements not per row",
                f"{scan['first_scan_s']:.1f} s (then {scan['second_scan_s']:.1f} s); "
                f"{scan['first_scan_statements']:,} statements for {scan['rows_inserted']:,} "
                f"rows ({scan['statements_per_1000_rows']:.2f} per 1,000)",
                scan["first_scan_s"] < SCAN_SECONDS
                and scan["second_scan_s"] < SCAN_SECONDS
                and scan["first_scan_statements"]
                <= SCAN_FIXED_STATEMENTS
                + scan["rows_inserted"] * SCAN_STATEMENTS_PER_1000_ROWS / 1000,
            )
        )
    elif scan:
        out.append(check("reminder scan", f"failed: {scan.get('error')}", False))
    mixed = results.get("mixed")
    if mixed:
        climb = mixed["rss_last_10s_mb"] - mixed["rss_first_10s_mb"]
        out.append(
            check(
                f"sustained load: {mixed['pages']} main pages in turn, c={mixed['concurrency']}, "
                f"{mixed['duration_s']:.0f} s: 0 errors, worker RSS <= {WORKER_RSS_MB:.0f} MB, "
                f"climb <= {MIXED_RSS_CLIMB_MB:.0f} MB",
                f"{mixed['requests']:,} requests ({mixed['rps']:.1f} req/s, p95 "
                f"{mixed['p95_ms']:.0f} ms), {mixed['errors']} errors; RSS peak "
                f"{mixed['rss_peak_mb']:.0f} MB, {mixed['rss_first_10s_mb']:.0f} -> "
                f"{mixed['rss_last_10s_mb']:.0f} MB",
                mixed["errors"] == 0
                and mixed["rss_peak_mb"] <= WORKER_RSS_MB
                and climb <= MIXED_RSS_CLIMB_MB,
            )
        )
    peak = results["worker_rss_peak_mb"]
    out.append(
        check(
            f"worker RSS under load <= {WORKER_RSS_MB:.0f} MB",
            f"peak {peak:.0f} MB",
            peak <= WORKER_RSS_MB,
        )
    )
    return out


def table(results: dict) -> str:
    levels = sorted(results["load"], key=int)
    floor = {c: results["load"][c].get("floor", {}).get("rps") for c in levels}
    header = ["endpoint", "SQL", "CPU ms"]
    for c in levels:
        header += [f"c={c} p50", "p95", "p99", "req/s", "err"]
    header += [f"x floor (c={levels[-1]})", "RSS MB", "verdict"]
    rows = [header]
    for name, (_, kind) in ENDPOINTS.items():
        if not any(name in results["load"][c] for c in levels):
            continue
        probe_q = results["probe"].get(name, {}).get("sql_queries", [])
        first = results["load"][levels[0]].get(name, {})
        cpu = first.get("worker_cpu_ms_per_request")
        row = [name, "/".join(map(str, probe_q)), f"{cpu:.0f}" if cpu is not None else "?"]
        for c in levels:
            r = results["load"][c].get(name)
            if r is None:
                row += ["", "", "", "", ""]
                continue
            row += [
                f"{r['p50_ms']:.0f}",
                f"{r['p95_ms']:.0f}",
                f"{r['p99_ms']:.0f}",
                f"{r['rps']:.1f}",
                str(r["errors"]),
            ]
        last = results["load"][levels[-1]].get(name, {})
        ratio = last.get("rps", 0) / floor[levels[-1]] if floor[levels[-1]] else 0
        row += [f"{ratio:.0%}" if kind != "export" else "-", f"{last.get('rss_peak_mb', 0):.0f}"]
        limit = {
            "page": PAGE_P95_MS,
            "search_rare": SEARCH_RARE_P95_MS,
            "search_common": SEARCH_COMMON_P95_MS,
        }.get(kind)
        if limit is None:
            row.append("-")
        else:
            ok = last.get("p95_ms", 1e9) <= limit and last.get("errors", 1) == 0
            row.append(("pass" if ok else "MISS") + f" ({limit:.0f})")
        rows.append(row)
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    lines = [
        "  ".join(
            cell.ljust(widths[i]) if i == 0 else cell.rjust(widths[i]) for i, cell in enumerate(r)
        )
        for r in rows
    ]
    lines.insert(1, "-" * len(lines[0]))
    lines += [
        "",
        "times in ms; SQL = X-SQL-Queries per request (streams: total, from the log); CPU ms =",
        f"the gunicorn workers' CPU time per request at c={levels[0]} (PostgreSQL's not included);",
        f"x floor = req/s over the floor's at c={levels[-1]}; RSS = workers' peak during the URL",
    ]
    lines += ["", "targets:"]
    for c in results["checks"]:
        mark = "pass" if c["pass"] else "MISS"
        lines.append(f"  [{mark}] {c['target']}: {c['measured']}")
    return "\n".join(lines)


def _git(*args: str) -> str:
    command = ["git", "-C", str(ROOT), *args]
    return subprocess.run(command, capture_output=True, text=True, check=False).stdout  # noqa: S603,S607


def machine(database_url: str) -> dict:
    conn = connect(database_url)
    with conn.cursor() as cursor:
        cursor.execute("SHOW server_version")
        postgres = cursor.fetchone()[0]
    conn.close()
    versions = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django, gunicorn; print(django.__version__, gunicorn.__version__)",
        ],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.split()
    commit = _git("rev-parse", "--short", "HEAD").strip()
    changed = _git("status", "--porcelain", "--untracked-files=no").splitlines()
    return {
        "code": f"{commit} + {len(changed)} changed files" if changed else commit,
        "python": platform.python_version(),
        "django": versions[0] if versions else "",
        "gunicorn": versions[1] if len(versions) > 1 else "",
        "postgresql": postgres,
        "cpus": str(os.cpu_count()),
        "platform": platform.platform(),
        "load_average_at_start": " ".join(f"{x:.2f}" for x in os.getloadavg()),
    }


def redact(url: str) -> str:
    parts = urlsplit(url)
    if parts.password:
        return url.replace(f":{parts.password}@", ":***@")
    return url


# --- main ---------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="when the data is generated")
    parser.add_argument("--concurrency", type=int, nargs="+", default=[1, 8])
    parser.add_argument("--duration", type=float, default=10.0, help="seconds per URL and level")
    parser.add_argument("--warmup", type=float, default=2.0, help="seconds, not recorded")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--worker-class", default="sync", choices=["sync", "gthread"])
    parser.add_argument(
        "--conn-max-age", type=int, default=None, help="CONN_MAX_AGE (default: the settings' 60)"
    )
    parser.add_argument("--only", nargs="+", choices=list(ENDPOINTS), help="these URLs only")
    parser.add_argument("--rare-term")
    parser.add_argument("--common-term")
    parser.add_argument("--skip-scan", action="store_true", help="no reminder scan")
    parser.add_argument(
        "--mixed-duration",
        type=float,
        default=MIXED_SECONDS,
        help="seconds of the sustained load over every main page (0: none)",
    )
    parser.add_argument("--mixed-concurrency", type=int, default=MIXED_CONCURRENCY)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--scan-child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.scan_child:
        scan_child()
        return
    database_url = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DATABASE_URL)
    name = urlsplit(database_url).path.lstrip("/")
    if name in SHARED_DATABASES or name.startswith("helper"):
        raise SystemExit(f"{redact(database_url)} is a shared database; use one of your own.")
    env = server_env(database_url, args.conn_max_age)
    started = datetime.datetime.now().astimezone()
    results: dict = {
        "date": started.date().isoformat(),
        "started_at": started.isoformat(timespec="seconds"),
        "database": redact(database_url),
    }
    results["dataset"] = ensure_dataset(database_url, args.scale, env)
    results["machine"] = machine(database_url)
    results["dataset"]["size"] = dataset_size(database_url)
    print("Dataset:", json.dumps(results["dataset"]["size"]), flush=True)
    targets = pick_targets(database_url, args.rare_term, args.common_term)
    urls = paths(targets)
    results["targets"] = targets
    results["urls"] = urls
    print("Targets:", json.dumps(targets), flush=True)

    print("collectstatic...", flush=True)
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
        cwd=ROOT,
        env=env,
        check=True,
    )
    port = args.port or free_port()
    server = Server(env, port, args.workers, args.worker_class)
    results["server"] = {
        "command": " ".join(server.command()[1:]),
        "workers": args.workers,
        "worker_class": args.worker_class,
        "conn_max_age": int(env.get("CONN_MAX_AGE", "60")),
        "duration_s": args.duration,
        "warmup_s": args.warmup,
    }
    sampler = RssSampler(server)
    selected = [n for n in ENDPOINTS if not args.only or n in args.only or n == "floor"]
    try:
        server.start()
        server.wait_ready()
        sampler.start()
        sampler.set_phase("idle")
        print(f"gunicorn on :{port}, workers {server.worker_pids()}", flush=True)
        results["worker_rss_idle_mb"] = {
            str(pid): round((rss_kb(pid) or 0) / 1024, 1) for pid in server.worker_pids()
        }
        if "csv_export" in selected:
            print("CSV export memory (fresh workers)...", flush=True)
            results["csv_memory"] = csv_memory(server, sampler, port, urls)
        print("probe...", flush=True)
        sampler.set_phase("probe")
        probe_urls = {n: p for n, p in urls.items() if n in selected or n in PROBE_ONLY}
        results["probe"] = probe(port, probe_urls)
        results["load"] = {}
        for concurrency in args.concurrency:
            by_name = results["load"].setdefault(str(concurrency), {})
            for name in selected:
                print(f"c={concurrency} {name} {urls[name]}", flush=True)
                phase = f"load-{concurrency}-{name}"
                sampler.set_phase(phase)
                cpu_before = cpu_times()
                workers = server.worker_pids()
                worker_cpu = cpu_seconds(workers)
                slow = name == "csv_export"
                result = run_load(
                    port,
                    urls[name],
                    concurrency,
                    args.warmup if not slow else 0,
                    args.duration,
                    min_requests=1,
                )
                sampler.set_phase("idle")
                result["rss_peak_mb"] = sampler.peak_mb(phase)
                result |= cpu_use(cpu_before, cpu_times())
                # The workers' own CPU time per request (warm-up included): what a page costs in
                # Python, whatever else the machine was doing. PostgreSQL's time is not in it.
                worker_cpu_after = cpu_seconds(workers)
                served = result["requests"] + result["warm_up_requests"]
                result["worker_cpu_ms_per_request"] = (
                    round(1000 * (worker_cpu_after - worker_cpu) / served, 1)
                    if worker_cpu is not None and worker_cpu_after is not None and served
                    else None
                )
                by_name[name] = result
                print(
                    f"    p50 {result['p50_ms']:.0f} ms, p95 {result['p95_ms']:.0f} ms, "
                    f"{result['rps']:.1f} req/s, {result['errors']} errors, "
                    f"SQL {result['sql_queries']}; CPU {result['cpu_busy_pct']:.0f} % busy, "
                    f"load {result['load_average_1m']:.1f}",
                    flush=True,
                )
        if args.mixed_duration > 0:
            results["mixed"] = mixed_load(
                server, sampler, port, urls, args.mixed_concurrency, args.mixed_duration
            )
        # Streamed responses: the header counts what ran before the body; the log the total.
        streamed = server.streamed_queries()
        for name, path in urls.items():
            totals = sorted(set(streamed.get(path, [])))
            if totals and name in results["probe"]:
                results["probe"][name]["sql_queries_before_response"] = results["probe"][name][
                    "sql_queries"
                ]
                results["probe"][name]["sql_queries"] = totals
        results["worker_rss_peak_mb"] = sampler.peak_mb()
        results["worker_rss_peak_under_load_mb"] = max(
            (r["rss_peak_mb"] for by in results["load"].values() for r in by.values()),
            default=0,
        )
    finally:
        sampler.halt.set()
        server.stop()
    for by_name in results["load"].values():
        for name, result in by_name.items():
            if name in results["probe"]:
                result["sql_queries_total"] = results["probe"][name]["sql_queries"]
    if not args.skip_scan:
        print("reminder scan over the whole dataset...", flush=True)
        results["reminder_scan"] = reminder_scan(database_url)
    results["machine"]["load_average_at_end"] = " ".join(f"{x:.2f}" for x in os.getloadavg())
    results["checks"] = checks(results)
    print()
    print(table(results))
    RESULTS.mkdir(parents=True, exist_ok=True)
    # A run on less than the scale-1 data does not overwrite the day's scale-1 results.
    cases = results["dataset"]["size"]["cases"]
    suffix = "" if cases >= SCALE_1_CASES else f"-{cases}-cases"
    path = RESULTS / f"pages-{results['date']}{suffix}.json"
    path.write_text(json.dumps(results, indent=2) + "\n")
    print(f"\nwritten to {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
