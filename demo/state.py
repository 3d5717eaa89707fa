"""The state of one generation: the seeded draws, the COPY tables and their ids, the shared rows.

The same seed, scale and "today" give the same rows, ids included (ids are assigned here, after
the highest id already in each table). Every part of the generator reads and extends this state,
in the one order that makes the draws repeat.
"""

from __future__ import annotations

import datetime
import itertools
import random
from dataclasses import dataclass
from pathlib import Path

from django.utils.text import slugify

from demo import words
from demo.columns import COLUMNS
from demo.copyfiles import Table
from demo.courts import CourtData
from demo.draws import Zipf
from demo.heads.head import CaseHead
from demo.plan import Plan


class _Days(dict):
    """n -> timedelta(days=n), remembered."""

    def __missing__(self, key: int) -> datetime.timedelta:
        value = self[key] = datetime.timedelta(days=key)
        return value


DAYS = _Days()


@dataclass(frozen=True)
class Party:
    id: int
    name: str
    kind: str


class State:
    """The draws, tables and ids of one plan, and the rows that many cases refer to."""

    def __init__(
        self,
        plan: Plan,
        *,
        seed: int,
        today: datetime.date,
        directory: Path,
        last_ids: dict[str, int],
        progress: bool,
    ) -> None:
        self.plan = plan
        self.rng = random.Random(seed)  # noqa: S311 - demo data, reproducible on purpose
        self.today = today
        self.progress = progress
        self.tables = {name: Table(name, cols, directory) for name, cols in COLUMNS.items()}
        self._ids = {name: itertools.count(last_ids.get(name, 0) + 1) for name in COLUMNS}
        self.zipf = Zipf(words.VOCABULARY)
        self.slugs: set[str] = set()
        self.courts: list[CourtData] = []
        self.court_ids: list[int] = []
        self.judges: list[list[tuple[int, str, str]]] = []  # per court: (id, name, title)
        self.parties: list[Party] = []
        self.pools: dict[str, list[int]] = {}
        self.frequent: tuple[list[int], list[float]] = ([], [])
        self.user_ids: list[int] = []
        self.heads: list[CaseHead] = []
        self.anchors = bytearray()
        self.case_slugs: dict[int, str] = {}

    def next_id(self, table: str) -> int:
        return next(self._ids[table])

    def between(self, start: datetime.date, end: datetime.date) -> datetime.date:
        """Return a random day from ``start`` to ``end`` (``start`` when the range is empty)."""
        if end <= start:
            return start
        return start + datetime.timedelta(days=int(self.rng.random() * ((end - start).days + 1)))

    def later(self, start: datetime.date, low: int, high: int, end: datetime.date) -> datetime.date:
        """Return a day ``low`` to ``high`` days after ``start``; if that is past ``end`` (today,
        or the case's closing), a random day from ``start`` to ``end`` instead."""
        when = start + DAYS[self.rng.randint(low, high)]
        return when if when <= end else self.between(start, end)

    def person(self) -> str:
        rng = self.rng
        first, initial = rng.choice(words.FIRST_NAMES), rng.choice("ABCDEFGHJKLMNPRSTW")
        return f"{first} {initial}. {rng.choice(words.LAST_NAMES)}"

    def unique_slug(self, value: str) -> str:
        """Return a slug not yet given to a party or case ("name", "name-2", ...), as
        tracker.slugs does."""
        base = slugify(value)[:100].strip("-") or "item"
        slug, counter = base, 2
        while slug in self.slugs:
            suffix = f"-{counter}"
            slug = f"{base[: 100 - len(suffix)]}{suffix}"
            counter += 1
        self.slugs.add(slug)
        return slug
