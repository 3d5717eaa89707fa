"""Default deadline periods: the deadlines a motion's filing proposes, by court and kind."""

from __future__ import annotations

from django.contrib import admin

from cases.models import DefaultPeriod
from tracker.admin_tools import BaseAdmin


@admin.register(DefaultPeriod)
class DefaultPeriodAdmin(BaseAdmin):
    list_display = [
        "title",
        "rule_set",
        "court",
        "motion_kind",
        "period_days",
        "period_unit",
        "direction",
        "trigger",
        "rule",
    ]
    list_filter = ["rule_set", "motion_kind", "trigger"]
    list_select_related = ["court"]
    search_fields = ["title", "rule", "note", "court__name", "court__code"]
    autocomplete_fields = ["court"]
