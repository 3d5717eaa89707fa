"""A case's related cases: the case page's first ones, and the related page's all of them."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import F, Q, QuerySet

from cases.models import Case, CaseLink
from cases.selectors.shared import SubqueryCount


@dataclass
class Related:
    label: str
    case: Case
    link: CaseLink


def case_links(case: Case) -> QuerySet[CaseLink]:
    """Return the links from and to the case, both cases with their courts, oldest link first
    (undated last), with the columns ``related_items`` prints. One query; read each with
    ``related_item()``."""
    shown = ("slug", "short_name", "docket_number", "court__short_name")
    return (
        CaseLink.objects.filter(Q(from_case=case) | Q(to_case=case))
        .select_related("from_case__court", "to_case__court")
        .only(
            "kind",
            "date",
            "note",
            *(f"from_case__{name}" for name in shown),
            *(f"to_case__{name}" for name in shown),
        )
        .order_by(F("date").asc(nulls_last=True), "pk")
    )


def related_item(case: Case, link: CaseLink) -> Related:
    """Read a link from ``case``'s side: return the other case and how it relates."""
    if link.from_case_id == case.pk:
        return Related(link.get_kind_display(), link.to_case, link)
    return Related(link.inverse_label, link.from_case, link)


def case_related(case: Case, limit: int) -> tuple[list[Related], int]:
    """Return the first ``limit`` related cases, each with how it relates, read from this
    case's side, and how many there are: one query, however many (an MDL has hundreds). The
    first ones are picked on the narrow link rows, only they are joined to their cases and
    courts, and the count is an uncorrelated subquery (an InitPlan, run once)."""
    mine = CaseLink.objects.filter(Q(from_case=case) | Q(to_case=case))
    first = mine.order_by(F("date").asc(nulls_last=True), "pk").values("pk")[:limit]
    total = SubqueryCount(mine.order_by().values("pk"))
    links = list(case_links(case).filter(pk__in=first).annotate(case_total=total))
    return [related_item(case, link) for link in links], links[0].case_total if links else 0
