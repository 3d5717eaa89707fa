"""Write a seeded case's parties and the counsel who represent each."""

from __future__ import annotations

from typing import Any

from cases.models import Case
from cases.seed.writer import Named, Writer
from parties import services as party_services
from parties.models import CaseParty, Representation


def _counsel(writer: Writer, item: dict[str, Any], case_party: CaseParty, named: Named) -> None:
    for counsel in item.get("counsel") or []:
        attorney = named.attorneys[counsel["attorney"]]
        writer.get_or_create(
            Representation,
            {"attorney": attorney, "case_party": case_party, "role": counsel["role"]},
            lambda c=counsel, a=attorney, cp=case_party: party_services.representation_add(
                attorney=a,
                case_party=cp,
                firm=named.firms.get(c.get("firm")),
                role=c["role"],
                start_date=c.get("start_date"),
                end_date=c.get("end_date"),
                sources=writer.urls(c),
            ),
        )


def case_parties_load(
    writer: Writer, case: Case, row: dict[str, Any], named: Named
) -> dict[str, CaseParty]:
    """Write the case's parties with their counsel; return each party's first role, by name."""
    by_name: dict[str, CaseParty] = {}
    for item in row.get("parties") or []:
        party = named.parties[item["party"]]
        case_party = writer.get_or_create(
            CaseParty,
            {"case": case, "party": party, "role": item["role"]},
            lambda item=item, party=party: party_services.case_party_add(
                case=case,
                party=party,
                role=item["role"],
                joined_date=item.get("joined_date"),
                terminated_date=item.get("terminated_date"),
                note=writer.text(item, "note"),
                sources=writer.urls(item),
            ),
        )
        by_name.setdefault(item["party"], case_party)
        _counsel(writer, item, case_party, named)
    return by_name
