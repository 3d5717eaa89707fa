"""CSV exports of the case list and of a case's timeline, read back with csv.reader."""

from __future__ import annotations

import csv
import datetime
import io

import pytest
import time_machine
from django.http import QueryDict
from django.urls import reverse

from cases import services
from cases.exports import CASE_COLUMNS, TIMELINE_COLUMNS, spreadsheet_safe
from cases.filters import CaseFilterSet
from cases.models import Case, EventKind
from tests import factories

pytestmark = pytest.mark.django_db

D = datetime.date


def download(client, url: str) -> list[list[str]]:
    response = client.get(url)
    assert response.status_code == 200
    assert response.streaming is True
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    body = b"".join(response.streaming_content)
    assert not body.startswith(b"\xef\xbb\xbf")  # no byte-order mark
    return list(csv.reader(io.StringIO(body.decode("utf-8"), newline="")))


def page_slugs(query: str) -> list[str]:
    """The cases the case list page shows for this query string, in its order."""
    filterset = CaseFilterSet(QueryDict(query) or None, queryset=Case.objects.all())
    return [case.slug for case in filterset.qs]


def slugs(rows: list[list[str]]) -> list[str]:
    return [row[-1].removeprefix("http://testserver/cases/").rstrip("/") for row in rows[1:]]


def test_the_case_export_has_every_case_with_its_columns(client, seeded):
    rows = download(client, reverse("cases-csv"))
    assert rows[0] == CASE_COLUMNS
    assert len(rows) - 1 == 11 == Case.objects.count()
    assert slugs(rows) == page_slugs("")  # newest filed first, like the page
    mdl = next(row for row in rows if row[1] == "In re Clearview AI Consumer Privacy Litigation")
    assert mdl == [
        "In re: Clearview AI, Inc. Consumer Privacy Litigation",
        "In re Clearview AI Consumer Privacy Litigation",
        "1:21-cv-00135",
        "United States District Court for the Northern District of Illinois",
        "ilnd",
        "Multidistrict litigation",
        "On appeal",
        "",
        "",
        "2025-04-18",
        "http://testserver/cases/in-re-clearview-mdl/",
    ]


# What the case list shows for each query string, on the seed docket.
CASE_LIST_COUNTS = {
    "court=ilnd": 4,
    "court=ilnd&status=remanded": 2,
    "status=settled": 2,
    "case_type=appeal": 2,
    "court=ilnd&sort=caption": 4,
    "q=anti-SLAPP": 2,
    "q=remand&sort=-activity": 5,
    "court=nope&filed_after=notadate": 11,  # invalid filters are left out
}


def test_the_case_export_matches_the_case_list_filters(client, seeded):
    # One test for every query string: the seed docket is loaded once.
    for query, count in CASE_LIST_COUNTS.items():
        rows = download(client, reverse("cases-csv") + "?" + query)
        assert len(rows) - 1 == count, query
        assert slugs(rows) == page_slugs(query), query  # same cases, same order


def test_the_export_sorts_like_the_page(client, seeded):
    rows = download(client, reverse("cases-csv") + "?court=ilnd&sort=caption")
    assert [row[1] for row in rows[1:]] == [
        "In re Clearview AI Consumer Privacy Litigation",
        "Mutnick v. Clearview AI",
        "Renderos v. Clearview AI",
        "Thornley v. Clearview AI",
    ]


@time_machine.travel(datetime.datetime(2026, 2, 3, 12, tzinfo=datetime.UTC), tick=False)
def test_the_export_is_an_attachment_named_by_date(client, db):
    response = client.get(reverse("cases-csv"))
    assert response["Content-Disposition"] == 'attachment; filename="cases-2026-02-03.csv"'


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ('=HYPERLINK("http://evil")', '\'=HYPERLINK("http://evil")'),
        ("+1+1", "'+1+1"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1:A9)", "'@SUM(A1:A9)"),
        ("\tTabbed", "'\tTabbed"),
        ("\r=1", "'\r=1"),
        ("Doe v. Roe", "Doe v. Roe"),
        ("a=b", "a=b"),
        (None, ""),
        (12, "12"),
    ],
)
def test_spreadsheet_safe(value, cell):
    assert spreadsheet_safe(value) == cell


