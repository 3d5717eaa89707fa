"""Motions: their page, with the rulings that decided them, and the withdrawn and moot actions."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest

from cases import services
from cases.admin.common import CaseFilter, HistoryServiceAdmin
from cases.admin.motion_deadlines import MotionDeadlinesPage
from cases.admin.motion_form import MotionAdminForm, motion_file, motion_update
from cases.models import Motion, MotionStatus, RulingMotion


class DecisionInline(admin.TabularInline):
    model = RulingMotion
    fk_name = "motion"
    extra = 0
    fields = ["ruling", "outcome"]
    readonly_fields = fields
    can_delete = False
    verbose_name_plural = "decided by (record or edit a ruling to change)"

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Motion)
class MotionAdmin(MotionDeadlinesPage, HistoryServiceAdmin):
    form = MotionAdminForm
    create_with = motion_file
    update_with = motion_update
    list_display = ["title", "kind", "status", "filed_date", "case"]
    list_filter = [CaseFilter, "status", "kind"]
    list_select_related = ["case__court"]
    search_fields = ["title", "summary", "case__short_name", "case__docket_number"]
    date_hierarchy = "filed_date"
    autocomplete_fields = ["case", "docket_entry", "movants"]
    readonly_fields = ["status", "proposed_deadlines"]
    inlines = [DecisionInline]
    actions = ["mark_withdrawn", "mark_moot"]

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return ["status", "case", "proposed_deadlines"] if obj else ["status"]

    def _set_status(self, request: HttpRequest, queryset: QuerySet[Motion], status: str) -> None:
        for motion in queryset.filter(status=MotionStatus.PENDING):
            services.motion_set_status(
                motion=motion, status=status, occurred_on=None, actor=request.user
            )
        skipped = queryset.exclude(status__in=[MotionStatus.PENDING, status]).count()
        if skipped:
            self.message_user(
                request,
                f"{skipped} motion(s) were already decided and were left as they are.",
                messages.WARNING,
            )

    @admin.action(description="Mark selected pending motions withdrawn")
    def mark_withdrawn(self, request: HttpRequest, queryset: QuerySet[Motion]) -> None:
        self._set_status(request, queryset, MotionStatus.WITHDRAWN)

    @admin.action(description="Mark selected pending motions moot")
    def mark_moot(self, request: HttpRequest, queryset: QuerySet[Motion]) -> None:
        self._set_status(request, queryset, MotionStatus.MOOT)
