from __future__ import annotations

from django.apps import AppConfig


class AlertsConfig(AppConfig):
    name = "alerts"
    verbose_name = "Alerts"

    def ready(self) -> None:
        from alerts.tasks import enqueue_dispatch
        from cases.services import on_event_committed

        on_event_committed(enqueue_dispatch)
