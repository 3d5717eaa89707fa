"""The GIN index of the stored search vector, on PostgreSQL (the SQLite default has none)."""

from __future__ import annotations

from django.db import migrations


def forward(apps, schema_editor) -> None:  # noqa: ANN001 - Django's migration API
    if schema_editor.connection.vendor == "postgresql":
        # Case list full-text filter: WHERE search_vector @@ websearch_to_tsquery('english', %s).
        schema_editor.execute(
            "CREATE INDEX case_search_vector_gin ON cases_case USING gin (search_vector)"
        )


def backward(apps, schema_editor) -> None:  # noqa: ANN001
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("DROP INDEX IF EXISTS case_search_vector_gin")


class Migration(migrations.Migration):
    dependencies = [("cases", "0004_search_and_activity")]

    operations = [migrations.RunPython(forward, backward)]
