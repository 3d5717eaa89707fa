"""The case: its page with every inline, its docket links and its CourtListener sync."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib import admin
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html

from cases import services
from cases.admin.case_form import CaseAdminForm
from cases.admin.case_inline_savers import INLINE_SAVERS
from cases.admin.case_inlines import (
    CaseJudgeInline,
    CaseLinkInline,
    CasePartyInline,
    DeadlineInline,
    MotionInline,
    StatusChangeInline,
)
from cases.admin.common import CaseFilter, HistoryServiceAdmin
from cases.importers import courtlistener
from cases.models import Case, CaseEvent, CaseJudge, StatusChange
from tracker.admin_tools import BaseAdmin, InlineSaving, form_changes, form_values


def case_create(request: HttpRequest, obj: Case, form: CaseAdminForm) -> Case:
    """Save a new case through ``case_create``, which records its first status."""
    return services.case_create(actor=request.user, **form_values(form))


def case_update(request: HttpRequest, obj: Case, form: CaseAdminForm) -> Case:
    """Save an edited case through ``case_update``, with the status change's date and note."""
    return services.case_update(
        case=obj,
        actor=request.user,
        status_effective_date=form.cleaned_data.get("status_effective_date"),
        status_note=form.cleaned_data.get("status_note", ""),
        **form_changes(form),
    )


@admin.register(Case)
class CaseAdmin(InlineSaving, HistoryServiceAdmin):
    form = CaseAdminForm
    create_with = case_create
    update_with = case_update
    list_display = ["short_name", "docket_number", "court", "case_type", "status", "filed_date"]
    list_filter = ["status", "case_type", "court__level", "court__state"]
    list_select_related = ["court"]
    search_fields = ["short_name", "caption", "docket_number", "slug"]
    date_hierarchy = "filed_date"
    autocomplete_fields = ["court"]
    prepopulated_fields = {"slug": ["short_name"]}
    readonly_fields = [
        "docket_links",
        "created_at",
        "updated_at",
        "courtlistener_synced",
        "courtlistener_error",
    ]
    inlines = [
        CaseJudgeInline,
        CasePartyInline,
        MotionInline,
        DeadlineInline,
        CaseLinkInline,
        StatusChangeInline,
    ]
    fieldsets = [
        (
            None,
            {"fields": ["caption", "short_name", "slug", "court", "docket_number", "case_type"]},
        ),
        ("Status", {"fields": ["status", "status_effective_date", "status_note"]}),
        ("Dates", {"fields": ["filed_date", "closed_date"]}),
        ("Substance", {"fields": ["summary", "causes_of_action", "relief_sought", "sources"]}),
        ("Docket", {"fields": ["docket_links", "created_at", "updated_at"]}),
        (
            "CourtListener",
            {"fields": ["courtlistener_docket_id", "courtlistener_synced", "courtlistener_error"]},
        ),
    ]
    inline_savers = INLINE_SAVERS

    def get_deleted_objects(self, objs: Any, request: HttpRequest) -> tuple[Any, ...]:
        """Return what deleting the cases removes, leaving out their own logs' permissions.

        A case's event log and status history go with it (nobody edits them one by one); a case
        with rulings is refused, naming them (Ruling.case is PROTECT).
        """
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        own_log = {CaseEvent._meta.verbose_name, StatusChange._meta.verbose_name}
        return deleted, counts, set(perms_needed) - own_log, protected

    def save_model(self, request: HttpRequest, obj: Case, form: Any, change: bool) -> None:
        super().save_model(request, obj, form, change)
        if change and "courtlistener_docket_id" in form.changed_data:
            # Linked to another docket (or unlinked): the last sync was of the old one.
            Case.objects.filter(pk=obj.pk).update(
                courtlistener_synced_at=None, courtlistener_sync_error=""
            )
            obj.courtlistener_synced_at, obj.courtlistener_sync_error = None, ""

    @admin.display(description="CourtListener synced at")
    def courtlistener_synced(self, obj: Case) -> str:
        if obj.courtlistener_synced_at is not None:
            synced = date_format(timezone.localtime(obj.courtlistener_synced_at), "DATETIME_FORMAT")
        elif obj.courtlistener_docket_id is None:
            synced = "Not linked to a CourtListener docket."
        else:
            synced = f"Not yet (synced every {settings.COURTLISTENER_SYNC_MINUTES} minutes)."
        if not settings.COURTLISTENER_TOKEN:
            return f"{synced} {courtlistener.SYNC_OFF}"
        return synced

    @admin.display(description="CourtListener sync error")
    def courtlistener_error(self, obj: Case) -> str:
        # A case not yet saved holds the column's database default, not text.
        error = obj.courtlistener_sync_error
        return error if isinstance(error, str) and error else "None."

    @admin.display(description="Docket")
    def docket_links(self, obj: Case) -> str:
        if obj.pk is None:
            return "Save the case first."
        entries = reverse("admin:cases_docketentry_changelist") + f"?case={obj.pk}"
        add_entry = reverse("admin:cases_docketentry_add") + f"?case={obj.pk}"
        rulings = reverse("admin:cases_ruling_changelist") + f"?case={obj.pk}"
        add_ruling = reverse("admin:cases_ruling_add") + f"?case={obj.pk}"
        events = reverse("admin:cases_caseevent_changelist") + f"?case={obj.pk}"
        return format_html(
            '<a href="{}">Docket entries ({})</a> · <a href="{}">Add a docket entry</a> · '
            '<a href="{}">Rulings ({})</a> · <a href="{}">Record a ruling</a> · '
            '<a href="{}">Event log</a>',
            entries,
            obj.docket_entries.count(),
            add_entry,
            rulings,
            obj.rulings.count(),
            add_ruling,
            events,
        )


@admin.register(CaseJudge)
class CaseJudgeAdmin(BaseAdmin):
    list_display = ["judge", "role", "case"]
    list_filter = [CaseFilter, "role"]
    list_select_related = ["judge__court", "case__court"]
    search_fields = ["judge__name", "case__short_name", "case__docket_number"]
    autocomplete_fields = ["case", "judge"]
