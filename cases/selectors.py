"""Read-only querysets for the pages, feeds and exports.

Each returns rows with what its page shows already joined or prefetched, so that a page costs
the same number of queries whatever the number of rows it shows.
"""

from __future__ import annotations

import datetime
import zoneinfo
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.db import connections
from django.db.models import (
    Count,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.utils import timezone

from cases.deadlines import CourtCalendar, california_calendar, days_remaining, federal_calendar
from cases.models import (
    Case,
    CaseEvent,
    CaseJudge,
    CaseLink,
    Court,
    Deadline,
    DeadlineStatus,
    DocketImport,
    DocketSource,
    EventKind,
    HolidayCalendar,
    Judge,
    Motion,
    Ruling,
    RulingMotion,
    StatusChange,
)
from parties import selectors as party_selectors
from parties.models import CaseParty, PartyRole, Representation

# The kinds of event the case timeline shows, grouped under the names of its kind filter.
TIMELINE_KINDS: dict[str, tuple[str, list[str]]] = {
    "entries": ("Docket entries", [EventKind.DOCKET_ENTRY_ADDED]),
    "motions": ("Motions", [EventKind.MOTION_FILED, EventKind.MOTION_DECIDED]),
    "rulings": ("Rulings", [EventKind.RULING_ENTERED]),
    "status": ("Status changes", [EventKind.CASE_OPENED, EventKind.STATUS_CHANGED]),
    "deadlines": (
        "Deadlines",
        [
            EventKind.DEADLINE_SET,
            EventKind.DEADLINE_MOVED,
            EventKind.DEADLINE_VACATED,
            EventKind.DEADLINE_MET,
        ],
    ),
    "links": ("Related cases", [EventKind.CASE_LINKED]),
}


@dataclass(frozen=True)
class Remaining:
    """How long is left until a deadline, in calendar days and in the court's court days."""

    calendar_days: int
    court_days: int
    calendar: str

    def __str__(self) -> str:
        if self.calendar_days < 0:
            return "passed"
        court = f"{self.court_days} court day{'' if self.court_days == 1 else 's'}"
        if self.calendar_days == 0:
            return "due today"
        if self.calendar_days == 1:
            return f"due tomorrow ({court})"
        return f"in {self.calendar_days} calendar days ({court})"


def court_calendar(court: Court) -> CourtCalendar:
    """The calendar whose open days are this court's court days."""
    if court.holiday_calendar == HolidayCalendar.CA_JUDICIAL:
        return california_calendar()
    if court.holiday_calendar == HolidayCalendar.IL_JUDICIAL:
        return federal_calendar("IL")  # weekends, federal and Illinois state holidays
    return federal_calendar("")


def court_today(court: Court) -> datetime.date:
    """Today where the court sits."""
    return timezone.now().astimezone(zoneinfo.ZoneInfo(court.time_zone)).date()


def remaining(deadline: Deadline, today: datetime.date | None = None) -> Remaining:
    court = deadline.case.court
    calendar = court_calendar(court)
    today = today or court_today(court)
    calendar_days, court_days = days_remaining(calendar, today, deadline.due_date)
    return Remaining(calendar_days, court_days, calendar.name)


def with_remaining(deadlines: Iterable[Deadline]) -> list[Deadline]:
    """The deadlines, each with ``.remaining`` set (no queries: the court is already joined)."""
    rows = list(deadlines)
    today: dict[int, datetime.date] = {}  # where each court sits; a page has a few courts
    for deadline in rows:
        court = deadline.case.court
        if court.pk not in today:
            today[court.pk] = court_today(court)
        deadline.remaining = remaining(deadline, today[court.pk])
    return rows


class SubqueryCount(Subquery):
    """``(SELECT COUNT(*) FROM (<queryset>))`` as a column. Uncorrelated, PostgreSQL computes it
    once (an InitPlan) from the queryset's own index, whatever the outer query joins: a window
    ``COUNT(*) OVER ()`` on the outer query counted after its joins, for every row it had."""

    template = "(SELECT COUNT(*) FROM (%(subquery)s) AS counted)"
    output_field = IntegerField()


# The case's stored search text can run to a megabyte for a big docket: lists that show cases
# through another row (a deadline's, a ruling's) never load it.
CASE_TEXT = ("case__search_text", "case__search_vector")


def upcoming_deadlines(*, days: int = 30, today: datetime.date | None = None) -> QuerySet[Deadline]:
    """Open deadlines due from today through ``days`` days ahead, soonest first."""
    today = today or timezone.localdate()
    return (
        Deadline.objects.filter(
            status=DeadlineStatus.OPEN,
            due_date__gte=today,
            due_date__lte=today + datetime.timedelta(days=days),
        )
        .select_related("case__court")
        .defer(*CASE_TEXT)
        .order_by("due_date", "due_time", "pk")
    )


def latest_rulings() -> QuerySet[Ruling]:
    """Rulings with a known date, newest first."""
    return (
        Ruling.objects.filter(date__isnull=False)
        .select_related("case__court", "judge")
        .defer(*CASE_TEXT)
        .order_by("-date", "-pk")
    )


def latest_status_changes() -> QuerySet[StatusChange]:
    """Status changes after a case's first status, latest effective date first."""
    return (
        StatusChange.objects.exclude(from_status="")
        .select_related("case__court")
        .defer(*CASE_TEXT)
        .order_by("-effective_date", "-recorded_at", "-pk")
        .filter(effective_date__isnull=False)
    )


def case_for_page(slug: str) -> Case:
    """A case with its court and judges (raises Case.DoesNotExist), and its latest PACER import
    (``pacer_report_date``, ``pacer_imported_at``) in the same statement."""
    judges = CaseJudge.objects.select_related("judge").order_by("role", "judge__name")
    latest_pacer = DocketImport.objects.filter(
        case=OuterRef("pk"), source=DocketSource.PACER
    ).order_by("-imported_at", "-pk")
    return (
        Case.objects.select_related("court")
        .defer("search_text", "search_vector")
        .annotate(
            pacer_report_date=Subquery(latest_pacer.values("report_date")[:1]),
            pacer_imported_at=Subquery(latest_pacer.values("imported_at")[:1]),
        )
        .prefetch_related(Prefetch("case_judges", queryset=judges))
        .get(slug=slug)
    )


@dataclass
class Counsel:
    representation: Representation
    parties: list[str]  # the group's parties this counsel represents; empty when all of them


@dataclass
class RoleGroup:
    role: str
    label: str
    parties: list[CaseParty]
    counsel: list[Counsel]


def case_parties_by_role(case: Case) -> list[RoleGroup]:
    """The case's parties grouped by role (in the order of PartyRole), each with its counsel."""
    rows = (
        CaseParty.objects.filter(case=case)
        .select_related("party")
        .prefetch_related(Prefetch("representations", queryset=party_selectors.counsel()))
        .order_by("party__name")
    )
    groups = {role: RoleGroup(role, label, [], []) for role, label in PartyRole.choices}
    for row in rows:
        groups[row.role].parties.append(row)
    for group in groups.values():
        group.counsel = _counsel_of(group.parties)
    return [group for group in groups.values() if group.parties]


def _counsel_of(parties: list[CaseParty]) -> list[Counsel]:
    """Each attorney once per role group, with the parties they represent when not all."""
    by_key: dict[tuple, Counsel] = {}
    for case_party in parties:
        for rep in case_party.representations.all():
            key = (rep.attorney_id, rep.firm_id, rep.role, rep.start_date, rep.end_date)
            by_key.setdefault(key, Counsel(rep, [])).parties.append(case_party.party.name)
    counsel = list(by_key.values())
    for item in counsel:
        if len(item.parties) == len(parties):
            item.parties = []
    return counsel


def _with_decisions(motions: QuerySet[Motion]) -> QuerySet[Motion]:
    """Each motion with ``decision_list`` (the rulings that decided it) and ``movant_list``,
    with the columns the case page prints (``motion_rows``).

    Plain lists (``to_attr``): a prefetch into the related managers builds a queryset per motion,
    which cost more than the three queries (8 ms for the 50 motions of a big case)."""
    decisions = (
        RulingMotion.objects.select_related("ruling")
        .only("motion_id", "outcome", "ruling__title", "ruling__date", "ruling__date_note")
        .order_by("ruling__date", "pk")
    )
    movants = CaseParty.objects.select_related("party").only("party__name")
    return (
        motions.select_related("docket_entry")
        .only("case_id", "title", "filed_date", "hearing_date", "status", "docket_entry__number")
        .prefetch_related(
            Prefetch("decisions", queryset=decisions, to_attr="decision_list"),
            Prefetch("movants", queryset=movants, to_attr="movant_list"),
        )
    )


def latest_motions(case: Case, limit: int) -> tuple[list[Motion], int]:
    """The case's latest ``limit`` motions in filing order (undated last), and how many it has.

    Three queries however many motions the case has: a big MDL has thousands, and the page
    shows the latest (``motion_case_filed_idx`` read backwards); the count is a subquery on
    the same index."""
    newest_first = (
        _with_decisions(Motion.objects.filter(case=case))
        .annotate(case_total=SubqueryCount(Motion.objects.filter(case=case).values("pk")))
        .order_by(F("filed_date").desc(nulls_first=True), "-pk")[:limit]
    )
    rows = list(newest_first)
    rows.reverse()
    return rows, rows[0].case_total if rows else 0


@dataclass
class CaseDeadlines:
    upcoming: list[Deadline]  # open and due today or later, soonest first
    upcoming_count: int
    past: list[Deadline]  # the rest (passed, met, vacated...), latest due first
    past_count: int


def _soonest_first(deadline: Deadline) -> tuple:
    """``ORDER BY due_date, due_time, id`` in Python (no time after a time, as in SQL)."""
    time = deadline.due_time
    return (deadline.due_date, time is None, time or datetime.time.min, deadline.pk)


def _latest_first(deadline: Deadline) -> tuple:
    """Reversed, ``ORDER BY due_date DESC, due_time DESC NULLS LAST, id DESC`` in Python."""
    time = deadline.due_time
    return (deadline.due_date, time is not None, time or datetime.time.min, deadline.pk)


def case_deadlines(
    case: Case,
    *,
    upcoming_limit: int | None = None,
    past_limit: int | None = None,
    today: datetime.date | None = None,
) -> CaseDeadlines:
    """The case's upcoming open deadlines and its past or closed ones, each list cut to its
    limit in SQL, with both counts: one statement (the two lists' ``UNION ALL``), however many
    deadlines the case has."""
    today = today or timezone.localdate()
    rows = Deadline.objects.filter(case=case)
    is_upcoming = Q(status=DeadlineStatus.OPEN, due_date__gte=today)
    soonest = (
        rows.filter(is_upcoming)
        .annotate(total=SubqueryCount(rows.filter(is_upcoming).values("pk")), upcoming=Value(True))
        .order_by("due_date", "due_time", "pk")[:upcoming_limit]
    )
    latest = (
        rows.exclude(is_upcoming)
        .annotate(
            total=SubqueryCount(rows.exclude(is_upcoming).values("pk")), upcoming=Value(False)
        )
        .order_by("-due_date", F("due_time").desc(nulls_last=True), "-pk")[:past_limit]
    )
    if connections[rows.db].features.supports_slicing_ordering_in_compound:  # PostgreSQL
        both = list(soonest.union(latest, all=True))
        # A UNION's order is not promised: each list is sorted again as its part was.
        upcoming = sorted((d for d in both if d.upcoming), key=_soonest_first)
        past = sorted((d for d in both if not d.upcoming), key=_latest_first, reverse=True)
    else:  # SQLite cannot limit the parts of a compound statement
        upcoming, past = list(soonest), list(latest)
    for deadline in (*upcoming, *past):
        deadline.case = case  # the court is already loaded with the case
    with_remaining(upcoming)
    return CaseDeadlines(
        upcoming,
        upcoming[0].total if upcoming else 0,
        past,
        past[0].total if past else 0,
    )


@dataclass
class Related:
    label: str
    case: Case
    link: CaseLink


def case_links(case: Case) -> QuerySet[CaseLink]:
    """The links from and to the case, both cases with their courts, oldest link first (undated
    last), with the columns ``related_items`` prints. One query; read each with
    ``related_item()``."""
    shown = ("slug", "short_name", "docket_number", "court__short_name")
    return (
        CaseLink.objects.filter(Q(from_case=case) | Q(to_case=case))
        .select_related("from_case__court", "to_case__court")
        .only(
            "kind",
            "date",
            "note",
            *(f"from_case__{name}" for name in shown),
            *(f"to_case__{name}" for name in shown),
        )
        .order_by(F("date").asc(nulls_last=True), "pk")
    )


def related_item(case: Case, link: CaseLink) -> Related:
    """A link read from ``case``'s side: the other case and how it relates."""
    if link.from_case_id == case.pk:
        return Related(link.get_kind_display(), link.to_case, link)
    return Related(link.inverse_label, link.from_case, link)


def case_related(case: Case, limit: int) -> tuple[list[Related], int]:
    """The first ``limit`` related cases, each with how it relates, read from this case's side,
    and how many there are: one query, however many (an MDL has hundreds). The first ones are
    picked on the narrow link rows, only they are joined to their cases and courts, and the
    count is an uncorrelated subquery (an InitPlan, run once)."""
    mine = CaseLink.objects.filter(Q(from_case=case) | Q(to_case=case))
    first = mine.order_by(F("date").asc(nulls_last=True), "pk").values("pk")[:limit]
    total = SubqueryCount(mine.order_by().values("pk"))
    links = list(case_links(case).filter(pk__in=first).annotate(case_total=total))
    return [related_item(case, link) for link in links], links[0].case_total if links else 0


def case_timeline(
    case: Case,
    *,
    kinds: list[str] | None = None,
    since: datetime.date | None = None,
    until: datetime.date | None = None,
) -> QuerySet[CaseEvent]:
    """The case's events in court order: docket entries, motions, rulings, status changes..."""
    # Only the rows the page and the CSV read: every join costs the planner time on each request
    # (seven joins took 5.6 ms to plan, 0.4 ms to run, docs/performance.md).
    events = CaseEvent.objects.filter(case=case).select_related("docket_entry", "motion", "ruling")
    if kinds:
        wanted = [k for name in kinds for k in TIMELINE_KINDS.get(name, ("", []))[1]]
        events = events.filter(kind__in=wanted)
    if since:
        events = events.filter(occurred_on__gte=since)
    if until:
        events = events.filter(occurred_on__lte=until)
    # Events whose date in court is not confirmed come last.
    return events.order_by(F("occurred_on").asc(nulls_last=True), "pk")


def timeline_for_page(case: Case, **filters: Any) -> QuerySet[CaseEvent]:
    """``case_timeline`` with what the case page prints (``timeline_items``): the docket entry's
    document and the ruling's citation and date note, not the motion (the CSV's column)."""
    return (
        case_timeline(case, **filters)
        .select_related(None)
        .select_related("docket_entry", "ruling")
        .only(
            "case_id",
            "kind",
            "occurred_on",
            "summary",
            "docket_entry__document_url",
            "docket_entry__source",
            "docket_entry__missing_from_source_since",
            "ruling__citation",
            "ruling__date_note",
        )
    )


def activity(case: Case | None = None) -> QuerySet[CaseEvent]:
    """Latest events first, for the Atom feeds."""
    events = CaseEvent.objects.select_related("case__court").defer(*CASE_TEXT)
    if case is not None:
        events = events.filter(case=case)
    return events.order_by("-recorded_at", "-pk")


def court_for_page(code: str) -> Court:
    return Court.objects.select_related("appeals_to").get(code=code)


def judge_for_page(pk: int) -> Judge:
    return Judge.objects.select_related("court").get(pk=pk)


def judge_cases(judge: Judge) -> QuerySet[Case]:
    return (
        Case.objects.filter(case_judges__judge=judge)
        .select_related("court")
        .distinct()
        .order_by("-filed_date", "pk")
    )


def judge_rulings(judge: Judge) -> QuerySet[Ruling]:
    return (
        Ruling.objects.filter(judge=judge)
        .select_related("case__court")
        .defer(*CASE_TEXT)
        .order_by("-date", "-pk")
    )


def deadlines_page(
    *, court_codes: list[str] | None = None, case_slug: str = "", days: int = 90
) -> QuerySet[Deadline]:
    """Open deadlines from today on, for the deadlines page."""
    rows = upcoming_deadlines(days=days)
    if court_codes:
        rows = rows.filter(case__court__code__in=court_codes)
    if case_slug:
        rows = rows.filter(Q(case__slug=case_slug))
    return rows


def courts_with_counts() -> QuerySet[Court]:
    """Every court with how many cases and judges the tracker has in it."""
    return Court.objects.annotate(
        case_count=Count("cases", distinct=True), judge_count=Count("judges", distinct=True)
    ).order_by("level", "name")
