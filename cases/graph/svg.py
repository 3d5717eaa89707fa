"""Draw a laid-out graph as SVG markup: lanes, arrows, linked boxes, labels.

Styled by presentation attributes (the Content-Security-Policy forbids ``style``), with classes
for what ``static/css/site.css`` adds (focus, hover, the size on the page). Every text and
attribute value goes through ``escape`` of ``tracker.html``.
"""

from __future__ import annotations

from collections.abc import Callable

from cases.graph.layout import COURT_SIZE, DOCKET_SIZE, NAME_SIZE, PAD, TEXT_PAD, Box, Drawing
from cases.graph.routes import LABEL_SIZE, Curve
from tracker.html import escape

INK, MUTED, LINE, SOFT, ACCENT, ACCENT_SOFT = (
    "#1b1f23",
    "#57606a",
    "#8c959f",
    "#f6f8fa",
    "#1f4e79",
    "#e8f0f8",
)


def _n(value: float) -> str:
    """Return a coordinate, to the pixel."""
    return str(round(value))


def svg(
    drawing: Drawing,
    curves: tuple[Curve, ...],
    height: float,
    *,
    prefix: str,
    title: str,
    desc: str,
    urls: Callable[[Box], str],
    css_class: str,
) -> str:
    """Return the ``<svg>`` element; ``prefix`` makes its ids unique in the page, ``urls``
    gives each box's address."""
    width = _n(drawing.width)
    tall = _n(height)
    arrow = f"{prefix}-arrow"
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="{escape(css_class)}" '
        f'viewBox="0 0 {width} {tall}" width="{width}" height="{tall}" role="img" '
        f'aria-labelledby="{escape(prefix)}-title {escape(prefix)}-desc" '
        f'font-family="system-ui, -apple-system, Segoe UI, Roboto, Arial, sans-serif">'
        f'<title id="{escape(prefix)}-title">{escape(title)}</title>'
        f'<desc id="{escape(prefix)}-desc">{escape(desc)}</desc>'
        f'<defs><marker id="{escape(arrow)}" viewBox="0 0 10 10" refX="9" refY="5" '
        f'markerWidth="7" markerHeight="7" orient="auto-start-reverse">'
        f'<path d="M0 0L10 5L0 10z" fill="{MUTED}"/></marker></defs>'
    )
    return "".join(
        [
            head,
            _bands(drawing),
            _arrows(curves, arrow),
            _lane_names(drawing),
            *(_box(box, urls(box)) for box in drawing.boxes),
            _labels(curves),
            "</svg>",
        ]
    )


def _bands(drawing: Drawing) -> str:
    parts = ['<g class="graph-lanes">']
    for band in drawing.bands:
        parts.append(
            f'<rect x="0" y="{_n(band.y)}" width="{_n(drawing.width)}" height="{_n(band.h)}" '
            f'fill="{SOFT}"/>'
        )
    parts.append("</g>")
    return "".join(parts)


def _lane_names(drawing: Drawing) -> str:
    """Return the lanes' names, over any arrow that passes them (with a halo of the lane's
    colour)."""
    parts = [
        f'<g class="graph-lane-names" font-size="11" font-weight="600" fill="{MUTED}" '
        f'stroke="{SOFT}" stroke-width="4" stroke-linejoin="round" paint-order="stroke">'
    ]
    for band in drawing.bands:
        parts.append(f'<text x="{PAD}" y="{_n(band.y + 15)}">{escape(band.name)}</text>')
    parts.append("</g>")
    return "".join(parts)


def _arrows(curves: tuple[Curve, ...], arrow: str) -> str:
    parts = [f'<g class="graph-links" fill="none" stroke="{MUTED}" stroke-width="1.4">']
    for curve in curves:
        start = f"M{_n(curve.path[0][0])} {_n(curve.path[0][1])}"
        bends = "".join(
            "C{} {} {} {} {} {}".format(*(_n(v) for v in cubic[2:])) for cubic in curve.path
        )
        parts.append(f'<path d="{start}{bends}" marker-end="url(#{escape(arrow)})"/>')
    parts.append("</g>")
    return "".join(parts)


def _box(box: Box, url: str) -> str:
    node = box.node
    court, docket, name = (escape(line) for line in box.lines)
    x, text_x = _n(box.x), _n(box.x + TEXT_PAD)
    look = (
        f'fill="{ACCENT_SOFT}" stroke="{ACCENT}" stroke-width="2.5"'
        if node.current
        else f'fill="#fff" stroke="{LINE}" stroke-width="1"'
    )
    if node.members:
        look += ' stroke-dasharray="5 3"'
    classes = "graph-case current" if node.current else "graph-case"
    return (
        f'<a href="{escape(url)}" class="{classes}"><title>{escape(node.title)}</title>'
        f'<rect x="{x}" y="{_n(box.y)}" width="{_n(box.w)}" height="{_n(box.h)}" rx="6" {look}/>'
        f'<text x="{text_x}" y="{_n(box.y + 16)}" font-size="{COURT_SIZE}" fill="{MUTED}">'
        f"{court}</text>"
        f'<text x="{text_x}" y="{_n(box.y + 32)}" font-size="{DOCKET_SIZE}" font-weight="700" '
        f'fill="{ACCENT}">{docket}</text>'
        f'<text x="{text_x}" y="{_n(box.y + 48)}" font-size="{NAME_SIZE}" fill="{INK}">'
        f"{name}</text></a>"
    )


def _labels(curves: tuple[Curve, ...]) -> str:
    parts = [
        f'<g class="graph-labels" font-size="{LABEL_SIZE}" fill="{INK}" text-anchor="middle" '
        'stroke="#fff" stroke-width="4" stroke-linejoin="round" paint-order="stroke">'
    ]
    for curve in curves:
        parts.append(
            f'<text x="{_n(curve.label_x)}" y="{_n(curve.label_y)}">{escape(curve.label)}</text>'
        )
    parts.append("</g>")
    return "".join(parts)
