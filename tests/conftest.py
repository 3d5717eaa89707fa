"""Shared fixtures. The suite runs on PostgreSQL and stops at once with a message otherwise."""

from __future__ import annotations

from io import StringIO

import psycopg2
import pytest
from django.conf import settings
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.test import Client

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


@pytest.fixture
def seeded(db) -> None:
    """The Clearview docket, loaded by the real command."""
    call_command("load_clearview", stdout=StringIO())
