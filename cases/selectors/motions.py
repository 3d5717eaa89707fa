"""The case page's latest motions, each with the rulings that decided it and its movants.

Three statements written out in SQL (PostgreSQL's and SQLite's alike), read into model
instances with the columns the page prints: building and compiling the same three queries with
the ORM (a queryset with a count subquery and two prefetches) cost several times what running
them does (docs/performance.md).
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db import connection

from cases.models import Case, DocketEntry, Motion, Ruling, RulingMotion
from cases.selectors.shared import as_date
from parties.models import CaseParty, Party

# The latest ``limit`` motions by filing date (undated first, as the page reverses them to put
# them last; ``motion_case_filed_idx`` read backwards), each with its docket entry's number,
# and how many motions the case has (an InitPlan, counted once on the same index).
_LATEST = """
SELECT m.id, m.case_id, m.title, m.filed_date, m.hearing_date, m.status, m.docket_entry_id,
    e.number, (SELECT COUNT(*) FROM cases_motion u WHERE u.case_id = %s)
FROM cases_motion m LEFT JOIN cases_docketentry e ON e.id = m.docket_entry_id
WHERE m.case_id = %s
ORDER BY m.filed_date DESC NULLS FIRST, m.id DESC
LIMIT %s
"""
# The rulings that decided them, in ruling-date order.
_DECISIONS = """
SELECT d.id, d.ruling_id, d.motion_id, d.outcome, r.date, r.date_note, r.title
FROM cases_rulingmotion d JOIN cases_ruling r ON r.id = d.ruling_id
WHERE d.motion_id IN ({ids})
ORDER BY r.date, d.id
"""
# Their movants, by role and name (``CaseParty``'s order).
_MOVANTS = """
SELECT mm.motion_id, cp.id, cp.party_id, p.name
FROM cases_motion_movants mm
JOIN parties_caseparty cp ON cp.id = mm.caseparty_id
JOIN parties_party p ON p.id = cp.party_id
WHERE mm.motion_id IN ({ids})
ORDER BY cp.role, p.name
"""
_MOTION = ("id", "case_id", "title", "filed_date", "hearing_date", "status", "docket_entry_id")


def _rows(sql: str, params: Iterable[object]) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, list(params))
        return cursor.fetchall()


def _motion(row: tuple, db: str) -> Motion:
    pk, case_id, title, filed, hearing, status, entry_id = row[:7]
    values = (pk, case_id, title, as_date(filed), as_date(hearing), status, entry_id)
    motion = Motion.from_db(db, _MOTION, values)
    if motion.docket_entry_id is not None:
        entry = DocketEntry.from_db(db, ("id", "number"), (motion.docket_entry_id, row[7]))
        Motion.docket_entry.field.set_cached_value(motion, entry)
    else:
        Motion.docket_entry.field.set_cached_value(motion, None)
    motion.decision_list, motion.movant_list = [], []
    return motion


def latest_motions(case: Case, limit: int) -> tuple[list[Motion], int]:
    """Return the case's latest ``limit`` motions in filing order (undated last), and how many
    it has; each with ``decision_list`` (the ``RulingMotion``s that decided it, their rulings
    loaded) and ``movant_list`` (its movants' ``CaseParty``s, their parties loaded).

    Three statements however many motions the case has: a big MDL has thousands."""
    db = connection.alias
    rows = _rows(_LATEST, [case.pk, case.pk, limit])
    if not rows:
        return [], 0
    motions = [_motion(row, db) for row in reversed(rows)]
    by_id = {motion.pk: motion for motion in motions}
    ids = ", ".join(["%s"] * len(by_id))
    for pk, ruling_id, motion_id, outcome, date, date_note, title in _rows(
        _DECISIONS.format(ids=ids), by_id
    ):
        decision = RulingMotion.from_db(
            db, ("id", "ruling_id", "motion_id", "outcome"), (pk, ruling_id, motion_id, outcome)
        )
        ruling = Ruling.from_db(
            db, ("id", "date", "date_note", "title"), (ruling_id, as_date(date), date_note, title)
        )
        RulingMotion.ruling.field.set_cached_value(decision, ruling)
        by_id[motion_id].decision_list.append(decision)
    for motion_id, pk, party_id, name in _rows(_MOVANTS.format(ids=ids), by_id):
        movant = CaseParty.from_db(db, ("id", "party_id"), (pk, party_id))
        party = Party.from_db(db, ("id", "name"), (party_id, name))
        CaseParty.party.field.set_cached_value(movant, party)
        by_id[motion_id].movant_list.append(movant)
    return motions, rows[0][8]
