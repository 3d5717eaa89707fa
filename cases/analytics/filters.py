"""The analytics FilterSet: one set of filters for /analytics/ and its CSV downloads.

The conventions of ``cases.filters.CaseFilterSet``: every filter is a query-string parameter, and
a value that does not validate is reported and left out while the others apply. ``min`` is not a
filter of the rows: it is the fewest decided motions a group needs to be shown (5 unless asked).
"""

from __future__ import annotations

from typing import Any

import django_filters as filters
from django import forms
from django.db.models import QuerySet
from django.http import QueryDict

from cases.filters import CourtChoices, CourtsField, CourtsFilter
from cases.models import CaseStatus, CourtLevel, MotionKind, MotionOutcome
from tracker.widgets import FastNumberInput, FastSelect, FastSelectMultiple, FastTextInput

DEFAULT_MINIMUM = 5
MAX_MINIMUM = 1_000_000
MAX_ID = 2**63 - 1  # a bigint: a larger number names no row (and must not reach the database)


class IdFilter(filters.NumberFilter):
    field_class = forms.IntegerField


class OptionalCourtsField(CourtsField):
    """Court codes, the courts read only when some are given (not for ``?min=1`` alone)."""

    def validate(self, value: list[str]) -> None:
        if value:
            super().validate(value)


class OptionalCourtsFilter(CourtsFilter):
    field_class = OptionalCourtsField


class OutcomeFilterSet(filters.FilterSet):
    court = OptionalCourtsFilter(
        label="Court",
        choices=CourtChoices(),
        field_name="court__code",
        help_text="Hold Ctrl (Cmd on a Mac) to choose several.",
        widget=FastSelectMultiple,
        distinct=False,
    )
    level = filters.ChoiceFilter(
        label="Court level",
        field_name="court__level",
        choices=CourtLevel.choices,
        widget=FastSelect,
    )
    kind = filters.MultipleChoiceFilter(
        label="Motion kind", choices=MotionKind.choices, widget=FastSelectMultiple, distinct=False
    )
    judge = filters.CharFilter(
        label="Judge",
        method="filter_judge",
        max_length=100,
        help_text="Name or part of it",
        widget=FastTextInput,
    )
    judge_id = IdFilter(
        label="Judge number",
        field_name="judge_id",
        min_value=1,
        max_value=MAX_ID,
        widget=forms.HiddenInput,
    )
    filed = filters.DateFromToRangeFilter(
        label="Motion filed between",
        field_name="filed_on",
        widget=filters.widgets.DateRangeWidget(attrs={"type": "date"}),
    )
    case_status = filters.MultipleChoiceFilter(
        label="Case status", choices=CaseStatus.choices, widget=FastSelectMultiple, distinct=False
    )
    min = IdFilter(
        label="Fewest decided motions shown",
        method="noop",
        min_value=0,
        max_value=MAX_MINIMUM,
        widget=FastNumberInput,
    )

    class Meta:
        model = MotionOutcome
        fields: list[str] = []

    def filter_judge(
        self, queryset: QuerySet[MotionOutcome], name: str, value: str
    ) -> QuerySet[MotionOutcome]:
        value = value.strip()
        return queryset.filter(judge__name__icontains=value) if value else queryset

    def noop(self, queryset: QuerySet[MotionOutcome], name: str, value: Any) -> QuerySet:
        return queryset

    def _cleaned(self) -> dict[str, Any]:
        if not self.is_bound:
            return {}
        self.form.errors  # noqa: B018 - validates the form once
        return self.form.cleaned_data

    def _active(self) -> set[str]:
        """The names of the filters of the rows that apply (``min`` is not one)."""
        active = set()
        for name, value in self._cleaned().items():
            if isinstance(value, slice):
                value = value.start or value.stop
            if isinstance(value, str):
                value = value.strip()
            if name != "min" and value:
                active.add(name)
        return active

    @property
    def applied(self) -> bool:
        """Whether any filter of the rows applies."""
        return bool(self._active())

    @property
    def only_court(self) -> str | None:
        """The court's code when the one filter that applies is a single court, else None."""
        courts = self._cleaned().get("court") or []
        return courts[0] if self._active() == {"court"} and len(courts) == 1 else None

    @property
    def only_kind(self) -> str | None:
        """The motion kind when the one filter that applies is a single kind, else None."""
        kinds = self._cleaned().get("kind") or []
        return kinds[0] if self._active() == {"kind"} and len(kinds) == 1 else None

    @property
    def minimum(self) -> int:
        """The fewest decided motions a group needs to be shown."""
        value = self._cleaned().get("min")
        return DEFAULT_MINIMUM if value is None else int(value)

    def problems(self) -> list[str]:
        """Readable messages for the filters that were left out because they did not validate."""
        if not self.is_bound:
            return []
        messages = []
        for name, errors in self.form.errors.items():
            label = self.form.fields[name].label if name in self.form.fields else name
            for error in errors:
                messages.append(f"{label}: {error} This filter was not applied.")
        return messages


def minimum_from(query: QueryDict) -> tuple[int, list[str]]:
    """Return the ``min`` of a page with no other filter (a judge's page), and its problem."""
    field = forms.IntegerField(
        label="Fewest decided motions shown", required=False, min_value=0, max_value=MAX_MINIMUM
    )
    try:
        value = field.clean(query.get("min", "").strip() or None)
    except forms.ValidationError as error:
        problems = [f"{field.label}: {e} This filter was not applied." for e in error.messages]
        return DEFAULT_MINIMUM, problems
    return (DEFAULT_MINIMUM if value is None else value), []
