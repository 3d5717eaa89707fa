"""CSV exports: formulas typed into the admin are written as text."""

from __future__ import annotations

import csv
import io

import pytest
from django.test import Client

from cases.exports import FORMULA_STARTS
from cases.models import Case, Court, Motion
from tests.security.xss.admin_entry import admin_save
from tests.security.xss.payloads import FORMULAS

pytestmark = pytest.mark.django_db


def enter_formula_case(client: Client, f: str) -> Case:
    """Type ``f`` into a court, a case, a docket entry, a motion and a ruling in the admin."""
    admin_save(
        client,
        "cases/court",
        {
            "code": "csv-court",
            "name": f,
            "short_name": f[:60],
            "level": "federal_district",
            "time_zone": "America/Chicago",
            "holiday_calendar": "us_federal",
        },
    )
    court = Court.objects.get(code="csv-court")
    admin_save(
        client,
        "cases/case",
        {
            "caption": f,
            "short_name": f,
            "slug": "csv-case",
            "court": court.pk,
            "docket_number": f,
            "case_type": "civil",
            "status": "filed",
            "filed_date": "2021-01-04",
        },
    )
    case = Case.objects.get(slug="csv-case")
    admin_save(
        client,
        "cases/docketentry",
        {"case": case.pk, "number": "7", "filed_date": "2021-02-01", "text": f},
    )
    admin_save(
        client,
        "cases/motion",
        {"case": case.pk, "title": f, "kind": "other", "filed_date": "2021-02-01"},
    )
    motion = Motion.objects.get(case=case)
    admin_save(
        client,
        "cases/ruling",
        {
            "case": case.pk,
            "title": f,
            "kind": "order",
            "date": "2021-03-01",
            "citation": f,
            f"outcome_{motion.pk}": "denied",
        },
        query=f"?case={case.pk}",
    )
    return case


def csv_rows(client: Client, url: str) -> list[dict[str, str]]:
    """Read the CSV export at ``url``: no cell of it starts as a formula would."""
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    body = b"".join(response.streaming_content).decode()
    table = list(csv.DictReader(io.StringIO(body)))
    for row in table:
        for column, cell in row.items():
            assert not cell.startswith(FORMULA_STARTS), (url, column, cell)
    return table


@pytest.mark.parametrize("formula", FORMULAS)
def test_csv_exports_write_formulas_typed_into_the_admin_as_text(formula, editor_client, client):
    f = formula
    case = enter_formula_case(editor_client, f)
    (exported,) = csv_rows(client, "/cases/export.csv")
    for column in ["Caption", "Short name", "Docket number", "Court"]:
        assert exported[column] == "'" + f, column
    timeline = csv_rows(client, f"/cases/{case.slug}/timeline.csv")
    decided = [row for row in timeline if row["Kind"] == "Motion decided"]
    assert [row["Summary"] for row in decided] == [f"'{f}: DENIED"]  # starts with the title
    assert {row["Motion"] for row in timeline if row["Motion"]} == {"'" + f}
    assert {row["Ruling"] for row in timeline if row["Ruling"]} == {"'" + f}
    assert {row["Citation"] for row in timeline if row["Citation"]} == {"'" + f}
    assert any(row["Summary"] == f"Docket entry 7: {f}" for row in timeline)  # not a formula
