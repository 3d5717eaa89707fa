"""Each endpoint's fields, on the Clearview docket: what the public pages show."""

from __future__ import annotations

import datetime

import pytest

from cases import services
from cases.models import Case, Judge
from tests.api.conftest import get_json, walk

pytestmark = pytest.mark.django_db

D = datetime.date
BASE = "http://testserver"


def by(rows: list[dict], key: str) -> dict:
    return {row[key]: row for row in rows}


def test_courts_list_by_name_and_one_by_code(client, seeded):
    courts = by(walk(client, "/api/v1/courts/"), "code")
    assert {"ilnd", "cand", "ca7", "ca9", "scotus", "jpml", "ca-alameda-superior"} <= set(courts)
    assert courts["ilnd"] == {
        "code": "ilnd",
        "name": "United States District Court for the Northern District of Illinois",
        "short_name": "N.D. Ill.",
        "level": "federal_district",
        "state": "IL",
        "time_zone": "America/Chicago",
        "holiday_calendar": "us_federal",
        "appeals_to": "ca7",
        "page_url": f"{BASE}/courts/ilnd/",
        "api_url": f"{BASE}/api/v1/courts/ilnd/",
    }
    names = [row["name"] for row in walk(client, "/api/v1/courts/")]
    assert names == sorted(names)
    assert get_json(client, "/api/v1/courts/ilnd/") == courts["ilnd"]
    assert get_json(client, "/api/v1/courts/no-such-court/", 404) == {
        "detail": "No Court matches the given query."
    }


def test_judges_list_one_and_by_court(client, seeded):
    wood = Judge.objects.get(name="Wood")
    judges = by(walk(client, "/api/v1/judges/"), "name")
    assert judges["Wood"] == {
        "id": wood.pk,
        "name": "Wood",
        "title": "Circuit Judge",
        "court": "ca7",
        "page_url": f"{BASE}/judges/{wood.pk}/",
        "api_url": f"{BASE}/api/v1/judges/{wood.pk}/",
    }
    assert get_json(client, f"/api/v1/judges/{wood.pk}/") == judges["Wood"]
    seventh = {row["name"] for row in walk(client, "/api/v1/judges/?court=ca7")}
    assert seventh == set(Judge.objects.filter(court__code="ca7").values_list("name", flat=True))
    assert "Wood" in seventh and "Sharon Johnson Coleman" not in seventh
    get_json(client, "/api/v1/judges/999999/", 404)


def test_a_case_in_the_list_and_on_its_own(client, seeded):
    rows = by(walk(client, "/api/v1/cases/"), "slug")
    assert len(rows) == Case.objects.count() == 11
    row = rows["renderos-v-clearview-ndill"]
    assert row["short_name"] == "Renderos v. Clearview AI"
    assert row["docket_number"] == "1:21-cv-05286"
    assert row["court"] == {
        "code": "ilnd",
        "short_name": "N.D. Ill.",
        "api_url": f"{BASE}/api/v1/courts/ilnd/",
    }
    assert (row["status"], row["case_type"], row["filed_date"]) == (
        "remanded",
        "civil",
        "2021-10-05",
    )
    assert row["caption"].startswith("Steven Renderos, Valeria Thais Suárez Rojas")
    assert "remanded the case to the Alameda County Superior Court" in row["summary"]
    assert {(j["judge"]["name"], j["role"]) for j in row["judges"]} == {
        ("Sharon Johnson Coleman", "presiding"),
        ("Maria Valdez", "magistrate"),
    }
    assert "https://justfutureslaw.org/legal-filings/clearview" in row["sources"]
    assert row["page_url"] == f"{BASE}/cases/renderos-v-clearview-ndill/"
    detail = get_json(client, "/api/v1/cases/renderos-v-clearview-ndill/")
    assert {key: value for key, value in detail.items() if key != "status_history"} == row
    assert [change["to_status"] for change in detail["status_history"]][-1] == "remanded"
    get_json(client, "/api/v1/cases/no-such-case/", 404)


def test_the_causes_of_action_are_a_list(client, seeded):
    case = Case.objects.exclude(causes_of_action="").first()
    detail = get_json(client, f"/api/v1/cases/{case.slug}/")
    assert detail["causes_of_action"] == case.causes_of_action_list != []


def test_a_case_parties_with_their_counsel(client, seeded):
    rows = walk(client, "/api/v1/cases/renderos-v-clearview-alameda/parties/")
    clearview = next(row for row in rows if row["party"]["slug"] == "clearview-ai-inc")
    assert clearview["role"] == "defendant"
    assert clearview["party"] == {
        "slug": "clearview-ai-inc",
        "name": "Clearview AI, Inc.",
        "kind": "organization",
        "api_url": f"{BASE}/api/v1/parties/clearview-ai-inc/",
    }
    counsel = {(c["attorney"]["name"], (c["firm"] or {}).get("name")) for c in clearview["counsel"]}
    assert ("Kate T. Spelman", "Jenner & Block LLP") in counsel
    plaintiffs = {row["party"]["name"] for row in rows if row["role"] == "plaintiff"}
    assert "Mijente Support Committee" in plaintiffs
    leonida = [
        c for row in rows for c in row["counsel"] if c["attorney"]["name"] == "Ellen V. Leonida"
    ]
    assert leonida and leonida[0]["firm"]["name"] == "BraunHagey & Borden LLP"
    assert set(leonida[0]) == {"attorney", "firm", "role", "start_date", "end_date"}


