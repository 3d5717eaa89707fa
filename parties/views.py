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
    roles = (
        CaseParty.objects.filter(party=party)
        .select_related("case__court")
        .defer(*CASE_TEXT)
        .prefetch_related(Prefetch("representations", queryset=selectors.counsel()))
        .order_by("-case__filed_date", "case__pk", "role")
    )
    # A party can be in thousands of cases (a company sued everywhere): a page at a time.
    page, note = paginate(request, roles, ROLES_PER_PAGE, cap=ROLE_COUNT_CAP)
    return render(
        request,
        "parties/party_detail.html",
        {
            "nav": "parties",
            "party": party,
            "page": page,
            "roles": page.object_list,
            "problems": [note] if note else [],
            "query": query_without(request, "page"),
        },
    )
