"""CourtListener (REST API v4): a client, its JSON mapped onto a ``DocketData``, the sync, and
the docket-alert webhook's delivery.

A case is linked to a CourtListener docket by ``Case.courtlistener_docket_id``. The beat task
(``cases.tasks.courtlistener_sync``) fetches each linked docket, its entries, parties and
attorneys (every request outside any database transaction), then hands the whole docket to the
same merge the PACER importer uses (``docket_merge``), so a new entry becomes a ``CaseEvent`` and
reaches the case's followers. CourtListener's docket alerts arrive as webhooks
(``cases.webhooks``): their new entries are merged the same way, once per idempotency key.

Nothing here runs without ``COURTLISTENER_TOKEN``; the webhook needs
``COURTLISTENER_WEBHOOK_SECRET``.

``client`` makes the requests (``responses`` reads the answers, ``errors`` says what failed);
``values``, ``entries``, ``parties`` and ``dockets`` map the JSON; ``sync`` and ``webhooks``
hand it to the merge.
"""

from cases.importers.courtlistener.client import (
    MAX_PAGES,
    MAX_WAIT_SECONDS,
    PAGE_SIZE,
    CourtListenerClient,
    Sleep,
)
from cases.importers.courtlistener.dockets import docket_data
from cases.importers.courtlistener.entries import entry_data
from cases.importers.courtlistener.errors import (
    SYNC_OFF,
    CourtListenerError,
    CourtListenerRateLimited,
)
from cases.importers.courtlistener.parties import ROLE_LINES, parties_data, role_lines
from cases.importers.courtlistener.sync import (
    courtlistener_docket_fetch,
    courtlistener_docket_sync,
    courtlistener_sync_due,
)
from cases.importers.courtlistener.values import SITE, docket_id_parse, docket_ref, resource_id
from cases.importers.courtlistener.webhooks import (
    DOCKET_ALERT,
    WebhookResult,
    courtlistener_webhook_receive,
    webhook_docket_data,
)

__all__ = [
    "DOCKET_ALERT",
    "MAX_PAGES",
    "MAX_WAIT_SECONDS",
    "PAGE_SIZE",
    "ROLE_LINES",
    "SITE",
    "SYNC_OFF",
    "CourtListenerClient",
    "CourtListenerError",
    "CourtListenerRateLimited",
    "Sleep",
    "WebhookResult",
    "courtlistener_docket_fetch",
    "courtlistener_docket_sync",
    "courtlistener_sync_due",
    "courtlistener_webhook_receive",
    "docket_data",
    "docket_id_parse",
    "docket_ref",
    "entry_data",
    "parties_data",
    "resource_id",
    "role_lines",
    "webhook_docket_data",
]
