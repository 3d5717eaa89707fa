"""The default deadline periods a new motion proposes, per rule set, court and motion kind.

Editors change them in the admin (Cases › Default deadline periods); this list only fills an
empty table. Each row: rule set, court code (None: every court under the rule set), motion kind
("" : every kind), title, deadline kind, trigger, days, unit, direction, rule, note.
"""

from __future__ import annotations

from collections import Counter

from django.db import transaction

from cases.models import Court, DefaultPeriod

ROWS = [
    # FRAP 27: motions in the courts of appeals.
    ("frap", None, "", "Response to the motion", "response", "filed", 10, "calendar", "after",
     "FRAP 27(a)(3)(A)", "Any party may respond within 10 days after service of the motion."),
    ("frap", None, "", "Reply in support of the motion", "reply", "response", 7, "calendar",
     "after", "FRAP 27(a)(4)", "Within 7 days after service of the response."),
    # N.D. Cal. Civil Local Rule 7-3 (noticed motions).
    ("frcp", "cand", "", "Opposition due", "response", "filed", 14, "calendar", "after",
     "N.D. Cal. Civ. L.R. 7-3(a)", "Opposition within 14 days after the motion is filed."),
    ("frcp", "cand", "", "Reply due", "reply", "response", 7, "calendar", "after",
     "N.D. Cal. Civ. L.R. 7-3(c)", "Reply within 7 days after the opposition is due."),
    # California: CCP 1005(b) for motions generally, CCP 437c for summary judgment.
    ("california", None, "", "Opposition due", "response", "hearing", 9, "court", "before",
     "CCP 1005(b)", "Opposition papers at least 9 court days before the hearing."),
    ("california", None, "", "Reply due", "reply", "hearing", 5, "court", "before",
     "CCP 1005(b)", "Reply papers at least 5 court days before the hearing."),
    ("california", None, "summary_judgment", "Opposition due", "response", "hearing", 20,
     "calendar", "before", "CCP 437c(b)(2)",
     "At least 20 days before the hearing (as amended from January 1, 2025)."),
    ("california", None, "summary_judgment", "Reply due", "reply", "hearing", 11, "calendar",
     "before", "CCP 437c(b)(4)",
     "At least 11 days before the hearing (as amended from January 1, 2025)."),
]  # fmt: skip

FIELDS = (
    "rule_set",
    "court",
    "motion_kind",
    "title",
    "deadline_kind",
    "trigger",
    "period_days",
    "period_unit",
    "direction",
    "rule",
    "note",
)


@transaction.atomic
def load_default_periods() -> Counter[str]:
    """Create the rows that are missing; rows for courts not in the database are skipped."""
    courts = {c.code: c for c in Court.objects.all()}
    created: Counter[str] = Counter()
    for position, row in enumerate(ROWS):
        values = dict(zip(FIELDS, row, strict=True))
        code = values.pop("court")
        if code is not None and code not in courts:
            created["skipped (court not loaded)"] += 1
            continue
        court = courts.get(code) if code else None
        lookup = {
            "rule_set": values["rule_set"],
            "court": court,
            "motion_kind": values["motion_kind"],
            "title": values["title"],
        }
        if DefaultPeriod.objects.filter(**lookup).exists():
            continue
        period = DefaultPeriod(**{**values, "court": court, "position": position})
        period.full_clean()
        period.save()
        created["default periods"] += 1
    return created
