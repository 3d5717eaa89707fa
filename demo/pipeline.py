"""Generation and loading side by side: a thread writes the rows, chunk by chunk, to COPY files,
while this thread COPYs the previous chunk and runs the app's own ``cases.search.refresh`` on its
cases (PostgreSQL's backend does that work on the other core)."""

from __future__ import annotations

import queue
import threading

from django.db import connection

from cases import search
from demo.generator import Batch, Generator, Summary
from demo.plan import Plan
from demo.progress import Bars

SEARCH_BATCH = 2_500


class _Stopped(Exception):
    """The loading side failed: the generating thread stops."""


def _load(batches: queue.Queue[Batch | None], bars: Bars) -> None:
    """COPY each batch and fill its cases' search vectors, until the generator is done."""
    with connection.cursor() as cursor:
        while (batch := batches.get()) is not None:
            for chunk in batch.chunks:
                chunk.copy_to(cursor.cursor, bars.table(chunk.table))
            for start in range(0, len(batch.cases), SEARCH_BATCH):
                cases = batch.cases[start : start + SEARCH_BATCH]
                search.refresh(cases)
                bars.search.update(len(cases))


def generate_and_load(generator: Generator, plan: Plan, progress: bool) -> Summary:
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
    bars = Bars(plan, progress)
    thread.start()
    try:
        _load(batches, bars)
    finally:
        stop.set()
        thread.join()
        bars.close()
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome["summary"]  # type: ignore[return-value]
