"""The chart's colours and sizes: one colour per motion outcome, each with the name the legend
prints (colour is never the only cue: every bar's ``<title>`` says its outcome too)."""

from __future__ import annotations

from dataclasses import dataclass

from cases.models import MotionStatus

WIDTH = 800  # the viewBox; the page scales it to its width
LEFT, RIGHT = 12, WIDTH - 12
FONT = 14
LABEL_ROW = 18  # a row of marker labels above the bars
BAR, ROW = 11, 16  # a bar's height, and a row's
MAX_LABEL_ROWS = 4
MAX_ROWS = 20  # rows of bars; motions that would need more are counted, not drawn
LABELLED_BARS = 12  # up to this many bars carry their motion's title (cut to BAR_LABEL)
BAR_LABEL = 36
MIN_BAR = 3.0  # a motion decided the day it was filed is still visible
MAX_TICKS = 10

INK, MUTED, GRID, TODAY, DEADLINE = "#1b1f23", "#57606a", "#eaeef2", "#1f4e79", "#8a4b00"
HATCH_ID = "tc-hatch"


@dataclass(frozen=True)
class Look:
    """How bars of one outcome are drawn, and the colour's name in the legend."""

    label: str
    colour: str
    fill: str
    stroke: str


# In the legend's order. Okabe-Ito colours, which stay apart for colour-blind readers.
OUTCOMES: dict[str, Look] = {
    MotionStatus.GRANTED: Look("Granted", "green", "#009e73", "#00664a"),
    MotionStatus.GRANTED_IN_PART: Look("Granted in part", "orange", "#e69f00", "#8f6300"),
    MotionStatus.DENIED: Look("Denied", "red", "#d55e00", "#8a3d00"),
    MotionStatus.MOOT: Look("Moot", "grey", "#999999", "#5c5c5c"),
    MotionStatus.WITHDRAWN: Look("Withdrawn", "light grey", "#d0d7de", "#6e7781"),
    MotionStatus.UNKNOWN: Look("Decided; outcome unknown", "purple", "#cc79a7", "#7d3f64"),
    MotionStatus.PENDING: Look(
        "Pending (runs to today)", "blue hatching", f"url(#{HATCH_ID})", "#0072b2"
    ),
}
UNKNOWN_LOOK = Look("Other", "dark grey", "#6e7781", "#1b1f23")


def look(outcome: str) -> Look:
    return OUTCOMES.get(outcome, UNKNOWN_LOOK)


HATCH = (
    f'<pattern id="{HATCH_ID}" width="6" height="6" patternUnits="userSpaceOnUse"'
    ' patternTransform="rotate(45)"><rect width="6" height="6" fill="#e8f0f8"/>'
    '<line x1="0" y1="0" x2="0" y2="6" stroke="#0072b2" stroke-width="3"/></pattern>'
)