def test_formulas_in_cells_are_exported_as_text(client):
    court = factories.court(name="=cmd|' /C calc'!A0")
    factories.case(court, caption='=HYPERLINK("http://evil")', short_name="-2+3")
    factories.case(court, caption="+SUM(1,2)", short_name="@evil", docket_number="\t1:20-cv-9")
    factories.case(court, caption="Plain, v. Simple", short_name="Plain v. Simple")
    rows = {row[0]: row for row in download(client, reverse("cases-csv"))[1:]}
    assert set(rows) == {'\'=HYPERLINK("http://evil")', "'+SUM(1,2)", "Plain, v. Simple"}
    hyperlink = rows['\'=HYPERLINK("http://evil")']
    assert (hyperlink[1], hyperlink[3]) == ("'-2+3", "'=cmd|' /C calc'!A0")
    assert rows["'+SUM(1,2)"][1:3] == ["'@evil", "'\t1:20-cv-9"]
    assert rows["Plain, v. Simple"][1] == "Plain v. Simple"


def test_the_timeline_export_has_the_case_events_in_court_order(client, seeded):
    case = Case.objects.get(slug="in-re-clearview-mdl")
    rows = download(client, reverse("case-timeline-csv", args=[case.slug]))
    assert rows[0] == TIMELINE_COLUMNS
    assert len(rows) - 1 == case.events.count() == 44
    dates = [row[0] for row in rows[1:] if row[0]]
    assert dates == sorted(dates)


def test_the_timeline_export_takes_the_page_kind_filter(client, seeded):
    url = reverse("case-timeline-csv", args=["in-re-clearview-mdl"])
    rulings = download(client, url + "?kind=rulings")
    assert len(rulings) - 1 == 8
    assert {row[1] for row in rulings[1:]} == {"Ruling entered"}
    assert all(row[5] for row in rulings[1:])  # the ruling title column is filled
    motions_and_rulings = download(client, url + "?kind=motions&kind=rulings")
    assert len(motions_and_rulings) - 1 == 8 + 8 + 8  # filed, decided, ruling entered
    assert {row[1] for row in motions_and_rulings[1:]} == {
        "Motion filed",
        "Motion decided",
        "Ruling entered",
    }
    assert all(row[4] for row in motions_and_rulings[1:] if row[1] == "Motion filed")
    entries = download(client, url + "?kind=entries")
    assert len(entries) - 1 == 13
    assert {row[1] for row in entries[1:]} == {"Docket entry added"}


def test_the_timeline_export_takes_the_page_date_filters(client):
    case = factories.case()
    for n, day in enumerate([D(2021, 1, 5), D(2021, 6, 1), D(2022, 2, 1)], start=1):
        services.docket_entry_add(case=case, number=n, filed_date=day, text=f"Entry {n}")
    url = reverse("case-timeline-csv", args=[case.slug])
    rows = download(client, url + "?kind=entries&since=2021-02-01&until=2021-12-31")
    assert [row[:4] for row in rows[1:]] == [
        ["2021-06-01", "Docket entry added", "Docket entry 2: Entry 2", "2"]
    ]
    assert len(download(client, url + "?kind=entries&since=2021-06-01")) - 1 == 2


@pytest.mark.parametrize(
    "query",
    [
        "kind=bogus",
        "kind=entries&kind=bogus&since=notadate",  # an unknown kind voids the kind filter
        "since=2021-02-30&until=2021-13-01",
        "since=2022-01-01&until=2021-01-01",  # a range that ends before it starts
    ],
)
def test_invalid_timeline_filters_are_ignored(client, query):
    case = factories.case()
    for n in (1, 2):
        services.docket_entry_add(case=case, number=n, filed_date=D(2021, 1, n), text="E")
    rows = download(client, reverse("case-timeline-csv", args=[case.slug]) + "?" + query)
    # Like the case page: an invalid filter is left out, the others apply (here none remain).
    assert len(rows) - 1 == 3  # the two entries and the case opening
    assert case.events.count() == 3


def test_the_timeline_export_is_an_attachment_named_by_case(client):
    case = factories.case(slug="doe-v-roe")
    response = client.get(reverse("case-timeline-csv", args=[case.slug]))
    assert response["Content-Disposition"] == 'attachment; filename="doe-v-roe-timeline.csv"'
    assert response.streaming


def test_an_unknown_case_has_no_timeline_export(client, db):
    assert client.get(reverse("case-timeline-csv", args=["no-such-case"])).status_code == 404


def test_the_exports_cost_a_fixed_number_of_queries(client, seeded, django_assert_max_num_queries):
    # The court codes the filter names; the cases joined to their court (one cursor).
    with django_assert_max_num_queries(2):
        assert len(download(client, reverse("cases-csv") + "?court=ilnd&court=ca7")) - 1 == 5
    # The case; its events joined to their entry, motion and ruling (one cursor).
    with django_assert_max_num_queries(2):
        rows = download(client, reverse("case-timeline-csv", args=["in-re-clearview-mdl"]))
    assert len(rows) - 1 == 44
    assert EventKind.RULING_ENTERED.label in {row[1] for row in rows}
