"""The pages of requests that fail before a view can answer them, saying what was wrong.

Django's own handlers show a bare "Bad Request (400)", and on a 404 the name of the exception
("Resolver404") when it carries no message.
"""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import (
    DisallowedHost,
    RequestDataTooBig,
    TooManyFieldsSent,
    TooManyFilesSent,
)
from django.http import Http404, HttpRequest, HttpResponse
from django.http.multipartparser import MultiPartParserError
from django.shortcuts import render
from django.template.defaultfilters import filesizeformat
from django.views.decorators.csrf import requires_csrf_token


def _bad_request_reason(exception: Exception) -> str:
    if isinstance(exception, TooManyFieldsSent):
        return (
            f"The request has more than {settings.DATA_UPLOAD_MAX_NUMBER_FIELDS:,} fields "
            "(a name repeated counts each time), more than any page of this site sends."
        )
    if isinstance(exception, TooManyFilesSent):
        return f"The request has more than {settings.DATA_UPLOAD_MAX_NUMBER_FILES:,} files."
    if isinstance(exception, RequestDataTooBig):
        limit = filesizeformat(settings.DATA_UPLOAD_MAX_MEMORY_SIZE)
        return f"The request is larger than the {limit} this site accepts."
    if isinstance(exception, MultiPartParserError):
        return "The form data could not be read: it is not valid multipart/form-data."
    if isinstance(exception, DisallowedHost):
        return "This site does not answer to the host name the request was sent to."
    return "The request could not be understood: it is malformed or was changed on the way."


@requires_csrf_token
def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    """400: why the request was refused (never the exception's own text, which may quote it)."""
    context = {"reason": _bad_request_reason(exception)}
    return render(request, "400.html", context, status=400)


@requires_csrf_token
def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """404 with the view's message ("No case with this address."), else a general one."""
    message = exception.args[0] if isinstance(exception, Http404) and exception.args else ""
    context = {"exception": message if isinstance(message, str) else ""}
    return render(request, "404.html", context, status=404)
