"""Top-level URL configuration: the apps' URLs are included by name, so tracker/ imports no app."""

from __future__ import annotations

from django.conf import settings
from django.contrib import admin
from django.http import HttpRequest, HttpResponsePermanentRedirect, HttpResponseRedirect
from django.templatetags.static import static
from django.urls import include, path


def favicon(request: HttpRequest) -> HttpResponseRedirect:
    """Redirect to the SVG icon: browsers ask for /favicon.ico whatever the page declares."""
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
    path("accounts/", include("django.contrib.auth.urls")),
    # CourtListener's webhooks (cases/urls_webhooks.py).
    path("", include("cases.urls_webhooks")),
    path("", include("cases.urls_feeds")),
    path("", include("cases.urls")),
    path("", include("parties.urls")),
    # The REST API (api/; README, "API"), its schema and docs, and each user's token page.
    path("api/v1/", include("api.urls")),
    # /healthz for monitors (alerts/health.py), following cases and managing alerts.
    path("", include("alerts.urls")),
]
# The benchmark's floor view (cases/bench.py), only when BENCH_ENDPOINTS is set (never in
# production or tests).
if settings.BENCH_ENDPOINTS:
    urlpatterns.append(path("", include("cases.urls_bench")))
