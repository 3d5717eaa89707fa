"""Load the demo data into PostgreSQL: refuse or reset, generate, COPY, fill the search vectors.

Everything happens in one transaction: if any step fails (a trigger refuses a row, the disk fills
up), nothing is written. Integrity is kept as for any write: every foreign key is checked (at the
end of each COPY rather than at commit), the ruling/motion triggers of migration 0003 run on each
decision row, and the CHECK and UNIQUE constraints apply. What is set aside during the load are
the indexes that enforce nothing: the non-unique indexes of the tables the search text is not
built from are dropped first and built again at the end (in one sort each, much faster than
row by row), the GIN index of the search vectors included.

Generation and loading overlap: a thread writes the rows, chunk by chunk, to COPY files, while
this thread COPYs the previous chunk and runs the app's own ``cases.search.refresh`` on its cases
(PostgreSQL's backend does that work on the other core).
"""

from __future__ import annotations

import datetime
import queue
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management.color import no_style
from django.db import connection, models, transaction
from tqdm import tqdm

from cases import search
from cases.demo.generator import COLUMNS, DEMO_USER_PREFIX, Batch, Generator, Summary
from cases.demo.plan import Plan
from cases.seed.default_periods import load_default_periods

APPS = ("cases", "parties", "alerts")
SEARCH_BATCH = 2_500
# Tables whose non-unique indexes are dropped during the load and built again after it. The
# others keep theirs: cases.search reads them by case (docket entries, motions, rulings, case
# parties, parties) chunk by chunk, and auth_user is small.
REINDEXED = (
    "cases_case",
    "cases_casejudge",
    "cases_caselink",
    "cases_motion_movants",
    "cases_rulingmotion",
    "cases_deadline",
    "cases_statuschange",
    "cases_caseevent",
    "alerts_subscription",
    "alerts_alertsettings",
)


class DemoDataError(Exception):
    """The demo data cannot be loaded here; nothing was written."""


@dataclass
class Result:
    plan: Plan
    summary: Summary
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def total_seconds(self) -> float:
        return sum(self.seconds.values())


def demo_data_load(
    *, plan: Plan, seed: int, today: datetime.date, reset: bool, progress: bool
) -> Result:
    """Write the demo data of ``plan``; with ``reset``, empty the apps' tables first."""
    if connection.vendor != "postgresql":
        raise DemoDataError(
            f"The demo data is loaded with PostgreSQL's COPY, and this database is "
            f"{connection.vendor}. Set DATABASE_URL=postgres://USER@HOST:5432/NAME and run "
            f"migrate there first."
        )
    seconds: dict[str, float] = {}
    with transaction.atomic():
        started = time.perf_counter()
        found = _existing_rows()
        if any(found.values()) and not reset:
            listed = ", ".join(f"{count:,} {name}" for name, count in found.items() if count)
            raise DemoDataError(
                f"The database already has data ({listed}); nothing was written. Run again "
                f"with --reset to delete every row of the cases, parties and alerts apps and "
                f"the demo users (staff and superusers are kept) before generating."
            )
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL jit = off")  # compiling costs more than it saves here
            cursor.execute("SET LOCAL maintenance_work_mem = '256MB'")
            # Foreign keys checked at the end of each COPY, rather than millions held to
            # commit (this also checks any pending from earlier in an outer transaction, which
            # TRUNCATE would refuse).
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        if reset:
            _empty()
        indexes = _drop_indexes(REINDEXED)
        seconds["prepare"] = time.perf_counter() - started
        started = time.perf_counter()
        with tempfile.TemporaryDirectory(prefix="demo-data-") as directory:
            generator = Generator(
                plan,
                seed=seed,
                today=today,
                directory=Path(directory),
                last_ids=_last_ids(),
                progress=progress,
            )
            summary = _generate_and_load(generator, plan, progress)
        seconds["generate, copy and search"] = time.perf_counter() - started
        started = time.perf_counter()
        with connection.cursor() as cursor:
            for statement in tqdm(indexes, desc="build indexes", disable=not progress):
                cursor.execute(statement)
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            for sql in connection.ops.sequence_reset_sql(no_style(), _models()):
                cursor.execute(sql)
        load_default_periods()
        seconds["indexes"] = time.perf_counter() - started
    started = time.perf_counter()
    _analyze()
    seconds["vacuum and analyze"] = time.perf_counter() - started
    return Result(plan=plan, summary=summary, seconds=seconds)


class _Stopped(Exception):
    """The loading side failed: the generating thread stops."""


