"""Alerts in the admin: people's settings and subscriptions, and every delivery with its error.

Subscriptions are added and changed through ``alerts.services``, like the reader's own page.
Notifications are written by the services and the delivery worker only: the admin shows them.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.forms import ModelForm
from django.http import HttpRequest

from alerts import services
from alerts.forms import CHOICES, SubscriptionAdminForm
from alerts.models import SUBSCRIPTION_FILTERS, AlertSettings, Notification, Subscription
from tracker.admin_tools import BaseAdmin, ReadOnlyAdmin, ServiceAdmin, form_changes


@admin.register(AlertSettings)
class AlertSettingsAdmin(BaseAdmin):
    list_display = [
        "user",
        "delivery",
        "time_zone",
        "digest_hour",
        "reminder_days",
        "follow_on",
        "email_rejected_at",
    ]
    list_filter = ["delivery", "follow_on", ("email_rejected_at", admin.EmptyFieldListFilter)]
    list_select_related = ["user"]
    search_fields = ["user__username", "user__email", "email_rejected_reason"]
    autocomplete_fields = ["user"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "user",
                    "delivery",
                    "time_zone",
                    "digest_hour",
                    "reminder_days",
                    "follow_on",
                ]
            },
        ),
        (
            "Refused address",
            {
                "fields": ["email_rejected_at", "email_rejected_reason"],
                "description": "Set by the mail worker when the server refuses the address for "
                "good. Clear both once the address is corrected.",
            },
        ),
    ]


def _follow(request: HttpRequest, obj: Subscription, form: ModelForm) -> Subscription:
    data = form.cleaned_data
    subscription = services.subscription_follow(
        user=data["user"],
        case=data["case"],
        **{name: data[name] for name in (*CHOICES, *SUBSCRIPTION_FILTERS)},
    )
    if not data["active"]:
        subscription = services.subscription_unfollow(subscription=subscription)
    return subscription


def _update(request: HttpRequest, obj: Subscription, form: ModelForm) -> Subscription:
    return services.subscription_update(subscription=obj, **form_changes(form))


@admin.register(Subscription)
class SubscriptionAdmin(ServiceAdmin):
    list_display = ["user", "case", *CHOICES, "active", "created_at"]
    list_filter = ["active", *CHOICES]
    list_select_related = ["user", "case__court"]
    search_fields = [
        "user__username",
        "user__email",
        "case__short_name",
        "case__docket_number",
    ]
    autocomplete_fields = ["user", "case"]
    form = SubscriptionAdminForm
    fields = ["user", "case", *CHOICES, *SUBSCRIPTION_FILTERS, "active"]
    create_with = _follow
    update_with = _update

    def get_readonly_fields(self, request: HttpRequest, obj: Any = None) -> list[str]:
        # Who follows which case is fixed once written: change the choices, or add another.
        return ["user", "case"] if obj is not None else []


@admin.register(Notification)
class NotificationAdmin(ReadOnlyAdmin):
    list_display = [
        "created_at",
        "user",
        "kind",
        "notice",
        "status",
        "attempts",
        "subject",
        "last_error",
    ]
    list_filter = ["status", "kind", "notice", "delivery"]
    list_select_related = ["user"]
    search_fields = ["user__username", "user__email", "subject", "key", "last_error"]
    date_hierarchy = "created_at"
    show_full_result_count = False
