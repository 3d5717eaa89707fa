"""CourtListener's webhook deliveries: POST /webhooks/courtlistener/<secret>/.

The secret is in the address (or, at /webhooks/courtlistener/, in an ``X-Webhook-Secret``
header) and compared in constant time with COURTLISTENER_WEBHOOK_SECRET; with none set the
endpoint does not exist (404). Each delivery carries an ``Idempotency-Key``: a key already taken
is answered 200 and changes nothing. Docket alerts (event type 1) bring new docket entries,
merged into the cases linked to their dockets (``courtlistener_webhook_receive``).
"""

from __future__ import annotations

import hmac
import json
import logging
from typing import Any

from django.conf import settings
from django.http import HttpRequest, JsonResponse
from django.views.decorators.csrf import csrf_exempt

from cases.importers.courtlistener import DOCKET_ALERT, courtlistener_webhook_receive, docket_ref
from cases.importers.errors import DocketImportError

logger = logging.getLogger(__name__)

MAX_BODY_BYTES = 1024 * 1024
MAX_KEY_LENGTH = 100  # WebhookDelivery.idempotency_key


def _error(status: int, message: str) -> JsonResponse:
    return JsonResponse({"error": message}, status=status)


def _parse(body: bytes) -> tuple[int, list[dict[str, Any]]]:
    """(event type, docket entries) of a delivery; ``ValueError`` with one line otherwise."""
    try:
        data = json.loads(body)
    except (UnicodeDecodeError, ValueError):
        raise ValueError("The body is not JSON.") from None
    if not isinstance(data, dict) or not isinstance(data.get("webhook"), dict):
        raise ValueError("The body is not a CourtListener webhook: it has no 'webhook' object.")
    event_type = data["webhook"].get("event_type")
    if not isinstance(event_type, int) or isinstance(event_type, bool):
        raise ValueError("The webhook's event_type is not a number.")
    if event_type != DOCKET_ALERT:
        return event_type, []
    payload = data.get("payload")
    results = payload.get("results") if isinstance(payload, dict) else None
    if not isinstance(results, list) or not all(isinstance(r, dict) for r in results):
        raise ValueError("A docket alert's payload.results is not a list of docket entries.")
    if any(docket_ref(entry) is None for entry in results):
        raise ValueError("A docket entry of the docket alert names no docket.")
    return event_type, results


def _secret_matches(given: str) -> bool:
    expected = settings.COURTLISTENER_WEBHOOK_SECRET
    return hmac.compare_digest(given.encode(), expected.encode())


@csrf_exempt
def courtlistener_webhook(request: HttpRequest, secret: str | None = None) -> JsonResponse:
    """Receive one CourtListener webhook delivery."""
    if not settings.COURTLISTENER_WEBHOOK_SECRET:
        return _error(404, "Not found.")
    if request.method != "POST":
        response = _error(405, "Only POST is accepted.")
        response["Allow"] = "POST"
        return response
    given = secret if secret is not None else request.headers.get("X-Webhook-Secret", "")
    if not _secret_matches(given):
        return _error(403, "Wrong webhook secret.")
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return _error(400, "Bad Content-Length.")
    if declared > MAX_BODY_BYTES:
        return _error(413, f"The body is larger than {MAX_BODY_BYTES} bytes.")
    body = request.read(MAX_BODY_BYTES + 1)
    if len(body) > MAX_BODY_BYTES:
        return _error(413, f"The body is larger than {MAX_BODY_BYTES} bytes.")
    key = request.headers.get("Idempotency-Key", "").strip()
    if not key:
        return _error(400, "The Idempotency-Key header is missing.")
    if len(key) > MAX_KEY_LENGTH:
        return _error(400, f"The Idempotency-Key is longer than {MAX_KEY_LENGTH} characters.")
    try:
        event_type, entries = _parse(body)
    except ValueError as error:
        return _error(400, str(error))
    try:
        result = courtlistener_webhook_receive(
            idempotency_key=key, event_type=event_type, entries=entries
        )
    except DocketImportError as error:
        logger.warning("CourtListener webhook %s not taken: %s", key, error)
        return _error(422, f"Nothing was written: {error}")
    return JsonResponse(result.as_json())
