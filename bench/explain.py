"""EXPLAIN ANALYZE of the statements each benchmarked page runs, as Markdown.

    .venv/bin/python bench/explain.py > /tmp/explain.md      # or: make explain

Same database and same URLs as bench/pages.py (BENCH_DATABASE_URL, default the local ``bench``
database, which must hold the generated data). Each URL is requested once in this process with
production settings, every SQL statement it runs is captured, and each of them is run again under
``EXPLAIN (ANALYZE, BUFFERS)`` (a server-side cursor's ``DECLARE ... FOR`` is explained as its
``SELECT``). Read-only: EXPLAIN ANALYZE of a SELECT changes nothing. The statements are listed
slowest first; ``--top N`` keeps the N slowest of each page (default 3), ``--full`` prints every
plan line instead of the first 25.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import pages  # noqa: E402  (bench/pages.py: pick_targets, paths, the bench database URL)

DECLARE = re.compile(r"^DECLARE \S+ NO SCROLL CURSOR WITH(?:OUT)? HOLD FOR ", re.IGNORECASE)
PLAN_LINES = 25
CURSOR_NOTE = (
    "(The request read this through a server-side cursor, for which PostgreSQL plans to return "
    "the first rows fast (cursor_tuple_fraction); explained as a plain SELECT it is planned for "
    "all its rows, so the plan and time above may not be the ones the request had.)"
)


def setup(database_url: str) -> None:
    os.environ.update(
        DATABASE_URL=database_url,
        ENV_FILE=os.devnull,
        DEBUG="false",
        SECRET_KEY="explain-only-not-secret",  # noqa: S106 - never serves anything
        ALLOWED_HOSTS="testserver",
        BENCH_ENDPOINTS="1",
    )
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tracker.settings")
    import django

    django.setup()


def statements(path: str) -> list[tuple[str, bool]]:
    """The SELECTs the page ran, each with whether it ran through a server-side cursor."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client()
    client.get(path)  # warm: the court choices, the calendars, the planner's statistics
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
        if response.streaming:
            for _ in response.streaming_content:
                pass
    if response.status_code != 200:
        raise SystemExit(f"{path}: HTTP {response.status_code}")
    out = []
    for query in captured.captured_queries:
        sql = DECLARE.sub("", query["sql"])
        if sql.lstrip().upper().startswith(("SELECT", "WITH")):
            out.append((sql, sql != query["sql"]))
    return out


def explain(sql: str) -> tuple[float, list[str]]:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
        plan = [row[0] for row in cursor.fetchall()]
    total = 0.0
    for line in plan:
        for label in ("Planning Time", "Execution Time"):
            if line.startswith(label):
                total += float(line.split(":")[1].split()[0])
    return total, plan


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--top", type=int, default=3)
    parser.add_argument("--full", action="store_true")
    parser.add_argument("--only", nargs="+", help="these URL names only (see bench/pages.py)")
    args = parser.parse_args()
    database_url = os.environ.get("BENCH_DATABASE_URL", pages.DEFAULT_DATABASE_URL)
    targets = pages.pick_targets(database_url, None, None)
    setup(database_url)
    urls = pages.paths(targets)
    for name, path in urls.items():
        if args.only and name not in args.only:
            continue
        explained = sorted(
            (explain(sql) + (sql, cursor) for sql, cursor in statements(path)), reverse=True
        )
        total = sum(ms for ms, *_ in explained)
        print(f"#### {name}: `{path}`\n")
        print(
            f"{len(explained)} statements, {total:.1f} ms in PostgreSQL (planning + execution, "
            f"EXPLAIN ANALYZE)"
            + (f"; the {args.top} slowest:" if len(explained) > args.top else ":")
            + "\n"
        )
        for ms, plan, sql, cursor in explained[: args.top]:
            shown = plan if args.full else plan[:PLAN_LINES]
            short = sql if len(sql) <= 400 else sql[:400] + " ..."
            print(f"{ms:.2f} ms: `{short}`\n")
            if cursor:
                print(CURSOR_NOTE + "\n")
            print("```")
            print("\n".join(shown))
            if len(shown) < len(plan):
                print(f"... ({len(plan) - len(shown)} more lines)")
            print("```\n")


if __name__ == "__main__":
    main()