def _generate_and_load(generator: Generator, plan: Plan, progress: bool) -> Summary:
    """Run the generator in a thread; COPY and index (search) each batch here as it comes."""
    batches: queue.Queue[Batch | None] = queue.Queue(maxsize=2)
    stop = threading.Event()
    outcome: dict[str, object] = {}

    def put(batch: Batch | None) -> None:
        while True:
            if stop.is_set():
                raise _Stopped
            try:
                batches.put(batch, timeout=0.5)
                return
            except queue.Full:
                continue

    def produce() -> None:
        try:
            outcome["summary"] = generator.run(put)
        except _Stopped:
            return
        except BaseException as error:  # noqa: BLE001 - handed to the main thread, re-raised
            outcome["error"] = error
        put(None)

    thread = threading.Thread(target=produce, name="demo-data-generator", daemon=True)
    bars = _Bars(plan, progress)
    thread.start()
    try:
        with connection.cursor() as cursor:
            while (batch := batches.get()) is not None:
                for chunk in batch.chunks:
                    chunk.copy_to(cursor.cursor, bars.table(chunk.table))
                for start in range(0, len(batch.cases), SEARCH_BATCH):
                    cases = batch.cases[start : start + SEARCH_BATCH]
                    search.refresh(cases)
                    bars.search.update(len(cases))
    finally:
        stop.set()
        thread.join()
        bars.close()
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["summary"]  # type: ignore[return-value]


class _Bars:
    """One progress bar per table (its total known where the plan fixes it), one for search."""

    def __init__(self, plan: Plan, progress: bool) -> None:
        self.progress = progress
        self.totals = {
            "cases_court": plan.courts,
            "parties_party": plan.parties,
            "auth_user": plan.users,
            "alerts_alertsettings": plan.users,
            "cases_case": plan.cases,
            "cases_docketentry": plan.docket_entries,
            "cases_motion": plan.motions,
            "cases_motion_movants": plan.motions,
            "cases_ruling": plan.rulings,
            "cases_deadline": plan.deadlines,
            "alerts_subscription": plan.subscriptions,
        }
        self.bars: dict[str, tqdm] = {}
        self.search = tqdm(
            total=plan.cases, desc="search vectors", unit=" cases", disable=not progress
        )

    def table(self, name: str) -> tqdm:
        if name not in self.bars:
            self.bars[name] = tqdm(
                total=self.totals.get(name),
                desc=f"copy {name}",
                unit=" rows",
                unit_scale=True,
                mininterval=1,
                disable=not self.progress,
            )
        return self.bars[name]

    def close(self) -> None:
        for bar in [*self.bars.values(), self.search]:
            bar.close()


def _app_tables() -> list[str]:
    return sorted(
        {
            model._meta.db_table
            for label in APPS
            for model in apps.get_app_config(label).get_models(include_auto_created=True)
        }
    )


def _demo_users() -> models.QuerySet:
    users = get_user_model().objects.filter(username__startswith=DEMO_USER_PREFIX)
    return users.filter(is_staff=False, is_superuser=False)


def _existing_rows() -> dict[str, int]:
    counts = {}
    with connection.cursor() as cursor:
        for name, table in (
            ("cases", "cases_case"),
            ("courts", "cases_court"),
            ("parties", "parties_party"),
        ):
            cursor.execute(f'SELECT count(*) FROM "{table}"')  # noqa: S608 - constant names
            counts[name] = cursor.fetchone()[0]
    counts["demo users"] = _demo_users().count()
    return counts


def _empty() -> None:
    """TRUNCATE every table of the three apps (history included), delete the demo users."""
    tables = ", ".join(f'"{t}"' for t in _app_tables())
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {tables} RESTART IDENTITY CASCADE")
    _demo_users().delete()


def _last_ids() -> dict[str, int]:
    found = {}
    with connection.cursor() as cursor:
        for table in COLUMNS:
            cursor.execute(f'SELECT coalesce(max(id), 0) FROM "{table}"')  # noqa: S608
            found[table] = cursor.fetchone()[0]
    return found


def _drop_indexes(tables: tuple[str, ...]) -> list[str]:
    """Drop the indexes of ``tables`` that enforce nothing; return how to build them again."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
            FROM pg_index i
            WHERE i.indrelid = ANY(%s::regclass[])
                AND NOT i.indisunique AND NOT i.indisprimary
                AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
            ORDER BY 1
            """,
            [list(tables)],
        )
        found = cursor.fetchall()
        for name, _definition in found:
            cursor.execute(f"DROP INDEX {name}")
    return [definition for _name, definition in found]


def _models() -> list[type[models.Model]]:
    by_table = {m._meta.db_table: m for m in apps.get_models(include_auto_created=True)}
    return [by_table[table] for table in COLUMNS]


def _analyze() -> None:
    """Fresh planner statistics; VACUUM too (visibility map, the search UPDATE's dead rows)
    when not inside an outer transaction (a test's), where VACUUM cannot run."""
    statement = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"
    with connection.cursor() as cursor:
        for table in COLUMNS:
            cursor.execute(f'{statement} "{table}"')
