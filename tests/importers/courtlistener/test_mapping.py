"""Mapping: CourtListener's JSON onto a DocketData."""

from __future__ import annotations

import pytest

from cases.importers import courtlistener as cl
from cases.importers.docket import DocketData
from cases.models import DocketSource
from parties.models import RepresentationRole
from tests.importers.courtlistener.payloads import (
    ATTORNEYS,
    DOCKET_ID,
    ENTRIES,
    PARTIES,
    D,
    cl_docket,
    party_type,
)


def test_the_mapping_reads_v4_dockets_entries_parties_and_counsel():
    data = cl.docket_data(cl_docket(), entries=ENTRIES, parties=PARTIES, attorneys=ATTORNEYS)
    assert isinstance(data, DocketData)
    assert (data.source, data.court_id, data.docket_number) == (
        DocketSource.COURTLISTENER,
        "ilnd",
        "1:20-cv-03843",
    )
    assert data.courtlistener_docket_id == DOCKET_ID
    assert data.complete is False  # a RECAP docket is what someone bought: nothing is flagged
    assert data.judges == [("Sharon Johnson Coleman", "presiding"), ("Maria Valdez", "magistrate")]
    first, second, *_, minute = data.entries
    assert (first.courtlistener_id, first.number, first.date_filed) == (9001, 1, D(2020, 6, 29))
    assert first.document_url == (
        "https://www.courtlistener.com/docket/67890/1/thornley-v-clearview-ai-inc/"
    )
    assert (first.pacer_doc_id, first.pacer_seq_no) == ("0679001", "10")
    assert second.text == "CIVIL Cover Sheet"
    assert (minute.number, minute.document_url, minute.pacer_doc_id) == (None, "", "")
    roles = {(p.name, p.role): p for p in data.parties}
    assert set(roles) == {("Melissa Thornley", "Plaintiff"), ("Clearview AI, Inc.", "Defendant")}
    [drury] = roles["Melissa Thornley", "Plaintiff"].attorneys
    assert drury.name == "Scott R. Drury"
    assert drury.roles == ["ATTORNEY TO BE NOTICED", "LEAD ATTORNEY"]
    assert drury.contact.startswith("Loevy & Loevy\n")
    wolosky, jacobs = roles["Clearview AI, Inc.", "Defendant"].attorneys
    assert wolosky.roles == ["PRO HAC VICE"]  # the role on docket 11111 is left out
    assert "Email: lwolosky@jenner.com" in wolosky.contact
    assert jacobs.roles == ["TERMINATED: 03/04/2021"]


@pytest.mark.parametrize(
    ("codes", "lines"),
    [
        ([1], ["ATTORNEY TO BE NOTICED"]),
        ([2, 1], ["ATTORNEY TO BE NOTICED", "LEAD ATTORNEY"]),
        ([3], ["ATTORNEY IN SEALED GROUP"]),
        ([4], ["PRO HAC VICE"]),
        ([5], ["SELF-TERMINATED"]),
        ([6], ["TERMINATED"]),
        ([7, 8, 9], ["SUSPENDED", "INACTIVE", "DISBARRED"]),
        ([10, None, "7"], ["SUSPENDED"]),  # unknown and missing roles give no line
        (["Lead Attorney"], ["LEAD ATTORNEY"]),
    ],
)
def test_attorney_roles_become_pacer_role_lines(codes, lines):
    assert cl.role_lines([{"role": code} for code in codes]) == lines


def test_role_lines_map_onto_the_trackers_counsel_roles():
    from cases.importers.docket import representation_role, terminated_on

    def mapped(*codes: int, **fields) -> str:
        return representation_role(cl.role_lines([{"role": c} | fields for c in codes]))

    assert mapped(2, 1) == RepresentationRole.LEAD
    assert mapped(4) == RepresentationRole.PRO_HAC_VICE
    assert mapped(1) == RepresentationRole.COUNSEL_OF_RECORD
    assert mapped(6) == RepresentationRole.COUNSEL
    lines = cl.role_lines([{"role": 6, "date_action": "2021-03-04"}])
    assert terminated_on(lines) == D(2021, 3, 4)


