"""How many: the fuzz tests of this package sent at least 10,000 requests. Runs last."""

from __future__ import annotations

import pytest

from tests.security.fuzz.form_table import FORMS
from tests.security.fuzz.fuzzer import REQUIRED_REQUESTS, SENT
from tests.security.fuzz.page_table import PAGES

pytestmark = pytest.mark.django_db


def test_zz_sent_at_least_10000_requests(request: pytest.FixtureRequest) -> None:
    ran = {item.name for item in request.session.items if item.path.parent == request.path.parent}
    expected = {f"test_pages_take_junk_query_strings[{p.name}]" for p in PAGES}
    expected |= {f"test_forms_take_junk[{f.name}]" for f in FORMS}
    expected |= {"test_addresses_take_junk"}
    if not expected <= ran:
        pytest.skip("only some of the fuzz tests ran; the count is of the whole package")
    total = sum(SENT.values())
    assert total >= REQUIRED_REQUESTS, dict(SENT)
    print(f"\n{total} requests sent: {dict(SENT)}")  # noqa: T201
