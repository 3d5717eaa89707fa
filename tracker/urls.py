"""Top-level URL configuration."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest, HttpResponsePermanentRedirect, HttpResponseRedirect
from django.templatetags.static import static
from django.urls import include, path

from alerts.health import healthz
from cases.webhooks import courtlistener_webhook
from tracker import bench


def favicon(request: HttpRequest) -> HttpResponseRedirect:
    """Browsers ask for /favicon.ico whatever the page declares."""
    return HttpResponsePermanentRedirect(static("favicon.svg"))


admin.site.site_header = "Docket tracker administration"
admin.site.site_title = "Docket tracker admin"
admin.site.index_title = "Data entry"

# Error pages that say what was wrong (tracker/errors.py).
handler400 = "tracker.errors.bad_request"
handler404 = "tracker.errors.page_not_found"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("favicon.ico", favicon),
    # For monitors: 200 or 503 with JSON (alerts/health.py).
    path("healthz", healthz, name="healthz"),
    path("accounts/", include("django.contrib.auth.urls")),
    # CourtListener's webhooks: the secret in the address, or in an X-Webhook-Secret header.
    path(
        "webhooks/courtlistener/<str:secret>/",
        courtlistener_webhook,
        name="courtlistener-webhook",
    ),
    path("webhooks/courtlistener/", courtlistener_webhook, name="courtlistener-webhook-header"),
    path("", include("cases.urls_feeds")),
    path("", include("cases.urls")),
    path("", include("parties.urls")),
    path("", include("alerts.urls")),
]
# The benchmark's floor view, only when BENCH_ENDPOINTS is set (never in production or tests).
urlpatterns += bench.urlpatterns()
