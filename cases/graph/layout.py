"""Lay the boxes out in lanes: pure functions from a ``Component`` to a ``Drawing``.

Each lane (a court level present in the component) is a band across the drawing, top to bottom
in ``LANES`` order, its name at its top left. Its boxes follow in filing order, left to right,
``columns`` to a row (a lane with more boxes has more rows). Between rows lie the gaps where the
arrows' labels go (``routes``).
"""

from __future__ import annotations

from dataclasses import dataclass

from cases.graph.measure import fit
from cases.graph.parts import LANE_NAMES, Component, Node

PAD = 10
LANE_HEAD = 22  # the lane's name, above its first row
BAND_PAD = 8  # below the lane's last row
GAP = 40  # between two rows, and between two lanes: room for two lines of labels
BOX_H = 56
COURT_SIZE, DOCKET_SIZE, NAME_SIZE = 11, 12.5, 12
TEXT_PAD = 8
MIN_WIDTH = 300


@dataclass(frozen=True)
class Metrics:
    columns: int
    box_w: int
    col_gap: int


WIDE = Metrics(columns=4, box_w=186, col_gap=28)
NARROW = Metrics(columns=2, box_w=160, col_gap=20)


@dataclass(frozen=True)
class Box:
    node: Node
    x: float
    y: float
    w: float
    h: float
    row: int  # rows counted from the top of the drawing
    lines: tuple[str, str, str]  # court, docket number, name: cut to fit

    @property
    def cx(self) -> float:
        return self.x + self.w / 2


@dataclass(frozen=True)
class Band:
    key: str
    name: str
    y: float
    h: float


@dataclass(frozen=True)
class Drawing:
    width: float
    height: float
    bands: tuple[Band, ...]
    boxes: tuple[Box, ...]
    gaps: tuple[tuple[float, float], ...]  # below each row: (top, bottom)
    channels: tuple[float, ...]  # x of the free lanes between columns, and right of them all


def rows_of(nodes: tuple[Node, ...], columns: int) -> list[tuple[str, list[Node]]]:
    """Return the rows, top to bottom: each a lane's key and at most ``columns`` of its boxes,
    in the nodes' order (lane by lane, filing order)."""
    rows: list[tuple[str, list[Node]]] = []
    for node in nodes:
        if not rows or rows[-1][0] != node.lane or len(rows[-1][1]) >= columns:
            rows.append((node.lane, []))
        rows[-1][1].append(node)
    return rows


def lay_out(component: Component, metrics: Metrics = WIDE) -> Drawing:
    """Return the bands, boxes and label gaps of ``component``, and the drawing's size."""
    rows = rows_of(component.nodes, metrics.columns)
    widest = max((len(nodes) for _, nodes in rows), default=1)
    step = metrics.box_w + metrics.col_gap
    width = max(MIN_WIDTH, 2 * PAD + widest * step - metrics.col_gap)
    bands: list[Band] = []
    boxes: list[Box] = []
    gaps: list[tuple[float, float]] = []
    y = PAD
    for row, (lane, nodes) in enumerate(rows):
        new_lane = row == 0 or rows[row - 1][0] != lane
        if new_lane:
            bands.append(Band(lane, LANE_NAMES.get(lane, lane), y, 0))
            y += LANE_HEAD
        for column, node in enumerate(nodes):
            x = PAD + column * step
            boxes.append(Box(node, x, y, metrics.box_w, BOX_H, row, _lines(node, metrics)))
        y += BOX_H
        last_of_lane = row == len(rows) - 1 or rows[row + 1][0] != lane
        if last_of_lane:
            y += BAND_PAD
            band = bands[-1]
            bands[-1] = Band(band.key, band.name, band.y, y - band.y)
        gaps.append((y, y + GAP))
        y += GAP
    channels = [PAD + n * step - metrics.col_gap / 2 for n in range(1, widest)]
    channels.append((PAD + widest * step - metrics.col_gap + width) / 2)
    return Drawing(width, y, tuple(bands), tuple(boxes), tuple(gaps), tuple(channels))


def _lines(node: Node, metrics: Metrics) -> tuple[str, str, str]:
    room = metrics.box_w - 2 * TEXT_PAD
    return (
        fit(node.court, room, COURT_SIZE),
        fit(node.docket_number, room, DOCKET_SIZE, bold=True),
        fit(node.name, room, NAME_SIZE),
    )
