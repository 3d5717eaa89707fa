"""A deadline: its date and time in the court's zone, the title, what is left, the earliest safe
date, and how it was computed (or the rule and note an admin entered)."""

from __future__ import annotations

from cases.models import Deadline
from tracker.html import escape
from tracker.templatetags.fast_dates import date as format_date

_SAFE_DATE_NOTE = (
    "A stricter reading of the rules gives this earlier date; file by then to be safe."
)


def _due(deadline: Deadline, date_format: str) -> str:
    """Return the due date in ``date_format`` and the time with the court's zone, in bold."""
    due = deadline.due_date
    html = f'<strong><time datetime="{due.isoformat()}">{escape(format_date(due, date_format))}'
    html += "</time>"
    if deadline.due_time:
        zone = escape(deadline.case.court.time_zone)
        html += f' {deadline.due_time:%H:%M} <span class="meta">({zone})</span>'
    return html + "</strong>"


def _remaining(deadline: Deadline) -> str:
    """Return what is left (``.remaining``, where the page computed it)."""
    remaining = getattr(deadline, "remaining", None)
    if not remaining:
        return ""
    return f' <span class="remaining">— {escape(str(remaining))}</span>'


def _safe_date(deadline: Deadline) -> str:
    """Return the earliest safe date, when a stricter reading of the rules gives one."""
    safe = deadline.earliest_safe_date
    if not safe:
        return ""
    return (
        f'\n<br><span class="safe-date">Earliest safe date: <time datetime="'
        f'{safe.isoformat()}">{escape(format_date(safe, "D j M Y"))}</time>. '
        f"{_SAFE_DATE_NOTE}</span>"
    )


def _computation(deadline: Deadline) -> str:
    """Return a computed deadline's period and rule, and the computation's steps."""
    rule, explanation = deadline.rule, deadline.explanation
    html = f'\n<br><span class="meta">Computed: {escape(deadline.period_label)}'
    html += f" — {escape(rule)}</span>" if rule else "</span>"
    if explanation:
        html += (
            '\n<details class="computation"><summary>How this date was computed</summary>'
            f"<pre>{escape(explanation)}</pre></details>"
        )
    return html


def _entered(deadline: Deadline) -> str:
    """Return the rule and the note an admin entered with the deadline."""
    rule, explanation = deadline.rule, deadline.explanation
    if rule:
        note = f'<br><span class="meta">{escape(explanation)}</span>' if explanation else ""
        return f' <span class="meta">— {escape(rule)}</span>{note}'
    if explanation:
        return f'\n<br><span class="meta">{escape(explanation)}</span>'
    return ""


def deadline_html(deadline: Deadline, date_format: str) -> str:
    """Return the deadline, its date shown in ``date_format``."""
    basis = _computation(deadline) if deadline.is_computed else _entered(deadline)
    return (
        f"{_due(deadline, date_format)} · {escape(deadline.title)}"
        f"{_remaining(deadline)}{_safe_date(deadline)}{basis}"
    )
