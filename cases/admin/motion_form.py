"""The motion's form: its movants must be parties of its case; saved through the services."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpRequest

from cases import services
from cases.models import Motion
from tracker.admin_tools import form_changes, form_values


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


def motion_file(request: HttpRequest, obj: Motion, form: MotionAdminForm) -> Motion:
    """Save a new motion through ``motion_file``, with its movants."""
    return services.motion_file(
        actor=request.user, movants=form.cleaned_data.get("movants", []), **form_values(form)
    )


def motion_update(request: HttpRequest, obj: Motion, form: MotionAdminForm) -> Motion:
    """Save an edited motion through ``motion_update`` (its movants only when they changed)."""
    movants = form.cleaned_data.get("movants") if "movants" in form.changed_data else None
    return services.motion_update(
        motion=obj, actor=request.user, movants=movants, **form_changes(form)
    )
