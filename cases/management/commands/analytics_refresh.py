"""python manage.py analytics_refresh: recount the motion-outcome analytics now."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from cases.analytics.refresh import analytics_refresh


class Command(BaseCommand):
    help = (
        "Rebuild the summary the analytics page and the judges' pages read (one row per motion "
        "and the counts of every kind, court and judge), in one transaction. The Celery beat "
        "schedule does it every 30 minutes, and a worker after each ruling is recorded."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        state = analytics_refresh()
        self.stdout.write(
            self.style.SUCCESS(
                f"Motion analytics refreshed: {state.motions:,} motions counted in "
                f"{state.seconds:.2f} s."
            )
        )
