"""A party's writes refresh its cases' search text through parties/hooks.py (cases registers it)."""

from __future__ import annotations

import pytest
from django.db import transaction

from cases import search
from cases.models import Case
from parties import hooks
from parties import services as party_services
from tests import factories

pytestmark = pytest.mark.django_db


def search_text(case: Case) -> str:
    return Case.objects.values_list("search_text", flat=True).get(pk=case.pk)


def test_cases_registers_its_search_refresh() -> None:
    assert search.refresh in hooks._case_parties_changed_hooks


def test_a_role_added_is_searchable_at_once() -> None:
    case = factories.case()
    factories.case_party(case, party=factories.party(name="Zanzibar Holdings"))
    assert "Zanzibar Holdings" in search_text(case)


def test_a_new_name_is_searchable_in_every_case_of_the_party() -> None:
    party = factories.party(name="Old Name Ltd")
    cases = [factories.case(), factories.case()]
    for case in cases:
        factories.case_party(case, party=party)
    party_services.party_update(party=party, name="Quetzal Partners")
    for case in cases:
        assert "Quetzal Partners" in search_text(case)
        assert "Old Name" not in search_text(case)


def test_a_role_moved_to_another_case_refreshes_both() -> None:
    before, after = factories.case(), factories.case()
    role = factories.case_party(before, party=factories.party(name="Wanderer Corp"))
    party_services.case_party_update(case_party=role, case=after)
    assert "Wanderer Corp" not in search_text(before)
    assert "Wanderer Corp" in search_text(after)


def test_the_refresh_is_part_of_the_write_transaction() -> None:
    case = factories.case()
    party = factories.party(name="Ephemeral Inc")
    with pytest.raises(RuntimeError), transaction.atomic():
        party_services.case_party_add(case=case, party=party, role="defendant")
        assert "Ephemeral Inc" in search_text(case)
        raise RuntimeError
    assert "Ephemeral Inc" not in search_text(case)


def test_inside_deferred_the_refresh_waits_for_the_end_of_the_block() -> None:
    case = factories.case()
    with search.deferred():
        factories.case_party(case, party=factories.party(name="Patient Ventures"))
        assert "Patient Ventures" not in search_text(case)
    assert "Patient Ventures" in search_text(case)


def test_each_registered_hook_hears_the_changed_cases(monkeypatch) -> None:
    heard: list[set[int]] = []
    monkeypatch.setattr(hooks, "_case_parties_changed_hooks", [lambda ids: heard.append(set(ids))])
    case = factories.case()
    factories.case_party(case)
    assert heard == [{case.pk}]
