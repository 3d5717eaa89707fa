"""The case page's parties, grouped by role, each group with its counsel."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Prefetch

from cases.models import Case
from parties import selectors as party_selectors
from parties.models import CaseParty, PartyRole, Representation


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


def case_parties_by_role(case: Case) -> list[RoleGroup]:
    """Return the case's parties grouped by role (in the order of PartyRole), with counsel."""
    rows = (
        CaseParty.objects.filter(case=case)
        .select_related("party")
        .prefetch_related(Prefetch("representations", queryset=party_selectors.counsel()))
        .order_by("party__name")
    )
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
        for rep in case_party.representations.all():
            key = (rep.attorney_id, rep.firm_id, rep.role, rep.start_date, rep.end_date)
            by_key.setdefault(key, Counsel(rep, [])).parties.append(case_party.party.name)
    counsel = list(by_key.values())
    for item in counsel:
        if len(item.parties) == len(parties):
            item.parties = []
    return counsel
