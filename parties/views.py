"""Public pages of parties: a filterable list, and each party with every case, role and counsel."""

from __future__ import annotations

from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from cases.selectors import CASE_TEXT
from parties import selectors
from parties.filters import PartyFilterSet
from parties.models import CaseParty, Party
from tracker.pages import paginate, query_without

PARTIES_PER_PAGE = 50
ROLES_PER_PAGE = 50
ROLE_COUNT_CAP = 10_000


@require_safe
def party_list(request: HttpRequest) -> HttpResponse:
    filterset = PartyFilterSet(request.GET or None, queryset=Party.objects.all())
    page, note = paginate(request, filterset.qs, PARTIES_PER_PAGE)
    problems = [
        f"{filterset.form.fields[name].label}: {error} This filter was not applied."
        for name, errors in filterset.form.errors.items()
        for error in errors
    ]
    return render(
        request,
        "parties/party_list.html",
        {
            "nav": "parties",
            "filterset": filterset,
            "page": page,
            "problems": problems + ([note] if note else []),
            "query": query_without(request, "page"),
        },
    )


@require_safe
def party_detail(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        party = Party.objects.get(slug=slug)
    except Party.DoesNotExist:
        raise Http404("No party with this address.") from None
    # A party can be in thousands of cases (a company sued everywhere): a page at a time. The
    # page's keys are ordered in a narrow subquery that reads only covering indexes
    # (caseparty_party_case_idx, case_id_filed_idx); only those 50 rows are then joined.
    ordering = ("-case__filed_date", "case__pk", "role")
    keys = CaseParty.objects.filter(party=party).order_by(*ordering).values_list("pk", flat=True)
    page, note = paginate(request, keys, ROLES_PER_PAGE, cap=ROLE_COUNT_CAP)
    roles = (
        CaseParty.objects.filter(pk__in=page.object_list)
        .select_related("case__court")
        .defer(*CASE_TEXT)
        .prefetch_related(Prefetch("representations", queryset=selectors.counsel()))
        .order_by(*ordering)
    )
    return render(
        request,
        "parties/party_detail.html",
        {
            "nav": "parties",
            "party": party,
            "page": page,
            "roles": roles,
            "problems": [note] if note else [],
            "query": query_without(request, "page"),
        },
    )
