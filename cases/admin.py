"""Data entry for courts, cases, docket entries, motions, rulings and deadlines.

Every add and change form saves through ``cases.services``, so the admin records the same
status changes and events as the seed loader and the tests.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.utils import flatten_fieldsets, unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin

from cases import services
from cases.importers import courtlistener
from cases.models import (
    Case,
    CaseEvent,
    CaseJudge,
    CaseLink,
    Court,
    Deadline,
    DeadlineBasis,
    DeadlineStatus,
    DefaultPeriod,
    DocketEntry,
    Judge,
    Motion,
    MotionStatus,
    Outcome,
    Ruling,
    RulingMotion,
    ServiceMethod,
    StatusChange,
)
from parties.models import CaseParty
from parties.services import case_party_add, case_party_update
from tracker.admin_tools import (
    BaseAdmin,
    CheckedAutocompleteFields,
    InlineForm,
    InlineSaving,
    ReadOnlyAdmin,
    RelatedIdFilter,
    ServiceAdmin,
    form_changes,
    form_values,
    row_id,
)


class CaseFilter(RelatedIdFilter):
    title = "case"
    parameter_name = "case"
    related_model = Case
    field = "case"


class HistoryServiceAdmin(ServiceAdmin, SimpleHistoryAdmin):
    """A service-saving admin with django-simple-history's read-only "History" page."""


# --- Courts and judges ---------------------------------------------------------------------


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


# --- Cases -----------------------------------------------------------------------------------


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


class CourtListenerDocketField(forms.CharField):
    """A CourtListener docket id, typed as the id (67890) or the docket's address."""

    def to_python(self, value: Any) -> int | None:
        text = super().to_python(value)
        if not text:
            return None
        if len(text) > 300:
            raise ValidationError("That is too long for a CourtListener docket address.")
        try:
            return courtlistener.docket_id_parse(text)
        except ValueError as error:
            raise ValidationError(str(error), code="invalid") from None

    def prepare_value(self, value: Any) -> Any:
        return "" if value is None else value


class CaseAdminForm(forms.ModelForm):
    courtlistener_docket_id = CourtListenerDocketField(
        required=False,
        label="CourtListener docket",
        help_text=Case._meta.get_field("courtlistener_docket_id").help_text,
        widget=forms.TextInput(
            attrs={"size": 60, "placeholder": "https://www.courtlistener.com/docket/67890/..."}
        ),
    )
    status_effective_date = forms.DateField(
        required=False,
        label="Status effective on",
        help_text="When the new status took effect in court (only used when the status changes).",
    )
    status_note = forms.CharField(
        required=False, max_length=300, label="Status change note", widget=forms.TextInput
    )

    class Meta:
        model = Case
        fields = "__all__"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        docket = self.fields.get("courtlistener_docket_id")
        if docket is not None and not settings.COURTLISTENER_TOKEN:
            docket.help_text = f"{docket.help_text} {courtlistener.SYNC_OFF}"


def _create_case(request: HttpRequest, obj: Case, form: CaseAdminForm) -> Case:
    values = form_values(form)
    return services.case_create(actor=request.user, **values)


def _update_case(request: HttpRequest, obj: Case, form: CaseAdminForm) -> Case:
    return services.case_update(
        case=obj,
        actor=request.user,
        status_effective_date=form.cleaned_data.get("status_effective_date"),
        status_note=form.cleaned_data.get("status_note", ""),
        **form_changes(form),
    )


def _inline_values(inline_form: forms.ModelForm, parent_field: str) -> dict[str, Any]:
    return form_values(inline_form, exclude=(parent_field, "id"))


