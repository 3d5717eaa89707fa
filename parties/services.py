"""Writes for parties, their roles in cases, firms, attorneys and representation."""

from __future__ import annotations

import datetime
from typing import Any

from django.db import transaction

from parties.models import Attorney, CaseParty, LawFirm, Party, Representation
from tracker.slugs import unique_slug


def _save(instance: Any) -> Any:
    instance.full_clean()
    instance.save()
    return instance


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
def case_party_add(
    *,
    case: Any,
    party: Party,
    role: str,
    joined_date: datetime.date | None = None,
    terminated_date: datetime.date | None = None,
    note: str = "",
    sources: str = "",
) -> CaseParty:
    """Give a party a role in a case (one row per case, party and role)."""
    return _save(
        CaseParty(
            case=case,
            party=party,
            role=role,
            joined_date=joined_date,
            terminated_date=terminated_date,
            note=note,
            sources=sources,
        )
    )


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
        )
    )
