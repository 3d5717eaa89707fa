"""The demo parties: persons (most), organizations and government bodies, unique by name."""

from __future__ import annotations

import itertools

from demo import words
from demo.copyfiles import text
from demo.courts import STATE_NAMES
from demo.state import Party, State

NAME_SUFFIXES = (" Jr.", " Sr.", " II", " III", " IV")


def _government_names() -> list[str]:
    names = set(words.FEDERAL_BODIES)
    for city, _state in words.CITIES:
        for form in (
            "City of {}", "{} Police Department", "{} Board of Education",
            "{} Housing Authority", "{} Unified School District",
        ):  # fmt: skip
            names.add(form.format(city))
    for state_name in STATE_NAMES.values():
        names.add(f"State of {state_name}")
        for department in words.DEPARTMENTS:
            names.add(f"{state_name} Department of {department}")
    return sorted(names)


def _organization(state: State) -> str:
    rng = state.rng
    shape = rng.random()
    if shape < 0.7:
        base = f"{rng.choice(words.COMPANY_STEMS)} {rng.choice(words.INDUSTRIES)}"
    elif shape < 0.85:
        base = f"{rng.choice(words.LAST_NAMES)} & {rng.choice(words.LAST_NAMES)}"
    else:
        base = (
            f"{rng.choice(words.COMPANY_STEMS)} {rng.choice(words.COMPANY_STEMS)} "
            f"{rng.choice(words.INDUSTRIES)}"
        )
    suffix = rng.choices(words.COMPANY_SUFFIXES, weights=words.COMPANY_SUFFIX_WEIGHTS)[0]
    return f"{base} {suffix}"


def _names(state: State) -> dict[str, str]:
    """Return the parties' unique names, each with its kind."""
    rng, total = state.rng, state.plan.parties
    government = _government_names()
    rng.shuffle(government)
    government = government[: max(1, round(total * 0.012))]
    organizations = round(total * 0.37)
    kinds: dict[str, str] = dict.fromkeys(government, "government")
    while len(kinds) < len(government) + organizations:
        kinds.setdefault(_organization(state), "organization")
    while len(kinds) < total:
        name = state.person()
        if name in kinds:
            name += rng.choice(NAME_SUFFIXES)
        kinds.setdefault(name, "person")
    return kinds


def parties_write(state: State) -> None:
    """Write the parties, in random order, and the pools the cases take them from."""
    rng = state.rng
    kinds = _names(state)
    names = list(kinds)
    rng.shuffle(names)
    table = state.tables["parties_party"]
    for name in names:
        kind = kinds[name]
        party = Party(state.next_id("parties_party"), name, kind)
        description = ""
        if kind == "organization" and rng.random() < 0.3:
            city, where = rng.choice(words.CITIES)
            description = f"Company headquartered in {city}, {where}."
        table.add(str(party.id), text(name), state.unique_slug(name), kind, text(description), "")
        state.parties.append(party)
    # Cases take their parties from these pools, each party once before any is reused; the
    # first thousand organizations and agencies are frequent defendants, reused across cases.
    state.pools = {
        kind: [i for i, p in enumerate(state.parties) if p.kind == kind]
        for kind in ("person", "organization", "government")
    }
    frequent = [i for i, p in enumerate(state.parties) if p.kind != "person"][:1000]
    state.frequent = (
        frequent,
        list(itertools.accumulate(1 / (r + 3) for r in range(len(frequent)))),
    )
