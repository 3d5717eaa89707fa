"""Cursor pagination: every row once, in the list's order, forwards and backwards; bad cursors
are a 400; rows added between two pages neither repeat nor skip one."""

from __future__ import annotations

import datetime
from urllib.parse import parse_qs, urlparse

import pytest

from api import keyset
from cases import services
from cases.models import Case, DocketEntry
from tests import factories
from tests.api.conftest import get_json, walk

pytestmark = pytest.mark.django_db

D = datetime.date


def back(client, url: str) -> list[dict]:
    """Every row before the page at ``url``, following ``previous`` to the first page."""
    rows: list[dict] = []
    while url:
        page = get_json(client, url)
        rows = page["results"] + rows
        url = page["previous"]
    return rows


@pytest.mark.parametrize(
    "query",
    ["", "sort=filed", "sort=-activity", "sort=activity", "sort=caption", "sort=-caption"]
    + ["q=clearview", "q=biometric", "q=illinois&sort=filed"],
)
@pytest.mark.parametrize("size", [1, 2, 4])
def test_every_case_once_in_the_list_order(client, seeded, query, size):
    whole = [row["slug"] for row in get_json(client, f"/api/v1/cases/?{query}")["results"]]
    paged = [row["slug"] for row in walk(client, f"/api/v1/cases/?{query}&page_size={size}")]
    assert paged == whole
    assert len(set(paged)) == len(paged)
    if query in ("", "q=clearview"):
        assert len(paged) == Case.objects.count()


def test_previous_pages_walk_back_to_the_first(client, seeded):
    pages = []
    url = "/api/v1/cases/?page_size=3&sort=-filed"
    while url:
        pages.append(url)
        url = get_json(client, url)["next"]
    assert len(pages) == 4
    last = get_json(client, pages[-1])
    everything = [row["slug"] for row in walk(client, pages[0])]
    assert [row["slug"] for row in back(client, pages[-1])] == everything
    assert last["previous"] is not None and last["next"] is None
    first = get_json(client, pages[0])
    assert first["previous"] is None
    # The previous page of the second is the first.
    second = get_json(client, pages[1])
    assert get_json(client, second["previous"])["results"] == first["results"]


def test_undated_rows_page_like_the_others(client, db):
    """NULLs sort last ascending (docket entry numbers) and first descending (filed dates)."""
    case = factories.case()
    for day in (1, 2, 2, 3):
        services.docket_entry_add(case=case, filed_date=D(2021, 1, day), text=f"Entry {day}")
    for number in (7, 5):
        services.docket_entry_add(
            case=case, filed_date=D(2021, 1, 2), text=f"No. {number}", number=number
        )
    expected = list(
        DocketEntry.objects.filter(case=case)
        .order_by("filed_date", "number", "pk")
        .values_list("pk", flat=True)
    )
    for size in (1, 2, 3):
        rows = walk(client, f"/api/v1/cases/{case.slug}/docket-entries/?page_size={size}")
        assert [row["id"] for row in rows] == expected
    for _ in range(3):
        factories.case(filed_date=None)
    whole = [row["slug"] for row in get_json(client, "/api/v1/cases/")["results"]]
    assert [row["slug"] for row in walk(client, "/api/v1/cases/?page_size=1")] == whole


def test_a_row_added_between_two_pages_is_neither_repeated_nor_skipped(client, db):
    case = factories.case()
    for day in (1, 3, 5, 7):
        services.docket_entry_add(case=case, filed_date=D(2021, 1, day), text=f"Day {day}")
    url = f"/api/v1/cases/{case.slug}/docket-entries/?page_size=2"
    first = get_json(client, url)
    services.docket_entry_add(case=case, filed_date=D(2021, 1, 2), text="Before the cursor")
    services.docket_entry_add(case=case, filed_date=D(2021, 1, 6), text="After the cursor")
    rest = walk(client, first["next"])
    texts = [row["text"] for row in first["results"] + rest]
    assert texts == ["Day 1", "Day 3", "Day 5", "After the cursor", "Day 7"]


def test_the_next_address_keeps_the_filters(client, seeded):
    page = get_json(client, "/api/v1/cases/?court=ilnd&page_size=1&sort=caption")
    query = parse_qs(urlparse(page["next"]).query)
    assert query["court"] == ["ilnd"] and query["sort"] == ["caption"]
    assert query["page_size"] == ["1"] and query["cursor"]


@pytest.mark.parametrize(
    "cursor",
    [
        "garbage",
        "e30",  # {}
        keyset.encode([1], backwards=False),  # too few keys for the case list
        keyset.encode(["not a date", "x", 1], backwards=False),
        keyset.encode(["2021-01-01", "x", None], backwards=False),
        keyset.encode(["2021-01-01", "x\x00", 1], backwards=False),
        keyset.encode(["2021-01-01", "\ud800", 1], backwards=False),
        keyset.encode(["2021-01-01", ["x"], 1], backwards=False),
        keyset.encode(["2021-01-01", "x", 1.5], backwards=False),
    ],
)
def test_a_cursor_not_made_here_is_a_400(client, seeded, cursor):
    answer = get_json(client, f"/api/v1/cases/?cursor={cursor}", 400)
    assert answer["errors"] == {"cursor": [answer["errors"]["cursor"][0]]}
    assert "not valid" in answer["errors"]["cursor"][0]


def test_a_key_past_any_id_the_database_can_hold_is_no_error(client, seeded):
    cursor = keyset.encode(["2021-01-01", "Thornley", 2**70], backwards=False)
    rows = get_json(client, f"/api/v1/cases/?cursor={cursor}")["results"]
    assert all((row["filed_date"] or "") < "2021-01-01" for row in rows)


def test_a_cursor_with_a_rank_of_another_type_is_a_400(client, seeded):
    for rank in ("high", True, float("nan")):
        cursor = keyset.encode([rank, "2021-01-01", 1], backwards=False)
        get_json(client, f"/api/v1/cases/?q=clearview&cursor={cursor}", 400)


@pytest.mark.parametrize("size", ["0", "201", "-1", "two", "1.5", "١"])
def test_a_page_size_out_of_range_is_a_400(client, seeded, size):
    answer = get_json(client, f"/api/v1/courts/?page_size={size}", 400)
    assert answer["errors"] == {"page_size": ["Give page_size as a whole number from 1 to 200."]}


def test_the_default_page_is_fifty_rows(client, db):
    court = factories.court()
    for number in range(53):
        factories.judge(court, name=f"Judge {number:02d}")
    page = get_json(client, "/api/v1/judges/")
    assert len(page["results"]) == 50 and page["next"]
    assert len(get_json(client, page["next"])["results"]) == 3
