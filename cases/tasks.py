"""Celery tasks of cases/: thin, service calls out; scheduled by CELERY_BEAT_SCHEDULE."""

from __future__ import annotations

import datetime
import logging

from celery import shared_task
from django.conf import settings

from cases.analytics import refresh as analytics
from cases.importers.courtlistener import (
    CourtListenerClient,
    CourtListenerRateLimited,
    courtlistener_docket_sync,
    courtlistener_sync_due,
)
from cases.models import Case

log = logging.getLogger(__name__)


@shared_task(acks_late=True, ignore_result=True)
def courtlistener_sync() -> int:
    """Sync each linked case that is due from CourtListener; nothing without COURTLISTENER_TOKEN.

    A case that fails keeps its error (shown in the admin) and the others go on; when
    CourtListener keeps refusing with 429 the run stops, and the next one takes up the rest.
    """
    if not settings.COURTLISTENER_TOKEN:
        return 0
    synced = 0
    with CourtListenerClient.from_settings() as client:
        for case_id in courtlistener_sync_due():
            case = Case.objects.select_related("court").filter(pk=case_id).first()
            if case is None or case.courtlistener_docket_id is None:
                continue
            try:
                courtlistener_docket_sync(case=case, client=client)
            except CourtListenerRateLimited:
                log.warning("CourtListener is rate-limiting; the rest waits for the next run")
                break
            except Exception:  # recorded on the case by the service; the others go on
                log.warning("CourtListener sync of case %s failed", case_id, exc_info=True)
                continue
            synced += 1
    return synced


@shared_task(acks_late=True, ignore_result=True)
def analytics_refresh(requested_at: str | None = None) -> int | None:
    """Rebuild the motion-outcome analytics' summary; return how many motions it counted.

    ``requested_at`` (ISO 8601) comes from a change that asked for it: nothing is done (None)
    if a refresh has started since.
    """
    since = datetime.datetime.fromisoformat(requested_at) if requested_at else None
    state = analytics.analytics_refresh(requested_at=since)
    return None if state is None else state.motions
