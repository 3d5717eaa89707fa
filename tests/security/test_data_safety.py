"""Data safety: deletes that would take rulings, cases or roles with them are refused, history
keeps what is deleted, and ``make backup`` / ``make restore`` give back the same tracker."""

from __future__ import annotations

import subprocess
import uuid
from pathlib import Path

import psycopg2
import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client

from cases.models import Case, Court, Ruling
from parties.models import Party
from tests.alerts.views.pages import text_of
from tests.processes import ROOT, clean_env, manage_run

PROTECTED = "would require deleting the following protected related objects"


@pytest.fixture
def root_client(db) -> Client:
    client = Client()
    client.force_login(User.objects.create_superuser("root", "root@example.org", "x"))
    return client


def delete_through_the_admin(client: Client, url: str) -> str:
    page = client.get(url)
    assert page.status_code == 200
    response = client.post(url, {"post": "yes"})
    assert response.status_code == 200, "refused: the page again, not a redirect"
    return text_of(response)


@pytest.mark.django_db
def test_a_case_with_rulings_a_court_with_cases_and_a_party_with_roles_stay(root_client, seeded):
    ruling = Ruling.objects.select_related("case__court").order_by("pk").first()
    case, court = ruling.case, ruling.case.court
    party = Party.objects.filter(case_roles__isnull=False).order_by("pk").first()
    counts = (Case.objects.count(), Court.objects.count(), Party.objects.count())

    message = delete_through_the_admin(root_client, f"/admin/cases/case/{case.pk}/delete/")
    assert f"Deleting the case '{case}' {PROTECTED}" in message
    assert f"Ruling: {ruling}" in message
    message = delete_through_the_admin(root_client, f"/admin/cases/court/{court.pk}/delete/")
    assert f"Deleting the court '{court}' {PROTECTED}" in message
    message = delete_through_the_admin(root_client, f"/admin/parties/party/{party.pk}/delete/")
    assert f"Deleting the party '{party}' {PROTECTED}" in message

    # The bulk action says the same and deletes nothing either.
    response = root_client.post(
        "/admin/cases/case/",
        {"action": "delete_selected", "_selected_action": [case.pk], "post": "yes"},
    )
    assert "Cannot delete case" in text_of(response) or PROTECTED in text_of(response)
    assert (Case.objects.count(), Court.objects.count(), Party.objects.count()) == counts


@pytest.mark.django_db
def test_history_keeps_what_is_deleted(root_client):
    from tests import factories

    court = factories.court(code="zz-test", short_name="Z. Test")
    case = factories.case(court, short_name="Doe v. Nobody", docket_number="1:26-cv-00001")
    party = Party.objects.create(name="Nobody Inc.", slug="nobody-inc", kind="organization")
    for url in (
        f"/admin/cases/case/{case.pk}/delete/",
        f"/admin/cases/court/{court.pk}/delete/",
        f"/admin/parties/party/{party.pk}/delete/",
    ):
        assert root_client.post(url, {"post": "yes"}).status_code == 302, url
    assert not Case.objects.filter(pk=case.pk).exists()
    for model, pk, field, name in (
        (Case, case.pk, "short_name", "Doe v. Nobody"),
        (Court, court.pk, "short_name", "Z. Test"),
        (Party, party.pk, "name", "Nobody Inc."),
    ):
        deleted = model.history.filter(id=pk, history_type="-").get()
        assert getattr(deleted, field) == name, model
        assert deleted.history_user.username == "root"


# --- make backup / make restore -------------------------------------------------------------


def database_url(name: str) -> str:
    db = connection.settings_dict
    return f"postgres://{db['USER']}@{db['HOST']}:{db['PORT'] or 5432}/{name}"


def make(target: str, **variables: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603
        ["make", "-s", target, *(f"{k}={v}" for k, v in variables.items())],  # noqa: S607
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        env={**clean_env(Path("/nonexistent")), **variables},
    )


def row_counts(url: str) -> dict[str, int]:
    tables = sorted(model._meta.db_table for model in apps.get_models(include_auto_created=True))
    with psycopg2.connect(url) as conn, conn.cursor() as cursor:
        counts = {}
        for table in tables:
            cursor.execute(f'SELECT count(*) FROM "{table}"')  # noqa: S608 - model tables
            counts[table] = cursor.fetchone()[0]
    conn.close()
    return counts


PAGE = """
import hashlib
from django.test import Client
from cases.models import Case
body = Client().get(Case.objects.get(slug={slug!r}).get_absolute_url())
print(body.status_code, len(body.content), hashlib.sha256(body.content).hexdigest())
"""


def case_page(url: str, slug: str, var_dir: Path) -> str:
    result = manage_run(
        clean_env(var_dir, DATABASE_URL=url), "shell", "--no-imports", "-c", PAGE.format(slug=slug)
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def on_the_server(statement: str) -> None:
    """Run CREATE or DROP DATABASE (outside any transaction, as PostgreSQL requires)."""
    admin = psycopg2.connect(database_url("postgres"))
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute(statement)
    admin.close()


@pytest.mark.django_db(transaction=True)
def test_backup_then_restore_into_a_fresh_database_gives_the_same_tracker(seeded, tmp_path):
    source = database_url(connection.settings_dict["NAME"])
    slug = Case.objects.order_by("-pk").values_list("slug", flat=True).first()
    target_name = f"restore_{uuid.uuid4().hex[:10]}"
    dump = tmp_path / "tracker.dump"

    backup = make("backup", DATABASE_URL=source, BACKUP_FILE=str(dump))
    assert backup.returncode == 0, backup.stderr
    assert backup.stdout.strip() == f"Backed up to {dump}"
    assert dump.stat().st_size > 10_000
    on_the_server(f'CREATE DATABASE "{target_name}"')
    try:
        target = database_url(target_name)
        restore = make("restore", DATABASE_URL=target, BACKUP_FILE=str(dump))
        assert restore.returncode == 0, restore.stderr
        counts = row_counts(source)
        assert counts["cases_case"] > 0 and counts["cases_ruling"] > 0
        assert row_counts(target) == counts
        assert case_page(target, slug, tmp_path) == case_page(source, slug, tmp_path)
        assert case_page(target, slug, tmp_path).startswith("200 ")

        # A damaged file: a clear failure, and the database as it was.
        bad = tmp_path / "damaged.dump"
        bad.write_bytes(dump.read_bytes()[: dump.stat().st_size // 2])
        failed = make("restore", DATABASE_URL=target, BACKUP_FILE=str(bad))
        assert failed.returncode != 0
        assert "pg_restore" in failed.stderr
        assert row_counts(target) == counts
    finally:
        on_the_server(f'DROP DATABASE IF EXISTS "{target_name}" WITH (FORCE)')


def test_backup_and_restore_say_what_they_need(tmp_path):
    result = make("backup", DATABASE_URL="sqlite:///var/db.sqlite3")
    assert result.returncode == 2
    assert "set DATABASE_URL=postgres://" in result.stderr
    result = make("restore", DATABASE_URL="postgres://root@127.0.0.1:5432/x", BACKUP_FILE="")
    assert result.returncode == 2
    assert "set BACKUP_FILE to a file written by make backup" in result.stderr
