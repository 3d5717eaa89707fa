"""The parties of a demo case, taken from the shared pools, and how its caption calls them."""

from __future__ import annotations

from demo import words
from demo.copyfiles import ISO, NULL
from demo.heads.head import CaseHead
from demo.shared.parties import NAME_SUFFIXES
from demo.state import State

# The kinds of party on each side, weighted: plaintiffs (or appellants) first.
FIRST_SIDE = [("person", 80), ("organization", 17), ("government", 3)]
SECOND_SIDE = [("organization", 70), ("government", 12), ("person", 18)]


def _take(state: State, kinds: list[tuple[str, float]], taken: set[int]) -> int:
    """Return a party not yet in this case: the next unused one of a kind, else any."""
    pools, rng = state.pools, state.rng
    kind = rng.choices([k for k, _ in kinds], weights=[w for _, w in kinds])[0]
    for name in (kind, "organization", "person", "government"):
        pool = pools[name]
        if pool and pool[-1] not in taken:
            return pool.pop()
    while True:
        party = rng.randrange(len(state.parties))
        if party not in taken:
            return party


def _frequent(state: State, taken: set[int]) -> int | None:
    frequent, cumulative = state.frequent
    if not frequent:
        return None
    party = state.rng.choices(frequent, cum_weights=cumulative)[0]
    return None if party in taken else party


def short_name(state: State, party: int) -> str:
    """Return a party as a caption's short name calls it: a person by surname, a company
    without its suffix ("Inc.", "LLC", ...)."""
    name, kind = state.parties[party].name, state.parties[party].kind
    if kind == "person":
        for suffix in NAME_SUFFIXES:
            name = name.removesuffix(suffix)
        return name.rsplit(" ", 1)[-1]
    for suffix in words.COMPANY_SUFFIXES:
        if name.endswith(" " + suffix):
            return name[: -len(suffix) - 1]
    return name


def _sides(state: State, head: CaseHead) -> list[list[int]]:
    """Return the case's parties on each side, as indexes into ``state.parties``."""
    rng = state.rng
    taken: set[int] = set()
    sides: list[list[int]] = [[], []]
    if head.big:
        counts = (rng.randint(6, 12), rng.randint(3, 8))
    else:
        counts = (
            rng.choices([1, 2, 3, 5], weights=[58, 25, 12, 5])[0],
            rng.choices([1, 2, 3, 4], weights=[55, 28, 12, 5])[0],
        )
    for _ in range(counts[0]):
        party = _take(state, FIRST_SIDE, taken)
        taken.add(party)
        sides[0].append(party)
    for n in range(counts[1]):
        party = _frequent(state, taken) if rng.random() < (0.35 if n == 0 else 0.1) else None
        if party is None:
            party = _take(state, SECOND_SIDE, taken)
        taken.add(party)
        sides[1].append(party)
    return sides


def case_parties_write(
    state: State, head: CaseHead, roles: tuple[str, str]
) -> tuple[list[list[int]], list[list[int]]]:
    """Write the case's parties; return them on each side, and their CaseParty ids."""
    rng = state.rng
    sides = _sides(state, head)
    table = state.tables["parties_caseparty"]
    ids: list[list[int]] = [[], []]
    for side, role in enumerate(roles):
        for party in sides[side]:
            party_id = state.next_id("parties_caseparty")
            terminated = NULL
            if side == 1 and len(sides[1]) > 1 and rng.random() < 0.08:
                terminated = ISO[state.between(head.filed, head.end)]
            table.add(
                str(party_id), role, ISO[head.filed], terminated, "", "",
                str(head.case_id), str(state.parties[party].id),
            )  # fmt: skip
            ids[side].append(party_id)
    return sides, ids


def leftover_parties_place(state: State) -> None:
    """Add the parties no case took to a random case each, as amicus or intervenor."""
    table = state.tables["parties_caseparty"]
    for kind, pool in state.pools.items():
        for party in pool:
            head = state.heads[state.rng.randrange(len(state.heads))]
            table.add(
                str(state.next_id("parties_caseparty")),
                "intervenor" if kind == "person" else "amicus",
                ISO[state.between(head.filed, head.end)], NULL, "", "",
                str(head.case_id), str(state.parties[party].id),
            )  # fmt: skip
        pool.clear()
