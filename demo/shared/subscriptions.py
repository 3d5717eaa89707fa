"""The demo users' subscriptions: a few cases are followed by many (the MDLs first), most by few."""

from __future__ import annotations

import itertools

from demo.copyfiles import moment
from demo.draws import allocate
from demo.state import State


def subscriptions_write(state: State) -> None:
    """Write each demo user's subscriptions, to cases of any batch."""
    rng, plan = state.rng, state.plan
    rest = [h.index for h in state.heads if not h.big]
    rng.shuffle(rest)
    order = [h.index for h in state.heads if h.big] + rest
    cumulative = list(itertools.accumulate(1 / (r + 10) ** 0.9 for r in range(len(order))))
    weights = [rng.lognormvariate(0, 1) for _ in range(plan.users)]
    per_user = allocate(rng, plan.subscriptions, weights, [len(order)] * plan.users)
    table = state.tables["alerts_subscription"]
    for user_id, count in zip(state.user_ids, per_user, strict=True):
        chosen: set[int] = set()
        while len(chosen) < count:
            chosen.update(rng.choices(order, cum_weights=cumulative, k=count - len(chosen)))
        for case in sorted(chosen):
            head = state.heads[case]
            table.add(
                str(state.next_id("alerts_subscription")),
                "t", "t", "t", "t", "t" if rng.random() < 0.2 else "f",
                "f" if rng.random() < 0.03 else "t",
                moment(state.between(head.filed, state.today), "15:00:00"),
                str(head.case_id), str(user_id),
            )  # fmt: skip
