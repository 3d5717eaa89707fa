"""The case page's latest motions, each with the rulings that decided it and its movants."""

from __future__ import annotations

from django.db.models import F, Prefetch, QuerySet

from cases.models import Case, Motion, RulingMotion
from cases.selectors.shared import SubqueryCount
from parties.models import CaseParty


def _with_decisions(motions: QuerySet[Motion]) -> QuerySet[Motion]:
    """Return each motion with ``decision_list`` (the rulings that decided it) and
    ``movant_list``, with the columns the case page prints (``motion_rows``).

    Plain lists (``to_attr``): a prefetch into the related managers builds a queryset per
    motion, which costs more than the three queries (docs/performance.md)."""
    decisions = (
        RulingMotion.objects.select_related("ruling")
        .only("motion_id", "outcome", "ruling__title", "ruling__date", "ruling__date_note")
        .order_by("ruling__date", "pk")
    )
    movants = CaseParty.objects.select_related("party").only("party__name")
    return (
        motions.select_related("docket_entry")
        .only("case_id", "title", "filed_date", "hearing_date", "status", "docket_entry__number")
        .prefetch_related(
            Prefetch("decisions", queryset=decisions, to_attr="decision_list"),
            Prefetch("movants", queryset=movants, to_attr="movant_list"),
        )
    )


def latest_motions(case: Case, limit: int) -> tuple[list[Motion], int]:
    """Return the case's latest ``limit`` motions in filing order (undated last), and how many
    it has.

    Three queries however many motions the case has: a big MDL has thousands, and the page
    shows the latest (``motion_case_filed_idx`` read backwards); the count is a subquery on
    the same index."""
    newest_first = (
        _with_decisions(Motion.objects.filter(case=case))
        .annotate(case_total=SubqueryCount(Motion.objects.filter(case=case).values("pk")))
        .order_by(F("filed_date").desc(nulls_first=True), "-pk")[:limit]
    )
    rows = list(newest_first)
    rows.reverse()
    return rows, rows[0].case_total if rows else 0
