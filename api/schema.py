"""The OpenAPI schema's shared parts: path parameters, the case filters' parameters, and the
answers every operation can give besides its own (``postprocess``): 304 to a matching
If-None-Match, 400 with the messages, 401, 403, 404, 415 and 429 with Retry-After, each one a
JSON ``Error``. Schemathesis holds the API to it (tests/api/test_schemathesis.py)."""

from __future__ import annotations

import re
from typing import Any

from django.conf import settings
from drf_spectacular.utils import OpenApiParameter

SLUG = {"type": "string", "pattern": "^[-a-zA-Z0-9_]+$", "maxLength": 120}
ID = {"type": "integer", "minimum": 1, "maximum": 2**63 - 1}


def path_parameter(name: str, description: str) -> OpenApiParameter:
    schema = ID if name == "id" else SLUG
    return OpenApiParameter(name, schema, OpenApiParameter.PATH, description=description)


def _query(name: str, schema: dict[str, Any], description: str) -> OpenApiParameter:
    return OpenApiParameter(name, schema, OpenApiParameter.QUERY, description=description)


# What the case filters take, where the FilterSet alone does not say (cases/filters.py).
CASE_FILTER_PARAMETERS = [
    _query(
        "court",
        {"type": "array", "items": {"type": "string", "maxLength": 40}},
        "Court codes (repeat the parameter for several), e.g. ilnd; one not known is a 400.",
    ),
    _query(
        "state",
        {"type": "string", "pattern": "^[A-Za-z]{2}$"},
        "The court's two-letter state, e.g. IL.",
    ),
    _query("pending_motions", {"type": "boolean"}, "Only cases with a pending motion."),
    _query(
        "deadline_within",
        {"type": "integer", "minimum": 1, "maximum": 366},
        "Only cases with an open deadline within this many days.",
    ),
    _query(
        "q",
        {"type": "string", "maxLength": 200},
        "Full-text search (websearch syntax: quotes, -word, OR), ranked best first unless "
        "sort is given.",
    ),
]

ERROR = {
    "type": "object",
    "required": ["detail"],
    "properties": {
        "detail": {"type": "string", "description": "What was wrong, in one sentence."},
        "errors": {
            "type": "object",
            "description": "For invalid input: the messages, by parameter or field.",
            "additionalProperties": {"type": "array", "items": {"type": "string"}},
        },
    },
}
ETAG = {"ETag": {"schema": {"type": "string"}, "description": "A hash of the body."}}
RETRY_AFTER = {
    "Retry-After": {"schema": {"type": "string"}, "description": "Seconds to wait before asking."}
}
IF_NONE_MATCH = {
    "in": "header",
    "name": "If-None-Match",
    "required": False,
    "schema": {"type": "string"},
    "description": "The ETag of the answer you have: 304 if it is still the same.",
}


def _error(description: str, **extra: Any) -> dict[str, Any]:
    content = {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}
    return {"description": description, "content": content, **extra}


def _answers(path: str, method: str, operation: dict[str, Any]) -> dict[str, Any]:
    """The answers ``operation`` can give besides those its view declares."""
    answers = {
        "401": _error("A token that is not valid, or none where one is needed."),
        "429": _error("Too many requests: wait for Retry-After seconds.", headers=RETRY_AFTER),
    }
    if method == "get":
        answers["304"] = {"description": "Not modified (If-None-Match).", "headers": ETAG}
    if any(p["in"] == "query" for p in operation.get("parameters", [])) or method == "post":
        answers["400"] = _error("A parameter or field that is not valid (see errors).")
    if method in {"post", "delete"}:
        answers["403"] = _error("Signed in with a session, but without the CSRF token.")
    if method == "post":
        answers["415"] = _error("A body that is not JSON.")
    if re.search(r"\{\w+\}", path):
        answers["404"] = _error("No such row (or not yours).")
    return answers


INFO = {
    "title": "Docket tracker API",
    "version": "1",
    "description": "Read-only access to courts, judges, cases and their dockets, and your own "
    "subscriptions with a token (README, section API). Every error is JSON: detail, and for "
    "invalid input errors by parameter.",
}


def postprocess(result: dict[str, Any], generator: Any, request: Any, public: bool) -> dict:
    """Add the title, the shared answers, the If-None-Match parameter and ETag headers to each
    operation; while the site is public, its reads need no credentials."""
    result["info"] = dict(INFO)
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR
    for path, methods in result.get("paths", {}).items():
        for method, operation in methods.items():
            for code, answer in _answers(path, method, operation).items():
                operation["responses"].setdefault(code, answer)
            if method == "get":
                operation.setdefault("parameters", []).append(dict(IF_NONE_MATCH))
                operation["responses"]["200"].setdefault("headers", {}).update(ETAG)
            if settings.API_PUBLIC and "subscriptions" not in operation.get("tags", []):
                operation.setdefault("security", []).append({})
    return result
