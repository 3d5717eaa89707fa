"""Top-level URL configuration."""

from __future__ import annotations

from django.contrib import admin
from django.http import HttpRequest, HttpResponsePermanentRedirect, HttpResponseRedirect
from django.templatetags.static import static
from django.urls import include, path

from cases.webhooks import courtlistener_webhook
from tracker import bench


def favicon(request: HttpRequest) -> HttpResponseRedirect:
    """Browsers ask for /favicon.ico whatever the page declares."""
    return HttpResponsePermanentRedirect(static("favicon.svg"))


admin.site.site_header = "Docket tracker administration"
admin.site.site_title = "Docket tracker admin"
admin.site.index_title = "Data entry"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("favicon.ico", favicon),
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
