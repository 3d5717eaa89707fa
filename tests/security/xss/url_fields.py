"""URL fields: every one an editor can type into, and the rows their forms may write."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db import models

from cases.models import Case, CaseEvent, CaseLink, Deadline, DocketEntry, Motion, Ruling
from parties.models import Attorney, CaseParty, Party, Representation


@dataclass
class Rows:
    case: Case
    other: Case
    party: Party
    case_party: CaseParty
    attorney: Attorney


BAD = "<bad url>"  # where each form below takes the address


def case_forms(r: Rows, new_case: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The case's URL fields, and the case link's."""
    return {
        "case sources": {"path": "cases/case", "values": new_case | {"sources": BAD}},
        "case CourtListener docket": {
            "path": "cases/case",
            "values": new_case | {"courtlistener_docket_id": BAD},
        },
        "case link sources": {
            "path": "cases/caselink",
            "values": {
                "from_case": r.case.pk,
                "to_case": r.other.pk,
                "kind": "related",
                "sources": BAD,
            },
        },
    }


def docket_forms(r: Rows) -> dict[str, dict[str, Any]]:
    """The URL fields of docket entries, motions, rulings and deadlines."""
    entry = {"case": r.case.pk, "filed_date": "2021-02-01", "text": "Complaint"}
    ruling = {"case": r.case.pk, "title": "Order", "kind": "order", "date": "2021-03-01"}
    return {
        "docket entry document": {
            "path": "cases/docketentry",
            "values": entry | {"document_url": BAD},
        },
        "docket entry sources": {"path": "cases/docketentry", "values": entry | {"sources": BAD}},
        "motion sources": {
            "path": "cases/motion",
            "values": {"case": r.case.pk, "title": "Motion", "kind": "other", "sources": BAD},
        },
        "ruling document": {
            "path": "cases/ruling",
            "values": ruling | {"document_url": BAD},
            "query": f"?case={r.case.pk}",
        },
        "ruling sources": {
            "path": "cases/ruling",
            "values": ruling | {"sources": BAD},
            "query": f"?case={r.case.pk}",
        },
        "deadline sources": {
            "path": "cases/deadline",
            "values": {
                "case": r.case.pk,
                "title": "Reply due",
                "kind": "reply",
                "status": "open",
                "basis": "set_by_order",
                "due_date": "2031-01-05",
                "sources": BAD,
            },
        },
    }


def party_forms(r: Rows) -> dict[str, dict[str, Any]]:
    """The URL fields of parties, their roles in cases and their counsel."""
    counsel = {"attorney": r.attorney.pk, "case_party": r.case_party.pk, "role": "counsel"}
    return {
        "party sources": {
            "path": "parties/party",
            "values": {"name": "Acme", "kind": "organization", "sources": BAD},
        },
        "case party sources": {
            "path": "parties/caseparty",
            "values": {
                "case": r.case.pk,
                "party": r.party.pk,
                "role": "defendant",
                "sources": BAD,
            },
        },
        "representation sources": {
            "path": "parties/representation",
            "values": counsel | {"sources": BAD},
        },
        "counsel row on the case party's page": {
            "path": "parties/caseparty",
            "obj": r.case_party,
            "values": {
                "representations-TOTAL_FORMS": "1",
                "representations-0-attorney": r.attorney.pk,
                "representations-0-role": "counsel",
                "representations-0-sources": BAD,
            },
        },
    }


def url_forms(r: Rows) -> dict[str, dict[str, Any]]:
    """Every URL field an editor can type into: the admin form it is on (``path``, ``obj`` for
    a change form, ``query``), filled in but for the address, which goes where ``BAD`` is."""
    new_case = {
        "caption": "Doe v. Roe",
        "short_name": "Doe v. Roe",
        "slug": "doe-v-roe",
        "court": r.case.court_id,
        "docket_number": "1:21-cv-00001",
        "case_type": "civil",
        "status": "filed",
    }
    return case_forms(r, new_case) | docket_forms(r) | party_forms(r)


URL_FIELDS = [
    "case sources",
    "case CourtListener docket",
    "case link sources",
    "docket entry document",
    "docket entry sources",
    "motion sources",
    "ruling document",
    "ruling sources",
    "deadline sources",
    "party sources",
    "case party sources",
    "representation sources",
    "counsel row on the case party's page",
]
# Every field is tried with the three schemes; the variants (case, slashes, a tab, base64) are
# tried on one field of each validator (the sources' lines, URLField, the CourtListener docket).
SCHEMES = ["javascript", "data", "vbscript"]
VARIED = {"docket entry sources", "docket entry document", "case CourtListener docket"}
# What the admin says, by the kind of field.
URL_ERRORS = {
    "sources": "of the sources is not a web address",
    "document_url": "Enter a valid URL.",
    "courtlistener_docket_id": "Enter a CourtListener docket id",
}


def snapshot() -> dict[str, list[dict[str, Any]]]:
    """Every row an admin form could have written or changed, and the event log."""
    tracked: list[type[models.Model]] = [
        Case,
        CaseLink,
        DocketEntry,
        Motion,
        Ruling,
        Deadline,
        Party,
        CaseParty,
        Representation,
        CaseEvent,
    ]
    return {m.__name__: list(m.objects.order_by("pk").values()) for m in tracked}
