"""The party page's queries (parties/selectors.py)."""

from __future__ import annotations

import datetime

import pytest

from parties import selectors
from parties.models import Party
from tests import factories

pytestmark = pytest.mark.django_db


def test_a_partys_roles_come_newest_case_first_without_the_case_text(
    django_assert_num_queries,
) -> None:
    party = factories.party()
    court = factories.court()
    older = factories.case(court, filed_date=datetime.date(2019, 5, 1))
    newer = factories.case(court, filed_date=datetime.date(2021, 5, 1))
    for case in (older, newer):
        factories.case_party(case, party=party, role="defendant")
    factories.case_party(newer, party=party, role="appellant")
    keys = list(selectors.party_role_keys(party))
    with django_assert_num_queries(2):  # the roles with case and court, then their counsel
        roles = list(selectors.party_roles(keys))
        assert [(r.case, r.role) for r in roles] == [
            (newer, "appellant"),
            (newer, "defendant"),
            (older, "defendant"),
        ]
        assert {"search_text", "search_vector"} <= roles[0].case.get_deferred_fields()
        assert roles[0].case.court == court


def test_an_unknown_address_is_no_party() -> None:
    with pytest.raises(Party.DoesNotExist):
        selectors.party_for_page("nobody")
