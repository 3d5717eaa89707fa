"""Markup typed into the admin comes out of the API as JSON text: the exact string, in an
answer that says it is JSON and is not to be sniffed as anything else."""

from __future__ import annotations

import datetime

import pytest

from cases import services
from tests import factories
from tests.api.conftest import get_json
from tests.html_checks import PAYLOADS

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("payload", PAYLOADS)
def test_markup_is_json_text(client, payload):
    court = factories.court(short_name=f"Court {payload}")
    case = factories.case(court, short_name=f"Case {payload}", summary=payload)
    services.docket_entry_add(case=case, filed_date=datetime.date(2021, 1, 1), text=payload)
    party = factories.case_party(case, party=factories.party(name=f"Party {payload}"))
    answers = {
        "case": (f"/api/v1/cases/{case.slug}/", lambda a: a["summary"]),
        "case list": ("/api/v1/cases/", lambda a: a["results"][0]["short_name"][5:]),
        "court": (f"/api/v1/courts/{court.code}/", lambda a: a["short_name"][6:]),
        "entries": (
            f"/api/v1/cases/{case.slug}/docket-entries/",
            lambda a: a["results"][0]["text"],
        ),
        "parties": (
            f"/api/v1/cases/{case.slug}/parties/",
            lambda a: a["results"][0]["party"]["name"][6:],
        ),
    }
    for name, (url, read) in answers.items():
        response = client.get(url)
        assert response["Content-Type"] == "application/json", name
        assert response["X-Content-Type-Options"] == "nosniff", name
        assert read(get_json(client, url)) == payload, name
    assert party.party.name.endswith(payload)
    # A bad filter value is named back in the message, as JSON text too.
    error = client.get(f"/api/v1/cases/?court={payload}")
    assert error.status_code == 400 and error["Content-Type"] == "application/json"
    assert payload in error.json()["errors"]["court"][0]
