"""Request rates: anonymous clients per address, signed-in users (token or session) per user.

The rates are read from the settings on every request (``API_ANON_RATE``, ``API_USER_RATE``), and
the address is the one the trusted proxy saw (``tracker.security.client_ip``): DRF's own reads
X-Forwarded-For as the client sent it, which would let anyone pick a fresh address each time.
"""

from __future__ import annotations

from django.conf import settings
from django.core.cache.backends.locmem import LocMemCache
from rest_framework.request import Request
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle

from tracker.security import client_ip

# Each client's recent requests, in this process's memory (as DRF's default cache would keep
# them, but of their own: up to 10,000 clients at once, and no other entries to push them out).
CACHE = LocMemCache("api-throttle", {"OPTIONS": {"MAX_ENTRIES": 10_000}})


class _Rated:
    setting = ""
    cache = CACHE

    def get_rate(self) -> str:
        return getattr(settings, self.setting)

    def get_ident(self, request: Request) -> str:
        return client_ip(request) or "unknown"


class AnonThrottle(_Rated, AnonRateThrottle):
    setting = "API_ANON_RATE"


class UserThrottle(_Rated, UserRateThrottle):
    setting = "API_USER_RATE"
