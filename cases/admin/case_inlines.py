"""The rows a case's page edits in place: judges, parties, motions, deadlines, links, history."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest

from cases.models import (
    CaseJudge,
    CaseLink,
    Deadline,
    DeadlineBasis,
    DeadlineStatus,
    Motion,
    StatusChange,
)
from parties.models import CaseParty
from tracker.admin_tools import CheckedAutocompleteFields, InlineForm


class CaseJudgeInline(CheckedAutocompleteFields, admin.TabularInline):
    form = InlineForm
    model = CaseJudge
    extra = 0
    autocomplete_fields = ["judge"]


class CasePartyInline(CheckedAutocompleteFields, admin.TabularInline):
    form = InlineForm
    model = CaseParty
    extra = 0
    fields = ["party", "role", "joined_date", "terminated_date", "note"]
    autocomplete_fields = ["party"]
    show_change_link = True  # counsel are entered on the case party's own page


class MotionInline(admin.TabularInline):
    form = InlineForm
    model = Motion
    extra = 0
    fields = ["title", "kind", "filed_date", "status"]
    readonly_fields = ["status"]
    show_change_link = True


class DeadlineInlineForm(InlineForm):
    """Quick entry of deadlines set by order; computed ones are entered on their own page."""

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        computed = cleaned.get("basis") == DeadlineBasis.COMPUTED
        if computed and self.instance.pk is None:
            self.add_error(
                "basis",
                "Compute a deadline on its own page (Deadlines › Add), where the trigger and "
                "the period are entered and the computation is shown.",
            )
        elif computed and "due_date" in self.changed_data:
            self.add_error(
                "due_date",
                "This deadline is computed from a court rule: change its trigger on its own "
                "page, or set its basis to 'Set by order' to enter a date by hand.",
            )
        return cleaned


class DeadlineInline(admin.TabularInline):
    form = DeadlineInlineForm
    model = Deadline
    extra = 0
    fields = ["title", "kind", "due_date", "due_time", "basis", "status"]
    show_change_link = True

    def get_queryset(self, request: HttpRequest) -> QuerySet[Deadline]:
        return super().get_queryset(request).exclude(status=DeadlineStatus.VACATED)


class CaseLinkInline(CheckedAutocompleteFields, admin.TabularInline):
    model = CaseLink
    form = InlineForm
    fk_name = "from_case"
    extra = 0
    fields = ["kind", "to_case", "date", "note"]
    autocomplete_fields = ["to_case"]
    verbose_name = "related case (this case was ...)"
    verbose_name_plural = "related cases (links from this case)"


class StatusChangeInline(admin.TabularInline):
    model = StatusChange
    extra = 0
    fields = ["from_status", "to_status", "effective_date", "note", "recorded_by", "recorded_at"]
    readonly_fields = fields
    can_delete = False
    verbose_name_plural = "status history"

    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def get_queryset(self, request: HttpRequest) -> QuerySet[StatusChange]:
        return super().get_queryset(request).select_related("recorded_by")
