"""The words around the chart: its ``<desc>`` (the facts in one paragraph, for screen readers),
the caption's counts (what is drawn, what is not and where it is), and the legend."""

from __future__ import annotations

from collections import Counter

from cases.charts.facts import Facts, Span
from cases.charts.style import DEADLINE, INK, OUTCOMES, TODAY, look
from cases.html.parts import day
from cases.models import MotionStatus
from tracker.html import escape

_OUTCOME_NAMES = {value: str(label).lower() for value, label in MotionStatus.choices}
TIMELINE_MOTIONS = "?kind=motions#h-timeline"


def plural(count: int, one: str, many: str | None = None) -> str:
    return f"{count} {one if count == 1 else (many or one + 's')}"


def _outcomes(spans: list[Span]) -> str:
    counts = Counter(span.outcome for span in spans)
    order = [outcome for outcome in OUTCOMES if counts[outcome]]
    order += sorted(outcome for outcome in counts if outcome not in OUTCOMES)
    return ", ".join(f"{counts[o]} {_OUTCOME_NAMES.get(o, o)}" for o in order)


def description(facts: Facts, spans: list[Span]) -> str:
    """Return the chart's facts as plain text (escaped by the caller)."""
    parts = [f"{facts.name}: " + (f"filed {day(facts.filed)}." if facts.filed else "")]
    if not facts.filed:
        parts[0] += "filing date not confirmed."
    if facts.statuses:
        changes = "; ".join(f"{mark.label} on {day(mark.on)}" for mark in facts.statuses)
        parts.append(f"Status changes: {changes}.")
    if spans:
        parts.append(f"{plural(len(spans), 'motion')} drawn: {_outcomes(spans)}.")
    if facts.deadlines:
        first = min(mark.on for mark in facts.deadlines)
        parts.append(f"{plural(len(facts.deadlines), 'deadline')} ahead, the next on {day(first)}.")
    parts.append(f"Today is {day(facts.today)}.")
    return " ".join(parts)


def counts(facts: Facts, spans: list[Span]) -> list[str]:
    """Return the caption's sentences, as markup: how many motions and deadlines are drawn,
    what is left out, and where the rest are."""
    found = []
    if facts.motions_cut or len(spans) < len(facts.motions):
        found.append(
            f"{len(spans)} of {plural(facts.motion_total, 'motion')} shown, the latest filed; "
            f'all are in the <a href="{TIMELINE_MOTIONS}">timeline below</a>.'
        )
    elif spans:
        found.append(f"{plural(len(spans), 'motion')} drawn, from filing to ruling.")
    if facts.undated_motions:
        were = "is" if facts.undated_motions == 1 else "are"
        found.append(f"{plural(facts.undated_motions, 'undated motion')} {were} not drawn.")
    if facts.undated_statuses:
        were = "is" if facts.undated_statuses == 1 else "are"
        found.append(f"{plural(facts.undated_statuses, 'undated status change')} {were} not drawn.")
    if facts.deadline_total > len(facts.deadlines):
        found.append(
            f"The next {len(facts.deadlines)} of {facts.deadline_total} deadlines ahead are "
            'drawn; all are under <a href="#h-deadlines">Deadlines</a>.'
        )
    return found


def _swatch(shape: str) -> str:
    return (
        '<svg class="swatch" width="18" height="12" viewBox="0 0 18 12" aria-hidden="true"'
        f' focusable="false">{shape}</svg>'
    )


def legend(facts: Facts, spans: list[Span]) -> str:
    """Return the legend: each outcome drawn, by the name of its colour, then the markers."""
    items = []
    drawn = {span.outcome for span in spans}
    for outcome in [*OUTCOMES, *sorted(drawn - set(OUTCOMES))]:
        if outcome in drawn:
            shown = look(outcome)
            rect = (
                f'<rect x="1" y="2" width="16" height="8" fill="{shown.fill}"'
                f' stroke="{shown.stroke}"/>'
            )
            items.append(f"{_swatch(rect)} {escape(shown.label)}: {escape(shown.colour)} bar")
    if facts.filed:
        dot = f'<circle cx="9" cy="6" r="4" fill="{INK}"/>'
        items.append(f"{_swatch(dot)} Filed: black dot")
    if facts.statuses:
        tick = f'<line x1="9" y1="0" x2="9" y2="12" stroke="{INK}" stroke-width="2"/>'
        items.append(f"{_swatch(tick)} Status change: tick, labelled")
    if facts.deadlines:
        diamond = f'<path d="M9 1 L14 6 L9 11 L4 6 Z" fill="{DEADLINE}"/>'
        items.append(f"{_swatch(diamond)} Deadline ahead: brown diamond")
    dash = (
        f'<line x1="9" y1="0" x2="9" y2="12" stroke="{TODAY}" stroke-width="2"'
        ' stroke-dasharray="3 2"/>'
    )
    items.append(f"{_swatch(dash)} Today: dashed line")
    return '<ul class="chart-legend">' + "".join(f"<li>{item}</li>" for item in items) + "</ul>"
