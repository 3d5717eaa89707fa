"""Courts and judges."""

from __future__ import annotations

from django.contrib import admin

from cases.models import Court, Judge
from tracker.admin_tools import BaseAdmin


@admin.register(Court)
class CourtAdmin(BaseAdmin):
    list_display = ["short_name", "name", "code", "level", "state", "time_zone", "appeals_to"]
    list_filter = ["level", "state", "holiday_calendar"]
    list_select_related = ["appeals_to"]
    search_fields = ["name", "short_name", "code"]
    autocomplete_fields = ["appeals_to"]
    ordering = ["name"]


@admin.register(Judge)
class JudgeAdmin(BaseAdmin):
    list_display = ["name", "title", "court"]
    list_filter = ["court__level"]
    list_select_related = ["court"]
    search_fields = ["name", "court__short_name"]
    autocomplete_fields = ["court"]
