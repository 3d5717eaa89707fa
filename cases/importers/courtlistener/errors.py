"""What goes wrong with CourtListener: the errors its client and sync raise."""

from __future__ import annotations

SYNC_OFF = "CourtListener sync is off: set COURTLISTENER_TOKEN."


class CourtListenerError(Exception):
    """CourtListener could not be reached, refused, or answered something unusable.

    The message is one sentence for the admin (it is kept in ``Case.courtlistener_sync_error``).
    """


class CourtListenerRateLimited(CourtListenerError):
    """CourtListener keeps answering 429: every further request now would be refused too."""
