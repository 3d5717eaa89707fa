"""Public pages of parties: a filterable list, and each party with every case, role and counsel."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from parties import selectors
from parties.filters import PartyFilterSet
from parties.models import Party
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
        party = selectors.party_for_page(slug)
    except Party.DoesNotExist:
        raise Http404("No party with this address.") from None
    page, note = paginate(
        request, selectors.party_role_keys(party), ROLES_PER_PAGE, cap=ROLE_COUNT_CAP
    )
    roles = selectors.party_roles(page.object_list)
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
