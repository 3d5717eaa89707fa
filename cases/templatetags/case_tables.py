"""The rows that pages print by the dozen, built in Python.

- ``{% case_rows rows %}``: the case list's table rows;
- ``{% timeline_items events %}``: a case's timeline (``<li>`` each);
- ``{% motion_rows motions %}``: the case page's motions with their movants and decisions;
- ``{% related_items related %}``: related cases, each with how it relates;
- ``{% party_groups groups %}``: a case's parties by role, each group with its counsel;
- ``{% deadline_item deadline "D j M Y" %}``: a deadline with its time, what is left, the
  earliest safe date and how it was computed (the case page, the deadlines page).

In the template language every value printed costs a variable lookup, a filter call and an
escape (about 9 microseconds here): the case list's 50 rows took 3.2 ms of a page that the
benchmark wants near 8, and the largest case's timeline, motions and related cases about 10 ms
(docs/performance.md). The same markup joined here with ``html.escape`` takes about a tenth of
that. ``tests/cases/test_case_tables.py`` checks the markup and its escaping.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterable
from html import escape
from typing import Any

from django import template
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import get_language

from cases.models import (
    Case,
    CaseEvent,
    CaseStatus,
    Deadline,
    DocketSource,
    EventKind,
    Motion,
    MotionStatus,
    Outcome,
)
from parties.models import PartyRole, RepresentationRole
from tracker.links import slug_urls
from tracker.templatetags.fast_dates import PLAIN_FORMATS
from tracker.templatetags.fast_dates import date as format_date

register = template.Library()

_WEB_ADDRESS = re.compile(r"https?://", re.IGNORECASE)


@register.filter
def is_web_address(url: str) -> bool:
    """Whether ``url`` may be linked: http(s) only. Stored addresses are validated when typed,
    but a row written around validation must not become a ``javascript:`` or ``data:`` link."""
    return bool(_WEB_ADDRESS.match(url or ""))


def _labels(choices: type) -> dict[str, str]:
    """Escaped labels by value (``get_FOO_display()`` rebuilds a dictionary on every call)."""
    return {value: escape(str(label)) for value, label in choices.choices}


_STATUS_LABELS = _labels(CaseStatus)
_EVENT_LABELS = _labels(EventKind)
_MOTION_LABELS = _labels(MotionStatus)
_OUTCOME_LABELS = _labels(Outcome)
_COUNSEL_LABELS = _labels(RepresentationRole)
_NOT_CONFIRMED = '<span class="muted">not confirmed</span>'


def _label(labels: dict[str, str], value: str) -> str:
    return labels.get(value) or escape(value)


_DAY = PLAIN_FORMATS["j M Y"]


def _english() -> bool:
    """Whether dates can be formatted without the translation machinery (read once a list)."""
    return (get_language() or "en").startswith("en")


def _day(value: datetime.date, english: bool = True) -> str:
    """``value|date:"j M Y"``, escaped."""
    if english and type(value) is datetime.date:
        return _DAY(value)
    return escape(format_date(value, "j M Y"))


def _time(value: datetime.date | None, english: bool = True) -> str:
    if value is None:
        return ""
    return f'<time datetime="{value.isoformat()}">{_day(value, english)}</time>'


def case_row(
    case: Case, case_url: Callable[[str], str], court_url: Callable[[str], str], english: bool
) -> str:
    """One ``<tr>`` of the case list: caption (and search snippet), court and docket number,
    status, filed date, last activity. ``case.snippet_html`` is markup made safe already
    (``search.snippet_html``). ``case_url`` and ``court_url`` build the links (``slug_urls``),
    ``english`` says whether dates can skip the translation machinery; ``case_rows`` reads
    each once for all the rows."""
    snippet = getattr(case, "snippet_html", "")
    snippet = f'<p class="snippet">{snippet}</p>' if snippet else ""
    court = case.court
    status = case.status
    case_href, court_href = case_url(case.slug), court_url(court.code)
    filed = _time(case.filed_date, english) or _NOT_CONFIRMED
    return (
        "<tr>"
        f'<td><a href="{escape(case_href)}">{escape(case.short_name)}</a>'
        f"{snippet}</td>"
        f'<td><a href="{escape(court_href)}">{escape(court.short_name)}</a> '
        f"{escape(case.docket_number)}</td>"
        f'<td><span class="badge {escape(status)}">'
        f"{_label(_STATUS_LABELS, status)}</span></td>"
        f"<td>{filed}</td>"
        f"<td>{_time(case.last_activity_on, english)}</td>"
        "</tr>\n"
    )


@register.simple_tag
def case_rows(rows: Iterable[Case]) -> SafeString:
    case_url, court_url, english = slug_urls("case-detail"), slug_urls("court-detail"), _english()
    html = "".join(case_row(case, case_url, court_url, english) for case in rows)
    return mark_safe(html)  # noqa: S308 (escaped above)


def timeline_item(event: CaseEvent, english: bool = True) -> str:
    """One event of a case's timeline: when (in court), what kind, the summary, a ruling's
    citation (or, undated, its date note) and the docket entry's document."""
    when = _time(event.occurred_on, english) or "date not confirmed"
    extra = []
    ruling = event.ruling
    if ruling is not None and ruling.citation:
        extra.append(f'<span class="meta">({escape(ruling.citation)})</span>')
    if ruling is not None and event.occurred_on is None and ruling.date_note:
        extra.append(f'<span class="meta">— {escape(ruling.date_note)}</span>')
    entry = event.docket_entry
    if entry is not None and is_web_address(entry.document_url):
        href = escape(entry.document_url)
        extra.append(f'<a href="{href}" rel="noopener noreferrer external">document</a>')
    if entry is not None and entry.source != DocketSource.MANUAL:
        extra.append(f'<span class="imported">{_IMPORTED_FROM[entry.source]}</span>')
        if entry.missing_from_source_since is not None:
            since = _time(entry.missing_from_source_since, english)
            extra.append(f'<span class="meta">no longer on the docket since {since}</span>')
    return (
        f'<li><span class="when">{when}</span> '
        f'<span class="badge">{_label(_EVENT_LABELS, event.kind)}</span> {escape(event.summary)}'
        f"{''.join(' ' + part for part in extra)}</li>\n"
    )


