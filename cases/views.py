"""Public pages: home, case list and search, case pages, deadlines, courts, judges."""

from __future__ import annotations

import datetime
from collections import OrderedDict

from django import forms
from django.core.paginator import Page
from django.db import connection
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from cases import search, selectors
from cases.analytics.views import judge_context
from cases.deadlines.today import with_remaining
from cases.filters import CaseFilterSet, CourtChoices, CourtsField, TimelineFilter
from cases.html.tags import with_row_tags
from cases.models import Case, Court, DeadlineStatus, Judge
from tracker.admin_tools import row_id
from tracker.pages import paginate, query_without
from tracker.widgets import FastSelectMultiple

CASES_PER_PAGE = 50
# What a case list row shows (templates/cases/case_list.html): the other columns of a case
# (its summary, sources, causes of action, the stored search text) are not read for the list.
LIST_COLUMNS = (
    "slug",
    "short_name",
    "docket_number",
    "status",
    "filed_date",
    "last_activity_on",
    "court__code",
    "court__short_name",
)
# Case lists count and page through at most this many matches (see CappedPaginator).
CASE_COUNT_CAP = 10_000
DEADLINES_PER_PAGE = 50
# The case page is a summary: the latest motions and the next deadlines, each list linking to
# the whole of it (the timeline's motion filter, the deadlines page, the .ics).
MOTIONS_SHOWN = 20
DEADLINES_SHOWN = 10
PAST_DEADLINES_SHOWN = 10
DEADLINE_COUNT_CAP = 10_000
TIMELINE_PER_PAGE = 50
RELATED_SHOWN = 25  # on the case page; /cases/<slug>/related/ has them all
RELATED_PER_PAGE = 100
# A judge's page: the latest cases and rulings, with the columns its lists print.
JUDGE_ROWS = 50
JUDGE_CASE_COLUMNS = ("slug", "short_name", "docket_number", "status", "court__short_name")
JUDGE_RULING_COLUMNS = (
    *("date", "date_note", "title", "citation"),
    *("case__slug", "case__short_name", "case__docket_number", "case__court__short_name"),
)


@require_safe
def home(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "cases/home.html",
        {
            "deadlines": selectors.upcoming_deadlines(days=30)[:15],
            "rulings": selectors.latest_rulings()[:8],
            "status_changes": selectors.latest_status_changes()[:8],
            "case_count": Case.objects.count(),
        },
    )


@require_safe
def case_list(request: HttpRequest) -> HttpResponse:
    # The request: its tag filter is for signed-in users (cases/filters.py).
    filterset = CaseFilterSet(request.GET or None, queryset=Case.objects.all(), request=request)
    searching = filterset.searching and connection.vendor == "postgresql"
    query = filterset.form.cleaned_data.get("q", "") if filterset.searching else ""
    if searching:
        page, note, rows = _search_page(request, filterset, query)
    else:
        # SQLite's search has no stored snippets: they are cut from the search text.
        rows_qs = filterset.qs.only(*LIST_COLUMNS, *(["search_text"] if query else []))
        page, note = paginate(request, rows_qs, CASES_PER_PAGE, cap=CASE_COUNT_CAP)
        rows = list(page.object_list)
    for case in rows:
        raw = getattr(case, "snippet", None)
        if raw is None and query and connection.vendor != "postgresql":
            raw = search.fallback_snippet(case.search_text, query)
        case.snippet_html = search.snippet_html(raw) if raw else ""
    if request.user.is_authenticated:  # each row's tags, one statement (cases/html/tags.py)
        with_row_tags(rows, selectors.tags_by_case(case.pk for case in rows))
    return render(
        request,
        "cases/case_list.html",
        {
            "nav": "cases",
            "filterset": filterset,
            "problems": filterset.problems() + ([note] if note else []),
            "page": page,
            "rows": rows,
            "site_query": request.GET.get("q", "")[:200],
            "query": query_without(request, "page"),
            "searching": searching,
        },
    )


def _search_page(
    request: HttpRequest, filterset: CaseFilterSet, query: str
) -> tuple[Page, str, list[Case]]:
    """Return a page of search results: the ranked ids of at most RANK_CANDIDATES + 1 matches,
    paginated, and the page's rows with their snippets (``search.page_rows``)."""
    ids = list(filterset.qs.values_list("pk", flat=True))
    page, note = paginate(request, ids, CASES_PER_PAGE, cap=search.RANK_CANDIDATES)
    return page, note, search.page_rows(list(page.object_list), query, columns=LIST_COLUMNS)


def _case_or_404(slug: str) -> Case:
    try:
        return selectors.case_for_page(slug)
    except Case.DoesNotExist:
        raise Http404("No case with this address.") from None


