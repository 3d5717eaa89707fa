"""The timeline chart as markup: an SVG strip (labels of the filing, status changes and today
above; motions as bars packed into rows; deadlines ahead as diamonds; the date axis below) in
a ``<figure>`` with its caption and legend.

Every text goes through ``escape`` (``tracker.html``); numbers and the colours of ``style`` are the
only other values printed. No script and no inline style: presentation attributes only.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.safestring import SafeString

from cases.charts import caption
from cases.charts.facts import Facts, Mark, Span
from cases.charts.scale import TimeScale, domain, pack, text_width, ticks
from cases.charts.style import (
    BAR,
    BAR_LABEL,
    DEADLINE,
    FONT,
    GRID,
    HATCH,
    INK,
    LABEL_ROW,
    LABELLED_BARS,
    LEFT,
    MAX_LABEL_ROWS,
    MAX_ROWS,
    MAX_TICKS,
    MIN_BAR,
    MUTED,
    RIGHT,
    ROW,
    TODAY,
    WIDTH,
    look,
)
from cases.html.parts import day
from cases.models import MotionStatus
from tracker.html import escape, join

_STATUS = dict(MotionStatus.choices)


def n(value: float) -> str:
    """Return a coordinate with at most one decimal."""
    return f"{value:.1f}".removesuffix(".0")


@dataclass(frozen=True)
class Marker:
    """A vertical guide with a label above the bars: the filing, a status change, today."""

    x: float
    label: str
    title: str
    kind: str  # filed, status or today


@dataclass(frozen=True)
class Bar:
    """A motion's bar: its row, where it starts and ends, and where its label goes (if any)."""

    span: Span
    row: int
    start: float
    end: float
    label: str = ""
    label_x: float = 0.0
    anchor: str = "start"


@dataclass(frozen=True)
class Layout:
    scale: TimeScale
    markers: list[Marker]
    label_rows: list[int]
    bars: list[Bar]
    bar_rows: int

    @property
    def lanes_top(self) -> float:
        rows = min(max(self.label_rows, default=0) + 1, MAX_LABEL_ROWS)
        return 4 + rows * LABEL_ROW + 4

    def deadline_y(self) -> float:
        return self.lanes_top + self.bar_rows * ROW + 8

    def axis_y(self, deadlines: bool) -> float:
        return self.deadline_y() + (10 if deadlines else -4)


def _label_box(x: float, text: str, size: float = FONT) -> tuple[float, float]:
    """Return where a marker's label spans: right of the guide, or left of it at the edge."""
    width = text_width(text, size) + 4
    return (x, x + width) if x + width <= RIGHT else (x - width, x)


def short(text: str, length: int = BAR_LABEL) -> str:
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def _bars(facts: Facts, scale: TimeScale) -> list[Bar]:
    """Return the bars packed into rows (those past ``MAX_ROWS`` left out). A few motions are
    labelled with their titles: after the bar, or before it at the right edge, or not at all
    when neither side has room; many motions are not labelled."""
    labelled = len(facts.motions) <= LABELLED_BARS
    found = []
    for span in facts.motions:
        start = scale.x(span.start)
        end = max(scale.x(span.end), start + MIN_BAR)
        label = short(span.title) if labelled else ""
        width = text_width(label, FONT - 2) + 4
        if label and end + width <= RIGHT:
            found.append(Bar(span, 0, start, end, label, end + 3, "start"))
        elif label and start - width >= LEFT:
            found.append(Bar(span, 0, start, end, label, start - 3, "end"))
        else:
            found.append(Bar(span, 0, start, end))
    rows = pack([_reach(bar) for bar in found], gap=3)
    return [
        Bar(bar.span, row, bar.start, bar.end, bar.label, bar.label_x, bar.anchor)
        for bar, row in zip(found, rows, strict=True)
        if row < MAX_ROWS
    ]


def _reach(bar: Bar) -> tuple[float, float]:
    """Return how far a bar and its label reach across its row."""
    width = text_width(bar.label, FONT - 2) + 4 if bar.label else 0.0
    if bar.anchor == "end":
        return (bar.start - width, bar.end)
    return (bar.start, bar.end + width)


