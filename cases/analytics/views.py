"""/analytics/: motion outcomes by kind, judge and court; /analytics/<table>.csv: one table."""

from __future__ import annotations

from typing import Any

from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from cases.analytics import downloads, live, selectors
from cases.analytics.filters import DEFAULT_MINIMUM, OutcomeFilterSet, minimum_from
from cases.models import Judge, MotionOutcome
from tracker.pages import query_without


def _filterset(request: HttpRequest) -> OutcomeFilterSet:
    return OutcomeFilterSet(request.GET or None, queryset=MotionOutcome.objects.all())


def with_small_groups(request: HttpRequest) -> str:
    """The current query string with ``min=1``: every group with a decided motion shown."""
    rest = query_without(request, "min")
    return f"{rest}&min=1" if rest else "min=1"


@require_safe
def analytics(request: HttpRequest) -> HttpResponse:
    filterset = _filterset(request)
    report = selectors.outcome_report(filterset)
    return render(
        request,
        "cases/analytics.html",
        {
            "nav": "analytics",
            "filterset": filterset,
            "report": report,
            "problems": [*filterset.problems(), *([report.too_slow] if report.too_slow else [])],
            "query": request.GET.urlencode(),
            "show_small_query": with_small_groups(request),
            "default_minimum": DEFAULT_MINIMUM,
            "showing_small": report.minimum < DEFAULT_MINIMUM,
            "table_rows": selectors.TABLE_ROWS,
        },
    )


@require_safe
def analytics_csv(request: HttpRequest, table: str) -> HttpResponse | StreamingHttpResponse:
    """One table of the page, with the page's filters, every group at the minimum (503 when
    counting them live takes too long)."""
    spec = selectors.TABLES.get(table)
    if spec is None:
        raise Http404("No such table: the tables are kinds, judges and courts.")
    try:
        groups = selectors.outcome_groups(_filterset(request), table)
    except live.TooSlow as slow:
        response = HttpResponse(str(slow), status=503, content_type="text/plain; charset=utf-8")
        response["Retry-After"] = "1800"  # the next recount
        return response
    return downloads.outcome_csv(request, spec, groups)


def judge_context(request: HttpRequest, judge: Judge) -> dict[str, Any]:
    """What a judge's page adds to show the judge's motion outcomes (templates/cases/
    judge_detail.html): the figures, and the query strings of its links."""
    minimum, problems = minimum_from(request.GET)
    query = f"judge_id={judge.pk}" + (f"&min={minimum}" if minimum != DEFAULT_MINIMUM else "")
    return {
        "report": selectors.judge_report(judge, minimum),
        "problems": problems,
        "query": query,
        "show_small_query": "min=1",
        "default_minimum": DEFAULT_MINIMUM,
    }
