"""Shared fixtures. The suite runs on PostgreSQL and stops at once with a message otherwise."""

from __future__ import annotations

import io
from io import StringIO

import psycopg2
import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core.cache import caches
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction
from django.test import Client, override_settings

from cases.roles import EDITORS_GROUP


def pytest_sessionstart(session: pytest.Session) -> None:
    db = settings.DATABASES["default"]
    if db["ENGINE"] != "django.db.backends.postgresql":
        pytest.exit(
            "The test suite runs on PostgreSQL: set DATABASE_URL=postgres://USER@HOST:5432/NAME "
            "or run `make test`, which defaults to postgres://root@127.0.0.1:5432/test.",
            returncode=3,
        )
    try:
        psycopg2.connect(
            dbname=db["NAME"],
            user=db["USER"],
            password=db["PASSWORD"],
            host=db["HOST"],
            port=db["PORT"],
            connect_timeout=5,
        ).close()
    except psycopg2.OperationalError as exc:
        reason = str(exc).strip().splitlines()[0]
        pytest.exit(
            f"PostgreSQL cannot be reached at {db['HOST']}:{db['PORT']} (database {db['NAME']!r}): "
            f"{reason}. Start it (see README) or set DATABASE_URL.",
            returncode=3,
        )


@pytest.fixture(autouse=True, scope="session")
def fast_password_hashing() -> None:
    """Hash test passwords with MD5: PBKDF2's million rounds cost 0.3 s a sign-in here."""
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture(autouse=True)
def analytics_cache_cleared() -> None:
    """Each test starts without the rendered analytics tables of another (keyed by the refresh
    time, which two tests' frozen clocks could share)."""
    caches["analytics"].clear()


@pytest.fixture(autouse=True)
def celery_eager(settings) -> None:
    """Tasks run in-process, right away (tests of real workers switch this off)."""
    from tracker.celery import app

    app.conf.task_always_eager = True
    app.conf.task_eager_propagates = True
    settings.SITE_URL = "https://tracker.example.org"
    yield
    app.conf.task_always_eager = False


@pytest.fixture
def alice(db) -> User:
    """An editor: staff, in the Editors group, nothing else."""
    user = User.objects.create_user("alice", "alice@example.org", "correct horse battery")
    user.is_staff = True
    user.save()
    user.groups.add(Group.objects.get(name=EDITORS_GROUP))
    return user


@pytest.fixture
def editor_client(alice: User) -> Client:
    client = Client()
    client.force_login(alice)
    return client


# The rows the first ``seeded`` test's real load wrote, per table, in PostgreSQL COPY format.
_seed_snapshot: list[tuple[str, bytes]] | None = None
_SEED_APPS = ("cases", "parties")


def _seed_tables() -> list[str]:
    tables = [
        model._meta.db_table
        for label in _SEED_APPS
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
    ]
    # Trigger-checked rows (a ruling's decisions) go in after the rows their triggers read.
    return sorted(set(tables), key=lambda table: ("rulingmotion" in table, table))


@pytest.fixture
def seeded(db) -> None:
    """The Clearview docket, loaded by the real command.

    The first test in a session runs ``load_clearview``; the rows it wrote are kept and copied
    back into each later test's transaction with COPY, which takes a fraction of a second
    instead of the seconds the thousands of service calls take. ``test_loading_twice_changes_
    nothing`` shows the copy is faithful: the real loader finds every row already there, and
    ``test_it_loads_the_whole_docket_with_sources`` runs the command itself.
    """
    global _seed_snapshot
    tables = _seed_tables()
    with connection.cursor() as cursor:
        if _seed_snapshot is None:
            cursor.execute("SELECT EXISTS (SELECT 1 FROM cases_case)")
            was_empty = not cursor.fetchone()[0]
            call_command("load_clearview", stdout=StringIO())
            if was_empty:
                snapshot = []
                for table in tables:
                    buffer = io.BytesIO()
                    cursor.cursor.copy_expert(f'COPY "{table}" TO STDOUT', buffer)
                    snapshot.append((table, buffer.getvalue()))
                _seed_snapshot = snapshot
            return
        # One transaction, so that the foreign keys are checked once every table is in (a
        # transactional test commits each statement on its own).
        with transaction.atomic():
            for table, rows in _seed_snapshot:
                if rows:
                    cursor.cursor.copy_expert(f'COPY "{table}" FROM STDIN', io.BytesIO(rows))
        models = [m for label in _SEED_APPS for m in apps.get_app_config(label).get_models()]
        for sql in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(sql)
