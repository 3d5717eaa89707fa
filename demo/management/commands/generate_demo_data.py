"""python manage.py generate_demo_data: fill PostgreSQL with a large, realistic demo docket."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from demo import words
from demo.loader import DemoDataError, demo_data_load
from demo.plan import plan_for

# Table -> how the summary line names its rows.
LABELS = {
    "cases_court": "courts",
    "cases_judge": "judges",
    "cases_case": "cases",
    "parties_party": "parties",
    "parties_caseparty": "case parties",
    "cases_casejudge": "case judges",
    "cases_caselink": "case links",
    "cases_docketentry": "docket entries",
    "cases_motion": "motions",
    "cases_motion_movants": "movants",
    "cases_ruling": "rulings",
    "cases_rulingmotion": "motions decided",
    "cases_deadline": "deadlines",
    "cases_statuschange": "status changes",
    "cases_caseevent": "events",
    "auth_user": "users",
    "alerts_alertsettings": "alert settings",
    "alerts_subscription": "subscriptions",
}


def _date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"--today {value!r} is not a date; write it as YYYY-MM-DD.") from None


class Command(BaseCommand):
    help = (
        "Generate demo data for scale and speed work, on PostgreSQL only (rows are loaded with "
        "COPY). Scale 1: 200 courts, 100,000 cases, 300,000 parties (about 3 per case), "
        "1,000,000 docket entries (five MDLs hold 5,000 to 8,000 each), 200,000 motions, "
        "100,000 rulings, 300,000 deadlines (from a year before --today to a year after, most "
        "open), 2,000 demo users (demo-00001 ...) with 50,000 subscriptions, and the judges, "
        "links, status changes and activity events that go with them; other scales are "
        "proportional (at least 20 courts, and the largest case at least 50 entries). "
        "Search terms: "
        f"'{words.RARE_TERM}' is in the summaries of exactly 10 cases at scale 1 (at least 2 "
        f"at any scale); '{words.COMMON_TERM}' is the commonest word of the text and is in "
        "nearly every case; other words follow a Zipf law (demo/words.py lists them "
        "from common to rare). The same --seed, --scale and --today give the same rows, ids "
        "included. Events are written as dispatched (nobody is alerted) and no "
        "django-simple-history rows are written. It refuses to run when the database has "
        "cases, courts, parties or demo users, unless --reset is given: that empties every "
        "table of the cases, parties and alerts apps (TRUNCATE ... CASCADE) and deletes the "
        "demo users, never staff or superusers."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--scale",
            type=float,
            default=1.0,
            help="1 = 100,000 cases (default); 0.01 = 1,000 cases, for tests.",
        )
        parser.add_argument(
            "--seed", type=int, default=1, help="Random seed (default 1): same seed, same rows."
        )
        parser.add_argument(
            "--today",
            type=_date,
            default=None,
            help="The date the data is generated around (YYYY-MM-DD; default: today, in the "
            "site's time zone). Fix it to reproduce a data set on another day.",
        )
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Empty the cases, parties and alerts tables and delete the demo users first.",
        )

    def handle(
        self,
        *args: Any,
        scale: float,
        seed: int,
        today: datetime.date | None,
        reset: bool,
        **options: Any,
    ) -> None:
        try:
            plan = plan_for(scale)
        except ValueError as error:
            raise CommandError(str(error)) from None
        today = today or timezone.localdate()
        try:
            result = demo_data_load(
                plan=plan, seed=seed, today=today, reset=reset, progress=options["verbosity"] > 0
            )
        except DemoDataError as error:
            raise CommandError(str(error)) from None
        rows = result.summary.rows
        counts = ", ".join(f"{rows[table]:,} {label}" for table, label in LABELS.items())
        steps = ", ".join(f"{step} {seconds:.1f}" for step, seconds in result.seconds.items())
        self.stdout.write(
            self.style.SUCCESS(
                f"Generated demo data (scale {scale:g}, seed {seed}, today {today:%Y-%m-%d}) in "
                f"{result.total_seconds:.1f} s ({steps}): {counts}. Largest case: "
                f"{result.summary.largest_case_slug} ({result.summary.largest_case_entries:,} "
                f"docket entries). Search terms: rare '{words.RARE_TERM}' "
                f"({plan.rare_cases} cases), common '{words.COMMON_TERM}'."
            )
        )
