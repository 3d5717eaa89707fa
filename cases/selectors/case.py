"""The case page's case: its court, its judges and its latest PACER import."""

from __future__ import annotations

from django.db.models import OuterRef, Prefetch, Subquery

from cases.models import Case, CaseJudge, DocketImport, DocketSource


def case_for_page(slug: str) -> Case:
    """Return a case with its court and judges (raises Case.DoesNotExist), and its latest PACER
    import (``pacer_report_date``, ``pacer_imported_at``) in the same statement."""
    judges = CaseJudge.objects.select_related("judge").order_by("role", "judge__name")
    latest_pacer = DocketImport.objects.filter(
        case=OuterRef("pk"), source=DocketSource.PACER
    ).order_by("-imported_at", "-pk")
    return (
        Case.objects.select_related("court")
        .defer("search_text", "search_vector")
        .annotate(
            pacer_report_date=Subquery(latest_pacer.values("report_date")[:1]),
            pacer_imported_at=Subquery(latest_pacer.values("imported_at")[:1]),
        )
        .prefetch_related(Prefetch("case_judges", queryset=judges))
        .get(slug=slug)
    )
