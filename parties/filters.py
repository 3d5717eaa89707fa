"""The party list's filters."""

from __future__ import annotations

import django_filters as filters
from django.db.models import Count, Q, QuerySet

from parties.models import Party, PartyKind, PartyRole


class PartyFilterSet(filters.FilterSet):
    q = filters.CharFilter(label="Name", method="filter_name", max_length=100)
    kind = filters.ChoiceFilter(label="Kind", choices=PartyKind.choices)
    role = filters.ChoiceFilter(
        label="Has been a", choices=PartyRole.choices, field_name="case_roles__role", distinct=True
    )

    class Meta:
        model = Party
        fields: list[str] = []

    def filter_name(self, queryset: QuerySet[Party], name: str, value: str) -> QuerySet[Party]:
        return queryset.filter(Q(name__icontains=value.strip()) | Q(slug=value.strip()))

    @property
    def qs(self) -> QuerySet[Party]:
        return (
            super()
            .qs.annotate(case_count=Count("case_roles__case", distinct=True))
            .order_by("name", "pk")
        )
