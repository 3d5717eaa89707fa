"""CourtListener's v4 JSON for one docket: the docket, its entries, parties and attorneys."""

from __future__ import annotations

import datetime

D = datetime.date
TOKEN = "test-token-0123456789"
AUTH = {"Authorization": f"Token {TOKEN}"}
API = "/api/rest/v4/"
DOCKET_ID = 67890
SECRET = "webhook-secret-for-the-tests"


def cl_docket(docket_id: int = DOCKET_ID, **fields) -> dict:
    return {
        "resource_uri": f"https://www.courtlistener.com/api/rest/v4/dockets/{docket_id}/",
        "id": docket_id,
        "court": "https://www.courtlistener.com/api/rest/v4/courts/ilnd/",
        "court_id": "ilnd",
        "docket_number": "1:20-cv-03843",
        "case_name": "Thornley v. Clearview AI, Inc.",
        "case_name_full": "Melissa Thornley v. Clearview AI, Inc.",
        "date_filed": "2020-06-29",
        "date_terminated": None,
        "cause": "28:1332 Diversity-Other Contract",
        "nature_of_suit": "890 Other Statutory Actions",
        "jury_demand": "Plaintiff",
        "jurisdiction_type": "Diversity",
        "assigned_to_str": "Sharon Johnson Coleman",
        "referred_to_str": "Maria Valdez",
        "absolute_url": f"/docket/{docket_id}/thornley-v-clearview-ai-inc/",
    } | fields


def cl_entry(
    entry_id: int,
    number: int | None,
    filed: str,
    text: str,
    *,
    docket_id: int = DOCKET_ID,
    document: str | None = "",
    docket_ref: object = None,
) -> dict:
    documents = []
    if document is not None:
        documents.append(
            {
                "id": entry_id * 10,
                "document_type": 1,
                "description": document or "Document",
                "document_number": str(number or ""),
                "attachment_number": None,
                "pacer_doc_id": f"067{entry_id}",
                "filepath_local": None,
                "is_available": False,
                "absolute_url": f"/docket/{docket_id}/{number}/thornley-v-clearview-ai-inc/",
            }
        )
        documents.append(
            {
                "id": entry_id * 10 + 1,
                "document_type": 2,
                "description": "Exhibit A",
                "attachment_number": 1,
                "pacer_doc_id": f"067{entry_id}1",
                "absolute_url": f"/docket/{docket_id}/{number}/1/thornley-v-clearview-ai-inc/",
            }
        )
    return {
        "id": entry_id,
        "docket": docket_ref
        if docket_ref is not None
        else f"https://www.courtlistener.com/api/rest/v4/dockets/{docket_id}/",
        "recap_documents": documents,
        "date_created": f"{filed}T10:00:00-05:00",
        "date_filed": filed,
        "entry_number": number,
        "pacer_sequence_number": str(number * 10) if number else None,
        "description": text,
    }


ENTRIES = [
    cl_entry(9001, 1, "2020-06-29", "NOTICE of Removal from Circuit Court of Cook County"),
    # No description of its own: the main document's is the text.
    cl_entry(9002, 2, "2020-06-29", "", document="CIVIL Cover Sheet"),
    cl_entry(9003, 3, "2020-07-06", "MOTION by Plaintiff Melissa Thornley to remand"),
    cl_entry(9004, 4, "2020-09-14", "MEMORANDUM Opinion and Order granting motion to remand"),
    cl_entry(9005, None, "2020-09-15", "CIVIL case terminated (minute entry).", document=None),
]


def role(attorney_id: int, code: int, docket_id: int = DOCKET_ID, **fields) -> dict:
    base = "https://www.courtlistener.com/api/rest/v4"
    return {
        "attorney": f"{base}/attorneys/{attorney_id}/",
        "attorney_id": attorney_id,
        "date_action": None,
        "docket": f"{base}/dockets/{docket_id}/",
        "docket_id": docket_id,
        "role": code,
    } | fields


def party_type(name: str, docket_id: int = DOCKET_ID, **fields) -> dict:
    return {
        "docket": f"https://www.courtlistener.com/api/rest/v4/dockets/{docket_id}/",
        "docket_id": docket_id,
        "name": name,
        "date_terminated": None,
        "extra_info": "",
        "highest_offense_level_opening": "",
        "criminal_counts": [],
    } | fields


PARTIES = [
    {
        "id": 301,
        "name": "Melissa Thornley",
        "party_types": [party_type("Plaintiff")],
        "attorneys": [role(501, 2), role(501, 1)],
    },
    {
        "id": 302,
        "name": "Clearview AI, Inc.",
        # A type on another docket is not this docket's (filter_nested_results is not trusted).
        "party_types": [party_type("Defendant"), party_type("Appellant", docket_id=11111)],
        "attorneys": [
            role(502, 4),
            role(503, 6, date_action="2021-03-04"),
            role(502, 1, docket_id=11111),  # on the other docket: not counsel here
        ],
    },
]
ATTORNEYS = [
    {
        "id": 501,
        "name": "Scott R. Drury",
        "contact_raw": "Loevy & Loevy\n311 N. Aberdeen, 3rd Floor\nChicago, IL 60607\n"
        "(312) 243-5900\nEmail: drury@loevy.com",
        "email": "drury@loevy.com",
        "phone": "(312) 243-5900",
    },
    {
        "id": 502,
        "name": "Lee Wolosky",
        "contact_raw": "Jenner & Block LLP\n1155 Avenue of the Americas\nNew York, NY 10036",
        "email": "lwolosky@jenner.com",
        "phone": "",
    },
    {
        "id": 503,
        "name": "Precious S. Jacobs-Perry",
        "contact_raw": "Jenner & Block LLP\n353 N. Clark Street\nChicago, IL 60654",
        "email": None,
        "phone": None,
    },
]
