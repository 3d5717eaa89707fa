"""Public pages, feeds and exports, and some admin lists: junk query strings."""

from __future__ import annotations

import hypothesis
import pytest
from hypothesis import given

from cases.filters import CaseFilterSet
from tests.security.fuzz.fuzzer import FUZZ, Fuzzer
from tests.security.fuzz.junk import queries, sweep
from tests.security.fuzz.page_table import CASE_PARAMS, PAGES, Pages
from tests.security.fuzz.world import World

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("pages", PAGES, ids=[p.name for p in PAGES])
def test_pages_take_junk_query_strings(pages: Pages, fuzz: Fuzzer, world: World) -> None:
    urls = [(world.format(url), who) for url, who in pages.urls]
    before = fuzz.counts()

    @hypothesis.settings(FUZZ, max_examples=pages.examples)
    @given(query=queries(pages.params, pages.valid))
    def run(query: bytes) -> None:
        for url, who in urls:
            fuzz.send("GET", url, query=query, who=who)

    for query in sweep(pages.params):
        run = hypothesis.example(query=query)(run)
    run()
    assert fuzz.counts() == before, "a GET wrote rows"


def test_every_case_filter_is_fuzzed() -> None:
    assert {"q", "court", "state", "filed_after", "filed_before", "deadline_within"} <= set(
        CASE_PARAMS
    )
    assert len(CASE_PARAMS) == len(CaseFilterSet.base_filters) + 1  # the date range reads two
