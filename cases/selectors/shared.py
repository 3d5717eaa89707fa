"""What the selectors share: the columns lists leave out, and a count as a subquery."""

from __future__ import annotations

import datetime

from django.db.models import IntegerField, Subquery

# The case's stored search text can run to a megabyte for a big docket: lists that show cases
# through another row (a deadline's, a ruling's) never load it.
CASE_TEXT = ("case__search_text", "case__search_vector")


class SubqueryCount(Subquery):
    """``(SELECT COUNT(*) FROM (<queryset>))`` as a column. Uncorrelated, PostgreSQL computes it
    once (an InitPlan) from the queryset's own index, whatever the outer query joins: a window
    ``COUNT(*) OVER ()`` on the outer query counted after its joins, for every row it had."""

    template = "(SELECT COUNT(*) FROM (%(subquery)s) AS counted)"
    output_field = IntegerField()


def as_date(value: datetime.date | str | None) -> datetime.date | None:
    """Return a date column read with a plain cursor as a date (SQLite's driver gives text)."""
    return datetime.date.fromisoformat(value) if isinstance(value, str) else value
