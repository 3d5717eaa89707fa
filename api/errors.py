"""Every error of the API is one JSON object: ``detail``, one sentence, and for invalid input
``errors``, the messages by parameter or field (``tests/api/test_errors.py``)."""

from __future__ import annotations

from typing import Any

from django.http import HttpRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt
from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

INVALID = "The request is not valid: see errors."


def _messages(value: Any) -> list[str]:
    if isinstance(value, dict):
        return [f"{key}: {text}" for key, item in value.items() for text in _messages(item)]
    if isinstance(value, list | tuple):
        return [text for item in value for text in _messages(item)]
    return [str(value)]


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """DRF's answer to ``exc``, with a validation error's messages under ``errors``."""
    response = drf_exception_handler(exc, context)
    if response is None or not isinstance(exc, exceptions.ValidationError):
        return response
    data = response.data
    if isinstance(data, dict):
        errors = {str(name): _messages(value) for name, value in data.items()}
    else:
        errors = {"non_field_errors": _messages(data)}
    response.data = {"detail": INVALID, "errors": errors}
    return response


@csrf_exempt  # it changes nothing, whatever the method: a 404, not a CSRF page
def not_found(request: HttpRequest, rest: str = "") -> JsonResponse:
    """Answer an address under /api/v1/ that names nothing with a JSON 404, like the rest."""
    return JsonResponse({"detail": "Not found."}, status=404)
