"""The home page's lists of the latest rulings and status changes (its deadlines: ``deadlines``)."""

from __future__ import annotations

from django.db.models import QuerySet

from cases.models import Ruling, StatusChange
from cases.selectors.shared import CASE_TEXT


def latest_rulings() -> QuerySet[Ruling]:
    """Return the rulings with a known date, newest first."""
    return (
        Ruling.objects.filter(date__isnull=False)
        .select_related("case__court", "judge")
        .defer(*CASE_TEXT)
        .order_by("-date", "-pk")
    )


def latest_status_changes() -> QuerySet[StatusChange]:
    """Return the status changes after a case's first status, latest effective date first."""
    return (
        StatusChange.objects.exclude(from_status="")
        .select_related("case__court")
        .defer(*CASE_TEXT)
        .order_by("-effective_date", "-recorded_at", "-pk")
        .filter(effective_date__isnull=False)
    )
