"""The sync: fetch a linked case's CourtListener docket, merge it, and keep its outcome."""

from __future__ import annotations

import datetime
import logging

from django.conf import settings
from django.db.models import F, Q
from django.utils import timezone

from cases.importers.courtlistener.client import CourtListenerClient
from cases.importers.courtlistener.dockets import docket_data
from cases.importers.courtlistener.errors import CourtListenerError
from cases.importers.courtlistener.values import SITE
from cases.importers.docket import DocketData, MergeReport, docket_merge
from cases.importers.errors import DocketImportError
from cases.models import Case

logger = logging.getLogger(__name__)


def courtlistener_docket_fetch(*, client: CourtListenerClient, docket_id: int) -> DocketData:
    """Read one docket from CourtListener (network only: no database writes)."""
    docket = client.docket(docket_id)
    return docket_data(
        docket,
        entries=client.docket_entries(docket_id),
        parties=client.parties(docket_id),
        attorneys=client.attorneys(docket_id),
        docket_id=docket_id,
    )


def _error_text(error: BaseException) -> str:
    """Return the error kept on the case: when, and what went wrong."""
    if isinstance(error, CourtListenerError | DocketImportError):
        message = str(error)
    else:
        message = f"Unexpected error ({type(error).__name__}): {error}"
    return f"{timezone.now():%Y-%m-%d %H:%M} UTC: {message}"[:2000]


def courtlistener_docket_sync(
    *, case: Case, client: CourtListenerClient | None = None
) -> MergeReport:
    """Fetch the case's CourtListener docket and merge it into the case.

    The requests run first, outside any transaction; then the merge writes the whole docket in
    one transaction, or nothing. On success ``courtlistener_synced_at`` is set and the last error
    cleared; on failure the error is kept on the case (shown in the admin) and raised.
    """
    docket_id = case.courtlistener_docket_id
    if docket_id is None:
        raise CourtListenerError(f"{case.short_name} is not linked to a CourtListener docket.")
    try:
        if client is None:
            with CourtListenerClient.from_settings() as own:
                data = courtlistener_docket_fetch(client=own, docket_id=docket_id)
        else:
            data = courtlistener_docket_fetch(client=client, docket_id=docket_id)
        report = docket_merge(data, case=case, file_name=f"{SITE}/docket/{docket_id}/")
    except (CourtListenerError, DocketImportError) as error:
        Case.objects.filter(pk=case.pk).update(courtlistener_sync_error=_error_text(error))
        logger.warning("CourtListener sync of %s (docket %s): %s", case.pk, docket_id, error)
        raise
    now = timezone.now()
    Case.objects.filter(pk=case.pk).update(courtlistener_synced_at=now, courtlistener_sync_error="")
    case.courtlistener_synced_at, case.courtlistener_sync_error = now, ""
    logger.info("CourtListener sync of %s: %s", case.pk, report.summary())
    return report


def courtlistener_sync_due(*, now: datetime.datetime | None = None) -> list[int]:
    """Return the ids of the linked cases to sync now, the longest-waiting first.

    Due are those never synced, failed, or synced over half an interval
    (``COURTLISTENER_SYNC_MINUTES``) ago.
    """
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(minutes=settings.COURTLISTENER_SYNC_MINUTES / 2)
    return list(
        Case.objects.filter(courtlistener_docket_id__isnull=False)
        .filter(
            Q(courtlistener_synced_at__isnull=True)
            | Q(courtlistener_synced_at__lte=cutoff)
            | ~Q(courtlistener_sync_error="")
        )
        .order_by(F("courtlistener_synced_at").asc(nulls_first=True), "pk")
        .values_list("pk", flat=True)
    )
