"""A case's related cases: the case page's first ones, and the related page's all of them."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import connection
from django.db.models import F, Q, QuerySet

from cases.models import Case, CaseLink, Court
from cases.selectors.shared import as_date


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


# The first ``limit`` links of a case (picked on the narrow link rows), only they joined to
# both cases and their courts, and how many links the case has (an InitPlan, run once).
_FIRST = """
SELECT l.id, l.from_case_id, l.to_case_id, l.kind, l.date, l.note,
    (SELECT COUNT(*) FROM cases_caselink u WHERE u.from_case_id = %s OR u.to_case_id = %s),
    f.short_name, f.slug, f.docket_number, f.court_id, fc.short_name,
    t.short_name, t.slug, t.docket_number, t.court_id, tc.short_name
FROM (
    SELECT id FROM cases_caselink WHERE from_case_id = %s OR to_case_id = %s
    ORDER BY date ASC NULLS LAST, id LIMIT %s
) AS first
JOIN cases_caselink l ON l.id = first.id
JOIN cases_case f ON f.id = l.from_case_id
JOIN cases_court fc ON fc.id = f.court_id
JOIN cases_case t ON t.id = l.to_case_id
JOIN cases_court tc ON tc.id = t.court_id
ORDER BY l.date ASC NULLS LAST, l.id
"""
_LINK = ("id", "from_case_id", "to_case_id", "kind", "date", "note")
_CASE = ("id", "short_name", "slug", "docket_number", "court_id")


def _case(db: str, pk: int, values: tuple) -> Case:
    """Return a case of a link with the columns ``related_items`` prints, and its court's."""
    name, slug, number, court_id, court_name = values
    case = Case.from_db(db, _CASE, (pk, name, slug, number, court_id))
    Case.court.field.set_cached_value(
        case, Court.from_db(db, ("id", "short_name"), (court_id, court_name))
    )
    return case


def case_related(case: Case, limit: int) -> tuple[list[Related], int]:
    """Return the first ``limit`` related cases, each with how it relates, read from this
    case's side, and how many there are: one statement, however many (an MDL has hundreds),
    written out in SQL (compiling it with the ORM cost more than running it)."""
    db = connection.alias
    with connection.cursor() as cursor:
        cursor.execute(_FIRST, [case.pk] * 4 + [limit])
        rows = cursor.fetchall()
    related = []
    for row in rows:
        pk, from_id, to_id, kind, date, note = row[:6]
        link = CaseLink.from_db(db, _LINK, (pk, from_id, to_id, kind, as_date(date), note))
        CaseLink.from_case.field.set_cached_value(link, _case(db, from_id, row[7:12]))
        CaseLink.to_case.field.set_cached_value(link, _case(db, to_id, row[12:17]))
        related.append(related_item(case, link))
    return related, rows[0][6] if rows else 0
