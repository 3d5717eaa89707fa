"""Admin plumbing shared by the apps: saving through services, filters that scale."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import ChangeList
from django.contrib.admin.widgets import AutocompleteSelect, AutocompleteSelectMultiple
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.forms import ModelForm
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect

# A service adapter: (request, instance, form) -> saved instance.
Saver = Callable[[HttpRequest, Any, ModelForm], Any]


def row_id(value: Any) -> int | None:
    """The primary key a request value names, or None when it cannot name a row."""
    text = str(value or "").strip().lstrip("0")
    # ASCII digits only: str.isdigit() also takes "²", which int() refuses; and no more digits
    # than a bigint has (int() refuses more than 4,300 of them).
    if not (text.isascii() and text.isdigit()) or len(text) > 19:
        return None
    pk = int(text)
    return pk if pk < 2**63 else None


def form_changes(form: ModelForm) -> dict[str, Any]:
    """The model fields an edit form changed, with their cleaned values (m2m fields excluded)."""
    model_fields = {
        f.name for f in form._meta.model._meta.get_fields() if getattr(f, "concrete", False)
    }
    m2m = {f.name for f in form._meta.model._meta.many_to_many}
    return {
        name: form.cleaned_data[name]
        for name in form.changed_data
        if name in model_fields and name not in m2m and name in form.cleaned_data
    }


def form_values(form: ModelForm, *, exclude: tuple[str, ...] = ()) -> dict[str, Any]:
    """Every model field an add form carries, with its cleaned value (m2m fields excluded)."""
    model_fields = {
        f.name for f in form._meta.model._meta.get_fields() if getattr(f, "concrete", False)
    }
    m2m = {f.name for f in form._meta.model._meta.many_to_many}
    return {
        name: value
        for name, value in form.cleaned_data.items()
        if name in model_fields and name not in m2m and name not in exclude
    }


def adopt(target: models.Model, saved: models.Model) -> None:
    """Make the admin's unsaved instance stand for the row a service saved."""
    target.pk = saved.pk
    for field in target._meta.concrete_fields:
        setattr(target, field.attname, getattr(saved, field.attname))
    target._state.adding = False
    target._state.db = saved._state.db


class _CheckedAutocomplete:
    """An autocomplete widget that shows again only the submitted values that can name a row.

    Django's looks the submitted values up as they came when a rejected form is shown again,
    and a value that is not a key at all ("abc" for an id) failed the page with a server error.
    """

    field: models.Field

    def optgroups(self, name: str, value: list[Any], attr: Any = None) -> list[Any]:
        remote = self.field.remote_field
        opts = remote.model._meta
        target = opts.get_field(getattr(remote, "field_name", None) or opts.pk.name)
        keys = []
        for item in value:
            try:
                target.to_python(item)
            except ValidationError:
                continue
            keys.append(item)
        return super().optgroups(name, keys, attr)  # type: ignore[misc]


class CheckedAutocompleteSelect(_CheckedAutocomplete, AutocompleteSelect):
    pass


class CheckedAutocompleteSelectMultiple(_CheckedAutocomplete, AutocompleteSelectMultiple):
    pass


class CheckedAutocompleteFields:
    """For a ModelAdmin or an inline: its autocomplete fields use the checked widgets."""

    def formfield_for_foreignkey(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = CheckedAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)  # type: ignore[misc]

    def formfield_for_manytomany(self, db_field: Any, request: HttpRequest, **kwargs: Any) -> Any:
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = CheckedAutocompleteSelectMultiple(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)  # type: ignore[misc]


class CheckedChangeList(ChangeList):
    """A changelist whose date drill-down refuses a date out of range (?filed_date__year=99999
    or 9999-12) as Django refuses a malformed one, instead of failing with a server error."""

    def get_filters(self, request: HttpRequest) -> Any:
        try:
            return super().get_filters(request)
        except (OverflowError, ValueError) as exc:
            raise IncorrectLookupParameters(exc) from exc


class BaseAdmin(CheckedAutocompleteFields, admin.ModelAdmin):
    """The project's ModelAdmin: an add page prefilled from the address (?case=12) ignores a
    value that cannot name a row, instead of failing while it renders the form; so do its
    autocomplete fields when a rejected form comes back (``CheckedAutocompleteFields``)."""

    def get_changelist(self, request: HttpRequest, **kwargs: Any) -> type[ChangeList]:
        return CheckedChangeList

    def get_object(
        self, request: HttpRequest, object_id: str, from_field: str | None = None
    ) -> Any:
        # Django passes the form's _to_field as it came: an empty one names no field (the
        # primary key is meant), where Django looked up a field named "" and failed.
        return super().get_object(request, object_id, from_field or None)

    def get_changeform_initial_data(self, request: HttpRequest) -> dict[str, Any]:
        initial = super().get_changeform_initial_data(request)
        for name, value in list(initial.items()):
            try:
                field = self.model._meta.get_field(name)
            except FieldDoesNotExist:
                continue
            if not field.is_relation:
                continue
            values = value if isinstance(value, list) else [value]
            if any(row_id(item) is None for item in values):
                del initial[name]
        return initial