@admin.register(Case)
class CaseAdmin(InlineSaving, HistoryServiceAdmin):
    form = CaseAdminForm
    create_with = _create_case
    update_with = _update_case
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

    inline_savers = {
        CaseParty: (
            lambda request, case, f: case_party_add(case=case, **_inline_values(f, "case")),
            lambda request, case, f: case_party_update(case_party=f.instance, **form_changes(f)),
        ),
        Motion: (
            lambda request, case, f: services.motion_file(
                case=case, actor=request.user, **_inline_values(f, "case")
            ),
            lambda request, case, f: services.motion_update(
                motion=f.instance, actor=request.user, **form_changes(f)
            ),
        ),
        Deadline: (
            lambda request, case, f: services.deadline_set(
                case=case, actor=request.user, **_inline_values(f, "case")
            ),
            lambda request, case, f: services.deadline_update(
                deadline=f.instance, actor=request.user, **form_changes(f)
            ),
        ),
        CaseLink: (
            lambda request, case, f: services.case_link_create(
                from_case=case, actor=request.user, **_inline_values(f, "from_case")
            ),
            lambda request, case, f: services.case_link_update(
                link=f.instance, actor=request.user, **form_changes(f)
            ),
        ),
    }

    def get_deleted_objects(self, objs: Any, request: HttpRequest) -> tuple[Any, ...]:
        """A case's event log and status history go with it (nobody edits them one by one);
        a case with rulings is refused, naming them (Ruling.case is PROTECT)."""
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
        return obj.courtlistener_sync_error or "None."

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


@admin.register(CaseLink)
class CaseLinkAdmin(HistoryServiceAdmin):
    create_with = lambda request, obj, form: services.case_link_create(  # noqa: E731
        actor=request.user, **form_values(form)
    )
    update_with = lambda request, obj, form: services.case_link_update(  # noqa: E731
        link=obj, actor=request.user, **form_changes(form)
    )
    list_display = ["from_case", "kind", "to_case", "date"]
    list_filter = ["kind"]
    list_select_related = ["from_case__court", "to_case__court"]
    search_fields = ["from_case__short_name", "to_case__short_name", "note"]
    autocomplete_fields = ["from_case", "to_case"]


# --- Docket entries ----------------------------------------------------------------------------


@admin.register(DocketEntry)
class DocketEntryAdmin(HistoryServiceAdmin):
    create_with = lambda request, obj, form: services.docket_entry_add(  # noqa: E731
        actor=request.user, **form_values(form)
    )
    update_with = lambda request, obj, form: services.docket_entry_update(  # noqa: E731
        entry=obj, actor=request.user, **form_changes(form)
    )
    list_display = ["filed_date", "number", "short_text", "case"]
    list_display_links = ["filed_date", "number"]
    list_filter = [CaseFilter]
    list_select_related = ["case__court"]
    search_fields = ["text", "case__short_name", "case__docket_number"]
    date_hierarchy = "filed_date"
    autocomplete_fields = ["case"]
    ordering = ["-filed_date", "-number"]

    @admin.display(description="text")
    def short_text(self, obj: DocketEntry) -> str:
        return obj.text if len(obj.text) <= 120 else obj.text[:119] + "…"


# --- Motions and rulings -----------------------------------------------------------------------


class MotionAdminForm(forms.ModelForm):
    class Meta:
        model = Motion
        fields = "__all__"

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        case = cleaned.get("case") or getattr(self.instance, "case", None)
        movants = cleaned.get("movants")
        if case is not None and movants:
            try:
                services.motion_check_movants(case, movants)
            except ValidationError as exc:
                self.add_error("movants", exc.message_dict["movants"])
        return cleaned


def _create_motion(request: HttpRequest, obj: Motion, form: MotionAdminForm) -> Motion:
    return services.motion_file(
        actor=request.user, movants=form.cleaned_data.get("movants", []), **form_values(form)
    )


