"""CourtListener's docket-alert webhooks: each delivery's new entries merged once."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db import IntegrityError, transaction

from cases.importers.courtlistener.entries import entry_data
from cases.importers.courtlistener.values import docket_ref
from cases.importers.docket import DocketData, docket_merge
from cases.importers.errors import DocketImportError
from cases.models import Case, DocketSource, WebhookDelivery

# CourtListener's webhook event type of a docket alert (new entries on a followed docket).
DOCKET_ALERT = 1


@dataclass
class WebhookResult:
    """What one delivery did: a duplicate or ignored event, or the entries merged into cases."""

    duplicate: bool = False
    ignored_event: bool = False
    received: int = 0
    cases: int = 0
    entries_ignored: int = 0
    counts: dict[str, int] = field(
        default_factory=lambda: dict.fromkeys(
            ("entries_added", "entries_changed", "entries_unchanged"), 0
        )
    )

    def as_json(self) -> dict[str, Any]:
        return {
            "duplicate": self.duplicate,
            "ignored_event": self.ignored_event,
            "entries_received": self.received,
            "cases": self.cases,
            "entries_ignored": self.entries_ignored,
            **self.counts,
        }


def webhook_docket_data(case: Case, entries: list[dict[str, Any]]) -> DocketData:
    """Return new entries of a linked case's docket: no parties (none change), not all entries."""
    return DocketData(
        source=DocketSource.COURTLISTENER,
        court_id=case.court.code,
        docket_number=case.docket_number,
        case_name=case.caption,
        parties=None,
        entries=[entry_data(raw) for raw in entries],
        complete=False,
        courtlistener_docket_id=case.courtlistener_docket_id,
    )


def courtlistener_webhook_receive(
    *, idempotency_key: str, event_type: int, entries: list[dict[str, Any]]
) -> WebhookResult:
    """Take one webhook delivery, once: record its key and merge its entries into the linked
    cases, all in one transaction (``DocketImportError`` writes nothing, not even the key).

    ``entries`` are docket-entry objects, each naming its ``docket``; those of dockets no case is
    linked to are counted and ignored.
    """
    result = WebhookResult(received=len(entries))
    if WebhookDelivery.objects.filter(idempotency_key=idempotency_key).exists():
        result.duplicate = True
        return result
    by_docket = _by_docket(entries)
    with transaction.atomic():
        try:
            with transaction.atomic():
                delivery = WebhookDelivery.objects.create(
                    idempotency_key=idempotency_key, event_type=event_type
                )
        except IntegrityError:  # the same delivery, taken by a concurrent request
            result.duplicate = True
            return result
        if event_type != DOCKET_ALERT:
            result.ignored_event = True
            return result
        _linked_merge(by_docket, idempotency_key=idempotency_key, result=result)
        delivery.entries_added = result.counts["entries_added"]
        delivery.save(update_fields=["entries_added"])
    return result


def _by_docket(entries: list[dict[str, Any]]) -> dict[int, list[dict[str, Any]]]:
    """Group a delivery's entries by the docket each names (one that names none raises)."""
    by_docket: dict[int, list[dict[str, Any]]] = {}
    for raw in entries:
        docket_id = docket_ref(raw)
        if docket_id is None:
            raise DocketImportError("A docket entry of the webhook names no docket.")
        by_docket.setdefault(docket_id, []).append(raw)
    return by_docket


def _linked_merge(
    by_docket: dict[int, list[dict[str, Any]]], *, idempotency_key: str, result: WebhookResult
) -> None:
    """Merge the entries of each linked docket into its case; count the others as ignored."""
    linked = {
        case.courtlistener_docket_id: case
        for case in Case.objects.select_related("court").filter(
            courtlistener_docket_id__in=list(by_docket)
        )
    }
    for docket_id, raws in by_docket.items():
        case = linked.get(docket_id)
        if case is None:
            result.entries_ignored += len(raws)
            continue
        report = docket_merge(
            webhook_docket_data(case, raws),
            case=case,
            file_name=f"CourtListener webhook {idempotency_key}"[:255],
        )
        result.cases += 1
        for key in result.counts:
            result.counts[key] += report.counts[key]
