"""The benchmark's floor view (bench/pages.py), routed only when ``BENCH_ENDPOINTS`` is true.

``/_bench/floor/`` fetches the same rows as the first page of the case list (the case list's own
queryset and ordering, the columns its table shows, ``CASES_PER_PAGE`` rows) and returns them as
JSON: no template, no count, no filter form. What it does per second is what Django and
PostgreSQL can do on this machine for one page of cases, and the harness states each page's
throughput as a fraction of it.

It does not exist in production: tracker/urls.py includes cases/urls_bench.py only when
``BENCH_ENDPOINTS`` is set (env ``BENCH_ENDPOINTS=1``); it is off by default and in the tests.
"""

from __future__ import annotations

from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_safe

from cases.filters import CaseFilterSet
from cases.models import Case
from cases.views import CASES_PER_PAGE, LIST_COLUMNS  # the columns the list's rows show


@require_safe
def floor(request: HttpRequest) -> JsonResponse:
    """Return the case list's first page of rows as JSON: one query."""
    rows = CaseFilterSet(None, queryset=Case.objects.all()).qs.values(*LIST_COLUMNS)
    return JsonResponse({"rows": list(rows[:CASES_PER_PAGE])})
