"""The shared PACER reports, the import command run on them, and what it stored."""

from __future__ import annotations

import datetime
import json
import os
import re
from io import StringIO
from pathlib import Path

from django.core.management import call_command
from django.db import connection
from lxml import html as lxml_html

from cases.models import Case
from tests.processes import ROOT

# Copies of the shared real reports (tests/data/pacer/README.md: where they come from).
PACER_DIR = Path(os.environ.get("PACER_REPORTS_DIR", ROOT / "tests" / "data" / "pacer"))
REPORTS = sorted(p.stem for p in PACER_DIR.glob("*.html"))


def expected(name: str) -> dict:
    return json.loads((PACER_DIR / f"{name}.json").read_text())


def run(*args: str | Path, **options) -> str:
    out, err = StringIO(), StringIO()
    call_command("import_pacer", *[str(a) for a in args], stdout=out, stderr=err, **options)
    return out.getvalue() + err.getvalue()


def clean(value: str | None) -> str:
    return " ".join((value or "").replace("\xa0", " ").split())


def day(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def snapshot() -> dict[str, int]:
    """Row counts of every table of the tracker, history tables included."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
            "AND (table_name LIKE 'cases\\_%' OR table_name LIKE 'parties\\_%')"
        )
        tables = sorted(row[0] for row in cursor.fetchall())
        counts = {}
        for table in tables:
            cursor.execute(f'SELECT count(*) FROM "{table}"')  # noqa: S608 (catalogue names)
            counts[table] = cursor.fetchone()[0]
    return counts


def stored_case(data: dict) -> Case:
    return Case.objects.get(court__code=data["court_id"], docket_number=data["docket_number"])


def entry_rows(tree) -> list:
    """The rows of the docket-entries table (those with a date cell and a text cell)."""
    table = next(t for t in tree.iter("table") if "docket text" in t.text_content().lower()[:400])
    return [row for row in table.iter("tr") if re.search(r"\d+/\d+/\d{4}", row.text_content())]


def edited_report(tmp_path: Path, name: str, edit) -> Path:
    tree = lxml_html.fromstring((PACER_DIR / f"{name}.html").read_bytes())
    edit(entry_rows(tree))
    path = tmp_path / f"{name}-edited.html"
    path.write_bytes(lxml_html.tostring(tree, encoding="utf-8", doctype="<!DOCTYPE html>"))
    return path
