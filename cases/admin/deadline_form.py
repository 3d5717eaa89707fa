"""The deadline's form: set by order, or computed from a court rule once, and saved with it."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpRequest

from cases import services
from cases.models import Deadline, DeadlineBasis
from tracker.admin_tools import form_changes, form_values


class DeadlineAdminForm(forms.ModelForm):
    """A deadline set by order (the date as the order gives it) or computed from a court rule.

    For a computed deadline the due date is the computation's: the form computes it from the
    trigger date, period, direction and service method under the case's court's rules, and
    ``Preview`` shows the computation before anything is saved. Saving stores that computation
    (``computed``): the engine is not run again.
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
        self.computed: services.ComputedDeadline | None = None
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
        try:
            self.computed = services.deadline_preview(case=case, values=cleaned)
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                target = field if field in self.fields and field not in self.errors else None
                self.add_error(target, errors)
            return cleaned
        try:
            services.deadline_check_due_date(
                deadline=self.instance,
                due_date=cleaned.get("due_date"),
                changed=self.changed_data,
                computed=self.computed,
            )
        except ValidationError as exc:
            self.add_error("due_date", exc.message_dict["due_date"])
            return cleaned
        cleaned["due_date"] = self.computed.computation.due_date
        return cleaned


def deadline_set(request: HttpRequest, obj: Deadline, form: DeadlineAdminForm) -> Deadline:
    """Save a new deadline through ``deadline_set``, with the computation the form made."""
    return services.deadline_set(actor=request.user, computed=form.computed, **form_values(form))


def deadline_update(request: HttpRequest, obj: Deadline, form: DeadlineAdminForm) -> Deadline:
    """Save an edited deadline through ``deadline_update``, with the form's computation."""
    return services.deadline_update(
        deadline=obj,
        actor=request.user,
        reason=form.cleaned_data.get("change_reason", ""),
        computed=form.computed,
        **form_changes(form),
    )