# A docket, entries, parties and attorneys with keys missing, nulls and junk where values go.
JUNK_DOCKET = {
    "id": 5,
    "court": "https://www.courtlistener.com/api/rest/v4/courts/cand/",
    "docket_number": None,
    "case_name": None,
    "jury_demand": "None",
    "assigned_to_str": None,
    "date_filed": "garbage",
    "cause": None,
}
JUNK_ENTRIES = [
    {"id": 1},
    {"id": "x", "entry_number": "abc", "date_filed": "13/45/2020", "recap_documents": None},
    {
        "id": 3,
        "entry_number": 0,
        "recap_documents": [
            None,
            "https://x/",
            {"document_type": 2, "description": "Exhibit", "attachment_number": 1},
        ],
    },
    "not an entry",
]
JUNK_PARTIES = [
    {"name": None},
    {"name": "Solo Party", "party_types": None, "attorneys": None},
    {"name": "Someone", "attorneys": [{"role": 1}, {"attorney_id": 77, "role": 2}]},
    {
        "name": "Nested",
        "party_types": [{"name": "Movant"}],
        "attorneys": [
            {
                "attorney_id": 78,
                "name": "Nested Lawyer",
                "roles": [{"role": 2, "docket": 5}, {"role": 1, "docket": 6}],
            }
        ],
    },
    "junk",
]
JUNK_ATTORNEYS = [{"id": None}, "junk", {"id": 77, "name": None}]


def test_the_mapping_takes_missing_keys_nulls_and_junk():
    data = cl.docket_data(
        JUNK_DOCKET, entries=JUNK_ENTRIES, parties=JUNK_PARTIES, attorneys=JUNK_ATTORNEYS
    )
    assert (data.court_id, data.docket_number, data.case_name, data.jury_demand) == (
        "cand",
        "",
        "",
        "",
    )
    assert data.date_filed is None and data.judges == []
    assert [(e.courtlistener_id, e.number, e.date_filed, e.text) for e in data.entries] == [
        (1, None, None, ""),
        (None, None, None, ""),
        (3, None, None, "Exhibit"),
    ]
    parties = {p.name: p for p in data.parties}
    assert set(parties) == {"Solo Party", "Someone", "Nested"}
    assert (parties["Solo Party"].role, parties["Solo Party"].attorneys) == ("", [])
    assert parties["Someone"].attorneys == []  # attorney 77 has no name anywhere: left out
    [nested] = parties["Nested"].attorneys
    assert (nested.name, nested.roles) == ("Nested Lawyer", ["LEAD ATTORNEY"])
    with pytest.raises(cl.CourtListenerError, match="names no court"):
        cl.docket_data({"id": 5}, entries=[], parties=[], attorneys=[])


def test_counsel_can_come_from_the_attorneys_parties_represented():
    base = "https://www.courtlistener.com/api/rest/v4"
    parties = [{"id": 301, "name": "Melissa Thornley", "party_types": [party_type("Plaintiff")]}]
    attorneys = [
        ATTORNEYS[0]
        | {
            "parties_represented": [
                {
                    "role": 2,
                    "docket": f"{base}/dockets/{DOCKET_ID}/",
                    "party": f"{base}/parties/301/",
                    "date_action": None,
                },
                {
                    "role": 1,
                    "docket": f"{base}/dockets/11111/",
                    "party": f"{base}/parties/301/",
                    "date_action": None,
                },
            ]
        }
    ]
    [party] = cl.parties_data(parties, attorneys, docket_id=DOCKET_ID)
    [drury] = party.attorneys
    assert (drury.name, drury.roles) == ("Scott R. Drury", ["LEAD ATTORNEY"])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("67890", 67890),
        (" 67890 ", 67890),
        ("https://www.courtlistener.com/docket/67890/foo-v-bar/", 67890),
        ("https://courtlistener.com/docket/67890/", 67890),
        ("www.courtlistener.com/docket/67890", 67890),
        ("https://www.courtlistener.com/docket/67890/12/foo-v-bar/", 67890),
        ("https://www.courtlistener.com/api/rest/v4/dockets/67890/", 67890),
    ],
)
def test_a_docket_is_named_by_its_id_or_address(text, expected):
    assert cl.docket_id_parse(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "abc",
        "0",
        "-3",
        "99999999999999999999",
        "https://example.org/docket/67890/foo/",
        "https://www.courtlistener.com/opinion/67890/foo/",
        "https://www.courtlistener.com/docket/",
    ],
)
def test_anything_else_is_not_a_docket(text):
    with pytest.raises(ValueError, match="CourtListener docket id"):
        cl.docket_id_parse(text)
