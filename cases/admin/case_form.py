"""The case's change form: its CourtListener docket field and the status change's date and note."""

from __future__ import annotations

from typing import Any

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError

from cases.importers import courtlistener
from cases.models import Case


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