class ReadOnlyAdmin(BaseAdmin):
    """Rows written only by services: listed and viewed, never edited by hand."""

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class ServiceAdmin(BaseAdmin):
    """A ModelAdmin whose add and change forms save through services.

    Subclasses set ``create_with`` and ``update_with``; each gets (request, instance, form) and
    returns the saved row. Form validation must already have caught every rule, because an error
    raised here can no longer be shown next to a field.
    """

    create_with: Saver | None = None
    update_with: Saver | None = None

    def changeform_view(
        self,
        request: HttpRequest,
        object_id: str | None = None,
        form_url: str = "",
        extra_context: dict[str, Any] | None = None,
    ) -> HttpResponse:
        # Safety net: the forms check every rule first, but a rule that only a service could
        # check (or a concurrent edit) must still end in a message, not a server error. The
        # admin's transaction has been rolled back by then, so nothing was written.
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except ValidationError as exc:
            self.message_user(
                request, "Nothing was saved: " + " ".join(exc.messages), messages.ERROR
            )
            return HttpResponseRedirect(request.get_full_path())

    def save_model(self, request: HttpRequest, obj: Any, form: ModelForm, change: bool) -> None:
        saver = type(self).update_with if change else type(self).create_with
        if saver is None:
            super().save_model(request, obj, form, change)
            return
        adopt(obj, saver(request, obj, form))

    def save_related(
        self, request: HttpRequest, form: ModelForm, formsets: Any, change: bool
    ) -> None:
        # Many-to-many fields are set by the services; only the inlines are left to save.
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)


class InlineSaving:
    """Mixin for admins whose inline rows also save through services.

    ``inline_savers`` maps an inline model to (create, update) adapters taking
    (request, parent, inline_form).
    """

    inline_savers: dict[type[models.Model], tuple[Callable[..., Any], Callable[..., Any]]] = {}

    def save_formset(
        self, request: HttpRequest, form: ModelForm, formset: Any, change: bool
    ) -> None:
        savers = self.inline_savers.get(formset.model)
        if savers is None:
            formset.save()
            return
        create, update = savers
        # The admin's change message reads these three lists, which formset.save() would set.
        formset.new_objects, formset.changed_objects, formset.deleted_objects = [], [], []
        deleted = set(formset.deleted_forms) if formset.can_delete else set()
        for inline_form in formset.initial_forms + formset.extra_forms:
            if inline_form in deleted:
                if inline_form.instance.pk:
                    formset.deleted_objects.append(inline_form.instance)
                    inline_form.instance.delete()
                continue
            if not inline_form.has_changed():
                continue
            if inline_form.instance.pk is None:
                adopt(inline_form.instance, create(request, form.instance, inline_form))
                formset.new_objects.append(inline_form.instance)
            else:
                update(request, form.instance, inline_form)
                formset.changed_objects.append((inline_form.instance, inline_form.changed_data))


class InlineForm(ModelForm):
    """An inline row form that also checks the model's CHECK constraints.

    Django leaves an inline's own foreign key out of model validation, and with it every
    constraint that names it (a case linked to itself) or a field the row does not show (a
    computed deadline without its trigger date). Those would only fail when saved; here they
    are reported on the row instead.
    """

    def _post_clean(self) -> None:
        super()._post_clean()
        for constraint in self.instance._meta.constraints:
            if not isinstance(constraint, models.CheckConstraint):
                continue
            try:
                constraint.validate(type(self.instance), self.instance)
            except ValidationError as exc:
                if exc.messages[0] not in self.non_field_errors():
                    self.add_error(None, exc)


class RelatedIdFilter(admin.SimpleListFilter):
    """Filter a changelist by one related row given as ?<parameter_name>=<id>.

    Unlike a plain list filter it never lists every related row (a docket can have thousands of
    entries and the tracker thousands of cases): it offers only the row currently chosen, and
    pages link to the changelist with the id set.
    """

    related_model: type[models.Model]
    field: str

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        pk = row_id(self.value())
        if pk is not None:
            row = self.related_model._default_manager.filter(pk=pk).first()
            if row is not None:
                return [(str(pk), str(row))]
        return []

    def queryset(self, request: HttpRequest, queryset: models.QuerySet) -> models.QuerySet:
        if not self.value():
            return queryset
        pk = row_id(self.value())
        return queryset.none() if pk is None else queryset.filter(**{f"{self.field}_id": pk})
