"""The graph in words: the SVG's ``<desc>``, and the list of the links among the other cases
(the page's list of related cases gives the case's own links)."""

from __future__ import annotations

from collections.abc import Callable

from cases.graph.parts import LANE_NAMES, Component, Edge, Node
from tracker.html import escape


def node_text(node: Node) -> str:
    """Return a box in words: "Renderos v. Clearview AI (N.D. Cal. 4:21-cv-04572)"."""
    if node.members:
        return f"{node.docket_number} {node.name}"
    return f"{node.name} ({node.court} {node.docket_number})"


def link_text(edge: Edge, nodes: dict[str, Node]) -> str:
    when = f", {edge.when}" if edge.when else ""
    return f"{node_text(nodes[edge.source])} {edge.kind} {node_text(nodes[edge.target])}{when}"


def describe(component: Component) -> str:
    """Return the graph in sentences: which cases in which lanes, and every link."""
    nodes = {node.key: node for node in component.nodes}
    current = nodes[component.current]
    others = sum(1 for node in component.nodes if not node.members) - 1
    lanes: dict[str, list[str]] = {}
    for node in component.nodes:
        lanes.setdefault(node.lane, []).append(node_text(node) if node.members else "")
    lane_list = ", ".join(
        f"{LANE_NAMES.get(lane, lane)} ({_lane_count(names)})" for lane, names in lanes.items()
    )
    linked = ""
    if others:
        linked = f" and the {_cases(others)} linked to it, directly or through others,"
    parts = [
        f"{node_text(current)}{linked} in lanes from top to bottom: {lane_list}.",
        "Links: " + "; ".join(link_text(edge, nodes) for edge in component.edges) + ".",
    ]
    if component.truncated:
        parts.append(truncated_note(component))
    return " ".join(parts)


def _cases(count: int) -> str:
    return f"{count} case{'s' if count != 1 else ''}"


def _lane_count(names: list[str]) -> str:
    """Return "2 cases", or "1 case and 300 member cases of ..." for a lane with a box of
    member cases (``names``: empty for a case, the box's text for member cases)."""
    boxes = [name for name in names if name]
    cases = len(names) - len(boxes)
    return " and ".join(([_cases(cases)] if cases else []) + boxes)


def truncated_note(component: Component) -> str:
    return (
        f"The graph stops at the {component.limit} cases nearest to this one; "
        "the cases at its edge have more links."
    )


def other_links(
    component: Component, case_url: Callable[[str], str], members_url: Callable[[str], str]
) -> list[str]:
    """Return an ``<li>`` for each link that does not touch the current case, its cases
    linked."""
    nodes = {node.key: node for node in component.nodes}
    items = []
    for edge in component.edges:
        if component.current in (edge.source, edge.target):
            continue
        when = f" · {escape(edge.when)}" if edge.when else ""
        source = _linked(nodes[edge.source], case_url, members_url)
        target = _linked(nodes[edge.target], case_url, members_url)
        items.append(f"<li>{source} <strong>{escape(edge.kind)}</strong> {target}{when}</li>")
    return items


def _linked(node: Node, case_url: Callable[[str], str], members_url: Callable[[str], str]) -> str:
    if node.members:
        url = escape(members_url(node.slug))
        return f'<a href="{url}">{escape(node.docket_number)}</a> {escape(node.name)}'
    url = escape(case_url(node.slug))
    label = f"{escape(node.court)} {escape(node.docket_number)}"
    return f'<a href="{url}">{label}</a> ({escape(node.name)})'