def _update_motion(request: HttpRequest, obj: Motion, form: MotionAdminForm) -> Motion:
    movants = form.cleaned_data.get("movants") if "movants" in form.changed_data else None
    return services.motion_update(
        motion=obj, actor=request.user, movants=movants, **form_changes(form)
    )


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
class MotionAdmin(HistoryServiceAdmin):
    form = MotionAdminForm
    create_with = _create_motion
    update_with = _update_motion
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

    @admin.display(description="Deadlines")
    def proposed_deadlines(self, obj: Motion) -> str:
        if obj.pk is None:
            return "Save the motion first."
        count = obj.deadlines.count()
        return format_html(
            '<a href="{}">Propose deadlines from the court\'s default periods</a> · '
            '<a href="{}?motion={}">{} deadline(s) entered</a>',
            reverse("admin:cases_motion_deadlines", args=[obj.pk]),
            reverse("admin:cases_deadline_changelist"),
            obj.pk,
            count,
        )

    def get_urls(self) -> list[Any]:
        return [
            path(
                "<path:object_id>/deadlines/",
                self.admin_site.admin_view(self.deadlines_view),
                name="cases_motion_deadlines",
            ),
            *super().get_urls(),
        ]

    def response_add(self, request: HttpRequest, obj: Motion, *args: Any) -> HttpResponse:
        stays = "_continue" in request.POST or "_addanother" in request.POST
        if not stays and services.default_periods(obj):
            self.message_user(
                request,
                "The motion was saved. These are the deadlines its filing proposes under "
                "the court's rules: choose the ones to enter.",
                messages.SUCCESS,
            )
            return HttpResponseRedirect(reverse("admin:cases_motion_deadlines", args=[obj.pk]))
        return super().response_add(request, obj, *args)

    def deadlines_view(self, request: HttpRequest, object_id: str) -> HttpResponse:
        """The deadlines a motion's filing proposes: computed, explained, entered on request."""
        pk = row_id(object_id)
        motion = Motion.objects.select_related("case__court").filter(pk=pk).first() if pk else None
        if motion is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not (
            self.has_change_permission(request, motion)
            and request.user.has_perm("cases.add_deadline")
        ):
            raise PermissionDenied
        data = request.POST if request.method == "POST" else request.GET
        service = data.get("service") or ServiceMethod.ELECTRONIC
        errors = []
        if service not in ServiceMethod.values:
            errors.append(f"Unknown service method {service!r}: electronic service is assumed.")
            service = ServiceMethod.ELECTRONIC
        if request.method == "POST":
            chosen = set(request.POST.getlist("period"))
            if not chosen:
                errors.append("Choose at least one deadline to enter.")
            else:
                try:
                    created = services.deadlines_from_proposals(
                        motion=motion, service_method=service, chosen=chosen, actor=request.user
                    )
                except ValidationError as exc:
                    errors.append("Nothing was saved: " + " ".join(exc.messages))
                else:
                    self.message_user(
                        request,
                        f"Entered {len(created)} deadline(s): "
                        + "; ".join(f"{d.title}, due {d.due_date:%Y-%m-%d}" for d in created),
                        messages.SUCCESS,
                    )
                    return HttpResponseRedirect(
                        reverse("admin:cases_motion_change", args=[motion.pk])
                    )
        existing = set(motion.deadlines.values_list("title", flat=True))
        proposals = services.deadline_proposals(motion, service)
        rule_set = services.court_rule_set(motion.case.court)
        context = {
            **self.admin_site.each_context(request),
            "title": f"Deadlines proposed by {motion.title}",
            "opts": self.opts,
            "original": motion,
            "motion": motion,
            "rule_set": rule_set.label if rule_set else "",
            "service": service,
            "service_choices": ServiceMethod.choices,
            "errors": errors,
            "rows": [
                {
                    "proposal": p,
                    "title": f"{p.period.title}: {motion.title}"[:300],
                    "entered": f"{p.period.title}: {motion.title}"[:300] in existing,
                }
                for p in proposals
            ],
        }
        status = 400 if errors and request.method == "POST" else 200
        return render(request, "admin/cases/motion/deadlines.html", context, status=status)

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


NOT_DECIDED = ""


def _case_from_request(request: HttpRequest) -> Case | None:
    """The case a ruling add form is for: the submitted case, else ?case= in the address."""
    pk = row_id(request.POST.get("case") if request.method == "POST" else request.GET.get("case"))
    return None if pk is None else Case.objects.filter(pk=pk).first()


