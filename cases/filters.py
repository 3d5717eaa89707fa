"""The case FilterSet: one set of filters for the case list page, its CSV export and its calendar.

Every filter is a query-string parameter, so every filter state is a shareable URL. A value that
does not validate (an unknown court code, a malformed date) is reported by the form and left out
of the filtering; the other filters still apply.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from typing import Any

import django_filters as filters
from django import forms
from django.core.validators import RegexValidator
from django.db import connection
from django.db.models import Exists, F, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.choices import BaseChoiceIterator
from django_filters import fields as filter_fields

from cases import search, selectors
from cases.models import (
    Case,
    CaseJudge,
    CaseStatus,
    CaseTag,
    CaseType,
    Court,
    CourtLevel,
    Deadline,
    DeadlineStatus,
    Motion,
    MotionStatus,
    Tag,
)
from parties.models import CaseParty, Representation
from tracker.widgets import (
    FastCheckboxInput,
    FastDateInput,
    FastNumberInput,
    FastSelect,
    FastSelectMultiple,
    FastTextInput,
)

MAX_QUERY_LENGTH = 200
MAX_TEXT_FILTER = 100

# Unknown dates (NULL) sort last in both directions.
SORTS = {
    "-filed": (F("filed_date").desc(nulls_last=True), "short_name", "pk"),
    "filed": (F("filed_date").asc(nulls_last=True), "short_name", "pk"),
    "-activity": (F("last_activity_on").desc(nulls_last=True), "short_name", "pk"),
    "activity": (F("last_activity_on").asc(nulls_last=True), "short_name", "pk"),
    "caption": ("short_name", "docket_number", "pk"),
    "-caption": ("-short_name", "-docket_number", "-pk"),
}
SORT_LABELS = [
    ("", "Relevance (with a search), else newest filed"),
    ("-filed", "Filed, newest first"),
    ("filed", "Filed, oldest first"),
    ("-activity", "Latest activity first"),
    ("activity", "Oldest activity first"),
    ("caption", "Caption, A to Z"),
    ("-caption", "Caption, Z to A"),
]


class CourtChoices(BaseChoiceIterator):
    """Every court as (code, name shown), by name, read from the database on each iteration:
    the court filters' options. Plain rows, not model instances (a third of the cost), and a
    choice iterator, which Django's fields take as it is instead of normalising every pair of
    a callable's list on each read."""

    def __iter__(self) -> Iterator[tuple[str, str]]:
        rows = Court.objects.order_by("short_name").values_list("code", "short_name", "name")
        for code, short_name, name in rows:
            yield code, short_name or name


class CourtsField(filter_fields.MultipleChoiceField):
    """Court codes, checked against ``CourtChoices`` read once for all the values given
    (Django reads a callable's choices again for each value: a query per court chosen)."""

    def validate(self, value: list[str]) -> None:
        if self.required and not value:
            raise forms.ValidationError(self.error_messages["required"], code="required")
        known = {str(code) for code, _ in self.choices}
        for code in value:
            if str(code) not in known:
                raise forms.ValidationError(
                    self.error_messages["invalid_choice"],
                    code="invalid_choice",
                    params={"value": code},
                )


class CourtsFilter(filters.MultipleChoiceFilter):
    field_class = CourtsField


# Tags are for signed-in staff (cases/selectors/notes.py): the case list says so to anyone else
# who names one, and leaves the filter out.
TAGS_NOT_PUBLIC = "Tags are for signed-in staff; this filter was not applied."


class TagChoices(BaseChoiceIterator):
    """Every tag as (slug, name), by name: read once per form, for checking the values given
    and for printing the options alike (``TagsField``)."""

    def __init__(self) -> None:
        self._read: dict[str, list[tuple[str, str]]] = {}

    def __iter__(self) -> Iterator[tuple[str, str]]:
        if "rows" not in self._read:
            self._read["rows"] = list(Tag.objects.order_by("name").values_list("slug", "name"))
        yield from self._read["rows"]


class TagsField(filter_fields.MultipleChoiceField):
    def __deepcopy__(self, memo: dict[int, Any]) -> TagsField:
        # A form's copy of the field and of its widget share one TagChoices, so that the tags
        # are read once for checking the values given and for printing the options.
        result = super().__deepcopy__(memo)
        result.widget.choices = result._choices
        return result