def layout(facts: Facts) -> Layout:
    """Return the chart's geometry: the scale over every date drawn, the markers and their
    label rows, the bars (those past ``MAX_ROWS`` rows left out) and their rows."""
    scale = TimeScale(*domain(facts.dates()), LEFT, RIGHT)
    markers = []
    if facts.filed:
        markers.append(Marker(scale.x(facts.filed), "Filed", f"Filed {day(facts.filed)}", "filed"))
    for mark in facts.statuses:
        markers.append(
            Marker(scale.x(mark.on), mark.label, f"{mark.title}, {day(mark.on)}", "status")
        )
    markers.append(Marker(scale.x(facts.today), "Today", f"Today, {day(facts.today)}", "today"))
    label_rows = pack([_label_box(m.x, m.label) for m in markers], gap=8)
    bars = _bars(facts, scale)
    bar_rows = max((bar.row for bar in bars), default=-1) + 1
    return Layout(scale, markers, label_rows, bars, bar_rows)


def _marker(marker: Marker, row: int, box: Layout, axis: float) -> str:
    """Return a marker's guide down to the axis, its sign on the axis and its label."""
    baseline = 4 + (row + 1) * LABEL_ROW - 5 if row < MAX_LABEL_ROWS else box.lanes_top - 4
    x, title = n(marker.x), f"<title>{escape(marker.title)}</title>"
    stroke = {"filed": INK, "status": MUTED, "today": TODAY}[marker.kind]
    dash = {"filed": "", "status": ' stroke-dasharray="2 3"', "today": ' stroke-dasharray="4 3"'}
    parts = [
        f'<line x1="{x}" y1="{n(baseline + 4)}" x2="{x}" y2="{n(axis)}" stroke="{stroke}"'
        f' stroke-width="{1.5 if marker.kind == "today" else 1}"{dash[marker.kind]}>{title}</line>'
    ]
    if marker.kind == "filed":
        parts.append(f'<circle cx="{x}" cy="{n(axis)}" r="4.5" fill="{INK}">{title}</circle>')
    elif marker.kind == "status":
        parts.append(
            f'<line x1="{x}" y1="{n(axis - 7)}" x2="{x}" y2="{n(axis + 7)}" stroke="{INK}"'
            f' stroke-width="2">{title}</line>'
        )
    if row < MAX_LABEL_ROWS:
        left, right = _label_box(marker.x, marker.label)
        anchor, at = ("start", left + 3) if left == marker.x else ("end", right - 3)
        fill = TODAY if marker.kind == "today" else INK
        parts.append(
            f'<text x="{n(at)}" y="{n(baseline)}" text-anchor="{anchor}" fill="{fill}">'
            f"{escape(marker.label)}</text>"
        )
    return "".join(parts)


def bar_title(span: Span) -> str:
    """Return what a bar's ``<title>`` says: the motion, its kind, its dates and outcome."""
    days = (span.end - span.start).days
    if span.pending:
        when = f"pending, {days} days so far"
    else:
        verb = "withdrawn" if span.outcome == MotionStatus.WITHDRAWN else "decided"
        when = f"{verb} {day(span.end)} ({days} days)"
    outcome = _STATUS.get(span.outcome, span.outcome)
    return f"{span.title} ({span.kind}). Filed {day(span.start)}, {when}. Outcome: {outcome}."


def _bar(bar: Bar, top: float) -> str:
    span, y = bar.span, top + bar.row * ROW
    shown = look(span.outcome)
    label = (
        f'<text x="{n(bar.label_x)}" y="{n(y + BAR - 1)}" text-anchor="{bar.anchor}"'
        f' font-size="{FONT - 2}" fill="{INK}">{escape(bar.label)}</text>'
        if bar.label
        else ""
    )
    return (
        f'<g class="motion {escape(span.outcome)}"><title>{escape(bar_title(span))}</title>'
        f'<rect x="{n(bar.start)}" y="{n(y)}" width="{n(bar.end - bar.start)}" height="{BAR}"'
        f' rx="2" fill="{shown.fill}" stroke="{shown.stroke}"/>{label}</g>'
    )