def test_docket_entries_oldest_first(client, seeded):
    rows = walk(client, "/api/v1/cases/renderos-v-clearview-alameda/docket-entries/")
    assert rows[0]["filed_date"] == "2021-03-09"
    assert rows[0]["text"].startswith("Complaint against Clearview AI, Inc. and Does 1-10")
    assert rows[0]["source"] == "manual"
    dates = [row["filed_date"] for row in rows]
    assert dates == sorted(dates)
    case = Case.objects.get(slug="renderos-v-clearview-alameda")
    assert len(rows) == case.docket_entries.count()


def test_motions_with_movants_and_the_rulings_that_decided_them(client, seeded):
    motions = walk(client, "/api/v1/cases/thornley-v-clearview-ca7/motions/")
    stay = next(m for m in motions if m["kind"] == "stay")
    assert stay["title"].startswith("Motion to stay the mandate")
    assert stay["status"] == "denied" and stay["filed_date"] == "2021-02-22"
    assert stay["movants"] == [
        {"slug": "clearview-ai-inc", "name": "Clearview AI, Inc.", "role": "appellant"}
    ]
    [decision] = stay["decisions"]
    rulings = by(walk(client, "/api/v1/cases/thornley-v-clearview-ca7/rulings/"), "id")
    ruling = rulings[decision["ruling"]]
    assert ruling["title"] == "Order denying the motion to stay the mandate"
    assert ruling["date"] is None and "exact date unconfirmed" in ruling["date_note"]
    assert ruling["decisions"] == [
        {"motion": stay["id"], "title": stay["title"], "outcome": "denied"}
    ]
    opinion = next(r for r in rulings.values() if r["citation"] == "984 F.3d 1241")
    assert opinion["judge"]["name"] == "Wood" and opinion["kind"] == "opinion"
    # Oldest first, the undated last.
    assert [r["date"] for r in rulings.values()][-1] is None


def test_deadlines_by_due_date_with_their_computation(client, seeded):
    mdl = Case.objects.get(slug="in-re-clearview-mdl")
    services.deadline_set(
        case=mdl, title="Joint status report", kind="filing", due_date=D(2031, 1, 9)
    )
    services.deadline_set(case=mdl, title="Opposition", kind="response", due_date=D(2030, 5, 1))
    rows = walk(client, "/api/v1/cases/in-re-clearview-mdl/deadlines/")
    assert [(row["title"], row["due_date"]) for row in rows] == [
        ("Opposition", "2030-05-01"),
        ("Joint status report", "2031-01-09"),
    ]
    assert rows[0]["status"] == "open" and rows[0]["basis"] == "set_by_order"
    assert {"rule", "explanation", "period", "earliest_safe_date", "trigger_date"} <= set(rows[0])


def test_links_read_from_the_case_they_are_listed_for(client, seeded):
    rows = walk(client, "/api/v1/cases/renderos-v-clearview-ndill/links/")
    assert [(row["direction"], row["label"], row["other_case"]["slug"]) for row in rows] == [
        ("in", "transferred from", "renderos-v-clearview-ndcal"),
        ("out", "remanded to", "renderos-v-clearview-alameda"),
    ]
    assert rows[0]["note"] == "Opened in N.D. Ill. as No. 1:21-cv-5286."
    assert rows[0]["other_case"]["court"]["code"] == "cand"


def test_rows_of_a_case_that_does_not_exist_are_not_found(client, seeded):
    for rows in ("parties", "docket-entries", "motions", "rulings", "deadlines", "links"):
        answer = get_json(client, f"/api/v1/cases/no-such-case/{rows}/", 404)
        assert answer == {"detail": "No case has this slug."}


def test_parties_list_filters_and_one(client, seeded):
    parties = by(walk(client, "/api/v1/parties/"), "slug")
    assert parties["clearview-ai-inc"]["case_count"] == 11
    detail = get_json(client, "/api/v1/parties/clearview-ai-inc/")
    assert detail["description"].startswith("Facial-recognition company")
    assert detail["sources"] and detail["kind"] == "organization"
    found = {row["slug"] for row in walk(client, "/api/v1/parties/?q=police")}
    assert "alameda-police-department" in found and "clearview-ai-inc" not in found
    kinds = {row["kind"] for row in walk(client, "/api/v1/parties/?kind=government")}
    assert kinds == {"government"}
    get_json(client, "/api/v1/parties/no-such-party/", 404)


def test_an_address_under_the_api_that_names_nothing_is_a_json_404(client, db):
    for url in ("/api/v1/", "/api/v1/nothing/", "/api/v1/judges/-1/", "/api/v1/cases"):
        assert get_json(client, url, 404) == {"detail": "Not found."}


def test_the_reads_take_no_other_method(client, seeded):
    for url in ("/api/v1/cases/", "/api/v1/cases/renderos-v-clearview-ndill/motions/"):
        for method in ("post", "put", "patch", "delete", "options"):
            response = getattr(client, method)(url)
            assert response.status_code == 405, (method, url)
            assert response.json()["detail"].startswith("Method")
