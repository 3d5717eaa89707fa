from __future__ import annotations

from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.db.models.signals import post_migrate


class CasesConfig(AppConfig):
    name = "cases"
    verbose_name = "Cases and dockets"

    def ready(self) -> None:
        from cases import search
        from cases.analytics.sqlite import register_percentile
        from cases.roles import ensure_editors_group_after_migrate
        from parties.hooks import on_case_parties_changed

        post_migrate.connect(ensure_editors_group_after_migrate, dispatch_uid="cases_editors_group")
        # The analytics' quartiles on SQLite (PostgreSQL has percentile_cont built in).
        connection_created.connect(register_percentile, dispatch_uid="cases_sqlite_percentile")
        # A party's new name or role is in its cases' search text in the same transaction.
        on_case_parties_changed(search.refresh)
