"""Data entry for parties, their roles in cases, firms, attorneys and representation."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.forms import ModelForm
from django.http import HttpRequest
from simple_history.admin import SimpleHistoryAdmin

from parties import services
from parties.models import Attorney, CaseParty, LawFirm, Party, Representation
from tracker.admin_tools import (
    BaseAdmin,
    CheckedAutocompleteFields,
    InlineForm,
    RelatedIdFilter,
    ServiceAdmin,
    form_changes,
    form_values,
)


class PartyFilter(RelatedIdFilter):
    title = "party"
    parameter_name = "party"
    related_model = Party
    field = "party"


class CaseFilter(RelatedIdFilter):
    title = "case"
    parameter_name = "case"
    field = "case"

    @property
    def related_model(self) -> Any:  # parties/ refers to cases/ only through its foreign key
        return CaseParty._meta.get_field("case").related_model


def party_create(request: HttpRequest, obj: Party, form: ModelForm) -> Party:
    """Save a new party through ``party_create``, which gives it its slug."""
    return services.party_create(**form_values(form, exclude=("slug",)))


def party_update(request: HttpRequest, obj: Party, form: ModelForm) -> Party:
    """Save an edited party through ``party_update``."""
    return services.party_update(party=obj, **form_changes(form))


@admin.register(Party)
class PartyAdmin(ServiceAdmin):
    create_with = party_create
    update_with = party_update
    list_display = ["name", "kind"]
    list_filter = ["kind"]
    search_fields = ["name", "description"]
    readonly_fields = ["slug"]


class RepresentationInline(CheckedAutocompleteFields, admin.TabularInline):
    form = InlineForm
    model = Representation
    extra = 0
    fields = ["attorney", "firm", "role", "start_date", "end_date", "sources"]
    autocomplete_fields = ["attorney", "firm"]


def case_party_add(request: HttpRequest, obj: CaseParty, form: ModelForm) -> CaseParty:
    """Save a party's new role in a case through ``case_party_add``."""
    return services.case_party_add(**form_values(form))


def case_party_update(request: HttpRequest, obj: CaseParty, form: ModelForm) -> CaseParty:
    """Save a corrected role through ``case_party_update``."""
    return services.case_party_update(case_party=obj, **form_changes(form))


@admin.register(CaseParty)
class CasePartyAdmin(ServiceAdmin, SimpleHistoryAdmin):
    create_with = case_party_add
    update_with = case_party_update
    list_display = ["party", "role", "case", "joined_date", "terminated_date"]
    list_filter = [CaseFilter, PartyFilter, "role"]
    list_select_related = ["party", "case__court"]
    search_fields = ["party__name", "case__short_name", "case__docket_number"]
    autocomplete_fields = ["case", "party"]
    inlines = [RepresentationInline]


def firm_create(request: HttpRequest, obj: LawFirm, form: ModelForm) -> LawFirm:
    """Save a new law firm through ``firm_create``, which gives it its slug."""
    return services.firm_create(**form_values(form, exclude=("slug",)))


@admin.register(LawFirm)
class LawFirmAdmin(ServiceAdmin):
    create_with = firm_create
    list_display = ["name", "city"]
    search_fields = ["name", "city"]
    readonly_fields = ["slug"]


def attorney_create(request: HttpRequest, obj: Attorney, form: ModelForm) -> Attorney:
    """Save a new attorney through ``attorney_create``, which gives them their slug."""
    return services.attorney_create(**form_values(form, exclude=("slug",)))


@admin.register(Attorney)
class AttorneyAdmin(ServiceAdmin):
    create_with = attorney_create
    list_display = ["name", "firm", "email"]
    list_select_related = ["firm"]
    search_fields = ["name", "firm__name", "email"]
    autocomplete_fields = ["firm"]
    readonly_fields = ["slug"]


@admin.register(Representation)
class RepresentationAdmin(BaseAdmin, SimpleHistoryAdmin):
    list_display = ["attorney", "role", "firm", "case_party", "start_date", "end_date"]
    list_filter = ["role"]
    list_select_related = ["attorney", "firm", "case_party__party", "case_party__case"]
    search_fields = ["attorney__name", "firm__name", "case_party__party__name"]
    autocomplete_fields = ["attorney", "firm", "case_party"]