def _joined(render: Callable[[Any, bool], str], rows: Iterable[Any]) -> SafeString:
    """Each row rendered (``render(row, english)``, every value escaped there), joined."""
    english = _english()
    return mark_safe("".join(render(row, english) for row in rows))  # noqa: S308


@register.simple_tag
def timeline_items(events: Iterable[CaseEvent]) -> SafeString:
    return _joined(timeline_item, events)


def motion_row(motion: Motion, english: bool = True) -> str:
    """One motion: filed (and its docket entry), title (and hearing), movants, status, and the
    rulings that decided it with their outcomes. Reads ``movant_list`` and ``decision_list``
    (``selectors.latest_motions`` prefetches them)."""
    filed = _time(motion.filed_date, english) or _NOT_CONFIRMED
    if motion.docket_entry is not None:
        number = motion.docket_entry.number
        filed += f'<br><span class="meta">Dkt. {number if number else "—"}</span>'
    title = escape(motion.title)
    if motion.hearing_date:
        title += f'<br><span class="meta">Hearing {_time(motion.hearing_date, english)}</span>'
    movants = "; ".join(escape(m.party.name) for m in motion.movant_list)
    decisions = []
    for decision in motion.decision_list:
        ruling = decision.ruling
        when = (
            _day(ruling.date, english)
            if ruling.date
            else escape(ruling.date_note or "date not confirmed")
        )
        outcome = _label(_OUTCOME_LABELS, decision.outcome).lower()
        decisions.append(f'{escape(ruling.title)} <span class="meta">({when}: {outcome})</span>')
    movants = movants or '<span class="muted">not recorded</span>'
    decided = "<br>".join(decisions) or '<span class="muted">—</span>'
    status = motion.status
    return (
        f"<tr><td>{filed}</td><td>{title}</td><td>{movants}</td>"
        f'<td><span class="badge {escape(status)}">{_label(_MOTION_LABELS, status)}</span></td>'
        f"<td>{decided}</td></tr>\n"
    )


@register.simple_tag
def motion_rows(motions: Iterable[Motion]) -> SafeString:
    return _joined(motion_row, motions)


def related_item(item: Any, case_url: Callable[[str], str], english: bool = True) -> str:
    """One related case (a ``selectors.Related``): how it relates, its court and docket number
    linked, its name, and the link's date and note."""
    case, link = item.case, item.link
    label = escape(item.label[:1].upper() + item.label[1:])  # |capfirst
    when = f" · {_time(link.date, english)}" if link.date else ""
    note = f' <span class="meta">— {escape(link.note)}</span>' if link.note else ""
    return (
        f"<li><strong>{label}</strong> "
        f'<a href="{escape(case_url(case.slug))}">{escape(case.court.short_name)} '
        f"{escape(case.docket_number)}</a> ({escape(case.short_name)}){when}{note}</li>\n"
    )


@register.simple_tag
def related_items(related: Iterable[Any]) -> SafeString:
    case_url, english = slug_urls("case-detail"), _english()
    return mark_safe("".join(related_item(r, case_url, english) for r in related))  # noqa: S308


