"""CourtListener's webhooks (cases/webhooks.py; included by tracker/urls.py)."""

from __future__ import annotations

from django.urls import URLPattern, path

from cases.webhooks import courtlistener_webhook

# The secret in the address, or in an X-Webhook-Secret header.
urlpatterns: list[URLPattern] = [
    path(
        "webhooks/courtlistener/<str:secret>/",
        courtlistener_webhook,
        name="courtlistener-webhook",
    ),
    path("webhooks/courtlistener/", courtlistener_webhook, name="courtlistener-webhook-header"),
]
