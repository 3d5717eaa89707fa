"""The related-case graph's ``<figure>``: the SVG and, in words, what the page's list lacks.

A graph whose widest lane has more boxes than a phone's width holds is drawn twice, four boxes
to a row and two (``static/css/site.css`` shows one or the other by the page's width); the
same ``<title>`` and ``<desc>`` go in each. The caption says what the graph shows and what the
list of related cases below it covers (this case's own links), and lists the links among the
other cases, each linked, for screen readers and for the reader without the picture.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from django.utils.safestring import SafeString

from cases.graph.component import build
from cases.graph.layout import NARROW, WIDE, Box, Metrics, lay_out
from cases.graph.parts import COLLAPSE_OVER, CaseGraph, Component
from cases.graph.routes import route
from cases.graph.svg import svg
from cases.graph.text import describe, node_text, other_links, truncated_note
from tracker.html import escape, safe

PREFIX = "related-graph"


def figure(
    graph: CaseGraph, case_url: Callable[[str], str], members_url: Callable[[str], str]
) -> SafeString:
    """Return the figure of ``graph``, each box linked to its case (``case_url(slug)``), a
    box of member cases to its case's list of related cases (``members_url(slug)``)."""
    component = build(graph)
    current = next(node for node in component.nodes if node.key == component.current)
    title = f"Related-case graph of {node_text(current)}"
    desc = describe(component)

    def urls(box: Box) -> str:
        return members_url(box.node.slug) if box.node.members else case_url(box.node.slug)

    widest = max(Counter(node.lane for node in component.nodes).values())
    layouts: list[tuple[str, Metrics]] = [("wide", WIDE)]
    if widest > NARROW.columns:
        layouts.append(("narrow", NARROW))
    drawings = []
    for name, metrics in layouts:
        drawing = lay_out(component, metrics)
        curves, height = route(drawing, component.edges)
        single = len(layouts) == 1
        drawings.append(
            svg(
                drawing,
                curves,
                height,
                prefix=PREFIX if single else f"{PREFIX}-{name}",
                title=title,
                desc=desc,
                urls=urls,
                css_class="graph" if single else f"graph graph-{name}",
            )
        )
    return safe(
        f'<figure class="related-graph"><div class="graph-frame">{"".join(drawings)}</div>'
        f"<figcaption>{_caption(component, case_url, members_url)}</figcaption></figure>"
    )


def _caption(
    component: Component, case_url: Callable[[str], str], members_url: Callable[[str], str]
) -> str:
    count = sum(1 for node in component.nodes if not node.members) - 1
    subject = {0: "This case and its member cases", 1: "This case and the case linked to it"}.get(
        count, f"This case and the {count} cases linked to it, directly or through others"
    )
    text = [
        f"{subject}, by court level: state trial courts at the top, the U.S. Supreme Court at "
        "the bottom; in each lane, in filing order. This case is outlined; each box links to "
        "its case."
    ]
    if any(node.members for node in component.nodes):
        text.append(
            f"The member cases of a case with more than {COLLAPSE_OVER} are one box, linked "
            "to their list."
        )
    if component.truncated:
        text.append(truncated_note(component))
    others = other_links(component, case_url, members_url)
    if others:
        text.append(
            "The list of related cases below gives this case's own links; "
            "the links among the other cases are these:"
        )
    else:
        text.append("The list of related cases below gives the same links.")
    listed = f'<ul class="plain graph-others">{"".join(others)}</ul>' if others else ""
    return f'<p class="meta">{escape(" ".join(text))}</p>{listed}'
