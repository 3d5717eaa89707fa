"""CourtListener's parties and attorneys of a docket as the merge takes them."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from cases.importers.courtlistener.values import (
    as_date,
    as_dicts,
    as_int,
    as_text,
    on_docket,
    resource_id,
)
from cases.importers.docket import AttorneyData, PartyData, clean_text

logger = logging.getLogger(__name__)


# CourtListener's attorney roles (cl/people_db/models.py, Role.ATTORNEY_ROLES), written as PACER
# writes them, so ``representation_role`` and ``terminated_on`` read them like a PACER report.
ROLE_LINES = {
    1: "ATTORNEY TO BE NOTICED",
    2: "LEAD ATTORNEY",
    3: "ATTORNEY IN SEALED GROUP",
    4: "PRO HAC VICE",
    5: "SELF-TERMINATED",
    6: "TERMINATED",
    7: "SUSPENDED",
    8: "INACTIVE",
    9: "DISBARRED",
    # 10 is "Unknown": no line.
}
_DATED_ROLES = {5, 6, 9}


def role_lines(roles: Iterable[dict[str, Any]]) -> list[str]:
    """Return an attorney's roles on the docket as PACER's role lines, in CourtListener's order."""
    lines: list[tuple[int, str]] = []
    for item in roles:
        raw = item.get("role")
        code = as_int(raw)
        if code is None:
            text = clean_text(raw).upper() if isinstance(raw, str) else ""
            if text and not text.isdigit():
                lines.append((99, text))
            continue
        line = ROLE_LINES.get(code)
        if line is None:
            continue
        when = as_date(item.get("date_action"))
        if when is not None and code in _DATED_ROLES:
            line = f"{line}: {when:%m/%d/%Y}"
        lines.append((code, line))
    unique = dict.fromkeys(line for _, line in sorted(lines))
    return list(unique)


def _contact(attorney: dict[str, Any]) -> str:
    """Return the attorney's contact lines (firm first, as the docket has them), email, phone."""
    contact = as_text(attorney.get("contact_raw")).replace("\xa0", " ").strip()
    for label, key in (("Email", "email"), ("Phone", "phone")):
        value = clean_text(as_text(attorney.get(key)))
        if value and value not in contact:
            contact = f"{contact}\n{label}: {value}" if contact else f"{label}: {value}"
    return contact


@dataclass
class _Link:
    attorney_id: int | None
    name: str
    roles: list[dict[str, Any]] = field(default_factory=list)


def _party_links(party: dict[str, Any], docket_id: int) -> dict[int | str, _Link]:
    """Return the attorneys a party lists (``attorneys``: a role each, or nested ``roles``)."""
    links: dict[int | str, _Link] = {}
    for item in as_dicts(party.get("attorneys")):
        attorney_id = as_int(item.get("attorney_id")) or resource_id(
            item.get("attorney"), "attorneys"
        )
        if attorney_id is None and isinstance(item.get("id"), int) and "roles" in item:
            attorney_id = as_int(item.get("id"))
        name = clean_text(as_text(item.get("name")))
        key: int | str | None = attorney_id or name.lower() or None
        if key is None:
            continue
        link = links.setdefault(key, _Link(attorney_id, name))
        link.name = link.name or name
        nested = item.get("roles")
        if isinstance(nested, list):
            link.roles += [r for r in as_dicts(nested) if on_docket(r, docket_id)]
        elif on_docket(item, docket_id):
            link.roles.append(item)
    return links


def _represented(attorneys: list[dict[str, Any]], docket_id: int) -> dict[int, dict[int, _Link]]:
    """Map party id -> attorney id -> link, from the attorneys' ``parties_represented``."""
    found: dict[int, dict[int, _Link]] = {}
    for attorney in attorneys:
        attorney_id = as_int(attorney.get("id"))
        if attorney_id is None:
            continue
        for role in as_dicts(attorney.get("parties_represented")):
            party_id = as_int(role.get("party_id")) or resource_id(role.get("party"), "parties")
            if party_id is None or not on_docket(role, docket_id):
                continue
            link = found.setdefault(party_id, {}).setdefault(
                attorney_id, _Link(attorney_id, clean_text(as_text(attorney.get("name"))))
            )
            link.roles.append(role)
    return found


def parties_data(
    parties: list[dict[str, Any]], attorneys: list[dict[str, Any]], *, docket_id: int
) -> list[PartyData]:
    """Return the docket's parties, each with its counsel (named as ``attorneys/`` has them)."""
    attorneys = as_dicts(attorneys)
    by_id = {as_int(a.get("id")): a for a in attorneys if as_int(a.get("id")) is not None}
    represented = _represented(attorneys, docket_id)
    result: list[PartyData] = []
    for party in as_dicts(parties):
        name = clean_text(as_text(party.get("name")))
        if not name:
            continue
        links: dict[Any, _Link] = dict(_party_links(party, docket_id))
        if not links:
            links = dict(represented.get(as_int(party.get("id")) or 0, {}))
        counsel = _counsel(links, by_id)
        types = [t for t in as_dicts(party.get("party_types")) if on_docket(t, docket_id)]
        for party_type in types or [{}]:
            result.append(
                PartyData(
                    name=name,
                    role=clean_text(as_text(party_type.get("name"))),
                    date_terminated=as_date(party_type.get("date_terminated")),
                    extra_info=as_text(party_type.get("extra_info")).strip(),
                    attorneys=counsel,
                )
            )
    return result


def _counsel(
    links: dict[Any, _Link], by_id: dict[int | None, dict[str, Any]]
) -> list[AttorneyData]:
    """Return a party's counsel, with the names and contacts ``attorneys/`` gives."""
    counsel: list[AttorneyData] = []
    for link in links.values():
        info = by_id.get(link.attorney_id, {}) if link.attorney_id else {}
        attorney_name = clean_text(as_text(info.get("name"))) or link.name
        if not attorney_name:
            logger.info("CourtListener attorney %s has no name; skipped", link.attorney_id)
            continue
        counsel.append(
            AttorneyData(name=attorney_name, contact=_contact(info), roles=role_lines(link.roles))
        )
    return counsel
