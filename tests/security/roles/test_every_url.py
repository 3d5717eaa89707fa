"""Every URL pattern has an entry in the table, and answers each role as it says."""

from __future__ import annotations

import pytest
from django.contrib import admin

from tests.security.roles.admin_routes import ADMIN_MODELS
from tests.security.roles.expect import ANONYMOUS, ROLES
from tests.security.roles.walk import ROUTES, table_fingerprints, url_patterns, walk
from tests.security.roles.world import build_world

pytestmark = pytest.mark.django_db


def test_the_table_covers_every_url():
    patterns = list(url_patterns())
    assert len(patterns) == len(set(patterns)), "a route is in the URLconf twice"
    missing = sorted(set(patterns) - set(ROUTES))
    extra = sorted(set(ROUTES) - set(patterns))
    assert not missing, "URL patterns with no entry in ROUTES (add one):\n" + "\n".join(missing)
    assert not extra, "ROUTES entries the URLconf does not have:\n" + "\n".join(extra)


def test_the_admin_rules_name_every_registered_model():
    registered = {(m._meta.app_label, m._meta.model_name) for m in admin.site._registry}
    assert registered == set(ADMIN_MODELS)


@pytest.mark.parametrize("role", ROLES)
def test_every_url_answers_each_role_as_the_rules_say(role):
    w = build_world()
    before = table_fingerprints() if role == ANONYMOUS else None
    problems, requests = walk(role, w)
    assert not problems, f"{len(problems)} of {requests} answers are wrong:\n" + "\n".join(problems)
    if role == ANONYMOUS:
        # Nothing an anonymous visitor asked for, by GET or POST, wrote a row anywhere.
        after = table_fingerprints()
        counts = {table: count for table, (count, _) in before.items()}
        assert {table: count for table, (count, _) in after.items()} == counts
        assert [t for t in before if before[t] != after[t]] == []
