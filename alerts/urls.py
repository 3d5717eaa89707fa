"""Following cases and managing alerts; the unsubscribe links that the e-mails carry; /healthz."""

from __future__ import annotations

from django.urls import path

from alerts import health, views

urlpatterns = [
    # For monitors: 200 or 503 with JSON (alerts/health.py).
    path("healthz", health.healthz, name="healthz"),
    path("alerts/", views.my_alerts, name="my-alerts"),
    path("alerts/settings/", views.alert_settings, name="alert-settings"),
    path("alerts/subscriptions/<int:pk>/", views.subscription_update, name="subscription-update"),
    path("alerts/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    # The offer of an alert to follow the case a followed case went to (signed, GET asks).
    path("alerts/follow-on/<str:token>/", views.follow_on, name="follow-on"),
    path("cases/<slug:slug>/follow/", views.follow_case, name="follow-case"),
    path("cases/<slug:slug>/unfollow/", views.unfollow_case, name="unfollow-case"),
]
