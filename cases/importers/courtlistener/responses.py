"""Read CourtListener's answers: the JSON object, the error's sentence, the wait asked."""

from __future__ import annotations

import email.utils
from typing import Any

import httpx
from django.utils import timezone

from cases.importers.courtlistener.errors import CourtListenerError
from cases.importers.docket import clean_text


def retry_after(response: httpx.Response, default: float) -> float:
    """Return the seconds a 429 asks to wait (``Retry-After``), else ``default``."""
    raw = response.headers.get("Retry-After", "").strip()
    if raw.isdigit():
        return float(raw)
    if raw:
        try:
            when = email.utils.parsedate_to_datetime(raw)
        except (TypeError, ValueError):
            when = None
        if when is not None and when.tzinfo is not None:
            return max(0.0, (when - timezone.now()).total_seconds())
    return default


def response_json(response: httpx.Response, where: str) -> dict[str, Any]:
    """Return the JSON object of a 200 answer; any other answer raises ``CourtListenerError``."""
    status = response.status_code
    if status >= 400:
        detail = _detail(response)
        if status in (401, 403):
            raise CourtListenerError(
                f"CourtListener refused the request for {where} ({status}{detail}): "
                "check COURTLISTENER_TOKEN, and that its account may use this API."
            )
        if status == 404:
            raise CourtListenerError(
                f"CourtListener has nothing at {where} (404 Not Found): check the case's "
                "CourtListener docket."
            )
        raise CourtListenerError(
            f"CourtListener answered {status_text(status)}{detail} for {where}."
        )
    if status != 200:
        raise CourtListenerError(f"CourtListener answered {status} for {where}, not 200.")
    try:
        data = response.json()
    except ValueError:
        raise CourtListenerError(f"CourtListener's answer for {where} is not JSON.") from None
    if not isinstance(data, dict):
        raise CourtListenerError(f"CourtListener's answer for {where} is not a JSON object.")
    return data


def status_text(code: int) -> str:
    """Return ``500 Internal Server Error``, whatever the server wrote as its reason."""
    return f"{code} {httpx.codes.get_reason_phrase(code)}".strip()


def _detail(response: httpx.Response) -> str:
    """Return ": <the answer's detail>" when its JSON gives one, else ''."""
    try:
        data = response.json()
    except ValueError:
        return ""
    detail = data.get("detail") if isinstance(data, dict) else None
    return f": {clean_text(str(detail))[:200]}" if detail else ""
