"""The related-case graph as plain data: the rows read, the lanes, and what is drawn.

No Django here: the layout is unit tested on these dataclasses alone.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

# The courts as lanes, top to bottom in the order litigation climbs: the state courts, the
# federal district courts, the MDL (the JPML's docket and the transferee court's consolidated
# docket: a district-court case of type "mdl"), the courts of appeals, the Supreme Court.
LANES = (
    ("state_trial", "State trial courts"),
    ("state_appellate", "State appellate courts"),
    ("state_supreme", "State supreme courts"),
    ("federal_district", "Federal district courts"),
    ("mdl", "JPML and MDL dockets"),
    ("federal_appellate", "Federal courts of appeals"),
    ("federal_supreme", "U.S. Supreme Court"),
)
LANE_NAMES = dict(LANES)
MDL_LANE = "mdl"
# The member cases of an MDL are district-court cases: their box stands in that lane.
MEMBER_LANE = "federal_district"
# The links that make a case a member of another (an MDL, a lead case) ...
MEMBER_KINDS = ("transferred_into_mdl", "consolidated_into")
# ... and above how many of them the members are drawn as one box, "N member cases".
COLLAPSE_OVER = 6


def lane_of(level: str, case_type: str) -> str:
    """Return the lane of a case in a court of ``level`` (a ``CourtLevel`` value)."""
    if level == "jpml" or (case_type == "mdl" and level == "federal_district"):
        return MDL_LANE
    return level if level in LANE_NAMES else "federal_district"


@dataclass(frozen=True)
class GraphCase:
    """A case of the component, as read: with the member links into it, counted."""

    pk: int
    slug: str
    court: str
    docket_number: str
    name: str
    lane: str
    filed: datetime.date | None = None
    members: int = 0  # links into it of MEMBER_KINDS
    consolidated: int = 0  # of which "consolidated into"
    first_member: datetime.date | None = None
    last_member: datetime.date | None = None


@dataclass(frozen=True)
class GraphLink:
    """A link between two cases of the component: "<source> was <label> <target>"."""

    source: int
    target: int
    kind: str
    label: str
    date: datetime.date | None = None


@dataclass(frozen=True)
class CaseGraph:
    """A case's connected component, as far as the walk went (``truncated``: stopped at
    ``limit`` cases)."""

    current: int
    cases: tuple[GraphCase, ...]
    links: tuple[GraphLink, ...]
    truncated: bool = False
    limit: int = 0


@dataclass(frozen=True)
class Node:
    """A box: a case (``key`` "c<pk>") or the member cases of a case ("m<pk>")."""

    key: str
    lane: str
    court: str
    docket_number: str
    name: str
    title: str
    slug: str
    filed: datetime.date | None = None
    current: bool = False
    members: int = 0  # > 0: the box stands for this many member cases of case ``slug``


@dataclass(frozen=True)
class Edge:
    """An arrow from box ``source`` to box ``target``, labelled with the link's kind and date
    (``when``: empty when not recorded)."""

    source: str
    target: str
    kind: str
    when: str = ""

    @property
    def label(self) -> str:
        return f"{self.kind} · {self.when}" if self.when else self.kind


@dataclass(frozen=True)
class Component:
    """What is drawn: the boxes, lane by lane in filing order, and the arrows."""

    nodes: tuple[Node, ...]
    edges: tuple[Edge, ...]
    current: str
    truncated: bool = False
    limit: int = 0
