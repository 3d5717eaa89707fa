"""python manage.py import_pacer FILE.html [FILE ...]: import PACER docket reports."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from cases.importers.errors import DocketImportError
from cases.importers.pacer import pacer_import_file
from cases.models import Case


class Command(BaseCommand):
    help = (
        "Import PACER docket reports (district courts, the JPML, courts of appeals) saved as "
        "HTML. Each file is one transaction: a file that cannot be imported writes nothing and "
        "the others go on. Re-importing a later report of a case updates it in place."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("files", nargs="+", type=Path, metavar="FILE")
        parser.add_argument(
            "--case",
            metavar="SLUG",
            help="Import into this case (its court and docket number must match the report).",
        )
        parser.add_argument(
            "--court",
            metavar="ID",
            help="The court's courts-db id (ilnd, cand, jpml, ca7), when the report's heading "
            "does not say.",
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Say what each file would create or change, and write nothing.",
        )

    def handle(
        self,
        *args: Any,
        files: list[Path],
        case: str | None,
        court: str | None,
        dry_run: bool,
        **options: Any,
    ) -> None:
        target = None
        if case:
            target = Case.objects.filter(slug=case).first()
            if target is None:
                raise CommandError(f"There is no case with the slug {case!r}.")
        failed: list[str] = []
        verbose = options["verbosity"] > 1
        progress = tqdm(
            files,
            desc="Importing",
            unit="file",
            disable=len(files) < 2 or options["verbosity"] == 0,
            file=self.stderr._out,
        )
        for path in progress:
            try:
                report = pacer_import_file(path, case=target, court_id=court, dry_run=dry_run)
            except DocketImportError as error:
                failed.append(path.name)
                with progress.external_write_mode():
                    self.stderr.write(f"{path}: not imported. {error}")
                continue
            lines = [f"{path}: {report.summary()}."]
            if verbose or dry_run:
                lines += [f"  - {line}" for line in report.changes]
            with progress.external_write_mode():
                self.stdout.write("\n".join(lines))
        if dry_run:
            self.stdout.write("Dry run: nothing was written.")
        if failed:
            raise CommandError(
                f"{len(failed)} of {len(files)} files were not imported: {', '.join(failed)}."
            )