def _party_group(group: Any, party_url: Callable[[str], str], english: bool) -> str:
    parties = []
    for case_party in group.parties:
        party = case_party.party
        item = f'<li><a href="{escape(party_url(party.slug))}">{escape(party.name)}</a>'
        if case_party.role == PartyRole.OTHER and case_party.docket_role:
            item += f' <span class="meta">({escape(case_party.docket_role)})</span>'
        if case_party.note:
            item += f' <span class="meta">({escape(case_party.note)})</span>'
        described = _described(case_party.extra_info)
        if described:
            item += f' <span class="meta">— {escape(described)}</span>'
        if case_party.terminated_date:
            when = _time(case_party.terminated_date, english)
            item += f' <span class="meta">terminated {when}</span>'
        parties.append(item + "</li>")
    label = group.label if len(group.parties) == 1 else _PLURAL_ROLES.get(group.role, "")
    html = f"<h3>{escape(label or group.label + 's')}</h3>\n"
    html += f'<ul class="inline-list">{"".join(parties)}</ul>\n'
    if not group.counsel:
        return html
    counsel = []
    for item in group.counsel:
        rep = item.representation
        firm = f", {escape(rep.firm.name)}" if rep.firm is not None else ""
        meta = _label(_COUNSEL_LABELS, rep.role).lower()
        if rep.start_date:
            meta += f" from {_time(rep.start_date, english)}"
        if rep.end_date:
            meta += f" to {_time(rep.end_date, english)}"
        if item.parties:
            meta += "; for " + ", ".join(escape(name) for name in item.parties)
        counsel.append(
            f'<li>{escape(rep.attorney.name)}{firm} <span class="meta">— {meta}</span></li>'
        )
    return (
        html + '<p class="counsel-heading"><strong>Counsel</strong></p>\n'
        f"<ul>{''.join(counsel)}</ul>\n"
    )


# Role headings whose plural is not the label with an "s".
_PLURAL_ROLES = {
    PartyRole.AMICUS: "Amici curiae",
    PartyRole.INTERESTED_PARTY: "Interested parties",
    PartyRole.OTHER: "Other parties",
}
_IMPORTED_FROM = {
    DocketSource.PACER: "from PACER",
    DocketSource.COURTLISTENER: "from CourtListener",
}


def _described(extra_info: str) -> str:
    """What a docket says of a party (its title, capacity), without the termination line."""
    lines = [line.strip() for line in extra_info.splitlines()]
    return " ".join(line for line in lines if line and not line.upper().startswith("TERMINATED"))


@register.simple_tag
def party_groups(groups: Iterable[Any]) -> SafeString:
    """The parties of a case by role (``selectors.case_parties_by_role``): the parties linked,
    with their notes and termination dates, then the group's counsel with role, dates, and the
    parties they represent when not all of the group."""
    party_url, english = slug_urls("party-detail"), _english()
    return mark_safe("".join(_party_group(g, party_url, english) for g in groups))  # noqa: S308


_SAFE_DATE_NOTE = (
    "A stricter reading of the rules gives this earlier date; file by then to be safe."
)


@register.simple_tag
def deadline_item(deadline: Deadline, date_format: str = "D j M Y") -> SafeString:
    """A deadline, its date shown in ``date_format``: the time in the court's zone, the title,
    what is left (``.remaining``, where the page computed it), the earliest safe date, and the
    computation (period, rule, explanation) or the rule and note an admin entered."""
    due = deadline.due_date
    html = f'<strong><time datetime="{due.isoformat()}">{escape(format_date(due, date_format))}'
    html += "</time>"
    if deadline.due_time:
        zone = escape(deadline.case.court.time_zone)
        html += f' {deadline.due_time:%H:%M} <span class="meta">({zone})</span>'
    html += f"</strong> · {escape(deadline.title)}"
    remaining = getattr(deadline, "remaining", None)
    if remaining:
        html += f' <span class="remaining">— {escape(str(remaining))}</span>'
    safe = deadline.earliest_safe_date
    if safe:
        html += (
            f'\n<br><span class="safe-date">Earliest safe date: <time datetime="'
            f'{safe.isoformat()}">{escape(format_date(safe, "D j M Y"))}</time>. '
            f"{_SAFE_DATE_NOTE}</span>"
        )
    rule, explanation = deadline.rule, deadline.explanation
    if deadline.is_computed:
        html += f'\n<br><span class="meta">Computed: {escape(deadline.period_label)}'
        html += f" — {escape(rule)}</span>" if rule else "</span>"
        if explanation:
            html += (
                '\n<details class="computation"><summary>How this date was computed</summary>'
                f"<pre>{escape(explanation)}</pre></details>"
            )
    elif rule:
        html += f' <span class="meta">— {escape(rule)}</span>'
        if explanation:
            html += f'<br><span class="meta">{escape(explanation)}</span>'
    elif explanation:
        html += f'\n<br><span class="meta">{escape(explanation)}</span>'
    return mark_safe(html)  # noqa: S308 (escaped above)
