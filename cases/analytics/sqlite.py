"""``percentile_cont(value, fraction)`` for SQLite (the development default), as PostgreSQL has it.

Registered on each new SQLite connection (``cases.apps``), so that the analytics' quartiles are
the same on both databases: the continuous percentile, interpolated between the two nearest
values, NULLs left out.
"""

from __future__ import annotations

from typing import Any


def percentile(values: list[float], fraction: float) -> float | None:
    """Return the continuous percentile of ``values`` (linear interpolation), None when empty."""
    if not values:
        return None
    ordered = sorted(values)
    position = fraction * (len(ordered) - 1)
    below = int(position)
    above = min(below + 1, len(ordered) - 1)
    return ordered[below] + (ordered[above] - ordered[below]) * (position - below)


class PercentileCont:
    """The aggregate SQLite calls: ``step`` for each row, ``finalize`` for the group."""

    def __init__(self) -> None:
        self.values: list[float] = []
        self.fraction = 0.5

    def step(self, value: float | None, fraction: float) -> None:
        self.fraction = fraction
        if value is not None:
            self.values.append(value)

    def finalize(self) -> float | None:
        return percentile(self.values, self.fraction)


def register_percentile(sender: Any, connection: Any, **kwargs: Any) -> None:
    """``connection_created`` receiver: add ``percentile_cont`` to a new SQLite connection."""
    if connection.vendor == "sqlite":
        connection.connection.create_aggregate("percentile_cont", 2, PercentileCont)
