"""The case page's lists, each row built in ``cases.html``:

- ``{% timeline_items events %}``: a case's timeline (``<li>`` each);
- ``{% motion_rows motions %}``: the motions with their movants and decisions;
- ``{% related_items related %}``: related cases, each with how it relates;
- ``{% party_groups groups %}``: the parties by role, each group with its counsel.
- ``{% related_graph graph %}``: the related-case graph (``cases.graph``), or nothing.
- ``{% timeline_chart case chart_motions status_history deadlines count %}``: the timeline
  chart (``cases.charts``), from the rows the page already shows.

The two pictures are drawn once per worker for the same rows (``tracker.memo.Recent``, keyed by
the rows themselves): a case page seen again costs its queries, not its drawings.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import template
from django.urls import get_script_prefix, get_urlconf
from django.utils.safestring import SafeString

from cases.charts.facts import chart_facts
from cases.charts.svg import chart_figure
from cases.deadlines.today import court_today
from cases.graph.figure import figure as graph_figure
from cases.html.motions import motion_row
from cases.html.parties import party_group
from cases.html.parts import english
from cases.html.related import related_item
from cases.html.timeline import timeline_item
from cases.models import CaseEvent, Motion
from tracker.html import join
from tracker.links import slug_urls
from tracker.memo import Recent

register = template.Library()

# Each at most some 40 KB of markup: a worker keeps at most 10 MB of drawings.
DRAWINGS = 128
charts: Recent[SafeString] = Recent(DRAWINGS)
graphs: Recent[SafeString] = Recent(DRAWINGS)


@register.simple_tag
def timeline_items(events: Iterable[CaseEvent]) -> SafeString:
    plain = english()
    return join(timeline_item(event, plain) for event in events)


@register.simple_tag
def motion_rows(motions: Iterable[Motion]) -> SafeString:
    plain = english()
    return join(motion_row(motion, plain) for motion in motions)


@register.simple_tag
def related_items(related: Iterable[Any]) -> SafeString:
    """Return the related cases (``Related``), linked."""
    case_url, plain = slug_urls("case-detail"), english()
    return join(related_item(item, case_url, plain) for item in related)


@register.simple_tag
def party_groups(groups: Iterable[Any]) -> SafeString:
    """Return the parties of a case by role (``RoleGroup``s): the parties linked, with their
    notes and termination dates, then each group's counsel."""
    party_url, plain = slug_urls("party-detail"), english()
    return join(party_group(group, party_url, plain) for group in groups)


@register.simple_tag
def timeline_chart(
    case: Any, motions: Any, status_changes: Iterable[Any], deadlines: Iterable[Any], count: int
) -> SafeString:
    """Return the case's timeline chart: ``motions`` from ``selectors.chart_motions``, the
    status history and the next open deadlines (and their count) the page lists. Today is the
    court's."""
    facts = chart_facts(case, motions, status_changes, deadlines, count, court_today(case.court))
    return charts.get(repr(facts), lambda: chart_figure(facts))


@register.simple_tag
def related_graph(graph: Any) -> SafeString:
    """Return the figure of a case's related-case graph (``selectors.case_graph``), its boxes
    linked to their cases; nothing for no graph (a case without links)."""
    if graph is None:
        return join([])
    key = (graph, get_script_prefix(), get_urlconf())
    return graphs.get(
        key, lambda: graph_figure(graph, slug_urls("case-detail"), slug_urls("case-related"))
    )
