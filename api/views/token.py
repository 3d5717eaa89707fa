"""The signed-in user's API token page: whether they have one, and a form to make, replace or
revoke it. A new key is shown once, on the answer to the POST that made it; never again."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from rest_framework.authtoken.models import Token

from api import services

ACTIONS = {"create", "revoke"}


def _page(
    request: HttpRequest, *, key: str = "", problem: str = "", status: int = 200
) -> HttpResponse:
    token = Token.objects.filter(user=request.user).only("created").first()
    context = {"token": token, "key": key, "problems": [problem] if problem else []}
    return render(request, "api/token.html", context, status=status)


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
@login_required
def token_page(request: HttpRequest) -> HttpResponse:
    if request.method != "POST":
        return _page(request)
    action = request.POST.get("action", "")
    if action not in ACTIONS:
        return _page(request, problem="Choose to make a new token or to revoke yours.", status=400)
    if action == "revoke":
        had = services.token_revoke(user=request.user)
        return _page(request, problem="" if had else "You had no token to revoke.")
    return _page(request, key=services.token_replace(user=request.user).key)
