"""Merge a docket's parties and their counsel into a case, matched by name."""

from __future__ import annotations

from cases.importers.docket.data import AttorneyData, PartyData
from cases.importers.docket.report import MergeReport
from cases.importers.docket.text import (
    clean_text,
    contact_email,
    contact_firm,
    party_kind,
    party_role,
    representation_role,
    terminated_on,
)
from cases.models import Case
from parties import services as party_services
from parties.models import Attorney, CaseParty, LawFirm, Party, Representation


def _party_for(name: str) -> Party:
    """Return the party of this name, created (of the kind its name suggests) if new."""
    party = Party.objects.filter(name__iexact=name).first()
    return party or party_services.party_create(name=name, kind=party_kind(name))


def parties_merge(case: Case, parties: list[PartyData], report: MergeReport) -> None:
    """Add the docket's parties and counsel to the case, and change what the docket changed."""
    existing = {
        (cp.party_id, cp.role): cp
        for cp in CaseParty.objects.filter(case=case).select_related("party")
    }
    seen: dict[tuple[int, str], CaseParty] = {}
    for data in parties:
        name = clean_text(data.name)[:300]
        if not name:
            continue
        party = _party_for(name)
        role = party_role(data.role)
        key = (party.pk, role)
        values = {
            "docket_role": clean_text(data.role)[:100],
            "extra_info": (data.extra_info or "").replace("\xa0", " ").strip(),
            "terminated_date": data.date_terminated,
        }
        case_party = seen.get(key) or existing.get(key)
        if case_party is None:
            case_party = party_services.case_party_add(case=case, party=party, role=role, **values)
            report.count("parties_added")
            report.changes.append(f"Party: {name} ({values['docket_role'] or role}).")
        elif key not in seen:
            changed = {k: v for k, v in values.items() if v != getattr(case_party, k)}
            if changed:
                case_party = party_services.case_party_update(case_party=case_party, **changed)
                report.count("parties_changed")
                report.changes.append(f"Party changed: {name} ({', '.join(changed)}).")
        seen[key] = case_party
        for attorney in data.attorneys:
            _counsel_merge(case_party, attorney, report)


def _firm_for(name: str) -> LawFirm | None:
    """Return the firm of this name, created if new (None for no name)."""
    if not name:
        return None
    firm = LawFirm.objects.filter(name__iexact=name).first()
    return firm or party_services.firm_create(name=name)


def _attorney_for(name: str, firm: LawFirm | None, email: str, report: MergeReport) -> Attorney:
    """Return the attorney of this name, created if new, given the firm and e-mail it lacks."""
    attorney = Attorney.objects.filter(name__iexact=name).first()
    if attorney is None:
        attorney = party_services.attorney_create(name=name, firm=firm, email=email)
        report.count("attorneys_added")
        return attorney
    updates = {}
    if firm and attorney.firm_id != firm.pk:
        updates["firm"] = firm
    if email and not attorney.email:
        updates["email"] = email
    if updates:
        attorney = party_services.attorney_update(attorney=attorney, **updates)
    return attorney


def _counsel_merge(case_party: CaseParty, data: AttorneyData, report: MergeReport) -> None:
    """Add or change one attorney's representation of a party in the case."""
    name = clean_text(data.name)[:200]
    if not name:
        return
    contact = (data.contact or "").replace("\xa0", " ").strip()
    firm = _firm_for(contact_firm(contact))
    attorney = _attorney_for(name, firm, contact_email(contact), report)
    roles = [clean_text(r) for r in data.roles if clean_text(r)]
    values = {
        "role": representation_role(roles),
        "firm": firm,
        "docket_roles": "; ".join(roles)[:300],
        "contact": contact,
        "end_date": terminated_on(roles),
    }
    current = Representation.objects.filter(attorney=attorney, case_party=case_party).first()
    if current is None:
        party_services.representation_add(attorney=attorney, case_party=case_party, **values)
        report.count("counsel_added")
        return
    changed = {k: v for k, v in values.items() if v != getattr(current, k)}
    if changed:
        party_services.representation_update(representation=current, **changed)
        report.count("counsel_changed")
        report.changes.append(
            f"Counsel changed: {name} for {case_party.party.name} ({', '.join(changed)})."
        )
