"""Rulings, with the motions they decide on their page, and the read-only list of decisions."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import admin
from django.db.models import Count, QuerySet
from django.http import HttpRequest
from django.utils.html import format_html

from cases import services
from cases.admin.common import CaseFilter, HistoryServiceAdmin
from cases.admin.ruling_form import RulingAdminForm, ruling_record, ruling_update
from cases.models import Case, Ruling, RulingMotion
from tracker.admin_tools import BaseAdmin, row_id


def _case_from_request(request: HttpRequest) -> Case | None:
    """Return the case a ruling add form is for: the submitted case, else ?case= in the address."""
    pk = row_id(request.POST.get("case") if request.method == "POST" else request.GET.get("case"))
    return None if pk is None else Case.objects.filter(pk=pk).first()


def _outcomes_description(case: Case, names: list[str]) -> str:
    # The admin prints a fieldset's description as HTML: the case's name is escaped here.
    if names:
        return format_html(
            "Every motion of {}. Set the outcome of each motion this ruling decides; saving "
            "sets the motion's status and notifies followers.",
            case.short_name,
        )
    return format_html("{} has no motions: this ruling decides none.", case.short_name)


@admin.register(Ruling)
class RulingAdmin(HistoryServiceAdmin):
    form = RulingAdminForm
    create_with = ruling_record
    update_with = ruling_update
    list_display = ["title", "kind", "date", "judge", "case", "motions_decided"]
    list_filter = [CaseFilter, "kind"]
    list_select_related = ["case__court", "judge__court"]
    search_fields = ["title", "summary", "citation", "case__short_name", "case__docket_number"]
    date_hierarchy = "date"
    autocomplete_fields = ["case", "judge", "docket_entry"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Ruling]:
        return super().get_queryset(request).annotate(decision_count=Count("decisions"))

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        return ["case"] if obj else []

    def get_fieldsets(self, request: HttpRequest, obj: Any = None) -> list[tuple[Any, dict]]:
        own = ["case", "date", "date_note", "kind", "title", "judge", "summary", "citation"]
        own += ["document_url", "docket_entry", "sources"]
        case = obj.case if obj else _case_from_request(request)
        if case is None:
            decided = {
                "fields": ["outcomes_for_case"],
                "description": (
                    "Choose the case first: the form then lists its motions so that you can "
                    "set the outcome of each one this ruling decides."
                ),
            }
            return [(None, {"fields": own}), ("Motions decided", decided)]
        pks = services.ruling_motions(case).values_list("pk", flat=True)
        names = [f"outcome_{pk}" for pk in pks]
        description = _outcomes_description(case, names)
        decided = {"fields": ["outcomes_for_case", *names], "description": description}
        return [(None, {"fields": own}), ("Motions decided", decided)]

    def get_form(
        self, request: HttpRequest, obj: Any = None, change: bool = False, **kwargs: Any
    ) -> type[forms.ModelForm]:
        # The outcome fields depend on the case, so ModelAdmin must not restrict the form to
        # the fields it knows of in advance.
        kwargs["fields"] = None
        return super().get_form(request, obj, change=change, **kwargs)

    @admin.display(description="motions decided", ordering="decision_count")
    def motions_decided(self, obj: Ruling) -> int:
        return obj.decision_count


@admin.register(RulingMotion)
class RulingMotionAdmin(BaseAdmin):
    """List the decisions, read-only: they are entered on the ruling's own page."""

    list_display = ["motion", "outcome", "ruling"]
    list_filter = ["outcome"]
    list_select_related = ["motion__case", "ruling__case"]
    search_fields = ["motion__title", "ruling__title"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
