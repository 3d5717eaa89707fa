"""Docket entries, listed per case (?case=<id>) and entered one by one."""

from __future__ import annotations

from django.contrib import admin
from django.forms import ModelForm
from django.http import HttpRequest

from cases import services
from cases.admin.common import CaseFilter, HistoryServiceAdmin
from cases.models import DocketEntry
from tracker.admin_tools import form_changes, form_values


def entry_add(request: HttpRequest, obj: DocketEntry, form: ModelForm) -> DocketEntry:
    """Save a new docket entry through ``docket_entry_add``, which reports it."""
    return services.docket_entry_add(actor=request.user, **form_values(form))


def entry_update(request: HttpRequest, obj: DocketEntry, form: ModelForm) -> DocketEntry:
    """Save a corrected docket entry through ``docket_entry_update``."""
    return services.docket_entry_update(entry=obj, actor=request.user, **form_changes(form))


@admin.register(DocketEntry)
class DocketEntryAdmin(HistoryServiceAdmin):
    create_with = entry_add
    update_with = entry_update
    list_display = ["filed_date", "number", "short_text", "case"]
    list_display_links = ["filed_date", "number"]
    list_filter = [CaseFilter]
    list_select_related = ["case__court"]
    search_fields = ["text", "case__short_name", "case__docket_number"]
    date_hierarchy = "filed_date"
    autocomplete_fields = ["case"]
    ordering = ["-filed_date", "-number"]

    @admin.display(description="text")
    def short_text(self, obj: DocketEntry) -> str:
        return obj.text if len(obj.text) <= 120 else obj.text[:119] + "…"
