"""The rows the URL-field tests fill their forms with."""

from __future__ import annotations

import pytest

from parties.services import attorney_create
from tests import factories
from tests.security.xss.url_fields import Rows


@pytest.fixture
def rows(db) -> Rows:
    case = factories.case(slug="url-case")
    case_party = factories.case_party(case)
    return Rows(
        case=case,
        other=factories.case(court_=case.court),
        party=factories.party(),
        case_party=case_party,
        attorney=attorney_create(name="Scott R. Drury"),
    )
