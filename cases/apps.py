from __future__ import annotations

from django.apps import AppConfig
from django.db.models.signals import post_migrate


class CasesConfig(AppConfig):
    name = "cases"
    verbose_name = "Cases and dockets"

    def ready(self) -> None:
        from cases import search
        from cases.roles import ensure_editors_group_after_migrate
        from parties.hooks import on_case_parties_changed

        post_migrate.connect(ensure_editors_group_after_migrate, dispatch_uid="cases_editors_group")
        # A party's new name or role is in its cases' search text in the same transaction.
        on_case_parties_changed(search.refresh)
