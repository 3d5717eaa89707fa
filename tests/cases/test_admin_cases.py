"""Cases in the admin, as an Editors user: add and change through services, and the inlines."""

from __future__ import annotations

import datetime

import pytest

from cases.models import Case, CaseEvent, CaseLink, Deadline, EventKind, Motion
from parties.models import CaseParty
from tests import factories
from tests.cases.admin_errors import errors_of
from tests.forms import form_data

pytestmark = pytest.mark.django_db

D = datetime.date


# --- Cases: add and change through services ----------------------------------------------------


def test_adding_a_case_records_its_status_and_event(editor_client, alice):
    court = factories.court()
    page = editor_client.get("/admin/cases/case/add/")
    data = form_data(page, "case_form") | {
        "caption": "ACLU v. Clearview AI, Inc.",
        "short_name": "ACLU v. Clearview AI",
        "slug": "aclu-v-clearview",
        "court": court.pk,
        "docket_number": "2020-CH-04353",
        "case_type": "civil",
        "status": "filed",
        "filed_date": "2020-05-28",
    }
    response = editor_client.post("/admin/cases/case/add/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    case = Case.objects.get(slug="aclu-v-clearview")
    assert case.events.get().kind == EventKind.CASE_OPENED
    assert case.status_changes.get().recorded_by == alice


def test_the_add_page_shows_no_sync_error_for_a_case_not_yet_saved(editor_client):
    page = editor_client.get("/admin/cases/case/add/").content.decode()
    assert "DatabaseDefault" not in page
    assert "CourtListener sync error" in page and "None." in page


def test_changing_the_status_records_it_with_its_date(editor_client, alice):
    case = factories.case()
    url = f"/admin/cases/case/{case.pk}/change/"
    data = form_data(editor_client.get(url), "case_form") | {
        "status": "settled",
        "status_effective_date": "2022-05-11",
        "status_note": "Consent order entered",
    }
    response = editor_client.post(url, data)
    assert response.status_code == 302, errors_of(response)[:3000]
    change = case.status_changes.latest("pk")
    assert (change.from_status, change.to_status) == ("filed", "settled")
    assert change.effective_date == D(2022, 5, 11)
    assert change.recorded_by == alice
    event = CaseEvent.objects.get(kind=EventKind.STATUS_CHANGED, case=case)
    assert event.summary == "Status: filed -> settled"


def test_duplicate_docket_number_is_refused_with_a_message(editor_client):
    existing = factories.case(docket_number="1:20-cv-00512")
    data = form_data(editor_client.get("/admin/cases/case/add/"), "case_form") | {
        "caption": "Dup",
        "short_name": "Dup",
        "slug": "dup",
        "court": existing.court_id,
        "docket_number": "1:20-cv-00512",
        "case_type": "civil",
        "status": "filed",
    }
    text = errors_of(editor_client.post("/admin/cases/case/add/", data))
    assert "A case with this docket number already exists in this court." in text
    assert Case.objects.count() == 1


def test_closed_before_filed_is_refused_with_a_message(editor_client):
    case = factories.case(filed_date=D(2021, 3, 9))
    url = f"/admin/cases/case/{case.pk}/change/"
    data = form_data(editor_client.get(url), "case_form") | {"closed_date": "2021-03-01"}
    text = errors_of(editor_client.post(url, data))
    assert "The closed date cannot be before the filed date." in text
    case.refresh_from_db()
    assert case.closed_date is None


def test_inlines_save_through_services(editor_client):
    case = factories.case()
    other = factories.case(short_name="Target v. Case")
    party = factories.party(name="Mijente Support Committee")
    url = f"/admin/cases/case/{case.pk}/change/"
    data = form_data(editor_client.get(url), "case_form")
    data |= {
        "case_parties-TOTAL_FORMS": "1",
        "case_parties-0-party": party.pk,
        "case_parties-0-role": "plaintiff",
        "motions-TOTAL_FORMS": "1",
        "motions-0-title": "Motion to remand",
        "motions-0-kind": "remand",
        "motions-0-filed_date": "2021-10-20",
        "deadlines-TOTAL_FORMS": "1",
        "deadlines-0-title": "Reply due",
        "deadlines-0-kind": "reply",
        "deadlines-0-due_date": "2031-11-10",
        "deadlines-0-basis": "set_by_order",
        "deadlines-0-status": "open",
        "links_out-TOTAL_FORMS": "1",
        "links_out-0-kind": "removed_to",
        "links_out-0-to_case": other.pk,
        "links_out-0-date": "2021-06-14",
    }
    response = editor_client.post(url, data)
    assert response.status_code == 302, errors_of(response)[:5000]
    assert CaseParty.objects.filter(case=case, party=party, role="plaintiff").exists()
    assert Motion.objects.get(case=case).status == "pending"
    assert Deadline.objects.filter(case=case, title="Reply due").exists()
    assert CaseLink.objects.filter(from_case=case, to_case=other, kind="removed_to").exists()
    assert {
        EventKind.MOTION_FILED,
        EventKind.DEADLINE_SET,
        EventKind.CASE_LINKED,
    } <= set(case.events.values_list("kind", flat=True))
    assert other.events.filter(kind=EventKind.CASE_LINKED).exists()


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        (
            {
                "case_parties-TOTAL_FORMS": "2",
                "case_parties-0-party": "P",
                "case_parties-0-role": "plaintiff",
                "case_parties-1-party": "P",
                "case_parties-1-role": "plaintiff",
            },
            "Please correct the duplicate data for party and role, which must be unique.",
        ),
        (
            {
                "case_parties-TOTAL_FORMS": "1",
                "case_parties-0-party": "P",
                "case_parties-0-role": "plaintiff",
                "case_parties-0-joined_date": "2021-04-22",
                "case_parties-0-terminated_date": "2021-04-01",
            },
            "A party cannot be terminated before it joined the case.",
        ),
        (
            {
                "links_out-TOTAL_FORMS": "1",
                "links_out-0-kind": "related",
                "links_out-0-to_case": "SELF",
            },
            "A case cannot be linked to itself.",
        ),
        (
            {
                "deadlines-TOTAL_FORMS": "1",
                "deadlines-0-title": "Answer due",
                "deadlines-0-kind": "response",
                "deadlines-0-due_date": "2031-01-05",
                "deadlines-0-basis": "computed",
                "deadlines-0-status": "open",
            },
            "Compute a deadline on its own page (Deadlines › Add)",
        ),
    ],
)
def test_inline_integrity_rules_give_readable_messages(editor_client, rows, message):
    case = factories.case()
    party = factories.party()
    url = f"/admin/cases/case/{case.pk}/change/"
    data = form_data(editor_client.get(url), "case_form") | rows
    for key, value in list(data.items()):
        if value == "P":
            data[key] = party.pk
        if value == "SELF":
            data[key] = case.pk
    text = errors_of(editor_client.post(url, data))
    assert message in text
    assert not CaseParty.objects.filter(case=case).exists()
    assert not CaseLink.objects.exists()
    assert not Deadline.objects.exists()


def test_existing_party_role_is_refused_with_a_message(editor_client):
    case = factories.case()
    cp = factories.case_party(case, role="defendant")
    url = f"/admin/cases/case/{case.pk}/change/"
    data = form_data(editor_client.get(url), "case_form") | {
        "case_parties-TOTAL_FORMS": "2",
        "case_parties-1-party": cp.party_id,
        "case_parties-1-role": "defendant",
    }
    text = errors_of(editor_client.post(url, data))
    assert "Please correct the duplicate data for party and role, which must be unique." in text
    # On the case party's own page the database rule speaks for itself.
    other = factories.case_party(case, role="plaintiff", party=cp.party)
    url = f"/admin/parties/caseparty/{other.pk}/change/"
    data = form_data(editor_client.get(url), "caseparty_form") | {"role": "defendant"}
    text = errors_of(editor_client.post(url, data))
    assert "This party already has this role in this case." in text
