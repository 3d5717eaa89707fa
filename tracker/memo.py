"""A worker's most recent results under the data they were computed from.

The case page's pictures (the related-case graph, the timeline chart) are drawn from a few
dozen rows the page reads anyway: the same rows give the same drawing, so each worker keeps
the latest drawings under their rows (``Recent.get``) and draws again only what changed. The
key *is* the data (its ``repr`` or the frozen dataclass itself), so nothing has to be told when
a case, a link or a motion changes: changed rows are a new key, and the old one ages out.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

T = TypeVar("T")


class Recent(Generic[T]):
    """The ``size`` most recently used values, by key (least recently used dropped first)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._values: OrderedDict[Hashable, T] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable, compute: Callable[[], T]) -> T:
        """Return the value kept under ``key``, else ``compute()`` kept under it."""
        with self._lock:
            if key in self._values:
                self._values.move_to_end(key)
                return self._values[key]
        value = compute()  # outside the lock: another thread may draw the same; either is right
        with self._lock:
            self._values[key] = value
            self._values.move_to_end(key)
            while len(self._values) > self.size:
                self._values.popitem(last=False)
        return value

    def clear(self) -> None:
        with self._lock:
            self._values.clear()

    def __len__(self) -> int:
        return len(self._values)
