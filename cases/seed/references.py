"""Check that every name, code, tag, key and slug a docket file uses is defined in it."""

from __future__ import annotations

from collections import Counter
from typing import Any


class _References:
    """What the file defines, and the problems found so far with what it refers to."""

    def __init__(self, data: dict[str, Any], errors: list[str]) -> None:
        self.errors = errors
        self.tags = set(data.get("sources") or {})
        self.courts = {c["code"] for c in data["courts"]}
        self.judges = {j["name"] for j in data.get("judges") or []}
        self.firms = {f["name"] for f in data.get("firms") or []}
        self.attorneys = {a["name"] for a in data.get("attorneys") or []}
        self.parties = {p["name"] for p in data.get("parties") or []}
        self.slugs = [c["slug"] for c in data["cases"]]

    def need(self, path: str, value: Any, defined: set[str], what: str) -> None:
        if value not in (None, "") and value not in defined:
            self.errors.append(f"{path}: {value!r} is not a {what} defined in this file.")

    def need_tags(self, path: str, row: dict[str, Any]) -> None:
        for index, tag in enumerate(row.get("sources") or []):
            self.need(f"{path}.sources[{index}]", tag, self.tags, "source tag")


def _check_unique(data: dict[str, Any], refs: _References) -> None:
    codes = [c["code"] for c in data["courts"]]
    for what, values in (("court code", codes), ("case slug", refs.slugs)):
        for value, count in Counter(values).items():
            if count > 1:
                refs.errors.append(f"{what} {value!r} is defined {count} times.")


def _check_shared(data: dict[str, Any], refs: _References) -> None:
    """Check the courts, judges, attorneys and parties that the cases share."""
    for i, court in enumerate(data["courts"]):
        refs.need(f"courts[{i}].appeals_to", court.get("appeals_to"), refs.courts, "court")
    for i, judge in enumerate(data.get("judges") or []):
        refs.need(f"judges[{i}].court", judge["court"], refs.courts, "court")
    for i, attorney in enumerate(data.get("attorneys") or []):
        refs.need(f"attorneys[{i}].firm", attorney.get("firm"), refs.firms, "firm")
    for i, party in enumerate(data.get("parties") or []):
        refs.need_tags(f"parties[{i}]", party)


def _check_case_parties(at: str, case: dict[str, Any], refs: _References) -> set[str]:
    """Check a case's parties and their counsel; return the parties' names."""
    case_parties = set()
    for j, row in enumerate(case.get("parties") or []):
        refs.need(f"{at}.parties[{j}].party", row["party"], refs.parties, "party")
        refs.need_tags(f"{at}.parties[{j}]", row)
        case_parties.add(row["party"])
        for k, counsel in enumerate(row.get("counsel") or []):
            where = f"{at}.parties[{j}].counsel[{k}]"
            refs.need(f"{where}.attorney", counsel["attorney"], refs.attorneys, "attorney")
            refs.need(f"{where}.firm", counsel.get("firm"), refs.firms, "firm")
            refs.need_tags(where, counsel)
    return case_parties


def _check_motions(
    at: str, case: dict[str, Any], refs: _References, numbers: set[int], case_parties: set[str]
) -> set[str]:
    """Check a case's motions; return their keys."""
    motions: dict[str, Any] = {}
    for j, motion in enumerate(case.get("motions") or []):
        where = f"{at}.motions[{j}]"
        if motion["key"] in motions:
            refs.errors.append(f"{where}.key: {motion['key']!r} is used twice in this case.")
        motions[motion["key"]] = motion
        entry = motion.get("docket_entry")
        refs.need(f"{where}.docket_entry", entry, numbers, "docket entry number")
        for k, movant in enumerate(motion.get("movants") or []):
            refs.need(f"{where}.movants[{k}]", movant, case_parties, "party of this case")
        refs.need_tags(where, motion)
    return set(motions)


def _check_rulings_and_deadlines(
    at: str, case: dict[str, Any], refs: _References, numbers: set[int], motions: set[str]
) -> None:
    for j, ruling in enumerate(case.get("rulings") or []):
        where = f"{at}.rulings[{j}]"
        refs.need(f"{where}.judge", ruling.get("judge"), refs.judges, "judge")
        entry = ruling.get("docket_entry")
        refs.need(f"{where}.docket_entry", entry, numbers, "docket entry number")
        refs.need_tags(where, ruling)
        for k, decision in enumerate(ruling.get("decides") or []):
            refs.need(f"{where}.decides[{k}].motion", decision["motion"], motions, "motion key")
    for j, deadline in enumerate(case.get("deadlines") or []):
        refs.need(f"{at}.deadlines[{j}].motion", deadline.get("motion"), motions, "motion key")
        refs.need_tags(f"{at}.deadlines[{j}]", deadline)


def _check_case(at: str, case: dict[str, Any], refs: _References) -> None:
    refs.need(f"{at}.court", case["court"], refs.courts, "court")
    refs.need_tags(at, case)
    for j, judge in enumerate(case.get("judges") or []):
        refs.need(f"{at}.judges[{j}].name", judge["name"], refs.judges, "judge")
    for j, change in enumerate(case.get("status_history") or []):
        refs.need_tags(f"{at}.status_history[{j}]", change)
    case_parties = _check_case_parties(at, case, refs)
    entries = case.get("docket_entries") or []
    numbers = {e["number"] for e in entries if e.get("number") is not None}
    for j, entry in enumerate(entries):
        refs.need_tags(f"{at}.docket_entries[{j}]", entry)
    motions = _check_motions(at, case, refs, numbers, case_parties)
    _check_rulings_and_deadlines(at, case, refs, numbers, motions)


def check_references(data: dict[str, Any], errors: list[str]) -> None:
    """Append to ``errors`` each name, code, tag, key or slug the file uses but does not define."""
    refs = _References(data, errors)
    _check_unique(data, refs)
    _check_shared(data, refs)
    for i, case in enumerate(data["cases"]):
        _check_case(f"cases[{i}]", case, refs)
    slugs = set(refs.slugs)
    for i, link in enumerate(data.get("links") or []):
        refs.need(f"links[{i}].from", link["from"], slugs, "case slug")
        refs.need(f"links[{i}].to", link["to"], slugs, "case slug")
        refs.need_tags(f"links[{i}]", link)
