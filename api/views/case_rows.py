"""The rows of one case, each list cursor-paged in its own order:
/cases/<slug>/parties/, docket-entries/, motions/, rulings/, deadlines/, links/."""

from __future__ import annotations

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema, extend_schema_view

from api import selectors
from api.schema import path_parameter
from api.serializers.docket import (
    CaseLinkSerializer,
    DeadlineSerializer,
    DocketEntrySerializer,
    MotionSerializer,
    RulingSerializer,
)
from api.serializers.parties import CasePartySerializer
from api.views.base import CaseRowsViewSet
from cases.models import Case, CaseLink, Deadline, DocketEntry, Motion, Ruling
from parties.models import CaseParty

CASE_SLUG = path_parameter("slug", "The case's slug")


def _listed(summary: str) -> object:
    description = "One case's rows, cursor-paged; 404 when no case has the slug."
    return extend_schema_view(
        list=extend_schema(summary=summary, description=description, parameters=[CASE_SLUG])
    )


@_listed("A case's parties by role, each with its counsel")
class CasePartyViewSet(CaseRowsViewSet):
    queryset = CaseParty.objects.none()
    serializer_class = CasePartySerializer

    def rows(self, case: Case) -> QuerySet[CaseParty]:
        return selectors.case_parties(case)


@_listed("A case's docket entries, oldest first")
class DocketEntryViewSet(CaseRowsViewSet):
    queryset = DocketEntry.objects.none()
    serializer_class = DocketEntrySerializer

    def rows(self, case: Case) -> QuerySet[DocketEntry]:
        return selectors.docket_entries(case)


@_listed("A case's motions, oldest first, with their movants and the rulings deciding them")
class MotionViewSet(CaseRowsViewSet):
    queryset = Motion.objects.none()
    serializer_class = MotionSerializer

    def rows(self, case: Case) -> QuerySet[Motion]:
        return selectors.motions(case)


@_listed("A case's rulings, oldest first (undated last), with the motions they decide")
class RulingViewSet(CaseRowsViewSet):
    queryset = Ruling.objects.none()
    serializer_class = RulingSerializer

    def rows(self, case: Case) -> QuerySet[Ruling]:
        return selectors.rulings(case)


@_listed("A case's deadlines, by due date")
class DeadlineViewSet(CaseRowsViewSet):
    queryset = Deadline.objects.none()
    serializer_class = DeadlineSerializer

    def rows(self, case: Case) -> QuerySet[Deadline]:
        return selectors.deadlines(case)


@_listed("The links of the related-case graph from and to a case, oldest first")
class CaseLinkViewSet(CaseRowsViewSet):
    queryset = CaseLink.objects.none()
    serializer_class = CaseLinkSerializer

    def rows(self, case: Case) -> QuerySet[CaseLink]:
        return selectors.case_links(case)
