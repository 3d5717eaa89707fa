"""python manage.py load_default_periods: fill the table of default deadline periods."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from cases.seed.default_periods import load_default_periods


class Command(BaseCommand):
    help = (
        "Create the default deadline periods (FRAP 27, N.D. Cal. L.R. 7-3, CCP 1005(b), CCP 437c) "
        "that are missing. Rows edited in the admin are left alone."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        created = load_default_periods()
        made = created.get("default periods", 0)
        skipped = created.get("skipped (court not loaded)", 0)
        note = f" ({skipped} skipped: their court is not loaded)" if skipped else ""
        if made:
            self.stdout.write(self.style.SUCCESS(f"Created {made} default periods{note}."))
        else:
            self.stdout.write(f"Nothing to change: the default periods are in place{note}.")
