"""CourtListener in: the v4 API served for real by pytest-httpserver (cursor pages, 429 with
Retry-After, 5xx), synced into PostgreSQL through the same merge as PACER reports, linked in the
admin, and docket-alert webhooks through Django's test client and through a live server."""

from __future__ import annotations

import datetime
import json
import subprocess
from pathlib import Path
from urllib.parse import urlencode

import httpx
import pytest
from django.db import transaction
from pytest_httpserver import HTTPServer

from alerts import services as alert_services
from cases import services
from cases.importers import courtlistener as cl
from cases.importers.courts import court_for_federal_id
from cases.importers.docket import DocketData
from cases.models import (
    Case,
    CaseEvent,
    CaseJudge,
    DocketEntry,
    DocketImport,
    DocketSource,
    EventKind,
    WebhookDelivery,
)
from cases.tasks import courtlistener_sync
from parties.models import Attorney, CaseParty, PartyRole, Representation, RepresentationRole
from tests import factories
from tests.alerts import conftest as alerts_conftest
from tests.forms import form_data
from tests.processes import clean_env, manage_run

smtp = alerts_conftest.smtp  # the real SMTP server fixture of the alerts tests

D = datetime.date
TOKEN = "test-token-0123456789"
AUTH = {"Authorization": f"Token {TOKEN}"}
API = "/api/rest/v4/"
DOCKET_ID = 67890
SECRET = "webhook-secret-for-the-tests"


# --- CourtListener, served ----------------------------------------------------------------------


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


class FakeCourtListener:
    """CourtListener's REST API v4 for one docket, on a real HTTP server on 127.0.0.1."""

    def __init__(self, server: HTTPServer) -> None:
        self.server = server

    def url(self, path: str) -> str:
        return self.server.url_for(API + path)

    def serve(
        self,
        *,
        docket_id: int = DOCKET_ID,
        docket: dict | None = None,
        entry_pages: list[list[dict]] | None = None,
        parties: list[dict] | None = None,
        attorneys: list[dict] | None = None,
    ) -> None:
        pages = entry_pages if entry_pages is not None else [ENTRIES[:3], ENTRIES[3:]]
        self.server.expect_request(f"{API}dockets/{docket_id}/", headers=AUTH).respond_with_json(
            docket or cl_docket(docket_id)
        )
        self.serve_pages("docket-entries/", {"docket": str(docket_id), "page_size": "100"}, pages)
        nested = {"docket": str(docket_id), "filter_nested_results": "True", "page_size": "100"}
        self.serve_pages("parties/", nested, [PARTIES if parties is None else parties])
        self.serve_pages("attorneys/", nested, [ATTORNEYS if attorneys is None else attorneys])

    def serve_pages(self, path: str, query: dict[str, str], pages: list[list[dict]]) -> None:
        for n, results in enumerate(pages):
            this = query if n == 0 else query | {"cursor": self.cursor(path, n)}
            following = None
            if n + 1 < len(pages):
                following = (
                    self.url(path) + "?" + urlencode(query | {"cursor": self.cursor(path, n + 1)})
                )
            self.server.expect_request(
                API + path, query_string=this, headers=AUTH
            ).respond_with_json({"next": following, "previous": None, "results": results})

    @staticmethod
    def cursor(path: str, n: int) -> str:
        return f"{path.strip('/')}-page-{n}"

    def requests_to(self, path: str) -> list:
        return [request for request, _ in self.server.log if request.path == API + path]


