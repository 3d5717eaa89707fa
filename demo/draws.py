"""The random draws of the demo data: weighted picks, Zipf words, counts spread over slots."""

from __future__ import annotations

import bisect
import itertools
import random
from collections.abc import Sequence

Weighted = tuple[list[str], list[float]]


def weighted(pairs: Sequence[tuple[str, float]]) -> Weighted:
    """Return the values and cumulative weights, for ``random.choices(..., cum_weights=...)``."""
    return [v for v, _ in pairs], list(itertools.accumulate(w for _, w in pairs))


def pick(rng: random.Random, choices: Weighted) -> str:
    """Return one weighted choice (what ``rng.choices(...)[0]`` does, without its overhead)."""
    values, cumulative = choices
    return values[bisect.bisect(cumulative, rng.random() * cumulative[-1])]


class Zipf:
    """Words drawn with weight 1 / rank.

    Drawn from a table of 2**20 slots in which each word fills a share of the slots equal to its
    probability (the rarest of 823 words still fills about 170), so a word costs one
    ``getrandbits`` call.
    """

    BITS = 20

    def __init__(self, vocabulary: Sequence[str]) -> None:
        cumulative = list(itertools.accumulate(1 / r for r in range(1, len(vocabulary) + 1)))
        size = 1 << self.BITS
        bounds = [round(c / cumulative[-1] * size) for c in cumulative]
        self.table: list[str] = []
        for word, start, end in zip(vocabulary, [0, *bounds], bounds, strict=False):
            self.table.extend([word] * (end - start))

    def phrase(self, rng: random.Random, low: int, high: int) -> str:
        table, bits = self.table, rng.getrandbits
        count = low + int(rng.random() * (high - low + 1))
        return " ".join([table[bits(self.BITS)] for _ in range(count)])


def allocate(
    rng: random.Random, total: int, weights: Sequence[float], capacity: Sequence[int]
) -> list[int]:
    """Spread ``total`` items over slots in proportion to ``weights``, none over its capacity."""
    counts = [0] * len(weights)
    remaining = total
    while remaining:
        slots = [i for i, w in enumerate(weights) if w > 0 and counts[i] < capacity[i]]
        if not slots:
            raise ValueError(f"Cannot place {remaining} more items: every slot is full.")
        picks = rng.choices(slots, weights=[weights[i] for i in slots], k=remaining)
        remaining = 0
        for i in picks:
            if counts[i] < capacity[i]:
                counts[i] += 1
            else:
                remaining += 1
    return counts
