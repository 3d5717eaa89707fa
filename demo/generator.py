"""The demo rows: every table's rows written to COPY files, from one seeded random generator.

The shared rows first (``demo.shared``: courts, judges, parties, demo users), then what each case
will be (``demo.heads``: type, court, dates, status, sizes, the related-case graph), then each
case with everything in it (``demo.case``), the leftover parties and the subscriptions.

No django-simple-history rows are written: the history of a generated row starts at its first
edit.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from tqdm import tqdm

from demo.case.parties import leftover_parties_place
from demo.case.writer import CaseWriter
from demo.columns import CASE_TABLES, COLUMNS, SHARED_TABLES
from demo.copyfiles import Chunk
from demo.heads.draw import heads_draw
from demo.heads.links import links_draw
from demo.heads.sizes import sizes_draw
from demo.shared.judiciary import courts_and_judges_write
from demo.shared.parties import parties_write
from demo.shared.subscriptions import subscriptions_write
from demo.shared.users import users_write
from demo.state import State

CHUNK_CASES = 2_500


@dataclass
class Batch:
    """Chunks of rows to load, parents first; ``cases``: the ids of the cases they complete."""

    chunks: list[Chunk]
    cases: range


@dataclass
class Summary:
    rows: dict[str, int]
    largest_case_slug: str
    largest_case_entries: int


class Generator:
    """Writes the demo rows of one plan to the COPY files of ``state``."""

    def __init__(self, state: State) -> None:
        self.state = state

    def run(self, emit: Callable[[Batch], None]) -> Summary:
        """Write every row, handing each batch of complete rows to ``emit`` as it is ready:
        the shared rows first, then every few thousand cases, then the leftover parties and
        the subscriptions (which refer to cases of any batch)."""
        state = self.state
        courts_and_judges_write(state)
        parties_write(state)
        users_write(state)
        self._emit(emit, SHARED_TABLES, range(0))
        heads_draw(state)
        sizes_draw(state)
        links_draw(state)
        self._cases(emit)
        leftover_parties_place(state)
        subscriptions_write(state)
        self._emit(emit, tuple(COLUMNS), range(0))
        for table in state.tables.values():
            table.close()
        largest = max(state.heads, key=lambda h: (h.entries, -h.index))
        return Summary(
            rows={name: table.count for name, table in state.tables.items()},
            largest_case_slug=state.case_slugs[largest.index],
            largest_case_entries=largest.entries,
        )

    def _cases(self, emit: Callable[[Batch], None]) -> None:
        """Write the cases, handing their rows to ``emit`` every few thousand cases."""
        heads = self.state.heads
        writer = CaseWriter(self.state)
        bar = tqdm(
            total=len(heads), desc="generate cases", unit=" cases", disable=not self.state.progress
        )
        with bar:
            # Chunks small enough that loading follows generation closely at any scale.
            size = min(CHUNK_CASES, max(250, len(heads) // 40))
            for start in range(0, len(heads), size):
                chunk = heads[start : start + size]
                for head in chunk:
                    writer.write(head)
                bar.update(len(chunk))
                self._emit(emit, CASE_TABLES, range(chunk[0].case_id, chunk[-1].case_id + 1))

    def _emit(self, emit: Callable[[Batch], None], tables: Sequence[str], cases: range) -> None:
        chunks = [self.state.tables[name].take() for name in COLUMNS if name in tables]
        emit(Batch([c for c in chunks if c is not None], cases))
