"""A case's parties by role: each group's parties linked, then the group's counsel."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from cases.html.parts import COUNSEL_LABELS, label, time_tag
from parties.models import CaseParty, PartyRole
from tracker.html import escape

# Role headings whose plural is not the label with an "s".
_PLURAL_ROLES = {
    PartyRole.AMICUS: "Amici curiae",
    PartyRole.INTERESTED_PARTY: "Interested parties",
    PartyRole.OTHER: "Other parties",
}


def _described(extra_info: str) -> str:
    """Return what a docket says of a party (its title, capacity), without the termination."""
    lines = [line.strip() for line in extra_info.splitlines()]
    return " ".join(line for line in lines if line and not line.upper().startswith("TERMINATED"))


def _party(case_party: CaseParty, party_url: Callable[[str], str], english: bool) -> str:
    """Return one party linked, with its docket role, note, description and termination."""
    party = case_party.party
    item = f'<li><a href="{escape(party_url(party.slug))}">{escape(party.name)}</a>'
    if case_party.role == PartyRole.OTHER and case_party.docket_role:
        item += f' <span class="meta">({escape(case_party.docket_role)})</span>'
    if case_party.note:
        item += f' <span class="meta">({escape(case_party.note)})</span>'
    described = _described(case_party.extra_info)
    if described:
        item += f' <span class="meta">— {escape(described)}</span>'
    if case_party.terminated_date:
        when = time_tag(case_party.terminated_date, english)
        item += f' <span class="meta">terminated {when}</span>'
    return item + "</li>"


def _heading(group: Any) -> str:
    """Return the group's role, in the plural when it has more than one party."""
    heading = group.label if len(group.parties) == 1 else _PLURAL_ROLES.get(group.role, "")
    return f"<h3>{escape(heading or group.label + 's')}</h3>\n"


def _counsel(item: Any, english: bool) -> str:
    """Return one counsel (a ``Counsel``): name, firm, role, dates, and the parties they act
    for when not all of the group."""
    rep = item.representation
    firm = f", {escape(rep.firm.name)}" if rep.firm is not None else ""
    meta = label(COUNSEL_LABELS, rep.role).lower()
    if rep.start_date:
        meta += f" from {time_tag(rep.start_date, english)}"
    if rep.end_date:
        meta += f" to {time_tag(rep.end_date, english)}"
    if item.parties:
        meta += "; for " + ", ".join(escape(name) for name in item.parties)
    return f'<li>{escape(rep.attorney.name)}{firm} <span class="meta">— {meta}</span></li>'


def party_group(group: Any, party_url: Callable[[str], str], english: bool = True) -> str:
    """Return one role group (a ``RoleGroup``): its heading, its parties, then its counsel."""
    parties = "".join(_party(case_party, party_url, english) for case_party in group.parties)
    html = f'{_heading(group)}<ul class="inline-list">{parties}</ul>\n'
    if not group.counsel:
        return html
    counsel = "".join(_counsel(item, english) for item in group.counsel)
    return f'{html}<p class="counsel-heading"><strong>Counsel</strong></p>\n<ul>{counsel}</ul>\n'
