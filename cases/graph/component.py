"""From the component as read to what is drawn: a box per case, lane by lane in filing order,
and the members of a big MDL (or lead case) folded into one box, "N member cases"."""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Callable

from cases.graph.parts import (
    COLLAPSE_OVER,
    LANES,
    MEMBER_KINDS,
    MEMBER_LANE,
    CaseGraph,
    Component,
    Edge,
    GraphCase,
    Node,
)
from tracker.templatetags.fast_dates import date as format_date

LANE_ORDER = {key: n for n, (key, _) in enumerate(LANES)}
# The labels of MEMBER_KINDS (LinkKind's; tests/cases/test_related_graph.py checks they agree).
MEMBER_LABELS = {
    "transferred_into_mdl": "transferred into MDL",
    "consolidated_into": "consolidated into",
}


def day_text(value: datetime.date) -> str:
    """Return ``value`` as ``|date:"j M Y"`` does: "5 Oct 2021" in English."""
    return format_date(value, "j M Y")


def build(graph: CaseGraph, day: Callable[[datetime.date], str] = day_text) -> Component:
    """Return the boxes and arrows of ``graph``: its cases, and for each case with more than
    COLLAPSE_OVER member links, one box for the members not drawn (the walk did not follow
    them) with one arrow into it."""
    nodes = [_case_node(case, case.pk == graph.current, day) for case in graph.cases]
    edges = [
        Edge(f"c{link.source}", f"c{link.target}", link.label, day(link.date) if link.date else "")
        for link in graph.links
    ]
    drawn = Counter(link.target for link in graph.links if link.kind in MEMBER_KINDS)
    for case in graph.cases:
        rest = case.members - drawn[case.pk]
        if case.members > COLLAPSE_OVER and rest > 0:
            nodes.append(_members_node(case, rest, other=drawn[case.pk] > 0))
            edges.append(_members_edge(case))
    nodes.sort(key=_order)
    return Component(tuple(nodes), tuple(edges), f"c{graph.current}", graph.truncated, graph.limit)


def case_title(case: GraphCase) -> str:
    return f"{case.name} ({case.court} {case.docket_number})"


def _case_node(case: GraphCase, current: bool, day: Callable[[datetime.date], str]) -> Node:
    filed = f", filed {day(case.filed)}" if case.filed else ", filing date not confirmed"
    return Node(
        key=f"c{case.pk}",
        lane=case.lane,
        court=case.court,
        docket_number=case.docket_number,
        name=case.name,
        title=case_title(case) + filed + (" (this case)" if current else ""),
        slug=case.slug,
        filed=case.filed,
        current=current,
    )


def _members_node(hub: GraphCase, count: int, *, other: bool) -> Node:
    plural = "s" if count != 1 else ""
    what = f"{count} {'other ' if other else ''}member case{plural}"
    return Node(
        key=f"m{hub.pk}",
        lane=MEMBER_LANE,
        court="Listed on its related page",
        docket_number=what,
        name=f"of {hub.name}",
        title=f"{what} of {case_title(hub)}: all of them on its related cases page",
        slug=hub.slug,
        members=count,
    )


def _members_edge(hub: GraphCase) -> Edge:
    if hub.consolidated == 0:
        kind = MEMBER_LABELS["transferred_into_mdl"]
    elif hub.consolidated == hub.members:
        kind = MEMBER_LABELS["consolidated_into"]
    else:
        kind = " / ".join(MEMBER_LABELS.values())
    first, last = hub.first_member, hub.last_member
    when = ""
    if first and last:
        when = str(first.year) if first.year == last.year else f"{first.year}–{last.year}"
    return Edge(f"m{hub.pk}", f"c{hub.pk}", kind, when)


def _order(node: Node) -> tuple:
    """Lane by lane; in a lane by filing date (undated after), member boxes last."""
    return (
        LANE_ORDER.get(node.lane, len(LANES)),
        node.members > 0,
        node.filed is None,
        node.filed or datetime.date.min,
        node.name,
        node.key,
    )
