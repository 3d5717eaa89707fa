"""The status history and the event log: written by the services, read here."""

from __future__ import annotations

from django.contrib import admin

from cases.admin.common import CaseFilter
from cases.models import CaseEvent, StatusChange
from tracker.admin_tools import ReadOnlyAdmin


@admin.register(StatusChange)
class StatusChangeAdmin(ReadOnlyAdmin):
    list_display = [
        "case",
        "from_status",
        "to_status",
        "effective_date",
        "recorded_by",
        "recorded_at",
    ]
    list_filter = [CaseFilter, "to_status"]
    list_select_related = ["case__court", "recorded_by"]
    search_fields = ["case__short_name", "case__docket_number", "note"]
    date_hierarchy = "recorded_at"


@admin.register(CaseEvent)
class CaseEventAdmin(ReadOnlyAdmin):
    list_display = ["recorded_at", "occurred_on", "kind", "summary", "case"]
    list_filter = [CaseFilter, "kind"]
    list_select_related = ["case__court"]
    search_fields = ["summary", "case__short_name"]
    date_hierarchy = "recorded_at"