@require_safe
def case_detail(request: HttpRequest, slug: str) -> HttpResponse:
    case = _case_or_404(slug)
    timeline_form = TimelineFilter(request.GET or None)
    problems = []
    filters = {}
    if timeline_form.is_bound and not timeline_form.is_valid():
        problems = [
            f"{error} The timeline filter was not applied." for error in _errors(timeline_form)
        ]
    elif timeline_form.is_bound:
        filters = {
            "kinds": timeline_form.cleaned_data["kind"],
            "since": timeline_form.cleaned_data["since"],
            "until": timeline_form.cleaned_data["until"],
        }
    timeline, note = paginate(
        request, selectors.timeline_for_page(case, **filters), TIMELINE_PER_PAGE
    )
    if note:
        problems.append(note)
    deadlines = selectors.case_deadlines(
        case, upcoming_limit=DEADLINES_SHOWN, past_limit=PAST_DEADLINES_SHOWN
    )
    motions, motion_count = selectors.latest_motions(case, MOTIONS_SHOWN)
    related, related_count = selectors.case_related(case, RELATED_SHOWN)
    # One query, for signed-in readers only: the anonymous page costs what it did. Through the
    # reverse relation, so that cases/ still imports nothing from alerts/.
    following = request.user.is_authenticated and (
        case.subscriptions.filter(user=request.user, active=True).exists()
    )
    return render(
        request,
        "cases/case_detail.html",
        {
            "nav": "cases",
            "case": case,
            "parties": selectors.case_parties_by_role(case),
            # A big MDL has hundreds of motions and deadlines: the page shows the latest, and
            # says where the rest are (the timeline, /deadlines/?case=, the .ics).
            "motions": motions,
            "motion_count": motion_count,
            "chart_motions": selectors.chart_motions(case, total=motion_count),  # timeline chart
            "upcoming_deadlines": deadlines.upcoming,
            "upcoming_count": deadlines.upcoming_count,
            "past_deadlines": deadlines.past,
            "past_count": deadlines.past_count,
            "related": related,
            "related_count": related_count,
            "graph": selectors.case_graph(case) if related else None,  # related-case graph
            "status_history": case.status_changes.order_by("effective_date", "recorded_at", "pk"),
            "timeline": timeline,
            "timeline_form": timeline_form,
            "problems": problems,
            "query": query_without(request, "page"),
            "following": following,
            # A signed-in user's notes and the case's tags (two statements); None otherwise.
            "notes_and_tags": selectors.case_notes_and_tags(case, request.user),
        },
    )


@require_safe
def case_related(request: HttpRequest, slug: str) -> HttpResponse:
    """Every case related to this one (an MDL has hundreds), a page at a time."""
    case = _case_or_404(slug)
    links, note = paginate(request, selectors.case_links(case), RELATED_PER_PAGE)
    return render(
        request,
        "cases/case_related.html",
        {
            "nav": "cases",
            "case": case,
            "page": links,
            "related": [selectors.related_item(case, link) for link in links],
            "graph": selectors.case_graph(case) if links.object_list else None,
            "problems": [note] if note else [],
        },
    )


def _errors(form: forms.Form) -> list[str]:
    return [
        (f"{form.fields[name].label}: " if name in form.fields else "") + error
        for name, errors in form.errors.items()
        for error in errors
    ]


class DeadlineFilter(forms.Form):
    court = CourtsField(
        label="Court", required=False, choices=CourtChoices(), widget=FastSelectMultiple
    )
    case = forms.SlugField(label="Case (address name)", required=False, max_length=120)
    days = forms.IntegerField(label="Days ahead", required=False, min_value=1, max_value=366)


@require_safe
def deadlines(request: HttpRequest) -> HttpResponse:
    form = DeadlineFilter(request.GET or None)
    options: dict = {}
    problems: list[str] = []
    if form.is_bound and not form.is_valid():
        problems = [f"{error} This filter was not applied." for error in _errors(form)]
    elif form.is_bound:
        options = {
            "court_codes": form.cleaned_data["court"],
            "case_slug": form.cleaned_data["case"],
            "days": form.cleaned_data["days"] or 90,
        }
    page, note = paginate(
        request, selectors.deadlines_page(**options), DEADLINES_PER_PAGE, cap=DEADLINE_COUNT_CAP
    )
    if note:
        problems.append(note)
    weeks: OrderedDict[datetime.date, list] = OrderedDict()
    for deadline in with_remaining(page.object_list):
        monday = deadline.due_date - datetime.timedelta(days=deadline.due_date.weekday())
        weeks.setdefault(monday, []).append(deadline)
    return render(
        request,
        "cases/deadlines.html",
        {
            "nav": "deadlines",
            "form": form,
            "weeks": weeks,
            "days": options.get("days", 90),
            "problems": problems,
            "page": page,
            "query": query_without(request, "page"),
            "today": timezone.localdate(),
            "open": DeadlineStatus.OPEN,
        },
    )


@require_safe
def court_list(request: HttpRequest) -> HttpResponse:
    courts = selectors.courts_with_counts()
    return render(request, "cases/court_list.html", {"nav": "courts", "courts": courts})


@require_safe
def court_detail(request: HttpRequest, code: str) -> HttpResponse:
    try:
        court = selectors.court_for_page(code)
    except Court.DoesNotExist:
        raise Http404("No court with this code.") from None
    page, note = paginate(
        request, court.cases.select_related("court").order_by("-filed_date", "pk"), CASES_PER_PAGE
    )
    return render(
        request,
        "cases/court_detail.html",
        {
            "nav": "courts",
            "court": court,
            "judges": court.judges.order_by("name"),
            "page": page,
            "problems": [note] if note else [],
            "query": query_without(request, "page"),
        },
    )


@require_safe
def judge_detail(request: HttpRequest, pk: int) -> HttpResponse:
    if row_id(pk) is None:
        raise Http404("No judge with this number.")
    try:
        judge = selectors.judge_for_page(pk)
    except Judge.DoesNotExist:
        raise Http404("No judge with this number.") from None
    return render(
        request,
        "cases/judge_detail.html",
        {
            "nav": "courts",
            "judge": judge,
            # The latest 50 of each, with the columns the lists print (the busiest judge has
            # hundreds; the case list's judge filter has every case).
            "cases": selectors.judge_cases(judge).only(*JUDGE_CASE_COLUMNS)[:JUDGE_ROWS],
            "rulings": selectors.judge_rulings(judge).only(*JUDGE_RULING_COLUMNS)[:JUDGE_ROWS],
            "judge_rows": JUDGE_ROWS,
            # The judge's motion outcomes (cases/analytics): the figures and their links.
            **judge_context(request, judge),
        },
    )
