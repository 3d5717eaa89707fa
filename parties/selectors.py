"""Read-only querysets of parties and counsel."""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Prefetch, QuerySet

from parties.models import CaseParty, Party, Representation

# A party's roles, most recently filed case first.
ROLE_ORDER = ("-case__filed_date", "case__pk", "role")
# The case's stored search text can run to a megabyte for a big docket: a party's page never
# loads it.
_CASE_TEXT = ("case__search_text", "case__search_vector")


def counsel() -> QuerySet[Representation]:
    """Return representations with attorney and firm joined, in the order pages list them."""
    return Representation.objects.select_related("attorney", "firm").order_by(
        "role", "attorney__name"
    )


def party_for_page(slug: str) -> Party:
    """Return the party at this address (``Party.DoesNotExist`` if none)."""
    return Party.objects.get(slug=slug)


def party_role_keys(party: Party) -> QuerySet[CaseParty]:
    """Return the ids of the party's roles in cases, in page order.

    A party can be in thousands of cases (a company sued everywhere), so its page shows a page of
    roles at a time: their keys are ordered in this narrow query, which reads only covering
    indexes (caseparty_party_case_idx, case_id_filed_idx); ``party_roles`` joins only those rows.
    """
    return CaseParty.objects.filter(party=party).order_by(*ROLE_ORDER).values_list("pk", flat=True)


def party_roles(keys: Iterable[int]) -> QuerySet[CaseParty]:
    """Return these roles with their case, its court and the counsel of each, in page order."""
    return (
        CaseParty.objects.filter(pk__in=keys)
        .select_related("case__court")
        .defer(*_CASE_TEXT)
        .prefetch_related(Prefetch("representations", queryset=counsel()))
        .order_by(*ROLE_ORDER)
    )
