"""A case's connected component in the related-case graph, for its drawing: two statements,
whatever the size of the component.

1. A recursive walk from the case along its links, both ways, breadth first (PostgreSQL and
   SQLite run ``WITH RECURSIVE ... UNION`` a level at a time, and stop once the outer ``LIMIT``
   has its rows): the nearest ``NODE_LIMIT`` cases, plus one to tell that there were more, with
   what their boxes show (court, docket number, name, filing date). It does not walk from a
   case with more than ``COLLAPSE_OVER`` member links (transferred into an MDL, consolidated
   into a lead case) into its members: those are drawn as one box. Each case comes with its
   member links counted (the box's "N member cases").
2. The links among those cases (none for a big MDL whose only links are its members').

Both are SQL written out: the ORM has no recursive query, and the case page is on the hot path
(compiling the second statement with the ORM took longer than PostgreSQL takes to run it).
"""

from __future__ import annotations

from django.db import connection

from cases.graph.parts import COLLAPSE_OVER, MEMBER_KINDS, CaseGraph, GraphCase, GraphLink, lane_of
from cases.models import Case, LinkKind
from cases.selectors.shared import as_date

NODE_LIMIT = 30

# Whether case ``{case}`` has more than COLLAPSE_OVER member links, reading at most one more.
_HUB = (
    "((SELECT COUNT(*) FROM (SELECT 1 FROM cases_caselink m WHERE m.to_case_id = {case} "
    "AND m.kind IN (%s, %s) LIMIT {over}) AS members) > {limit})"
)
_OTHER_END = "CASE WHEN l.from_case_id = w.id THEN l.to_case_id ELSE l.from_case_id END"
# Built from this module's constants only; every value is a parameter.
_WALK = f"""
WITH RECURSIVE walk(id, hub) AS (
    SELECT c.id, {_HUB.format(case="c.id", over=COLLAPSE_OVER + 1, limit=COLLAPSE_OVER)}
    FROM cases_case c WHERE c.id = %s
    UNION
    SELECT {_OTHER_END},
        {_HUB.format(case=_OTHER_END, over=COLLAPSE_OVER + 1, limit=COLLAPSE_OVER)}
    FROM walk w JOIN cases_caselink l
        ON l.from_case_id = w.id OR (l.to_case_id = w.id AND NOT (w.hub AND l.kind IN (%s, %s)))
)
SELECT s.id, c.slug, c.short_name, c.docket_number, c.case_type, c.filed_date, court.short_name,
    court.level, s.members, s.consolidated, s.first_member, s.last_member
FROM (
    SELECT n.id, n.pos, COUNT(m.id) AS members,
        SUM(CASE WHEN m.kind = %s THEN 1 ELSE 0 END) AS consolidated,
        MIN(m.date) AS first_member, MAX(m.date) AS last_member
    FROM (SELECT id, ROW_NUMBER() OVER () AS pos FROM walk LIMIT %s) AS n
    LEFT JOIN cases_caselink m ON m.to_case_id = n.id AND m.kind IN (%s, %s)
    GROUP BY n.id, n.pos
) AS s
JOIN cases_case c ON c.id = s.id
JOIN cases_court court ON court.id = c.court_id
ORDER BY s.pos
"""  # noqa: S608
_LINKS = """
SELECT from_case_id, to_case_id, kind, date FROM cases_caselink
WHERE from_case_id IN ({ids}) AND to_case_id IN ({ids})
ORDER BY date IS NULL, date, id
"""
_LABELS = {kind.value: str(kind.label) for kind in LinkKind}


def _walk(case_id: int) -> list[GraphCase]:
    """Return the nearest NODE_LIMIT + 1 cases of the component, nearest first."""
    kinds = list(MEMBER_KINDS)
    params = [*kinds, case_id, *kinds, *kinds, "consolidated_into", NODE_LIMIT + 1, *kinds]
    with connection.cursor() as cursor:
        cursor.execute(_WALK, params)
        return [_graph_case(row) for row in cursor.fetchall()]


def _links(ids: list[int]) -> list[GraphLink]:
    """Return the links between any two of the cases ``ids``, oldest first (undated last)."""
    placeholders = ", ".join(["%s"] * len(ids))
    with connection.cursor() as cursor:
        cursor.execute(_LINKS.format(ids=placeholders), [*ids, *ids])
        return [
            GraphLink(source, target, kind, _LABELS.get(kind, kind), as_date(date))
            for source, target, kind, date in cursor.fetchall()
        ]


def _graph_case(row: tuple) -> GraphCase:
    pk, slug, name, docket_number, case_type, filed, court, level, *members = row
    count, consolidated, first, last = members
    return GraphCase(
        pk=pk,
        slug=slug,
        court=court,
        docket_number=docket_number,
        name=name,
        lane=lane_of(level, case_type),
        filed=as_date(filed),
        members=count,
        consolidated=consolidated or 0,
        first_member=as_date(first),
        last_member=as_date(last),
    )


def case_graph(case: Case) -> CaseGraph | None:
    """Return the case's connected component (at most NODE_LIMIT cases, the nearest), or None
    when the case has no links."""
    cases = _walk(case.pk)
    if not cases or (len(cases) == 1 and cases[0].members <= COLLAPSE_OVER):
        return None
    shown = cases[:NODE_LIMIT]
    # Read even for a big MDL drawn alone with its members' box (it finds none there), so that
    # every linked case's page runs the same statements.
    links = _links([each.pk for each in shown])
    return CaseGraph(
        current=case.pk,
        cases=tuple(shown),
        links=tuple(links),
        truncated=len(cases) > NODE_LIMIT,
        limit=NODE_LIMIT,
    )
