"""CourtListener in: the v4 API served for real by pytest-httpserver (cursor pages, 429 with
Retry-After, 5xx), synced into PostgreSQL through the same merge as PACER reports, linked in the
admin, and docket-alert webhooks through Django's test client and through a live server."""
