"""The arrows between the boxes of a ``Drawing``, and where their labels go.

An arrow leaves its case's box at the bottom when the other case is lower down (at the top when
it is higher), and enters the other box at the side facing it; the ends on one side of a box are
spread along it in the order of the boxes at their other ends, so that arrows do not cross
there. Between adjacent rows it is one S-shaped cubic curve; across rows in between it bends
into a free channel (between two columns, or right of them all) at the first gap, runs down it
past the boxes, and bends out at the last gap. Two boxes in one row are joined by an arc below
them. A label is written in a gap between rows that its arrow crosses (never over a box), on
one of the gap's two lines where it overlaps no label already placed (the least crowded when
none is free), near the arrow's middle.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from cases.graph.layout import GAP, PAD, Box, Drawing
from cases.graph.measure import fit, text_width
from cases.graph.parts import Edge

LABEL_SIZE = 11
SLOTS = (14, 31)  # the baselines of a gap's two lines of labels, below its top
ARC_DEPTH = 30
CLEAR = 6  # how far a channel keeps from a box's side
SHIFTS = (0, 4, -4, 8, -8)  # arrows sharing a channel, side by side

Cubic = tuple[float, float, float, float, float, float, float, float]


@dataclass(frozen=True)
class Curve:
    edge: Edge
    path: tuple[Cubic, ...]  # cubic Bézier curves, end to end, from the source to the target
    label: str
    label_x: float  # the label's middle
    label_y: float  # its baseline


def route(drawing: Drawing, edges: tuple[Edge, ...]) -> tuple[tuple[Curve, ...], float]:
    """Return the curves of ``edges`` and the drawing's height (the last gap dropped when no
    arc or label uses it)."""
    boxes = {box.node.key: box for box in drawing.boxes}
    drawn = [edge for edge in edges if edge.source in boxes and edge.target in boxes]
    ends = _ends(drawn, boxes)
    rows: dict[int, list[Box]] = defaultdict(list)
    for box in drawing.boxes:
        rows[box.row].append(box)
    taken: dict[tuple[int, int], list[tuple[float, float]]] = defaultdict(list)
    channels: dict[float, list[range]] = defaultdict(list)
    curves = []
    for n, edge in enumerate(drawn):
        a, b = boxes[edge.source], boxes[edge.target]
        path = _path(drawing, rows, a, b, ends[n, 0], ends[n, 1], channels)
        label = fit(edge.label, drawing.width - 2 * PAD, LABEL_SIZE)
        x, y = _place(drawing, path, min(a.row, b.row), max(a.row, b.row), label, taken)
        curves.append(Curve(edge, path, label, x, y))
    last = len(drawing.gaps) - 1
    used = any(gap == last and spans for (gap, _), spans in taken.items()) or any(
        boxes[c.edge.source].row == boxes[c.edge.target].row == last for c in curves
    )
    height = drawing.height if used else drawing.height - GAP + PAD
    return tuple(curves), height


def _ends(edges: list[Edge], boxes: dict[str, Box]) -> dict[tuple[int, int], tuple[float, float]]:
    """Return where each arrow leaves (``(n, 0)``) and enters (``(n, 1)``) its boxes."""
    sides: dict[tuple[str, str], list[tuple[float, int, int]]] = defaultdict(list)
    for n, edge in enumerate(edges):
        a, b = boxes[edge.source], boxes[edge.target]
        sides[a.node.key, "bottom" if a.row <= b.row else "top"].append((b.cx, n, 0))
        sides[b.node.key, "top" if a.row < b.row else "bottom"].append((a.cx, n, 1))
    ends = {}
    for (key, side), found in sides.items():
        box = boxes[key]
        found.sort()
        y = box.y + box.h if side == "bottom" else box.y
        for i, (_, n, end) in enumerate(found):
            ends[n, end] = (box.x + box.w * (0.15 + 0.7 * (i + 0.5) / len(found)), y)
    return ends


def _path(
    drawing: Drawing,
    rows: dict[int, list[Box]],
    a: Box,
    b: Box,
    start: tuple[float, float],
    end: tuple[float, float],
    channels: dict[float, list[range]],
) -> tuple[Cubic, ...]:
    """Return the curves from ``start`` on box ``a`` to ``end`` on box ``b``."""
    (x0, y0), (x3, y3) = start, end
    if a.row == b.row:
        return ((x0, y0, x0, y0 + ARC_DEPTH, x3, y3 + ARC_DEPTH, x3, y3),)
    down = a.row < b.row
    (xt, yt), (xb, yb) = (start, end) if down else (end, start)
    upper, lower = (a.row, b.row) if down else (b.row, a.row)
    if lower == upper + 1:
        path: tuple[Cubic, ...] = (_s(xt, yt, xb, yb),)
    else:
        between = range(upper + 1, lower)
        enter, leave = rows[upper + 1][0].y, rows[lower - 1][0].y + rows[lower - 1][0].h
        x = _channel(drawing, rows, between, xt, xb, channels)
        past = (x, enter, x, enter, x, leave, x, leave)
        path = (_s(xt, yt, x, enter), past, _s(x, leave, xb, yb))
    if down:
        return path
    return tuple((c[6], c[7], c[4], c[5], c[2], c[3], c[0], c[1]) for c in reversed(path))


def _s(x0: float, y0: float, x1: float, y1: float) -> Cubic:
    middle = (y0 + y1) / 2
    return (x0, y0, x0, middle, x1, middle, x1, y1)


def _channel(
    drawing: Drawing,
    rows: dict[int, list[Box]],
    between: range,
    xt: float,
    xb: float,
    channels: dict[float, list[range]],
) -> float:
    """Return the x of a line past the boxes of the rows ``between``, near the two ends."""

    def free(x: float) -> bool:
        return not any(
            box.x - CLEAR < x < box.x + box.w + CLEAR for row in between for box in rows[row]
        )

    candidates = [x for x in (xt, xb, *drawing.channels) if free(x)] or [drawing.channels[-1]]
    x = min(candidates, key=lambda x: (abs(x - xt) + abs(x - xb), x))
    sharing = sum(1 for used in channels[x] if set(used) & set(between))
    channels[x].append(between)
    shift = SHIFTS[min(sharing, len(SHIFTS) - 1)]
    return x + shift if free(x + shift) else x


def _place(
    drawing: Drawing,
    path: tuple[Cubic, ...],
    top_row: int,
    bottom_row: int,
    label: str,
    taken: dict[tuple[int, int], list[tuple[float, float]]],
) -> tuple[float, float]:
    """Return the middle and baseline of ``label`` in a gap the curve crosses, and note the
    room it takes in ``taken`` (by gap and line)."""
    half = text_width(label, LABEL_SIZE) / 2 + 3
    if top_row == bottom_row:  # an arc: in the gap below the row, its lower line first
        candidates = [(top_row, 1), (top_row, 0)]
    else:
        middle = (path[0][1] + path[-1][7]) / 2
        crossed = sorted(
            range(top_row, bottom_row), key=lambda g: abs(sum(drawing.gaps[g]) / 2 - middle)
        )
        candidates = [(gap, line) for gap in crossed for line in (0, 1)]
    spots = []
    for gap, line in candidates:
        y = drawing.gaps[gap][0] + SLOTS[line]
        x = _x_at(path, y) if top_row != bottom_row else (path[0][0] + path[0][6]) / 2
        x = min(max(x, PAD + half), drawing.width - PAD - half)
        overlap = sum(
            max(0.0, min(x + half, right) - max(x - half, left)) for left, right in taken[gap, line]
        )
        spots.append((overlap, len(spots), gap, line, x, y))
        if not overlap:
            break
    _, _, gap, line, x, y = min(spots)  # the first free spot, or the least crowded
    taken[gap, line].append((x - half, x + half))
    return x, y


def _x_at(path: tuple[Cubic, ...], y: float) -> float:
    """Return the x of the path where it is at height ``y`` (each curve's height is
    monotonic; a straight run down a channel has one x)."""
    curve = next((c for c in path if min(c[1], c[7]) <= y <= max(c[1], c[7])), path[len(path) // 2])
    x0, y0, x1, y1, x2, y2, x3, y3 = curve
    if x0 == x1 == x2 == x3:
        return x0
    lo, hi = 0.0, 1.0
    rising = y3 < y0
    for _ in range(16):  # to 1/65536 of the curve: well under a pixel
        t = (lo + hi) / 2
        s = 1 - t
        at = s * s * s * y0 + 3 * s * s * t * y1 + 3 * s * t * t * y2 + t * t * t * y3
        if (at < y) != rising:
            lo = t
        else:
            hi = t
    return _at(curve, (lo + hi) / 2, 0)


def _at(curve: Cubic, t: float, axis: int) -> float:
    p0, p1, p2, p3 = curve[axis], curve[2 + axis], curve[4 + axis], curve[6 + axis]
    s = 1 - t
    return s * s * s * p0 + 3 * s * s * t * p1 + 3 * s * t * t * p2 + t * t * t * p3
