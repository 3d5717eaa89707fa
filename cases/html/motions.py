"""The case page's motions: one ``<tr>`` each, with its movants and the rulings that decided it.

Reads ``movant_list`` and ``decision_list`` (``latest_motions`` prefetches them).
"""

from __future__ import annotations

from cases.html.parts import MOTION_LABELS, NOT_CONFIRMED, OUTCOME_LABELS, day, label, time_tag
from cases.models import Motion, RulingMotion
from tracker.html import escape


def _filed(motion: Motion, english: bool) -> str:
    """Return when the motion was filed, and its docket entry's number."""
    filed = time_tag(motion.filed_date, english) or NOT_CONFIRMED
    if motion.docket_entry is not None:
        number = motion.docket_entry.number
        filed += f'<br><span class="meta">Dkt. {number if number else "—"}</span>'
    return filed


def _title(motion: Motion, english: bool) -> str:
    """Return the motion's title, and its hearing date."""
    title = escape(motion.title)
    if motion.hearing_date:
        title += f'<br><span class="meta">Hearing {time_tag(motion.hearing_date, english)}</span>'
    return title


def _movants(motion: Motion) -> str:
    movants = "; ".join(escape(movant.party.name) for movant in motion.movant_list)
    return movants or '<span class="muted">not recorded</span>'


def _decision(decision: RulingMotion, english: bool) -> str:
    """Return the ruling's title, its date (or date note) and what it did to the motion."""
    ruling = decision.ruling
    if ruling.date:
        when = day(ruling.date, english)
    else:
        when = escape(ruling.date_note or "date not confirmed")
    outcome = label(OUTCOME_LABELS, decision.outcome).lower()
    return f'{escape(ruling.title)} <span class="meta">({when}: {outcome})</span>'


def motion_row(motion: Motion, english: bool = True) -> str:
    """Return one motion: filed, title, movants, status, and the rulings that decided it."""
    decided = "<br>".join(_decision(decision, english) for decision in motion.decision_list)
    decided = decided or '<span class="muted">—</span>'
    status = motion.status
    return (
        f"<tr><td>{_filed(motion, english)}</td><td>{_title(motion, english)}</td>"
        f"<td>{_movants(motion)}</td>"
        f'<td><span class="badge {escape(status)}">{label(MOTION_LABELS, status)}</span></td>'
        f"<td>{decided}</td></tr>\n"
    )
