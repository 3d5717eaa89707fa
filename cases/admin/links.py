"""Links between cases (removed to, appealed to, consolidated with...), on their own page."""

from __future__ import annotations

from django.contrib import admin
from django.forms import ModelForm
from django.http import HttpRequest

from cases import services
from cases.admin.common import HistoryServiceAdmin
from cases.models import CaseLink
from tracker.admin_tools import form_changes, form_values


def link_create(request: HttpRequest, obj: CaseLink, form: ModelForm) -> CaseLink:
    """Save a new link through ``case_link_create``, which reports it on both cases."""
    return services.case_link_create(actor=request.user, **form_values(form))


def link_update(request: HttpRequest, obj: CaseLink, form: ModelForm) -> CaseLink:
    """Save an edited link through ``case_link_update``."""
    return services.case_link_update(link=obj, actor=request.user, **form_changes(form))


@admin.register(CaseLink)
class CaseLinkAdmin(HistoryServiceAdmin):
    create_with = link_create
    update_with = link_update
    list_display = ["from_case", "kind", "to_case", "date"]
    list_filter = ["kind"]
    list_select_related = ["from_case__court", "to_case__court"]
    search_fields = ["from_case__short_name", "to_case__short_name", "note"]
    autocomplete_fields = ["from_case", "to_case"]
