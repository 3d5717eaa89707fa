"""The analytics' bar chart: one stacked horizontal bar per group, its decided motions by outcome.

Server-side SVG, no script: every bar is 100% of the group's decided motions, each segment an
outcome, with a ``<title>`` saying it in words ("12 of 40 decided motions granted (30%)"); the
legend names the colours in text; the chart's ``<title>`` and ``<desc>`` say what it shows, and
the table beside it has the same figures. Colours are presentation attributes (the site's
Content-Security-Policy allows no inline style). Every text goes through ``tracker.html``.
"""

from __future__ import annotations

from collections.abc import Sequence

from django.utils.safestring import SafeString

from cases.analytics.groups import Group
from cases.analytics.outcomes import COLOURS, DECIDED, LABELS
from tracker.html import attrs, escape, join

LABEL_WIDTH = 230
BAR_WIDTH = 400
NOTE_WIDTH = 150
WIDTH = LABEL_WIDTH + BAR_WIDTH + NOTE_WIDTH
ROW = 22
BAR = 15
LEGEND = 30
GAP = 8
LABEL_CHARACTERS = 34  # a longer name is cut, whole in the label's <title>
CHARACTER_WIDTH = 7  # about, at the chart's 12px: enough to space the legend's entries


def _cut(text: str) -> str:
    return text if len(text) <= LABEL_CHARACTERS else text[: LABEL_CHARACTERS - 1] + "…"


def _legend() -> list[str]:
    parts, x = ['<g class="legend">'], LABEL_WIDTH
    for status in DECIDED:
        label = LABELS[status]
        square = {"x": x, "y": 8, "width": 12, "height": 12, "fill": COLOURS[status]}
        parts.append(f"<rect{attrs(square)}></rect>")
        parts.append(f"<text{attrs({'x': x + 16, 'y': 18})}>{escape(label)}</text>")
        x += 16 + len(label) * CHARACTER_WIDTH + 14
    parts.append("</g>")
    return parts


def _segments(group: Group, y: int) -> list[str]:
    decided = group.decided
    if not decided:
        empty = {"x": LABEL_WIDTH, "y": y, "width": BAR_WIDTH, "height": BAR, "fill": "none"}
        title = f"{group.label}: no decided motions"
        return [
            f'<rect{attrs(empty)} stroke="#8c8c8c" stroke-dasharray="4 3">'
            f"<title>{escape(title)}</title></rect>"
        ]
    parts, done, label = [], 0, escape(group.label)
    for cell in group.cells:
        if not cell.count:
            continue
        start = LABEL_WIDTH + BAR_WIDTH * done / decided
        done += cell.count
        end = LABEL_WIDTH + BAR_WIDTH * done / decided
        # Numbers formatted here and a colour of COLOURS: only the title is text to escape.
        parts.append(
            f'<rect x="{start:.1f}" y="{y}" width="{end - start:.1f}" height="{BAR}" '
            f'fill="{COLOURS[cell.outcome]}"><title>{label}: {escape(cell.sentence)}</title></rect>'
        )
    return parts


def _row(group: Group, index: int) -> list[str]:
    y = LEGEND + GAP + index * ROW
    text_y = y + BAR - 3
    apart = f", {group.pending} pending" if group.pending else ""
    return [
        f'<g><text x="{LABEL_WIDTH - 8}" y="{text_y}" text-anchor="end">'
        f"<title>{escape(group.label)}</title>{escape(_cut(group.label))}</text>",
        *_segments(group, y),
        f'<text x="{LABEL_WIDTH + BAR_WIDTH + 8}" y="{text_y}" class="note">'
        f"{group.decided} decided{apart}</text></g>",
    ]


def outcome_chart(groups: Sequence[Group], *, chart_id: str, title: str) -> SafeString:
    """Return the SVG of ``groups`` (nothing when there are none); ``chart_id`` names it."""
    if not groups:
        return join([])
    height = LEGEND + GAP + len(groups) * ROW
    svg = {
        "class": "outcome-chart",
        "xmlns": "http://www.w3.org/2000/svg",
        "viewBox": f"0 0 {WIDTH} {height}",
        "width": WIDTH,
        "height": height,
        "role": "img",
        "aria-labelledby": f"{chart_id}-title {chart_id}-desc",
        "font-size": 12,
    }
    description = (
        f"{len(groups)} bars, one per group, each the group's decided motions split by outcome "
        "(granted, granted in part, denied, moot, outcome unknown); the table below has the "
        "same figures."
    )
    return join(
        [
            f"<svg{attrs(svg)}>",
            f'<title id="{escape(chart_id)}-title">{escape(title)}</title>',
            f'<desc id="{escape(chart_id)}-desc">{escape(description)}</desc>',
            *_legend(),
            *(part for index, group in enumerate(groups) for part in _row(group, index)),
            "</svg>",
        ]
    )
