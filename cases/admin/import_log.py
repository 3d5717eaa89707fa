"""The log of docket imports, written by the importers only, with the PACER import's pages."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.urls import path, re_path, reverse
from django.utils.html import format_html, format_html_join

from cases.admin.common import CaseFilter
from cases.admin.pacer_pages import PacerImportPages, can_import
from cases.importers.staging import TOKEN_PATTERN
from cases.models import DocketImport
from tracker.admin_tools import ReadOnlyAdmin

_COUNT_LABELS = [
    ("entries_added", "entries added"),
    ("entries_changed", "entries changed"),
    ("entries_flagged", "entries no longer on the docket"),
    ("parties_added", "parties added"),
    ("parties_changed", "parties changed"),
    ("attorneys_added", "attorneys added"),
    ("counsel_added", "counsel added"),
    ("counsel_changed", "counsel changed"),
    ("judges_added", "judges added"),
]


def summary_counts(summary: dict[str, Any]) -> str:
    """Return 'case created; 12 entries added, 3 parties added; 40 unchanged' for an import."""
    if not isinstance(summary, dict):
        return ""
    counts = [
        f"{summary[key]} {label}"
        for key, label in _COUNT_LABELS
        if isinstance(summary.get(key), int) and summary[key]
    ]
    parts = ["case created"] if summary.get("case_created") else []
    parts.append(", ".join(counts) if counts else "no change")
    unchanged = summary.get("entries_unchanged")
    if isinstance(unchanged, int) and unchanged:
        parts.append(f"{unchanged} entries unchanged")
    return "; ".join(parts)


@admin.register(DocketImport)
class DocketImportAdmin(PacerImportPages, ReadOnlyAdmin):
    """Every import of a docket, written by the importers only; and the PACER import page."""

    list_display = [
        "imported_at",
        "case",
        "source",
        "report_date",
        "actor",
        "file_name",
        "counts",
    ]
    list_display_links = ["imported_at"]
    list_filter = ["source", CaseFilter]
    list_select_related = ["case__court", "actor"]
    search_fields = ["file_name", "case__short_name", "case__docket_number"]
    fields = [
        "case",
        "source",
        "report_date",
        "imported_at",
        "actor",
        "file_name",
        "counts",
        "changes",
    ]
    readonly_fields = fields
    change_list_template = "admin/cases/docketimport/change_list.html"

    @admin.display(description="summary")
    def counts(self, obj: DocketImport) -> str:
        return summary_counts(obj.summary)

    @admin.display(description="changes")
    def changes(self, obj: DocketImport) -> str:
        lines = obj.summary.get("changes") if isinstance(obj.summary, dict) else None
        if not lines:
            return "—"
        return format_html(
            "<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((line,) for line in lines))
        )

    def get_queryset(self, request: HttpRequest) -> QuerySet[DocketImport]:
        return super().get_queryset(request).select_related("case__court", "actor")

    def changelist_view(
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        extra = {"import_url": reverse("admin:cases_docketimport_pacer")}
        extra["can_import"] = can_import(request)
        return super().changelist_view(request, {**extra, **(extra_context or {})})

    def get_urls(self) -> list[Any]:
        view = self.admin_site.admin_view
        return [
            path("pacer/", view(self.pacer_view), name="cases_docketimport_pacer"),
            path(
                "pacer/confirm/",
                view(self.pacer_confirm_view),
                name="cases_docketimport_pacer_confirm",
            ),
            re_path(
                rf"^pacer/(?P<token>{TOKEN_PATTERN})/$",
                view(self.pacer_run_view),
                name="cases_docketimport_pacer_run",
            ),
            *super().get_urls(),
        ]
