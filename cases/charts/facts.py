"""What the timeline chart draws, as plain dataclasses read off the case page's rows.

A motion is drawn from its filing to the ruling that decided it (to today while it is
pending); a motion with no filing date, or decided on no recorded date, is counted instead.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass, field

from cases.models import Case, CaseStatus, Deadline, MotionKind, MotionStatus, StatusChange
from cases.selectors.chart import ChartMotion, ChartMotions

_STATUS = dict(CaseStatus.choices)
_KIND = dict(MotionKind.choices)


@dataclass(frozen=True)
class Span:
    """A motion's life: filed on ``start``, decided on ``end`` (today when still pending)."""

    start: datetime.date
    end: datetime.date
    outcome: str  # a MotionStatus value
    title: str
    kind: str  # the kind's label
    pending: bool = False


@dataclass(frozen=True)
class Mark:
    """A dated fact drawn as a marker: a status change or a deadline ahead."""

    on: datetime.date
    label: str
    title: str


@dataclass
class Facts:
    name: str
    today: datetime.date
    filed: datetime.date | None = None
    statuses: list[Mark] = field(default_factory=list)
    motions: list[Span] = field(default_factory=list)
    deadlines: list[Mark] = field(default_factory=list)
    motion_total: int = 0  # the case's motions, drawn or not
    motions_cut: bool = False  # only the latest were read (the selector's limit)
    undated_motions: int = 0  # no filing date, or decided on a date not recorded
    undated_statuses: int = 0
    deadline_total: int = 0  # open deadlines from today on, drawn or not

    def dates(self) -> list[datetime.date]:
        """Return every date drawn, today's included."""
        found = [self.today, *(m.on for m in self.statuses), *(d.on for d in self.deadlines)]
        found += [day for span in self.motions for day in (span.start, span.end)]
        return found + ([self.filed] if self.filed else [])


def motion_spans(rows: Iterable[ChartMotion], today: datetime.date) -> tuple[list[Span], int]:
    """Return the spans of the motions that can be drawn, and how many of ``rows`` cannot."""
    spans, undated = [], 0
    for motion in rows:
        pending = motion.status == MotionStatus.PENDING
        end = today if pending else motion.ended_on
        if motion.filed_date is None or end is None:
            undated += 1
            continue
        kind = _KIND.get(motion.kind, motion.kind)
        spans.append(
            Span(
                motion.filed_date,
                max(end, motion.filed_date),
                motion.status,
                motion.title,
                kind,
                pending,
            )
        )
    return spans, undated


def status_marks(changes: Iterable[StatusChange]) -> tuple[list[Mark], int]:
    """Return the dated status changes as marks, and how many have no date. The first row
    (the status the case was added with, on its filing date) is the chart's "Filed" mark."""
    marks, undated = [], 0
    for change in changes:
        if not change.from_status:
            continue
        if change.effective_date is None:
            undated += 1
            continue
        label = _STATUS.get(change.to_status, change.to_status)
        before = _STATUS.get(change.from_status, change.from_status)
        title = f"Status: {before} → {label}" + (f" ({change.note})" if change.note else "")
        marks.append(Mark(change.effective_date, label, title))
    return marks, undated


def deadline_marks(deadlines: Iterable[Deadline], today: datetime.date) -> list[Mark]:
    """Return the open deadlines due from today on as marks (``remaining`` set, if known)."""
    marks = []
    for deadline in deadlines:
        if deadline.due_date < today:
            continue
        left = getattr(deadline, "remaining", None)
        title = f"Deadline: {deadline.title}" + (f" ({left})" if left is not None else "")
        marks.append(Mark(deadline.due_date, deadline.title, title))
    return marks


def chart_facts(
    case: Case,
    motions: ChartMotions,
    status_changes: Iterable[StatusChange],
    deadlines: Iterable[Deadline],
    deadline_total: int,
    today: datetime.date,
) -> Facts:
    """Return the chart's facts from the page's rows: ``motions`` from
    ``selectors.chart_motions``; the status changes and the next open deadlines are the lists
    the page already shows."""
    spans, undated = motion_spans(motions.rows, today)
    statuses, undated_statuses = status_marks(status_changes)
    undated_filed = sum(1 for motion in motions.rows if motion.filed_date is None)
    return Facts(
        name=case.short_name,
        today=today,
        filed=case.filed_date,
        statuses=statuses,
        motions=spans,
        deadlines=deadline_marks(deadlines, today),
        motion_total=motions.total,
        motions_cut=len(motions.rows) < motions.total,
        # The undated among the rows read, and those with no filing date beyond them.
        undated_motions=undated + motions.no_filed_date - undated_filed,
        undated_statuses=undated_statuses,
        deadline_total=deadline_total,
    )
