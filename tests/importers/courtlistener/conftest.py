"""The fake CourtListener, its client, the linked case and the webhook's secret."""

from __future__ import annotations

import pytest
from pytest_httpserver import HTTPServer

from cases.importers import courtlistener as cl
from cases.importers.courts import court_for_federal_id
from cases.models import Case
from tests import factories
from tests.importers.courtlistener.payloads import API, DOCKET_ID, SECRET, TOKEN, D
from tests.importers.courtlistener.server import FakeCourtListener, Sleeps


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


@pytest.fixture
def webhook_secret(settings) -> str:
    settings.COURTLISTENER_WEBHOOK_SECRET = SECRET
    return SECRET
