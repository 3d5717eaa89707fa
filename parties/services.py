"""Writes for parties, their roles in cases, firms, attorneys and representation."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction

from parties import hooks
from parties.models import Attorney, CaseParty, LawFirm, Party, Representation
from tracker.slugs import unique_slug


def _save(instance: Any) -> Any:
    instance.full_clean()
    instance.save()
    return instance


def _save_changes(instance: Any, changes: dict[str, Any]) -> Any:
    """Lock the row, set the changed fields, validate and save it."""
    row = type(instance).objects.select_for_update().get(pk=instance.pk)
    for field, value in changes.items():
        setattr(row, field, value)
    return _save(row)


@transaction.atomic
def party_create(*, name: str, kind: str, description: str = "", sources: str = "") -> Party:
    """Create a party with a unique slug."""
    return _save(
        Party(
            name=name,
            kind=kind,
            description=description,
            sources=sources,
            slug=unique_slug(Party, name),
        )
    )


@transaction.atomic
def firm_create(*, name: str, city: str = "") -> LawFirm:
    """Create a law firm with a unique slug."""
    return _save(LawFirm(name=name, city=city, slug=unique_slug(LawFirm, name)))


@transaction.atomic
def attorney_create(*, name: str, firm: LawFirm | None = None, email: str = "") -> Attorney:
    """Create an attorney with a unique slug."""
    return _save(Attorney(name=name, firm=firm, email=email, slug=unique_slug(Attorney, name)))


@transaction.atomic
def party_update(*, party: Party, **changes: Any) -> Party:
    """Edit a party; a new name is searchable in all its cases at once."""
    party = Party.objects.select_for_update().get(pk=party.pk)
    for field, value in changes.items():
        setattr(party, field, value)
    _save(party)
    if "name" in changes:
        hooks.case_parties_changed(party.case_roles.values_list("case_id", flat=True))
    return party


@transaction.atomic
def case_party_add(
    *,
    case: Any,
    party: Party,
    role: str,
    joined_date: datetime.date | None = None,
    terminated_date: datetime.date | None = None,
    note: str = "",
    sources: str = "",
    docket_role: str = "",
    extra_info: str = "",
) -> CaseParty:
    """Give a party a role in a case (one row per case, party and role)."""
    case_party = _save(
        CaseParty(
            case=case,
            party=party,
            role=role,
            joined_date=joined_date,
            terminated_date=terminated_date,
            note=note,
            sources=sources,
            docket_role=docket_role,
            extra_info=extra_info,
        )
    )
    hooks.case_parties_changed([case_party.case_id])
    return case_party


@transaction.atomic
def case_party_update(*, case_party: CaseParty, **changes: Any) -> CaseParty:
    """Correct a party's role in a case."""
    case_party = CaseParty.objects.select_for_update().get(pk=case_party.pk)
    cases = {case_party.case_id}
    for field, value in changes.items():
        setattr(case_party, field, value)
    _save(case_party)
    hooks.case_parties_changed(cases | {case_party.case_id})
    return case_party


@transaction.atomic
def representation_add(
    *,
    attorney: Attorney,
    case_party: CaseParty,
    role: str,
    firm: LawFirm | None = None,
    start_date: datetime.date | None = None,
    end_date: datetime.date | None = None,
    sources: str = "",
    docket_roles: str = "",
    contact: str = "",
) -> Representation:
    """Record that an attorney (of a firm) represents a party in a case."""
    return _save(
        Representation(
            attorney=attorney,
            case_party=case_party,
            firm=firm,
            role=role,
            start_date=start_date,
            end_date=end_date,
            sources=sources,
            docket_roles=docket_roles,
            contact=contact,
        )
    )


@transaction.atomic
def representation_update(*, representation: Representation, **changes: Any) -> Representation:
    """Correct who represents whom, in what role, with which contact lines."""
    return _save_changes(representation, changes)


@transaction.atomic
def attorney_update(*, attorney: Attorney, **changes: Any) -> Attorney:
    """Correct an attorney's firm or e-mail address."""
    return _save_changes(attorney, changes)
