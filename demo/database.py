"""What the demo loader asks of the database: the apps' tables, their rows, ids and indexes."""

from __future__ import annotations

from django.apps import apps
from django.contrib.auth import get_user_model
from django.db import connection, models

from demo.columns import COLUMNS
from demo.shared.users import DEMO_USER_PREFIX

APPS = ("cases", "parties", "alerts")


def _app_tables() -> list[str]:
    return sorted(
        {
            model._meta.db_table
            for label in APPS
            for model in apps.get_app_config(label).get_models(include_auto_created=True)
        }
    )


def _demo_users() -> models.QuerySet:
    users = get_user_model().objects.filter(username__startswith=DEMO_USER_PREFIX)
    return users.filter(is_staff=False, is_superuser=False)


def existing_rows() -> dict[str, int]:
    """Return how many cases, courts, parties and demo users the database has."""
    counts = {}
    with connection.cursor() as cursor:
        for name, table in (
            ("cases", "cases_case"),
            ("courts", "cases_court"),
            ("parties", "parties_party"),
        ):
            cursor.execute(f'SELECT count(*) FROM "{table}"')  # noqa: S608 - constant names
            counts[name] = cursor.fetchone()[0]
    counts["demo users"] = _demo_users().count()
    return counts


def empty() -> None:
    """TRUNCATE every table of the three apps (history included), delete the demo users."""
    tables = ", ".join(f'"{t}"' for t in _app_tables())
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {tables} RESTART IDENTITY CASCADE")
    _demo_users().delete()


def last_ids() -> dict[str, int]:
    """Return the highest id in each table the demo data writes (0 when it is empty)."""
    found = {}
    with connection.cursor() as cursor:
        for table in COLUMNS:
            cursor.execute(f'SELECT coalesce(max(id), 0) FROM "{table}"')  # noqa: S608
            found[table] = cursor.fetchone()[0]
    return found


def drop_indexes(tables: tuple[str, ...]) -> list[str]:
    """Drop the indexes of ``tables`` that enforce nothing; return how to build them again."""
    with connection.cursor() as cursor:
        cursor.execute(
            """
            SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
            FROM pg_index i
            WHERE i.indrelid = ANY(%s::regclass[])
                AND NOT i.indisunique AND NOT i.indisprimary
                AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid)
            ORDER BY 1
            """,
            [list(tables)],
        )
        found = cursor.fetchall()
        for name, _definition in found:
            cursor.execute(f"DROP INDEX {name}")
    return [definition for _name, definition in found]


def loaded_models() -> list[type[models.Model]]:
    """Return the models of the tables the demo data writes, in the order they are loaded."""
    by_table = {m._meta.db_table: m for m in apps.get_models(include_auto_created=True)}
    return [by_table[table] for table in COLUMNS]


def analyze() -> None:
    """Refresh the planner statistics; VACUUM too (visibility map, the search UPDATE's dead
    rows) when not inside an outer transaction (a test's), where VACUUM cannot run."""
    statement = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"
    with connection.cursor() as cursor:
        for table in COLUMNS:
            cursor.execute(f'{statement} "{table}"')
