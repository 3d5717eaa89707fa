"""Rows written to files in PostgreSQL's COPY text format, loaded with ``COPY ... FROM STDIN``.

Each table's rows go to temporary files while the data is generated (memory stays flat however
large the scale); a chunk of rows is handed over whole, and streamed to the server on the raw
psycopg2 cursor, moving the table's progress bar as its rows go.
"""

from __future__ import annotations

import datetime
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from tqdm import tqdm

NULL = "\\N"
_ESCAPES = str.maketrans({"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"})


def text(value: str) -> str:
    """Return a string as a COPY text field."""
    if "\\" in value or "\t" in value or "\n" in value or "\r" in value:
        return value.translate(_ESCAPES)
    return value


class _Iso(dict):
    """date -> "YYYY-MM-DD", remembered (the data has a few thousand distinct days)."""

    def __missing__(self, key: datetime.date) -> str:
        value = self[key] = key.isoformat()
        return value


ISO = _Iso()


def day(value: datetime.date | None) -> str:
    return NULL if value is None else ISO[value]


def moment(value: datetime.date, clock: str = "17:00:00") -> str:
    """Return a timestamp (UTC) on ``value``: generated rows get times derived from their dates."""
    return f"{ISO[value]} {clock}+00"


@dataclass
class Chunk:
    """Rows of one table written since the previous chunk, in a COPY file."""

    table: str
    columns: tuple[str, ...]
    path: Path
    count: int

    def copy_to(self, raw_cursor: Any, bar: tqdm) -> None:
        """Stream the file into the table (COPY fires the table's triggers and FK checks)."""
        columns = ", ".join(f'"{c}"' for c in self.columns)
        with self.path.open("rb") as source:
            raw_cursor.copy_expert(
                f'COPY "{self.table}" ({columns}) FROM STDIN', _Counting(source, bar), size=1 << 20
            )
        self.path.unlink()


class Table:
    """The COPY file of one table; ``add`` takes the row's fields already formatted, ``take``
    hands over the rows written so far as a chunk and starts a new file."""

    def __init__(self, name: str, columns: Sequence[str], directory: Path) -> None:
        self.name = name
        self.columns = tuple(columns)
        self.directory = directory
        self.count = 0  # rows written, all chunks
        self._chunks = 0
        self._in_file = 0
        self._file: IO[str] = self._open()

    def _open(self) -> IO[str]:
        self._chunks += 1
        path = self.directory / f"{self.name}.{self._chunks}.copy"
        return path.open("w", encoding="utf-8", newline="\n", buffering=1 << 20)

    def add(self, *fields: str) -> None:
        self._file.write("\t".join(fields) + "\n")
        self.count += 1
        self._in_file += 1

    def take(self) -> Chunk | None:
        """Return the rows since the last ``take`` as a chunk (None when there are none)."""
        if not self._in_file:
            return None
        self._file.close()
        chunk = Chunk(self.name, self.columns, Path(self._file.name), self._in_file)
        self._in_file = 0
        self._file = self._open()
        return chunk

    def close(self) -> None:
        self._file.close()


class _Counting(io.RawIOBase):
    """A reader that moves the progress bar by the rows (lines) read."""

    def __init__(self, source: IO[bytes], bar: tqdm) -> None:
        self._source = source
        self._bar = bar

    def readable(self) -> bool:
        return True

    def read(self, size: int = -1) -> bytes:
        chunk = self._source.read(size)
        self._bar.update(chunk.count(b"\n"))
        return chunk
