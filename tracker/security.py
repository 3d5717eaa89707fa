"""Sign-in throttling (django-axes): the client address it counts, the page a lock shows."""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.defaultfilters import pluralize


def client_ip(request: HttpRequest) -> str | None:
    """Return the address of the client, as the trusted proxy saw it when there is one.

    Behind the proxy that production runs behind (``SECURE_PROXY_SSL_HEADER`` set), REMOTE_ADDR
    is the proxy's own address, and the client's is the last one in X-Forwarded-For: the one
    the proxy appended. The earlier ones come from the client and prove nothing. None when
    there is no valid address (a request built in code).
    """
    candidates = [request.META.get("REMOTE_ADDR", "")]
    if getattr(settings, "SECURE_PROXY_SSL_HEADER", None):
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").rsplit(",", 1)[-1].strip()
        candidates.insert(0, forwarded)
    for candidate in candidates:
        try:
            return str(ipaddress.ip_address(candidate))
        except ValueError:
            continue
    return None


# The longest username django-axes can store (AccessAttempt.username, AccessLog.username).
AXES_USERNAME_MAX_LENGTH = 255


def client_username(request: HttpRequest, credentials: dict | None = None) -> str | None:
    """Return the username django-axes counts a sign-in attempt under, cut to what it can store.

    Django's sign-in form does not limit the length of the username it checks, and django-axes
    saved a longer one as it came: the insert failed, and the sign-in ended in a server error.
    """
    field = getattr(settings, "AXES_USERNAME_FORM_FIELD", "username")
    source = credentials if credentials else getattr(request, "data", request.POST)
    username = source.get(field)
    return None if username is None else str(username)[:AXES_USERNAME_MAX_LENGTH]


def locked_out(request: HttpRequest, credentials: dict | None, *args: object) -> HttpResponse:
    """Answer a sign-in attempt that django-axes has locked out: 429, saying why and how long."""
    hours = float(settings.AXES_COOLOFF_TIME)
    minutes = round(hours * 60)
    wait = (
        f"{minutes} minute{pluralize(minutes)}"
        if minutes < 120
        else f"{round(hours)} hour{pluralize(round(hours))}"
    )
    context = {"failure_limit": settings.AXES_FAILURE_LIMIT, "wait": wait}
    return render(request, "registration/locked_out.html", context, status=429)
