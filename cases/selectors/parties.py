"""The case page's parties, grouped by role, each group with its counsel."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import connection

from cases.models import Case
from parties.models import Attorney, CaseParty, LawFirm, Party, PartyRole, Representation


@dataclass
class Counsel:
    representation: Representation
    parties: list[str]  # the group's parties this counsel represents; empty when all of them


@dataclass
class RoleGroup:
    role: str
    label: str
    parties: list[CaseParty]
    counsel: list[Counsel]


# The case's parties by name, with what the page prints of each party; then their counsel
# with the attorneys' and firms' names, in the order pages list them (``counsel()``'s).
# Written out in SQL, read through ``raw()``: the ORM's queryset and prefetch compiled slower
# than they ran.
_PARTIES = """
SELECT cp.id, cp.case_id, cp.party_id, cp.role, cp.joined_date, cp.terminated_date, cp.note,
    cp.docket_role, cp.extra_info, cp.sources, p.name AS party_name, p.slug AS party_slug
FROM parties_caseparty cp JOIN parties_party p ON p.id = cp.party_id
WHERE cp.case_id = %s
ORDER BY p.name
"""
_COUNSEL = """
SELECT r.id, r.attorney_id, r.case_party_id, r.firm_id, r.role, r.start_date, r.end_date,
    r.docket_roles, r.contact, r.sources, a.name AS attorney_name, f.name AS firm_name
FROM parties_representation r
JOIN parties_attorney a ON a.id = r.attorney_id
LEFT JOIN parties_lawfirm f ON f.id = r.firm_id
WHERE r.case_party_id IN ({ids})
ORDER BY r.role, a.name
"""


def _with_counsel(rows: list[CaseParty]) -> None:
    """Give each case party ``counsel_list``: its representations, attorney and firm loaded."""
    by_id = {row.pk: row for row in rows}
    for row in rows:
        row.counsel_list = []
    if not rows:
        return
    db = connection.alias
    ids = ", ".join(["%s"] * len(by_id))
    for rep in Representation.objects.raw(_COUNSEL.format(ids=ids), list(by_id)):
        attorney = Attorney.from_db(db, ("id", "name"), (rep.attorney_id, rep.attorney_name))
        Representation.attorney.field.set_cached_value(rep, attorney)
        firm = None
        if rep.firm_id is not None:
            firm = LawFirm.from_db(db, ("id", "name"), (rep.firm_id, rep.firm_name))
        Representation.firm.field.set_cached_value(rep, firm)
        by_id[rep.case_party_id].counsel_list.append(rep)


def case_parties_by_role(case: Case) -> list[RoleGroup]:
    """Return the case's parties grouped by role (in the order of PartyRole), with counsel:
    two statements (one when the case has no parties)."""
    db = connection.alias
    rows = list(CaseParty.objects.raw(_PARTIES, [case.pk]))
    for row in rows:
        party = Party.from_db(
            db, ("id", "name", "slug"), (row.party_id, row.party_name, row.party_slug)
        )
        CaseParty.party.field.set_cached_value(row, party)
    _with_counsel(rows)
    groups = {role: RoleGroup(role, label, [], []) for role, label in PartyRole.choices}
    for row in rows:
        groups[row.role].parties.append(row)
    for group in groups.values():
        group.counsel = _counsel_of(group.parties)
    return [group for group in groups.values() if group.parties]


def _counsel_of(parties: list[CaseParty]) -> list[Counsel]:
    """Return each attorney once per role group, with the parties they represent when not all."""
    by_key: dict[tuple, Counsel] = {}
    for case_party in parties:
        for rep in case_party.counsel_list:
            key = (rep.attorney_id, rep.firm_id, rep.role, rep.start_date, rep.end_date)
            by_key.setdefault(key, Counsel(rep, [])).parties.append(case_party.party.name)
    counsel = list(by_key.values())
    for item in counsel:
        if len(item.parties) == len(parties):
            item.parties = []
    return counsel
