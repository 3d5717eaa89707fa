"""Data entry for parties, their roles in cases, firms, attorneys and representation."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
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


@admin.register(Party)
class PartyAdmin(ServiceAdmin):
    create_with = lambda request, obj, form: services.party_create(  # noqa: E731
        **form_values(form, exclude=("slug",))
    )
    update_with = lambda request, obj, form: services.party_update(  # noqa: E731
        party=obj, **form_changes(form)
    )
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


@admin.register(CaseParty)
class CasePartyAdmin(ServiceAdmin, SimpleHistoryAdmin):
    create_with = lambda request, obj, form: services.case_party_add(  # noqa: E731
        **form_values(form)
    )
    update_with = lambda request, obj, form: services.case_party_update(  # noqa: E731
        case_party=obj, **form_changes(form)
    )
    list_display = ["party", "role", "case", "joined_date", "terminated_date"]
    list_filter = [CaseFilter, PartyFilter, "role"]
    list_select_related = ["party", "case__court"]
    search_fields = ["party__name", "case__short_name", "case__docket_number"]
    autocomplete_fields = ["case", "party"]
    inlines = [RepresentationInline]


@admin.register(LawFirm)
class LawFirmAdmin(ServiceAdmin):
    create_with = lambda request, obj, form: services.firm_create(  # noqa: E731
        **form_values(form, exclude=("slug",))
    )
    list_display = ["name", "city"]
    search_fields = ["name", "city"]
    readonly_fields = ["slug"]


@admin.register(Attorney)
class AttorneyAdmin(ServiceAdmin):
    create_with = lambda request, obj, form: services.attorney_create(  # noqa: E731
        **form_values(form, exclude=("slug",))
    )
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
