"""How big each demo case is: its docket entries, motions and deadlines; which motions are
decided by a ruling of their own ("anchors"); which cases carry the rare search term."""

from __future__ import annotations

import datetime

from demo.draws import allocate
from demo.state import State

# Docket entries per year of a case's life, relative to a civil case.
TYPE_FACTOR = {
    "civil": 1.0, "class_action": 2.0, "mdl": 3.0, "appeal": 0.45, "cert_petition": 0.2,
}  # fmt: skip


def _entries(state: State) -> None:
    """Give the big cases their sizes and spread the other entries over the other cases."""
    rng, plan, heads = state.rng, state.plan, state.heads
    for head, size in zip(
        [h for h in heads if h.big], sorted(plan.big_cases, reverse=True), strict=True
    ):
        head.entries = size
    weights = [
        0.0
        if h.big
        else rng.lognormvariate(0, 0.8)
        * TYPE_FACTOR[h.case_type]
        * ((h.end - h.filed).days / 365 + 0.3) ** 0.7
        for h in heads
    ]
    small = plan.docket_entries - sum(plan.big_cases) - (plan.cases - len(plan.big_cases))
    # The big cases stay the biggest: no other case reaches the smallest of them.
    below_big = [min(plan.big_cases) - 2] * len(heads)
    for head, extra in zip(heads, allocate(rng, small, weights, below_big), strict=True):
        if not head.big:
            head.entries = 1 + extra


def _motions_and_deadlines(state: State) -> None:
    rng, plan, heads = state.rng, state.plan, state.heads
    # A motion sits on its own docket entry: not the opening one, nor a closing one.
    capacity = [max(0, h.entries - 1 - (h.closed is not None)) for h in heads]
    motion_weights = [
        cap * (0.25 if h.big else 1.0) * (0.4 if h.case_type == "cert_petition" else 1.0)
        for h, cap in zip(heads, capacity, strict=True)
    ]
    motions = allocate(rng, plan.motions, motion_weights, capacity)
    for head, count in zip(heads, motions, strict=True):
        head.motions = count
    # Deadlines fall from a year ago to a year ahead: in open cases (the MDLs have many),
    # and a few in cases closed within the last year.
    year_ago = state.today - datetime.timedelta(days=365)
    deadline_weights = [
        (40.0 if h.big else 1.0) if h.closed is None else (0.3 if h.closed >= year_ago else 0.0)
        for h in heads
    ]
    no_limit = [plan.docket_entries] * len(heads)
    deadlines = allocate(rng, plan.deadlines, deadline_weights, no_limit)
    for head, count in zip(heads, deadlines, strict=True):
        head.deadlines = count


def sizes_draw(state: State) -> None:
    """Decide every case's size, its rare term and the motions decided by their own ruling."""
    rng, plan = state.rng, state.plan
    _entries(state)
    _motions_and_deadlines(state)
    for head in rng.sample([h for h in state.heads if not h.big], plan.rare_cases):
        head.rare = True
    state.anchors = bytearray(plan.motions)
    for motion in rng.sample(range(plan.motions), min(plan.rulings, plan.motions)):
        state.anchors[motion] = 1
