"""Indexes that match the case list's sorts (ORDER BY ... DESC NULLS LAST, short_name, id).

SQLite cannot index NULLS LAST, so there (the single-user default) the indexes are left out;
the model state is the same on both.
"""

from django.db import migrations, models


class AddIndexOnPostgreSQL(migrations.AddIndex):
    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0007_deadline_computation"),
    ]

    operations = [
        migrations.RemoveIndex(
            model_name="case",
            name="case_filed_idx",
        ),
        migrations.RemoveIndex(
            model_name="case",
            name="case_activity_idx",
        ),
        AddIndexOnPostgreSQL(
            model_name="case",
            index=models.Index(
                models.OrderBy(models.F("filed_date"), descending=True, nulls_last=True),
                models.F("short_name"),
                models.F("id"),
                name="case_filed_idx",
            ),
        ),
        AddIndexOnPostgreSQL(
            model_name="case",
            index=models.Index(
                models.OrderBy(models.F("last_activity_on"), descending=True, nulls_last=True),
                models.F("short_name"),
                models.F("id"),
                name="case_activity_idx",
            ),
        ),
    ]
