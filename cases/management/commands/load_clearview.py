"""python manage.py load_clearview: load the Clearview AI litigation docket."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from cases.analytics.refresh import analytics_refresh
from cases.analytics.selectors import refresh_state
from cases.seed.default_periods import load_default_periods
from cases.seed.errors import SeedError
from cases.seed.loader import DEFAULT_FILE, load


class Command(BaseCommand):
    help = (
        "Load the Clearview AI litigation (cases, parties, counsel, motions, rulings, links) from "
        "cases/seed/clearview.yaml. Only missing rows are created: running it again changes "
        "nothing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--file",
            type=Path,
            default=DEFAULT_FILE,
            help="Another docket file of the same format.",
        )

    def handle(self, *args: Any, file: Path, **options: Any) -> None:
        try:
            created = load(file)
        except SeedError as exc:
            raise CommandError(
                f"{file} was not loaded; nothing was written. Problems:\n  - "
                + "\n  - ".join(exc.errors)
            ) from None
        # The courts are in place now, so their default deadline periods can be.
        created["default periods"] += load_default_periods()["default periods"]
        created += type(created)()  # drop zero counts
        # The motion analytics count what was loaded (and are computed once if never before).
        if created or refresh_state() is None:
            analytics_refresh()
        if not created:
            self.stdout.write("Nothing to change: the docket is already loaded.")
            return
        summary = ", ".join(f"{count} {name}" for name, count in sorted(created.items()))
        self.stdout.write(self.style.SUCCESS(f"Loaded {file.name}: created {summary}."))