class TagsFilter(filters.MultipleChoiceFilter):
    """Cases with every tag chosen (``?tag=priority&tag=amicus-opportunity``)."""

    field_class = TagsField

    def filter(self, queryset: QuerySet[Case], value: list[str]) -> QuerySet[Case]:
        for slug in value:
            tagged = CaseTag.objects.filter(case=OuterRef("pk"), tag__slug=slug)
            queryset = queryset.filter(Exists(tagged))
        return queryset


def _signed_in(request: Any) -> bool:
    user = getattr(request, "user", None)
    return bool(user is not None and user.is_authenticated)


def _text(label: str, help_text: str = "") -> dict[str, Any]:
    return {
        "label": label,
        "max_length": MAX_TEXT_FILTER,
        "help_text": help_text,
        "widget": FastTextInput,
    }


class CaseFilterSet(filters.FilterSet):
    # How many matches of a search are ranked (see search.RANK_CANDIDATES); None: all of them.
    rank_limit: int | None = search.RANK_CANDIDATES

    q = filters.CharFilter(
        label="Search",
        method="filter_search",
        max_length=MAX_QUERY_LENGTH,
        widget=FastTextInput,
        help_text="Words in captions, summaries, docket entries, motions, rulings, party names.",
    )
    court = CourtsFilter(
        label="Court",
        choices=CourtChoices(),
        field_name="court__code",
        help_text="Hold Ctrl (Cmd on a Mac) to choose several.",
        widget=FastSelectMultiple,
        distinct=False,  # a case has one court: no duplicates to remove, no SELECT DISTINCT
    )
    level = filters.ChoiceFilter(
        label="Court level",
        field_name="court__level",
        choices=CourtLevel.choices,
        widget=FastSelect,
    )
    state = filters.CharFilter(
        label="State",
        field_name="court__state",
        method="filter_state",
        max_length=2,
        widget=FastTextInput,
        validators=[RegexValidator(r"^[A-Za-z]{2}$", "Use a two-letter state code, e.g. IL.")],
    )
    status = filters.MultipleChoiceFilter(
        label="Status", choices=CaseStatus.choices, widget=FastSelectMultiple, distinct=False
    )
    case_type = filters.ChoiceFilter(label="Case type", choices=CaseType.choices, widget=FastSelect)
    party = filters.CharFilter(method="filter_party", **_text("Party", "Name or part of it"))
    counsel = filters.CharFilter(
        method="filter_counsel", **_text("Attorney or firm", "Name or part of it")
    )
    judge = filters.CharFilter(method="filter_judge", **_text("Judge", "Name or part of it"))
    filed = filters.DateFromToRangeFilter(
        label="Filed between",
        field_name="filed_date",
        widget=filters.widgets.DateRangeWidget(attrs={"type": "date"}),
    )
    pending_motions = filters.BooleanFilter(
        label="Has pending motions",
        method="filter_pending_motions",
        widget=FastCheckboxInput,
    )
    deadline_within = filters.NumberFilter(
        label="Has a deadline within (days)",
        method="filter_deadline_within",
        widget=FastNumberInput,
        min_value=1,
        max_value=366,
    )
    # Signed-in users only: __init__ takes it out for anyone else.
    tag = TagsFilter(
        label="Tags",
        choices=TagChoices(),
        help_text="Cases with every tag chosen.",
        widget=FastSelectMultiple,
    )
    sort = filters.ChoiceFilter(
        label="Sort by",
        choices=SORT_LABELS[1:],
        empty_label=SORT_LABELS[0][1],
        method="noop",
        widget=FastSelect,
    )

    class Meta:
        model = Case
        fields: list[str] = []

    def __init__(
        self,
        data: Any = None,
        queryset: QuerySet[Case] | None = None,
        *,
        request: Any = None,
        prefix: str | None = None,
    ) -> None:
        super().__init__(data, queryset, request=request, prefix=prefix)
        # The tag filter applies only for a signed-in user (the list page, the API's signed-in
        # reads); anyone else is not offered it, and a tag they name is reported, not applied.
        self.tags_refused = False
        if not _signed_in(request):
            del self.filters["tag"]
            data = self.data
            given = data.getlist("tag") if hasattr(data, "getlist") else [data.get("tag")]
            self.tags_refused = any(given)

    def filter_search(self, queryset: QuerySet[Case], name: str, value: str) -> QuerySet[Case]:
        value = value.strip()
        return search.search(queryset, value, limit=self.rank_limit) if value else queryset

    def filter_state(self, queryset: QuerySet[Case], name: str, value: str) -> QuerySet[Case]:
        return queryset.filter(court__state=value.upper())

    def filter_party(self, queryset: QuerySet[Case], name: str, value: str) -> QuerySet[Case]:
        parties = CaseParty.objects.filter(case=OuterRef("pk")).filter(
            Q(party__name__icontains=value) | Q(party__slug=value)
        )
        return queryset.filter(Exists(parties))

    def filter_counsel(self, queryset: QuerySet[Case], name: str, value: str) -> QuerySet[Case]:
        counsel = Representation.objects.filter(case_party__case=OuterRef("pk")).filter(
            Q(attorney__name__icontains=value)
            | Q(attorney__slug=value)
            | Q(firm__name__icontains=value)
            | Q(firm__slug=value)
        )
        return queryset.filter(Exists(counsel))

    def filter_judge(self, queryset: QuerySet[Case], name: str, value: str) -> QuerySet[Case]:
        judges = CaseJudge.objects.filter(case=OuterRef("pk"), judge__name__icontains=value)
        return queryset.filter(Exists(judges))

    def filter_pending_motions(
        self, queryset: QuerySet[Case], name: str, value: bool | None
    ) -> QuerySet[Case]:
        if not value:
            return queryset
        pending = Motion.objects.filter(case=OuterRef("pk"), status=MotionStatus.PENDING)
        return queryset.filter(Exists(pending))

    def filter_deadline_within(
        self, queryset: QuerySet[Case], name: str, value: Any
    ) -> QuerySet[Case]:
        if value is None:
            return queryset
        today = timezone.localdate()
        due = Deadline.objects.filter(
            case=OuterRef("pk"),
            status=DeadlineStatus.OPEN,
            due_date__gte=today,
            due_date__lte=today + datetime.timedelta(days=int(value)),
        )
        return queryset.filter(Exists(due))

    def noop(self, queryset: QuerySet[Case], name: str, value: Any) -> QuerySet[Case]:
        return queryset

    @property
    def searching(self) -> bool:
        return bool(self.form.is_valid() and (self.form.cleaned_data.get("q") or "").strip())

    @property
    def qs(self) -> QuerySet[Case]:
        # The stored search columns are large: leave them out, except the text the SQLite
        # fallback needs to cut its snippets from.
        queryset = super().qs.select_related("court").defer("search_vector")
        if not (self.searching and connection.vendor != "postgresql"):
            queryset = queryset.defer("search_text")
        sort = self.form.cleaned_data.get("sort") if self.form.is_valid() else None
        if not sort and not self.searching:
            sort = "-filed"
        if sort:
            queryset = queryset.order_by(*SORTS[sort])
        return queryset

    def problems(self) -> list[str]:
        """Readable messages for the filters that were left out because they did not validate."""
        messages = []
        for name, errors in self.form.errors.items():
            label = self.form.fields[name].label if name in self.form.fields else name
            for error in errors:
                messages.append(f"{label}: {error} This filter was not applied.")
        if self.tags_refused:
            messages.append(TAGS_NOT_PUBLIC)
        return messages


class TimelineFilter(forms.Form):
    kind = forms.MultipleChoiceField(
        label="Show",
        required=False,
        choices=[(name, label) for name, (label, _) in selectors.TIMELINE_KINDS.items()],
        widget=forms.CheckboxSelectMultiple,
    )
    since = forms.DateField(label="From", required=False, widget=FastDateInput({"type": "date"}))
    until = forms.DateField(label="To", required=False, widget=FastDateInput({"type": "date"}))

    def clean(self) -> dict:
        cleaned = super().clean()
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and since > until:
            raise forms.ValidationError("The 'from' date is after the 'to' date.")
        return cleaned

    def selection(self) -> dict[str, Any]:
        """The filters that validated, for ``selectors.case_timeline``.

        An invalid value is left out (the form's errors say which); a date range whose start
        is after its end is left out as a whole. The case page and its CSV export both use this.
        """
        if not self.is_bound:
            return {}
        self.is_valid()
        data = self.cleaned_data
        since, until = data.get("since"), data.get("until")
        if since and until and since > until:
            since = until = None
        return {"kinds": data.get("kind") or None, "since": since, "until": until}