def _deadline(mark: Mark, x: float, y: float) -> str:
    path = f"M{n(x)} {n(y - 6)} L{n(x + 6)} {n(y)} L{n(x)} {n(y + 6)} L{n(x - 6)} {n(y)} Z"
    title = f"{mark.title}, due {day(mark.on)}"
    return (
        f'<path class="deadline" d="{path}" fill="{DEADLINE}"><title>{escape(title)}</title></path>'
    )


def _axis(box: Layout, axis: float) -> str:
    """Return the gridlines of the ticks, the axis and the tick labels."""
    parts = []
    for tick in ticks(box.scale.start, box.scale.end, MAX_TICKS):
        x = box.scale.x(tick.on)
        half = text_width(tick.label, FONT - 1) / 2
        anchor = "start" if x - half < LEFT else "end" if x + half > RIGHT else "middle"
        weight = ' font-weight="600"' if tick.major else ""
        parts.append(
            f'<line x1="{n(x)}" y1="{n(box.lanes_top)}" x2="{n(x)}" y2="{n(axis)}"'
            f' stroke="{GRID}"/>'
            f'<line x1="{n(x)}" y1="{n(axis)}" x2="{n(x)}" y2="{n(axis + 5)}" stroke="{MUTED}"/>'
            f'<text x="{n(x)}" y="{n(axis + 19)}" text-anchor="{anchor}" font-size="{FONT - 1}"'
            f' fill="{MUTED}"{weight}>'
            f"{escape(tick.label)}</text>"
        )
    parts.append(f'<line x1="{LEFT}" y1="{n(axis)}" x2="{RIGHT}" y2="{n(axis)}" stroke="{INK}"/>')
    return "".join(parts)


def chart_svg(facts: Facts, box: Layout) -> str:
    """Return the ``<svg>``: labelled by its title and its description of the facts."""
    spans = [bar.span for bar in box.bars]
    axis = box.axis_y(bool(facts.deadlines))
    height = axis + 28
    title = f"Timeline of {facts.name}"
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="timeline-svg" viewBox="0 0 {WIDTH}'
        f' {n(height)}" width="{WIDTH}" height="{n(height)}" role="img"'
        f' aria-labelledby="tc-title tc-desc" font-size="{FONT}">'
        f'<title id="tc-title">{escape(title)}</title>'
        f'<desc id="tc-desc">{escape(caption.description(facts, spans))}</desc>'
        f"<defs>{HATCH}</defs>",
        _axis(box, axis),
    ]
    parts += [
        _marker(m, row, box, axis) for m, row in zip(box.markers, box.label_rows, strict=True)
    ]
    parts += [_bar(bar, box.lanes_top) for bar in box.bars]
    parts += [_deadline(mark, box.scale.x(mark.on), box.deadline_y()) for mark in facts.deadlines]
    return "".join(parts) + "</svg>"


def chart_figure(facts: Facts) -> SafeString:
    """Return the chart in a ``<figure>``, with the caption's counts and the legend; a line
    saying there is nothing to draw when no fact of the case is dated."""
    if not (facts.filed or facts.statuses or facts.motions or facts.deadlines):
        left_out = " ".join(caption.counts(facts, []))
        return join([f'<p class="muted">No dated facts to chart yet. {left_out}</p>'])
    box = layout(facts)
    spans = [bar.span for bar in box.bars]
    sentences = " ".join(caption.counts(facts, spans))
    return join(
        [
            '<figure class="timeline-chart">',
            '<div class="chart-scroll" tabindex="0" role="group"'
            ' aria-label="Timeline chart (scrolls sideways on a narrow screen)">',
            chart_svg(facts, box),
            "</div><figcaption>",
            f'<p class="meta">{sentences}</p>' if sentences else "",
            caption.legend(facts, spans),
            "</figcaption></figure>",
        ]
    )
