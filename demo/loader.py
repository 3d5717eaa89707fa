"""Load the demo data into PostgreSQL: refuse or reset, generate, COPY, fill the search vectors.

Everything happens in one transaction: if any step fails (a trigger refuses a row, the disk fills
up), nothing is written. Integrity is kept as for any write: every foreign key is checked (at the
end of each COPY rather than at commit), the ruling/motion triggers of migration 0003 run on each
decision row, and the CHECK and UNIQUE constraints apply. What is set aside during the load are
the indexes that enforce nothing: the non-unique indexes of the tables the search text is not
built from are dropped first and built again at the end (in one sort each, much faster than
row by row), the GIN index of the search vectors included. Generation and loading overlap
(``demo.pipeline``).
"""

from __future__ import annotations

import datetime
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from django.core.management.color import no_style
from django.db import connection, transaction
from tqdm import tqdm

from cases.analytics.refresh import analytics_refresh
from cases.seed.default_periods import load_default_periods
from demo import database
from demo.generator import Generator, Summary
from demo.pipeline import generate_and_load
from demo.plan import Plan
from demo.state import State

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


def _prepare(reset: bool) -> list[str]:
    """Refuse a database with data (unless ``reset``: empty it); drop the indexes set aside.

    Return the statements that build those indexes again."""
    found = database.existing_rows()
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
        database.empty()
    return database.drop_indexes(REINDEXED)


def _finish(indexes: list[str], progress: bool) -> None:
    """Build the indexes again, check the deferred constraints, reset the id sequences."""
    with connection.cursor() as cursor:
        for statement in tqdm(indexes, desc="build indexes", disable=not progress):
            cursor.execute(statement)
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        for sql in connection.ops.sequence_reset_sql(no_style(), database.loaded_models()):
            cursor.execute(sql)
    load_default_periods()


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
        indexes = _prepare(reset)
        seconds["prepare"] = time.perf_counter() - started
        started = time.perf_counter()
        with tempfile.TemporaryDirectory(prefix="demo-data-") as directory:
            state = State(
                plan,
                seed=seed,
                today=today,
                directory=Path(directory),
                last_ids=database.last_ids(),
                progress=progress,
            )
            generator = Generator(state)
            summary = generate_and_load(generator, plan, progress)
        seconds["generate, copy and search"] = time.perf_counter() - started
        started = time.perf_counter()
        _finish(indexes, progress)
        seconds["indexes"] = time.perf_counter() - started
    started = time.perf_counter()
    database.analyze()
    seconds["vacuum and analyze"] = time.perf_counter() - started
    started = time.perf_counter()
    analytics_refresh()  # the motion analytics' summary, over the rows just analyzed
    seconds["analytics"] = time.perf_counter() - started
    return Result(plan=plan, summary=summary, seconds=seconds)