class Sleeps(list):
    """The waits the client asked for, recorded instead of slept."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


@pytest.fixture
def courtlistener(httpserver: HTTPServer, settings) -> FakeCourtListener:
    settings.COURTLISTENER_TOKEN = TOKEN
    settings.COURTLISTENER_API_URL = httpserver.url_for(API)
    settings.COURTLISTENER_TIMEOUT = 5.0
    return FakeCourtListener(httpserver)


@pytest.fixture
def sleeps() -> Sleeps:
    return Sleeps()


@pytest.fixture
def client_cl(courtlistener: FakeCourtListener, sleeps: Sleeps):
    with cl.CourtListenerClient.from_settings(sleep=sleeps) as client:
        yield client


@pytest.fixture
def thornley(db) -> Case:
    return factories.case(
        court_=court_for_federal_id("ilnd"),
        caption="Melissa Thornley v. Clearview AI, Inc.",
        short_name="Thornley v. Clearview AI",
        docket_number="1:20-cv-03843",
        filed_date=D(2020, 6, 29),
        courtlistener_docket_id=DOCKET_ID,
    )


def snapshot(case: Case) -> dict[str, object]:
    """Every row a sync can write for ``case``, as comparable values."""
    return {
        "entries": sorted(
            DocketEntry.objects.filter(case=case).values_list(
                "number",
                "filed_date",
                "text",
                "courtlistener_id",
                "document_url",
                "pacer_doc_id",
                "pacer_seq_no",
                "missing_from_source_since",
            ),
            key=str,
        ),
        "parties": sorted(
            CaseParty.objects.filter(case=case).values_list(
                "party__name", "role", "docket_role", "terminated_date"
            )
        ),
        "counsel": sorted(
            Representation.objects.filter(case_party__case=case).values_list(
                "attorney__name",
                "case_party__party__name",
                "role",
                "docket_roles",
                "firm__name",
                "end_date",
                "contact",
            ),
            key=str,
        ),
        "attorneys": sorted(Attorney.objects.values_list("name", "email", "firm__name"), key=str),
        "judges": sorted(CaseJudge.objects.filter(case=case).values_list("judge__name", "role")),
        "events": list(CaseEvent.objects.filter(case=case).order_by("pk").values_list("pk")),
    }


# --- Mapping: CourtListener's JSON onto a DocketData ---------------------------------------------


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
    from cases.importers.docket import _terminated_on, representation_role

    def mapped(*codes: int, **fields) -> str:
        return representation_role(cl.role_lines([{"role": c} | fields for c in codes]))

    assert mapped(2, 1) == RepresentationRole.LEAD
    assert mapped(4) == RepresentationRole.PRO_HAC_VICE
    assert mapped(1) == RepresentationRole.COUNSEL_OF_RECORD
    assert mapped(6) == RepresentationRole.COUNSEL
    lines = cl.role_lines([{"role": 6, "date_action": "2021-03-04"}])
    assert _terminated_on(lines) == D(2021, 3, 4)


def test_the_mapping_takes_missing_keys_nulls_and_junk():
    data = cl.docket_data(
        {
            "id": 5,
            "court": "https://www.courtlistener.com/api/rest/v4/courts/cand/",
            "docket_number": None,
            "case_name": None,
            "jury_demand": "None",
            "assigned_to_str": None,
            "date_filed": "garbage",
            "cause": None,
        },
        entries=[
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
        ],
        parties=[
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
        ],
        attorneys=[{"id": None}, "junk", {"id": 77, "name": None}],
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


# --- The sync: a real HTTP server, rows in PostgreSQL ------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_a_sync_writes_the_docket_through_the_merge_and_again_changes_nothing(
    courtlistener, client_cl, thornley
):
    courtlistener.serve()
    events_before = CaseEvent.objects.filter(case=thornley).count()
    report = cl.courtlistener_docket_sync(case=thornley, client=client_cl)

    assert report.counts["entries_added"] == 5
    # Both pages of entries were read, the second through the first one's "next" cursor.
    pages = courtlistener.requests_to("docket-entries/")
    assert [r.args.get("cursor") for r in pages] == [None, "docket-entries-page-1"]
    assert all(r.headers["Authorization"] == f"Token {TOKEN}" for r, _ in courtlistener.server.log)

    entries = DocketEntry.objects.filter(case=thornley).order_by("filed_date", "pk")
    assert [(e.number, e.courtlistener_id, e.source) for e in entries] == [
        (1, 9001, "courtlistener"),
        (2, 9002, "courtlistener"),
        (3, 9003, "courtlistener"),
        (4, 9004, "courtlistener"),
        (None, 9005, "courtlistener"),
    ]
    assert entries[1].text == "CIVIL Cover Sheet"
    assert entries[0].document_url == (
        "https://www.courtlistener.com/docket/67890/1/thornley-v-clearview-ai-inc/"
    )
    assert (entries[0].pacer_doc_id, entries[0].pacer_seq_no) == ("0679001", "10")
    # Each new entry is an event (and so reaches the followers), as when an editor types it.
    new_events = CaseEvent.objects.filter(case=thornley).order_by("pk")[events_before:]
    assert [e.kind for e in new_events] == [EventKind.DOCKET_ENTRY_ADDED] * 5

    parties = {(cp.party.name, cp.role): cp for cp in CaseParty.objects.filter(case=thornley)}
    assert set(parties) == {
        ("Melissa Thornley", PartyRole.PLAINTIFF),
        ("Clearview AI, Inc.", PartyRole.DEFENDANT),
    }
    counsel = {
        r.attorney.name: r
        for r in Representation.objects.filter(case_party__case=thornley).select_related(
            "attorney", "firm", "case_party__party"
        )
    }
    assert set(counsel) == {"Scott R. Drury", "Lee Wolosky", "Precious S. Jacobs-Perry"}
    drury = counsel["Scott R. Drury"]
    assert drury.case_party.party.name == "Melissa Thornley"
    assert (drury.role, drury.docket_roles) == (
        RepresentationRole.LEAD,
        "ATTORNEY TO BE NOTICED; LEAD ATTORNEY",
    )
    assert drury.firm.name == "Loevy & Loevy"
    assert drury.attorney.email == "drury@loevy.com"
    assert counsel["Lee Wolosky"].role == RepresentationRole.PRO_HAC_VICE
    assert counsel["Lee Wolosky"].attorney.email == "lwolosky@jenner.com"
    assert counsel["Lee Wolosky"].firm.name == "Jenner & Block LLP"
    assert counsel["Precious S. Jacobs-Perry"].end_date == D(2021, 3, 4)
    assert sorted(CaseJudge.objects.filter(case=thornley).values_list("judge__name", "role")) == [
        ("Maria Valdez", "magistrate"),
        ("Sharon Johnson Coleman", "presiding"),
    ]
    thornley.refresh_from_db()
    assert (thornley.cause, thornley.nature_of_suit, thornley.jurisdiction) == (
        "28:1332 Diversity-Other Contract",
        "890 Other Statutory Actions",
        "Diversity",
    )
    assert thornley.courtlistener_synced_at is not None
    assert thornley.courtlistener_sync_error == ""
    assert DocketImport.objects.filter(case=thornley, source="courtlistener").count() == 1

    before = snapshot(thornley)
    again = cl.courtlistener_docket_sync(case=thornley, client=client_cl)
    assert not again.changed_anything, again.summary()
    assert again.counts["entries_unchanged"] == 5
    assert snapshot(thornley) == before


@pytest.mark.django_db(transaction=True)
def test_a_new_entry_on_a_later_sync_is_one_event_and_one_email(
    courtlistener, client_cl, thornley, smtp, django_user_model
):
    courtlistener.serve()
    cl.courtlistener_docket_sync(case=thornley, client=client_cl)
    bob = django_user_model.objects.create_user("bob", "bob@example.org", "pw")
    alert_services.subscription_follow(user=bob, case=thornley, docket_entries=True)
    events_before = CaseEvent.objects.filter(case=thornley).count()
    assert smtp.inbox.messages == []

    courtlistener.server.clear()
    later = cl_entry(9006, 5, "2020-10-01", "NOTICE of Appeal to the Seventh Circuit")
    courtlistener.serve(entry_pages=[ENTRIES[:3], [*ENTRIES[3:], later]])
    report = cl.courtlistener_docket_sync(case=thornley, client=client_cl)

    assert report.counts["entries_added"] == 1
    new = list(CaseEvent.objects.filter(case=thornley).order_by("pk")[events_before:])
    assert [(e.kind, e.docket_entry.courtlistener_id) for e in new] == [
        (EventKind.DOCKET_ENTRY_ADDED, 9006)
    ]
    mails = smtp.inbox.to("bob@example.org")
    assert len(mails) == 1
    assert str(mails[0]["Subject"]).startswith("[Thornley v. Clearview AI] Docket entry 5")

    cl.courtlistener_docket_sync(case=thornley, client=client_cl)
    assert len(smtp.inbox.messages) == 1
    assert CaseEvent.objects.filter(case=thornley).count() == events_before + 1


@pytest.mark.django_db(transaction=True)
def test_a_429_is_waited_out_for_its_retry_after(courtlistener, client_cl, sleeps, thornley):
    courtlistener.server.expect_oneshot_request(
        f"{API}dockets/{DOCKET_ID}/", headers=AUTH
    ).respond_with_json(
        {"detail": "Request was throttled."}, status=429, headers={"Retry-After": "7"}
    )
    courtlistener.serve()

    report = cl.courtlistener_docket_sync(case=thornley, client=client_cl)

    assert sleeps == [7.0]
    assert len(courtlistener.requests_to(f"dockets/{DOCKET_ID}/")) == 2
    assert report.counts["entries_added"] == 5
    thornley.refresh_from_db()
    assert thornley.courtlistener_sync_error == ""


@pytest.mark.django_db(transaction=True)
def test_a_429_asking_too_long_a_wait_is_recorded_and_nothing_is_written(
    courtlistener, client_cl, sleeps, thornley
):
    courtlistener.server.expect_oneshot_request(f"{API}parties/", headers=AUTH).respond_with_json(
        {"detail": "Throttled."}, status=429, headers={"Retry-After": "3600"}
    )
    courtlistener.serve()
    before = snapshot(thornley)

    with pytest.raises(cl.CourtListenerRateLimited):
        cl.courtlistener_docket_sync(case=thornley, client=client_cl)

    assert sleeps == []  # not waited (over the 60 s bound), not hammered
    thornley.refresh_from_db()
    assert "429 Too Many Requests for parties/" in thornley.courtlistener_sync_error
    assert "retry after 3600 s" in thornley.courtlistener_sync_error
    assert thornley.courtlistener_synced_at is None
    assert snapshot(thornley) == before


@pytest.mark.django_db(transaction=True)
def test_a_passing_5xx_is_retried_with_backoff(courtlistener, client_cl, sleeps, thornley):
    cursor = {"docket": str(DOCKET_ID), "page_size": "100", "cursor": "docket-entries-page-1"}
    courtlistener.server.expect_oneshot_request(
        f"{API}docket-entries/", query_string=cursor
    ).respond_with_data("upstream timeout", status=503)
    courtlistener.serve()

    report = cl.courtlistener_docket_sync(case=thornley, client=client_cl)

    assert sleeps == [1.0]
    assert report.counts["entries_added"] == 5


@pytest.mark.django_db(transaction=True)
def test_a_persistent_500_gives_up_records_the_error_and_writes_nothing(
    courtlistener, client_cl, sleeps, thornley, editor_client
):
    cursor = {"docket": str(DOCKET_ID), "page_size": "100", "cursor": "docket-entries-page-1"}
    courtlistener.server.expect_request(
        f"{API}docket-entries/", query_string=cursor
    ).respond_with_data("Internal Server Error", status=500)
    courtlistener.serve()  # the first page, the docket and the parties would all be fine
    before = snapshot(thornley)

    with pytest.raises(cl.CourtListenerError, match="500 Internal Server Error"):
        cl.courtlistener_docket_sync(case=thornley, client=client_cl)

    assert sleeps == [1.0, 2.0, 4.0]
    assert len(courtlistener.requests_to("docket-entries/")) == 1 + 4
    assert courtlistener.requests_to("parties/") == []  # it stopped there
    thornley.refresh_from_db()
    assert thornley.courtlistener_sync_error.endswith(
        "CourtListener answered 500 Internal Server Error for docket-entries/?docket=67890&"
        "page_size=100&cursor=docket-entries-page-1, 4 times in a row; gave up (the next sync "
        "tries again)."
    )
    assert thornley.courtlistener_synced_at is None
    assert snapshot(thornley) == before
    assert DocketImport.objects.count() == 0
    # The admin shows it.
    page = editor_client.get(f"/admin/cases/case/{thornley.pk}/change/").content.decode()
    assert "4 times in a row; gave up" in page


@pytest.mark.django_db(transaction=True)
def test_a_refused_token_and_a_missing_docket_are_clear_errors(courtlistener, client_cl, thornley):
    courtlistener.server.expect_request(f"{API}dockets/{DOCKET_ID}/").respond_with_json(
        {"detail": "Invalid token."}, status=401
    )
    with pytest.raises(cl.CourtListenerError, match="check COURTLISTENER_TOKEN"):
        cl.courtlistener_docket_sync(case=thornley, client=client_cl)
    thornley.refresh_from_db()
    assert "(401: Invalid token.)" in thornley.courtlistener_sync_error

    courtlistener.server.clear()
    courtlistener.server.expect_request(f"{API}dockets/{DOCKET_ID}/").respond_with_json(
        {"detail": "No Docket matches the given query."}, status=404
    )
    with pytest.raises(cl.CourtListenerError, match="nothing at dockets/67890/"):
        cl.courtlistener_docket_sync(case=thornley, client=client_cl)


@pytest.mark.django_db(transaction=True)
def test_a_docket_of_another_court_is_refused_whole(courtlistener, client_cl, thornley):
    courtlistener.serve(docket=cl_docket(court_id="cand"))
    before = snapshot(thornley)
    with pytest.raises(Exception, match="is a case of"):
        cl.courtlistener_docket_sync(case=thornley, client=client_cl)
    thornley.refresh_from_db()
    assert "This docket is from" in thornley.courtlistener_sync_error
    assert snapshot(thornley) == before


@pytest.mark.django_db(transaction=True)
def test_a_next_page_on_another_site_is_not_followed(courtlistener, client_cl, thornley):
    elsewhere = "http://198.51.100.7/api/rest/v4/docket-entries/?cursor=x"
    courtlistener.serve()
    courtlistener.server.clear()
    courtlistener.server.expect_request(f"{API}dockets/{DOCKET_ID}/").respond_with_json(cl_docket())
    courtlistener.server.expect_request(f"{API}docket-entries/").respond_with_json(
        {"next": elsewhere, "previous": None, "results": ENTRIES[:1]}
    )
    with pytest.raises(cl.CourtListenerError, match="points to another site"):
        cl.courtlistener_docket_sync(case=thornley, client=client_cl)
    assert DocketEntry.objects.count() == 0


@pytest.mark.django_db(transaction=True)
def test_no_request_is_made_inside_a_transaction(courtlistener, client_cl, thornley):
    courtlistener.serve()
    with transaction.atomic(), pytest.raises(RuntimeError, match="inside a database transaction"):
        cl.courtlistener_docket_sync(case=thornley, client=client_cl)
    assert courtlistener.server.log == []


@pytest.mark.django_db(transaction=True)
def test_a_network_timeout_is_retried_then_recorded(settings, thornley, sleeps):
    # A server that accepts the connection and never answers.
    import socket

    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        settings.COURTLISTENER_TOKEN = TOKEN
        settings.COURTLISTENER_API_URL = f"http://127.0.0.1:{listener.getsockname()[1]}{API}"
        settings.COURTLISTENER_TIMEOUT = 0.2
        with cl.CourtListenerClient.from_settings(sleep=sleeps) as client:
            client.retries = 1
            with pytest.raises(cl.CourtListenerError, match="did not answer within 0.2 s"):
                cl.courtlistener_docket_sync(case=thornley, client=client)
    assert sleeps == [1.0]
    thornley.refresh_from_db()
    assert "did not answer within 0.2 s for dockets/67890/, 2 times" in (
        thornley.courtlistener_sync_error
    )


# --- The task -------------------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_without_a_token_the_task_does_nothing(courtlistener, thornley, settings):
    settings.COURTLISTENER_TOKEN = ""
    courtlistener.serve()
    assert courtlistener_sync.delay().get() == 0
    assert courtlistener.server.log == []
    thornley.refresh_from_db()
    assert (thornley.courtlistener_synced_at, thornley.courtlistener_sync_error) == (None, "")
    assert DocketEntry.objects.count() == 0


@pytest.mark.django_db(transaction=True)
def test_the_task_syncs_each_linked_case_and_a_failure_stops_only_its_own(
    courtlistener, thornley, settings
):
    broken = factories.case(
        court_=thornley.court, docket_number="1:20-cv-04444", courtlistener_docket_id=11111
    )
    unlinked = factories.case(court_=thornley.court, docket_number="1:20-cv-05555")
    courtlistener.server.expect_request(f"{API}dockets/11111/").respond_with_json(
        {"detail": "Not found."}, status=404
    )
    courtlistener.serve()

    assert courtlistener_sync.delay().get() == 1

    thornley.refresh_from_db()
    broken.refresh_from_db()
    assert thornley.courtlistener_synced_at is not None and thornley.courtlistener_sync_error == ""
    assert DocketEntry.objects.filter(case=thornley).count() == 5
    assert broken.courtlistener_synced_at is None
    assert "nothing at dockets/11111/ (404 Not Found)" in broken.courtlistener_sync_error
    assert unlinked.courtlistener_sync_error == ""
    # Synced just now: not due again; the failed one is.
    assert cl.courtlistener_sync_due() == [broken.pk]
    later = datetime.datetime.now(datetime.UTC) + datetime.timedelta(minutes=31)
    assert set(cl.courtlistener_sync_due(now=later)) == {broken.pk, thornley.pk}


@pytest.mark.django_db(transaction=True)
def test_rate_limiting_stops_the_run_and_leaves_the_rest_for_the_next(
    courtlistener, thornley, settings
):
    other = factories.case(
        court_=thornley.court, docket_number="1:20-cv-04444", courtlistener_docket_id=11111
    )
    courtlistener.server.expect_request(f"{API}dockets/{DOCKET_ID}/").respond_with_json(
        {"detail": "Throttled."}, status=429, headers={"Retry-After": "900"}
    )
    assert courtlistener_sync.delay().get() == 0
    assert [r.path for r, _ in courtlistener.server.log] == [f"{API}dockets/{DOCKET_ID}/"]
    thornley.refresh_from_db()
    assert "429 Too Many Requests" in thornley.courtlistener_sync_error
    assert set(cl.courtlistener_sync_due()) == {thornley.pk, other.pk}


def test_the_beat_schedule_runs_the_sync_task(settings):
    from tracker.celery import app

    entry = settings.CELERY_BEAT_SCHEDULE["cases-courtlistener-sync"]
    assert entry == {
        "task": "cases.tasks.courtlistener_sync",
        "schedule": settings.COURTLISTENER_SYNC_MINUTES * 60,
    }
    app.loader.import_default_modules()
    assert "cases.tasks.courtlistener_sync" in app.tasks


def run_settings(tmp_path: Path, **variables: str) -> subprocess.CompletedProcess[str]:
    env = clean_env(tmp_path, **variables)
    for name in list(env):
        if name.startswith("COURTLISTENER_") and name not in variables:
            del env[name]
    code = (
        "import json; from django.conf import settings as s; print(json.dumps({"
        "'token': s.COURTLISTENER_TOKEN, 'url': s.COURTLISTENER_API_URL, "
        "'secret': s.COURTLISTENER_WEBHOOK_SECRET, 'timeout': s.COURTLISTENER_TIMEOUT, "
        "'minutes': s.COURTLISTENER_SYNC_MINUTES, "
        "'beat': s.CELERY_BEAT_SCHEDULE['cases-courtlistener-sync']['schedule']}))"
    )
    return manage_run(env, "shell", "-c", code)


@pytest.mark.slow
def test_make_run_settings_import_with_the_sync_off(tmp_path):
    result = run_settings(tmp_path)  # nothing set: SQLite, files, no CourtListener
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == {
        "token": "",
        "url": "https://www.courtlistener.com/api/rest/v4/",
        "secret": "",
        "timeout": 20.0,
        "minutes": 60,
        "beat": 3600,
    }
    result = run_settings(
        tmp_path,
        COURTLISTENER_TOKEN="abc",
        COURTLISTENER_API_URL="http://127.0.0.1:9/api/rest/v4",
        COURTLISTENER_TIMEOUT="2.5",
        COURTLISTENER_SYNC_MINUTES="15",
    )
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])
    assert (values["url"], values["timeout"], values["minutes"], values["beat"]) == (
        "http://127.0.0.1:9/api/rest/v4/",
        2.5,
        15,
        900,
    )


@pytest.mark.slow
@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("COURTLISTENER_TIMEOUT", "soon"),
        ("COURTLISTENER_TIMEOUT", "0"),
        ("COURTLISTENER_SYNC_MINUTES", "0"),
        ("COURTLISTENER_SYNC_MINUTES", "hourly"),
        ("COURTLISTENER_API_URL", "ftp://courtlistener.example/"),
    ],
)
def test_a_bad_courtlistener_setting_stops_start_up_naming_it(tmp_path, variable, value):
    result = run_settings(tmp_path, **{variable: value})
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("Configuration error:"), result.stderr
    assert variable in result.stderr and "Traceback" not in result.stderr


# --- Linking a case in the admin ---------------------------------------------------------------


def change_url(case: Case) -> str:
    return f"/admin/cases/case/{case.pk}/change/"


@pytest.mark.django_db
def test_the_admin_says_when_the_sync_is_off(editor_client, thornley, settings):
    settings.COURTLISTENER_TOKEN = ""
    page = editor_client.get(change_url(thornley)).content.decode()
    assert "CourtListener sync is off: set COURTLISTENER_TOKEN" in page
    settings.COURTLISTENER_TOKEN = TOKEN
    page = editor_client.get(change_url(thornley)).content.decode()
    assert "CourtListener sync is off" not in page
    assert "Not yet (synced every 60 minutes)." in page


@pytest.mark.django_db
@pytest.mark.parametrize(
    "typed",
    ["https://www.courtlistener.com/docket/67891/thornley-v-clearview-ai-inc/", "67891"],
)
def test_a_case_is_linked_by_docket_address_or_id(editor_client, thornley, typed):
    Case.objects.filter(pk=thornley.pk).update(
        courtlistener_synced_at=datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC),
        courtlistener_sync_error="old error of the old docket",
    )
    url = change_url(thornley)
    data = form_data(editor_client.get(url), "case_form")
    assert data["courtlistener_docket_id"] == str(DOCKET_ID)
    response = editor_client.post(url, data | {"courtlistener_docket_id": typed})
    assert response.status_code == 302, response.content.decode()[:3000]
    thornley.refresh_from_db()
    assert thornley.courtlistener_docket_id == 67891
    assert (thornley.courtlistener_synced_at, thornley.courtlistener_sync_error) == (None, "")


@pytest.mark.django_db
def test_saving_a_case_without_touching_its_link_keeps_its_sync_state(editor_client, thornley):
    synced = datetime.datetime(2026, 1, 1, tzinfo=datetime.UTC)
    Case.objects.filter(pk=thornley.pk).update(courtlistener_synced_at=synced)
    url = change_url(thornley)
    data = form_data(editor_client.get(url), "case_form") | {"summary": "Removed, then remanded."}
    assert editor_client.post(url, data).status_code == 302
    thornley.refresh_from_db()
    assert (thornley.courtlistener_docket_id, thornley.courtlistener_synced_at) == (
        DOCKET_ID,
        synced,
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("https://example.org/docket/67891/", "Enter a CourtListener docket id (67890)"),
        ("docket 67891", "Enter a CourtListener docket id (67890)"),
        ("99999999999999999999", "A CourtListener docket id is a whole number from 1"),
        (str(DOCKET_ID + 1), "Case with this CourtListener docket already exists."),
    ],
)
def test_a_bad_docket_is_a_form_error_not_a_500(editor_client, thornley, typed, message):
    factories.case(court_=thornley.court, courtlistener_docket_id=DOCKET_ID + 1)
    url = change_url(thornley)
    data = form_data(editor_client.get(url), "case_form")
    response = editor_client.post(url, data | {"courtlistener_docket_id": typed})
    assert response.status_code == 200
    assert message in response.content.decode()
    thornley.refresh_from_db()
    assert thornley.courtlistener_docket_id == DOCKET_ID


@pytest.mark.django_db
def test_a_new_case_can_be_linked_when_added(editor_client):
    court = factories.court()
    data = form_data(editor_client.get("/admin/cases/case/add/"), "case_form") | {
        "caption": "Mutnick v. Clearview AI",
        "short_name": "Mutnick v. Clearview AI",
        "slug": "mutnick",
        "court": court.pk,
        "docket_number": "1:20-cv-00512",
        "case_type": "civil",
        "status": "active",
        "courtlistener_docket_id": "https://www.courtlistener.com/docket/16725226/mutnick-v-clearview/",
    }
    response = editor_client.post("/admin/cases/case/add/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assert Case.objects.get(slug="mutnick").courtlistener_docket_id == 16725226


# --- Webhooks ----------------------------------------------------------------------------------


def delivery(*entries: dict, event_type: int = 1) -> dict:
    return {
        "webhook": {
            "event_type": event_type,
            "version": 2,
            "date_created": "2026-12-02T13:00:00.000000-08:00",
            "deprecation_date": None,
        },
        "payload": {"results": list(entries)},
    }


def webhook_entry(entry_id: int, number: int, docket_id: int = DOCKET_ID, **fields) -> dict:
    # The webhook's docket entries name their docket by id.
    entry = cl_entry(entry_id, number, "2020-10-01", f"ORDER number {number}", docket_id=docket_id)
    return entry | {"docket": docket_id} | fields


@pytest.fixture
def webhook_secret(settings) -> str:
    settings.COURTLISTENER_WEBHOOK_SECRET = SECRET
    return SECRET


def post(client, body, *, key: str | None = "key-1", secret: str = SECRET, **headers):
    if key is not None:
        headers["HTTP_IDEMPOTENCY_KEY"] = key
    raw = body if isinstance(body, bytes | str) else json.dumps(body)
    return client.post(
        f"/webhooks/courtlistener/{secret}/", raw, content_type="application/json", **headers
    )


def rows() -> tuple:
    return (
        list(DocketEntry.objects.order_by("pk").values_list("pk", "text")),
        CaseEvent.objects.count(),
        WebhookDelivery.objects.count(),
        CaseParty.objects.count(),
    )


@pytest.mark.django_db
def test_a_docket_alert_adds_its_entries_to_the_linked_case_once(client, webhook_secret, thornley):
    earlier = services.docket_entry_add(
        case=thornley,
        filed_date=D(2020, 6, 29),
        text="NOTICE of Removal",
        number=1,
        source=DocketSource.COURTLISTENER,
        courtlistener_id=9001,
    )
    events = CaseEvent.objects.count()
    body = delivery(webhook_entry(9010, 10), webhook_entry(9011, 11), webhook_entry(7, 3, 424242))

    response = post(client, body)

    assert response.status_code == 200, response.content
    assert response.json() == {
        "duplicate": False,
        "ignored_event": False,
        "entries_received": 3,
        "cases": 1,
        "entries_ignored": 1,  # docket 424242 is no case's
        "entries_added": 2,
        "entries_changed": 0,
        "entries_unchanged": 0,
    }
    added = DocketEntry.objects.filter(case=thornley, courtlistener_id__in=[9010, 9011])
    assert sorted(added.values_list("number", "text", "source")) == [
        (10, "ORDER number 10", "courtlistener"),
        (11, "ORDER number 11", "courtlistener"),
    ]
    assert CaseEvent.objects.count() == events + 2
    assert WebhookDelivery.objects.get().entries_added == 2
    assert WebhookDelivery.objects.get().event_type == 1
    # Not the whole docket: the entry it does not list is not flagged; no party changes.
    earlier.refresh_from_db()
    assert earlier.missing_from_source_since is None
    assert CaseParty.objects.count() == 0

    # CourtListener delivers again (same Idempotency-Key): nothing changes.
    before = rows()
    again = post(client, body)
    assert again.status_code == 200
    assert again.json()["duplicate"] is True
    assert rows() == before
    # The same entries in another delivery are matched by their CourtListener ids.
    other = post(client, body, key="key-2")
    assert other.json()["entries_unchanged"] == 2 and other.json()["entries_added"] == 0
    assert DocketEntry.objects.count() == 3


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("make_request", "status", "error"),
    [
        (lambda c: post(c, delivery(), secret="wrong-secret"), 403, "Wrong webhook secret."),
        (lambda c: post(c, delivery(), key=None), 400, "The Idempotency-Key header is missing."),
        (lambda c: post(c, delivery(), key="k" * 101), 400, "longer than 100 characters"),
        (lambda c: post(c, b"{not json"), 400, "The body is not JSON."),
        (lambda c: post(c, b"\xff\xfe"), 400, "The body is not JSON."),
        (lambda c: post(c, [1, 2]), 400, "it has no 'webhook' object"),
        (lambda c: post(c, {"webhook": {}}), 400, "event_type is not a number"),
        (
            lambda c: post(c, {"webhook": {"event_type": 1}, "payload": {"results": "x"}}),
            400,
            "payload.results is not a list of docket entries",
        ),
        (
            lambda c: post(c, delivery(webhook_entry(9010, 10) | {"docket": None})),
            400,
            "names no docket",
        ),
        (
            lambda c: post(
                c, b'{"webhook": {"event_type": 1}, "pad": "' + b"x" * (1 << 20) + b'"}'
            ),
            413,
            "larger than 1048576 bytes",
        ),
    ],
)
def test_bad_deliveries_are_refused_with_one_line_and_write_nothing(
    client, webhook_secret, thornley, make_request, status, error
):
    before = rows()
    response = make_request(client)
    assert response.status_code == status
    assert error in response.json()["error"]
    assert len(response.content.splitlines()) == 1
    assert rows() == before


@pytest.mark.django_db
def test_only_post_is_accepted(client, webhook_secret):
    response = client.get(f"/webhooks/courtlistener/{SECRET}/")
    assert response.status_code == 405
    assert response["Allow"] == "POST"


@pytest.mark.django_db
def test_without_a_secret_setting_the_endpoint_is_not_there(client, settings, thornley):
    settings.COURTLISTENER_WEBHOOK_SECRET = ""
    before = rows()
    assert post(client, delivery(webhook_entry(9010, 10)), secret="").status_code == 404
    assert post(client, delivery(webhook_entry(9010, 10)), secret="anything").status_code == 404
    assert rows() == before


@pytest.mark.django_db
def test_the_secret_may_come_in_a_header(client, webhook_secret, thornley):
    body = json.dumps(delivery(webhook_entry(9010, 10)))

    def send(**headers):
        return client.post(
            "/webhooks/courtlistener/",
            body,
            content_type="application/json",
            HTTP_IDEMPOTENCY_KEY="header-key",
            **headers,
        )

    assert send().status_code == 403
    assert send(HTTP_X_WEBHOOK_SECRET="nope").status_code == 403
    response = send(HTTP_X_WEBHOOK_SECRET=SECRET)
    assert response.status_code == 200 and response.json()["entries_added"] == 1


@pytest.mark.django_db
def test_other_event_types_are_acknowledged_and_ignored(client, webhook_secret, thornley):
    before = CaseEvent.objects.count()
    response = post(client, delivery(event_type=2) | {"payload": {"results": [{"q": "x"}]}})
    assert response.status_code == 200
    assert response.json()["ignored_event"] is True
    assert WebhookDelivery.objects.get().event_type == 2
    assert CaseEvent.objects.count() == before


@pytest.mark.django_db
def test_a_delivery_that_cannot_be_merged_writes_nothing_not_even_its_key(
    client, webhook_secret, thornley
):
    other = factories.case(
        court_=thornley.court, docket_number="1:20-cv-04444", courtlistener_docket_id=11111
    )
    services.docket_entry_add(
        case=thornley, filed_date=D(2020, 6, 29), text="x", number=1, courtlistener_id=7001
    )
    before = rows()
    # A new entry for Thornley, then one for the other case carrying an id Thornley's entry has.
    body = delivery(webhook_entry(8001, 20), webhook_entry(7001, 2, other.courtlistener_docket_id))
    response = post(client, body)
    assert response.status_code == 422
    assert response.json()["error"].startswith("Nothing was written: The docket could not be")
    assert rows() == before
    assert not DocketEntry.objects.filter(courtlistener_id=8001).exists()


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_a_delivery_over_http_to_a_live_server_reaches_a_follower(
    live_server, webhook_secret, thornley, smtp, django_user_model
):
    bob = django_user_model.objects.create_user("bob", "bob@example.org", "pw")
    alert_services.subscription_follow(user=bob, case=thornley, docket_entries=True)
    url = f"{live_server.url}/webhooks/courtlistener/{SECRET}/"
    body = delivery(webhook_entry(9020, 20), webhook_entry(9021, 21, 424242))
    key = {"Idempotency-Key": "0d3c2a1e-5b7f-4e0a-9a51-5d1c1e7f4b21"}

    with httpx.Client(timeout=10) as http:
        response = http.post(url, json=body, headers=key)
        assert response.status_code == 200, response.text
        assert response.json()["entries_added"] == 1
        assert response.json()["entries_ignored"] == 1
        assert DocketEntry.objects.get(courtlistener_id=9020).case == thornley
        mails = smtp.inbox.to("bob@example.org")
        assert [str(m["Subject"]) for m in mails] == [
            "[Thornley v. Clearview AI] Docket entry 20: ORDER number 20"
        ]

        redelivered = http.post(url, json=body, headers=key)
        assert redelivered.status_code == 200 and redelivered.json()["duplicate"] is True
        assert DocketEntry.objects.filter(courtlistener_id=9020).count() == 1
        assert len(smtp.inbox.messages) == 1

        assert http.post(url.replace(SECRET, "guess"), json=body, headers=key).status_code == 403
        assert http.get(url).status_code == 405
        big = http.post(url, content=b"x" * (1024 * 1024 + 1), headers=key)
        assert big.status_code == 413
    assert WebhookDelivery.objects.count() == 1
