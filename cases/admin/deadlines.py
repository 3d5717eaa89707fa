"""Deadlines: their page, with a preview of the computation, and the vacate and met actions."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.admin import helpers
from django.contrib.admin.utils import flatten_fieldsets, unquote
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils.html import format_html

from cases import services
from cases.admin.common import CaseFilter, HistoryServiceAdmin
from cases.admin.deadline_form import DeadlineAdminForm, deadline_set, deadline_update
from cases.models import Deadline, DeadlineStatus


@admin.register(Deadline)
class DeadlineAdmin(HistoryServiceAdmin):
    form = DeadlineAdminForm
    change_form_template = "admin/cases/deadline/change_form.html"
    create_with = deadline_set
    update_with = deadline_update
    list_display = ["title", "due_date", "due_time", "status", "kind", "basis", "case"]
    list_filter = ["status", "kind", "basis", "rule_set", CaseFilter]
    list_select_related = ["case__court"]
    search_fields = ["title", "case__short_name", "case__docket_number"]
    date_hierarchy = "due_date"
    autocomplete_fields = ["case", "motion"]
    readonly_fields = ["rule_set", "earliest_safe_date", "computation"]
    actions = ["vacate", "mark_met"]
    fieldsets = [
        (None, {"fields": ["case", "motion", "title", "kind", "status", "sources"]}),
        (
            "How the date is set",
            {
                "fields": ["basis", "due_date", "due_time", "rule", "change_reason"],
                "description": "Set by order: enter the date the order gives. Computed from a "
                "court rule: fill in the trigger below; the due date follows from the case's "
                "court (FRCP 6 in district courts, FRAP 26 in courts of appeals, the CCP in "
                "California courts). Press 'Preview' to see the computation before saving.",
            },
        ),
        (
            "Computed from a court rule",
            {
                "fields": [
                    "trigger_date",
                    "trigger_event",
                    ("period_days", "period_unit"),
                    "direction",
                    "service_method",
                    "from_judgment",
                    "rule_set",
                    "earliest_safe_date",
                    "computation",
                ]
            },
        ),
    ]

    @admin.display(description="Computation")
    def computation(self, obj: Deadline) -> str:
        if not obj.pk or not obj.explanation:
            return "—"
        return format_html('<pre class="computation">{}</pre>', obj.explanation)

    def changeform_view(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        """Show the preview when 'Preview the computation' was pressed; else add or change."""
        if request.method == "POST" and "_preview" in request.POST:
            object_id = args[0] if args else kwargs.get("object_id")
            return self.preview_view(request, object_id)
        return super().changeform_view(request, *args, **kwargs)

    def preview_view(self, request: HttpRequest, object_id: str | None) -> HttpResponse:
        """Validate and compute the posted form, and show it again with the result: no save."""
        obj = self.get_object(request, unquote(object_id)) if object_id else None
        add = obj is None
        if object_id and obj is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        allowed = (
            self.has_add_permission(request) if add else self.has_change_permission(request, obj)
        )
        if not allowed:
            raise PermissionDenied
        fieldsets = self.get_fieldsets(request, obj)
        form_class = self.get_form(
            request, obj, change=not add, fields=flatten_fieldsets(fieldsets)
        )
        form = form_class(request.POST, request.FILES, instance=obj)
        form.is_valid()
        admin_form = helpers.AdminForm(
            form,
            list(fieldsets),
            self.get_prepopulated_fields(request, obj),
            self.get_readonly_fields(request, obj),
            model_admin=self,
        )
        context = {
            **self.admin_site.each_context(request),
            "title": "Add deadline" if add else "Change deadline",
            "subtitle": str(obj) if obj else None,
            "adminform": admin_form,
            "object_id": object_id,
            "original": obj,
            "is_popup": False,
            "to_field": None,
            "media": self.media + admin_form.media,
            "inline_admin_formsets": [],
            "errors": helpers.AdminErrorList(form, []),
            "preserved_filters": self.get_preserved_filters(request),
            "preview": form.computed.computation if form.computed else None,
        }
        return self.render_change_form(request, context, add=add, change=not add, obj=obj)

    @admin.action(description="Vacate selected deadlines")
    def vacate(self, request: HttpRequest, queryset: QuerySet[Deadline]) -> None:
        for deadline in queryset.exclude(status=DeadlineStatus.VACATED):
            services.deadline_vacate(deadline=deadline, actor=request.user)

    @admin.action(description="Mark selected deadlines met")
    def mark_met(self, request: HttpRequest, queryset: QuerySet[Deadline]) -> None:
        for deadline in queryset.filter(status=DeadlineStatus.OPEN):
            services.deadline_mark_met(deadline=deadline, actor=request.user)
