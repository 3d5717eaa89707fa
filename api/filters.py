"""The API's filters: the case list's own (``cases.filters.CaseFilterSet``), the party list's,
and the judges' court.

``?court=ilnd&status=remanded&q=biometric`` means on /api/v1/cases/ what it means on /cases/:
the same FilterSet, the same search and ranking, the same sorts. Only its public filters are
applied (``PUBLIC_CASE_FILTERS``): one the site keeps for signed-in users (tags) is neither in
the schema nor applied here, whoever asks, and naming it changes nothing. A value that does not
validate is a 400 naming it.
"""

from __future__ import annotations

import copy
from typing import Any

import django_filters as filters
from drf_spectacular.drainage import set_override
from drf_spectacular.utils import OpenApiParameter

from cases.filters import CaseFilterSet, CourtChoices
from cases.models import Judge
from parties.filters import PartyFilterSet

PUBLIC_CASE_FILTERS = frozenset(
    {
        *("q", "court", "level", "state", "status", "case_type", "party", "counsel", "judge"),
        *("filed", "pending_motions", "deadline_within", "sort"),
    }
)


def _court_choices() -> CourtChoices:
    return CourtChoices()


def _no_choices() -> list[tuple[str, str]]:
    return []


def _schema_safe(base: dict[str, filters.Filter]) -> dict[str, filters.Filter]:
    """The case filters, their lists of choices read from the database behind callables.

    The schema generator reads the choices of a filter that has a list of them (every court,
    every tag): it must not query the database. The private filters stay (``CaseFilterSet``'s
    own ``__init__`` takes its tag filter out for anonymous readers) but are never applied.
    """
    safe = dict(base)
    safe["court"] = copy.deepcopy(base["court"])
    safe["court"].extra["choices"] = _court_choices
    for name in set(base) - PUBLIC_CASE_FILTERS:
        private = safe[name] = copy.deepcopy(base[name])
        if "choices" in private.extra:
            private.extra["choices"] = _no_choices
        set_override(private, "field", {"type": "string"})
    return safe


class ApiCaseFilterSet(CaseFilterSet):
    """``CaseFilterSet`` with its public filters only."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in [name for name in self.filters if name not in PUBLIC_CASE_FILTERS]:
            del self.filters[name]
        if hasattr(self, "_form"):
            del self._form  # built with them: build it again without


ApiCaseFilterSet.base_filters = _schema_safe(CaseFilterSet.base_filters)

# For the schema: the private filters are not parameters of the API.
PRIVATE_CASE_PARAMETERS = [
    OpenApiParameter(name, exclude=True)
    for name in sorted(set(CaseFilterSet.base_filters) - PUBLIC_CASE_FILTERS)
]


class ApiPartyFilterSet(PartyFilterSet):
    """The party list's filters (``q`` name, ``kind``, ``role``), as on /parties/."""


class JudgeFilterSet(filters.FilterSet):
    court = filters.CharFilter(field_name="court__code", help_text="A court's code, e.g. ilnd.")

    class Meta:
        model = Judge
        fields: list[str] = []
