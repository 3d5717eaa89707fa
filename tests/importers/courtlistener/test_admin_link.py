"""Linking a case to its CourtListener docket in the admin."""

from __future__ import annotations

import datetime

import pytest

from cases.models import Case
from tests import factories
from tests.forms import form_data
from tests.importers.courtlistener.payloads import DOCKET_ID, TOKEN


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
