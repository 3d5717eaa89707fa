"""Courts, judges, cases and parties: lists (cursor-paged, filtered) and details."""

from __future__ import annotations

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema, extend_schema_view

from api import selectors
from api.filters import (
    PRIVATE_CASE_PARAMETERS,
    ApiCaseFilterSet,
    ApiPartyFilterSet,
    JudgeFilterSet,
)
from api.schema import CASE_FILTER_PARAMETERS, path_parameter
from api.serializers.cases import CaseDetailSerializer, CaseSerializer
from api.serializers.courts import CourtSerializer, JudgeSerializer
from api.serializers.parties import PartyDetailSerializer, PartySerializer
from api.views.base import ReadOnlyViewSet
from cases.models import Case, Court, Judge
from parties.models import Party


@extend_schema_view(
    list=extend_schema(summary="Courts, by name"),
    retrieve=extend_schema(
        summary="A court", parameters=[path_parameter("code", "A court's code")]
    ),
)
class CourtViewSet(ReadOnlyViewSet):
    """Courts, each with its level, state, time zone, holiday calendar and the court it
    appeals to; one by its code."""

    queryset = Court.objects.none()
    serializer_class = CourtSerializer
    lookup_field = lookup_url_kwarg = "code"

    def get_queryset(self) -> QuerySet[Court]:
        return selectors.courts()


@extend_schema_view(
    list=extend_schema(summary="Judges, by name"),
    retrieve=extend_schema(summary="A judge", parameters=[path_parameter("id", "A judge's id")]),
)
class JudgeViewSet(ReadOnlyViewSet):
    """Judges, with their courts (``?court=<code>`` for one court's); one by its id."""

    queryset = Judge.objects.none()
    serializer_class = JudgeSerializer
    filterset_class = JudgeFilterSet

    def get_queryset(self) -> QuerySet[Judge]:
        return selectors.judges()


@extend_schema_view(
    list=extend_schema(
        summary="Cases, filtered and sorted as on /cases/",
        parameters=[*CASE_FILTER_PARAMETERS, *PRIVATE_CASE_PARAMETERS],
    ),
    retrieve=extend_schema(
        summary="A case, with its status history",
        parameters=[path_parameter("slug", "A case's slug")],
    ),
)
class CaseViewSet(ReadOnlyViewSet):
    """Cases, with the filters, search and sorts of the case list (/cases/); one by its slug,
    with its status history. Its parties, docket, motions, rulings, deadlines and links are
    lists of their own, under /api/v1/cases/{slug}/."""

    queryset = Case.objects.none()
    serializer_class = CaseSerializer
    filterset_class = ApiCaseFilterSet
    lookup_field = "slug"

    def get_queryset(self) -> QuerySet[Case]:
        return selectors.case_detail() if self.action == "retrieve" else selectors.cases()

    def get_serializer_class(self) -> type:
        return CaseDetailSerializer if self.action == "retrieve" else CaseSerializer


@extend_schema_view(
    list=extend_schema(summary="Parties, by name, filtered as on /parties/"),
    retrieve=extend_schema(
        summary="A party", parameters=[path_parameter("slug", "A party's slug")]
    ),
)
class PartyViewSet(ReadOnlyViewSet):
    """Parties, filtered as on /parties/ (``q`` name, ``kind``, ``role``); one by its slug.
    A party's cases: /api/v1/cases/?party=<slug>."""

    queryset = Party.objects.none()
    serializer_class = PartySerializer
    filterset_class = ApiPartyFilterSet
    lookup_field = "slug"

    def get_queryset(self) -> QuerySet[Party]:
        return selectors.party_detail() if self.action == "retrieve" else selectors.parties()

    def get_serializer_class(self) -> type:
        return PartyDetailSerializer if self.action == "retrieve" else PartySerializer
