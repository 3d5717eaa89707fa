"""The ruling's form: one outcome field per motion of its case, checked by the ruling service."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.http import HttpRequest

from cases import services
from cases.models import Case, Motion, Outcome, Ruling
from cases.services.rulings import NOT_DECIDED
from tracker.admin_tools import form_changes, form_values, row_id


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
        current = services.ruling_outcomes(self.instance) if self.instance.pk else {}
        for motion in services.ruling_motions(self.case):
            name = f"outcome_{motion.pk}"
            self.fields[name] = self._outcome_field(motion, current.get(motion.pk, NOT_DECIDED))
            self.motion_fields[name] = motion
        if self.is_bound:
            self.data = self.data.copy()
            self.data["outcomes_for_case"] = str(self.case.pk)
        else:
            self.initial["outcomes_for_case"] = str(self.case.pk)

    @staticmethod
    def _outcome_field(motion: Motion, initial: str) -> forms.ChoiceField:
        filed = (
            f"filed {motion.filed_date:%Y-%m-%d}" if motion.filed_date else "filing date unknown"
        )
        return forms.ChoiceField(
            label=f"{motion.title} ({filed}; now {motion.get_status_display().lower()})",
            choices=[(NOT_DECIDED, "— not decided by this ruling —"), *Outcome.choices],
            required=False,
            initial=initial,
        )

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
        outcomes = {m: cleaned.get(name, NOT_DECIDED) for name, m in self.motion_fields.items()}
        try:
            self.decisions = services.ruling_decisions(
                case=self.case, date=cleaned.get("date"), outcomes=outcomes
            )
        except ValidationError as exc:
            raise ValidationError(exc.messages) from None
        return cleaned


def ruling_record(request: HttpRequest, obj: Ruling, form: RulingAdminForm) -> Ruling:
    """Save a new ruling through ``ruling_record``, with the motions it decides."""
    return services.ruling_record(actor=request.user, decisions=form.decisions, **form_values(form))


def ruling_update(request: HttpRequest, obj: Ruling, form: RulingAdminForm) -> Ruling:
    """Save an edited ruling through ``ruling_update``, with the motions it now decides."""
    return services.ruling_update(
        ruling=obj, actor=request.user, decisions=form.decisions, **form_changes(form)
    )
