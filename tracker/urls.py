"""Top-level URL configuration."""

from __future__ import annotations

from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Docket tracker administration"
admin.site.site_title = "Docket tracker admin"
admin.site.index_title = "Data entry"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("cases.urls_feeds")),
    path("", include("cases.urls")),
    path("", include("parties.urls")),
]