class RulingAdminForm(forms.ModelForm):
    """A ruling with one outcome field per motion of its case.

    The case decides which motions are offered. On the add page the case comes from ?case=,
    or from the form when it is first submitted: the page then comes back listing that case's
    motions so that their outcomes can be chosen before anything is saved.
    """

    outcomes_for_case = forms.CharField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Ruling
        exclude = ["motions"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.case = self._find_case()
        self.motion_fields: dict[str, Motion] = {}
        self.built_for = self.data.get("outcomes_for_case", "") if self.is_bound else ""
        if self.case is None:
            return
        current = {}
        if self.instance.pk:
            current = dict(self.instance.decisions.values_list("motion_id", "outcome"))
        for motion in self.case.motions.order_by("filed_date", "pk"):
            name = f"outcome_{motion.pk}"
            filed = (
                f"filed {motion.filed_date:%Y-%m-%d}"
                if motion.filed_date
                else "filing date unknown"
            )
            self.fields[name] = forms.ChoiceField(
                label=f"{motion.title} ({filed}; now {motion.get_status_display().lower()})",
                choices=[(NOT_DECIDED, "— not decided by this ruling —"), *Outcome.choices],
                required=False,
                initial=current.get(motion.pk, NOT_DECIDED),
            )
            self.motion_fields[name] = motion
        if self.is_bound:
            self.data = self.data.copy()
            self.data["outcomes_for_case"] = str(self.case.pk)
        else:
            self.initial["outcomes_for_case"] = str(self.case.pk)

    def _find_case(self) -> Case | None:
        if self.instance.pk:
            return self.instance.case
        raw = self.data.get("case") if self.is_bound else self.initial.get("case")
        if isinstance(raw, Case):
            return raw
        pk = row_id(raw)
        return None if pk is None else Case.objects.filter(pk=pk).first()

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        if self.case is None:
            return cleaned
        if not self.instance.pk and self.built_for != str(self.case.pk) and self.motion_fields:
            raise ValidationError(
                "The motions of %(case)s are now listed below: choose the outcome of each "
                "motion this ruling decides, then save again.",
                params={"case": self.case.short_name},
                code="choose_outcomes",
            )
        self.decisions = [
            (motion, cleaned[name])
            for name, motion in self.motion_fields.items()
            if cleaned.get(name, NOT_DECIDED) != NOT_DECIDED
        ]
        probe = Ruling(case=self.case, date=cleaned.get("date"))
        try:
            services.ruling_check_decisions(probe, self.decisions)
        except ValidationError as exc:
            raise ValidationError(exc.messages) from None
        return cleaned


def _create_ruling(request: HttpRequest, obj: Ruling, form: RulingAdminForm) -> Ruling:
    return services.ruling_record(actor=request.user, decisions=form.decisions, **form_values(form))


def _update_ruling(request: HttpRequest, obj: Ruling, form: RulingAdminForm) -> Ruling:
    return services.ruling_update(
        ruling=obj, actor=request.user, decisions=form.decisions, **form_changes(form)
    )


@admin.register(Ruling)
class RulingAdmin(HistoryServiceAdmin):
    form = RulingAdminForm
    create_with = _create_ruling
    update_with = _update_ruling
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
            return [
                (None, {"fields": own}),
                (
                    "Motions decided",
                    {
                        "fields": ["outcomes_for_case"],
                        "description": (
                            "Choose the case first: the form then lists its motions so that you "
                            "can "
                            "set the outcome of each one this ruling decides."
                        ),
                    },
                ),
            ]
        names = [
            f"outcome_{pk}"
            for pk in case.motions.order_by("filed_date", "pk").values_list("pk", flat=True)
        ]
        # The admin prints a fieldset's description as HTML: the case's name is escaped here.
        description = (
            format_html(
                "Every motion of {}. Set the outcome of each motion this ruling decides; saving "
                "sets the motion's status and notifies followers.",
                case.short_name,
            )
            if names
            else format_html("{} has no motions: this ruling decides none.", case.short_name)
        )
        return [
            (None, {"fields": own}),
            (
                "Motions decided",
                {"fields": ["outcomes_for_case", *names], "description": description},
            ),
        ]

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
    """Read-only list of decisions; they are entered on the ruling's own page."""

    list_display = ["motion", "outcome", "ruling"]
    list_filter = ["outcome"]
    list_select_related = ["motion__case", "ruling__case"]
    search_fields = ["motion__title", "ruling__title"]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


# --- Deadlines, status history and the event log --------------------------------------------


class DeadlineAdminForm(forms.ModelForm):
    """A deadline set by order (the date as the order gives it) or computed from a court rule.

    For a computed deadline the due date is the computation's: the form computes it from the
    trigger date, period, direction and service method under the case's court's rules, and
    ``Preview`` shows the computation before anything is saved.
    """

    change_reason = forms.CharField(
        required=False,
        max_length=200,
        help_text="Why the deadline moved or was vacated (shown to followers).",
    )

    class Meta:
        model = Deadline
        fields = "__all__"
        widgets = {"trigger_event": forms.TextInput(attrs={"size": 40})}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.computation = None
        if "due_date" in self.fields:
            self.fields["due_date"].required = False
            self.fields[
                "due_date"
            ].help_text = (
                "Required for a deadline set by order; computed for one computed from a rule."
            )

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean()
        case = cleaned.get("case") or (self.instance.case if self.instance.case_id else None)
        if cleaned.get("basis") != DeadlineBasis.COMPUTED:
            if not cleaned.get("due_date") and "due_date" not in self.errors:
                self.add_error("due_date", "Enter the due date, or compute it from a court rule.")
            return cleaned
        if case is None:
            return cleaned
        inputs = {f: cleaned.get(f) for f in services.deadlines.COMPUTATION_INPUTS}
        try:
            self.computation = services.deadline_compute(case=case, **inputs)
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                target = field if field in self.fields and field not in self.errors else None
                self.add_error(target, errors)
            return cleaned
        changed_inputs = set(self.changed_data) & set(inputs)
        due = cleaned.get("due_date")
        if (
            self.instance.pk
            and self.instance.basis == DeadlineBasis.COMPUTED
            and "due_date" in self.changed_data
            and not changed_inputs
            and due != self.computation.due_date
        ):
            self.add_error(
                "due_date",
                f"This deadline is computed from a court rule ({self.computation.due_date:%Y-%m-%d}"
                "): change its trigger or period, or set its basis to 'Set by order' to enter a "
                "date by hand.",
            )
            return cleaned
        cleaned["due_date"] = self.computation.due_date
        return cleaned


@admin.register(Deadline)
class DeadlineAdmin(HistoryServiceAdmin):
    form = DeadlineAdminForm
    change_form_template = "admin/cases/deadline/change_form.html"
    create_with = lambda request, obj, form: services.deadline_set(  # noqa: E731
        actor=request.user, **form_values(form)
    )
    update_with = lambda request, obj, form: services.deadline_update(  # noqa: E731
        deadline=obj,
        actor=request.user,
        reason=form.cleaned_data.get("change_reason", ""),
        **form_changes(form),
    )
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

    def changeform_view(
        self,
        request: HttpRequest,
        object_id: str | None = None,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        if request.method == "POST" and "_preview" in request.POST:
            return self.preview_view(request, object_id)
        return super().changeform_view(request, object_id, form_url, extra_context)

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
        title = "Add deadline" if add else "Change deadline"
        context = {
            **self.admin_site.each_context(request),
            "title": title,
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
            "preview": form.computation,
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


@admin.register(StatusChange)
class StatusChangeAdmin(ReadOnlyAdmin):
    list_display = [
        "case",
        "from_status",
        "to_status",
        "effective_date",
        "recorded_by",
        "recorded_at",
    ]
    list_filter = [CaseFilter, "to_status"]
    list_select_related = ["case__court", "recorded_by"]
    search_fields = ["case__short_name", "case__docket_number", "note"]
    date_hierarchy = "recorded_at"


@admin.register(CaseEvent)
class CaseEventAdmin(ReadOnlyAdmin):
    list_display = ["recorded_at", "occurred_on", "kind", "summary", "case"]
    list_filter = [CaseFilter, "kind"]
    list_select_related = ["case__court"]
    search_fields = ["summary", "case__short_name"]
    date_hierarchy = "recorded_at"


import cases.admin_imports  # noqa: E402, F401 (the import log and "Import a PACER docket")
