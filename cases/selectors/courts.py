"""The court list, a court's page and a judge's page."""

from __future__ import annotations

from django.db.models import Count, QuerySet

from cases.models import Case, Court, Judge, Ruling
from cases.selectors.shared import CASE_TEXT


def courts_with_counts() -> QuerySet[Court]:
    """Return every court with how many cases and judges the tracker has in it."""
    return Court.objects.annotate(
        case_count=Count("cases", distinct=True), judge_count=Count("judges", distinct=True)
    ).order_by("level", "name")


def court_for_page(code: str) -> Court:
    """Return the court with this code (raises Court.DoesNotExist), with its appeals court."""
    return Court.objects.select_related("appeals_to").get(code=code)


def judge_for_page(pk: int) -> Judge:
    """Return the judge with this id (raises Judge.DoesNotExist), with the judge's court."""
    return Judge.objects.select_related("court").get(pk=pk)


def judge_cases(judge: Judge) -> QuerySet[Case]:
    """Return the judge's cases, latest filed first."""
    return (
        Case.objects.filter(case_judges__judge=judge)
        .select_related("court")
        .distinct()
        .order_by("-filed_date", "pk")
    )


def judge_rulings(judge: Judge) -> QuerySet[Ruling]:
    """Return the judge's rulings, newest first."""
    return (
        Ruling.objects.filter(judge=judge)
        .select_related("case__court")
        .defer(*CASE_TEXT)
        .order_by("-date", "-pk")
    )
