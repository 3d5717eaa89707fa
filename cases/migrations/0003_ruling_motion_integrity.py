"""Database triggers for the two rules that span tables.

A ruling decides only motions of its own case, and is not dated before any motion it decides was
filed. CHECK constraints cannot look at other tables, so triggers enforce both on every write of
``cases_rulingmotion`` and on updates of a ruling's or a motion's case or date. PostgreSQL raises
SQLSTATE 23514 (check_violation) and SQLite aborts with a constraint error: Django reports both as
``IntegrityError``.
"""

from __future__ import annotations

from django.db import migrations

SAME_CASE = "A ruling can only decide motions of its own case."
DATE_ORDER = "A ruling cannot be dated before a motion it decides was filed."

POSTGRESQL_FORWARD = [
    f"""
    CREATE FUNCTION cases_check_ruling_motion(p_ruling bigint, p_motion bigint) RETURNS void AS $$
    DECLARE
        r_case bigint; r_date date; m_case bigint; m_filed date;
    BEGIN
        SELECT case_id, date INTO r_case, r_date FROM cases_ruling WHERE id = p_ruling;
        SELECT case_id, filed_date INTO m_case, m_filed FROM cases_motion WHERE id = p_motion;
        IF r_case IS DISTINCT FROM m_case THEN
            RAISE EXCEPTION '{SAME_CASE} (ruling %, motion %)', p_ruling, p_motion
                USING ERRCODE = 'check_violation', CONSTRAINT = 'rulingmotion_same_case';
        END IF;
        IF r_date < m_filed THEN
            RAISE EXCEPTION '{DATE_ORDER} (ruling % on %, motion % filed %)',
                p_ruling, r_date, p_motion, m_filed
                USING ERRCODE = 'check_violation', CONSTRAINT = 'rulingmotion_date_order';
        END IF;
    END
    $$ LANGUAGE plpgsql;
    """,
    """
    CREATE FUNCTION cases_rulingmotion_check() RETURNS trigger AS $$
    BEGIN
        PERFORM cases_check_ruling_motion(NEW.ruling_id, NEW.motion_id);
        RETURN NULL;
    END
    $$ LANGUAGE plpgsql;
    """,
    """
    CREATE TRIGGER cases_rulingmotion_check AFTER INSERT OR UPDATE ON cases_rulingmotion
    FOR EACH ROW EXECUTE FUNCTION cases_rulingmotion_check();
    """,
    """
    CREATE FUNCTION cases_ruling_recheck() RETURNS trigger AS $$
    BEGIN
        PERFORM cases_check_ruling_motion(rm.ruling_id, rm.motion_id)
        FROM cases_rulingmotion rm WHERE rm.ruling_id = NEW.id;
        RETURN NULL;
    END
    $$ LANGUAGE plpgsql;
    """,
    """
    CREATE TRIGGER cases_ruling_recheck AFTER UPDATE OF case_id, date ON cases_ruling
    FOR EACH ROW EXECUTE FUNCTION cases_ruling_recheck();
    """,
    """
    CREATE FUNCTION cases_motion_recheck() RETURNS trigger AS $$
    BEGIN
        PERFORM cases_check_ruling_motion(rm.ruling_id, rm.motion_id)
        FROM cases_rulingmotion rm WHERE rm.motion_id = NEW.id;
        RETURN NULL;
    END
    $$ LANGUAGE plpgsql;
    """,
    """
    CREATE TRIGGER cases_motion_recheck AFTER UPDATE OF case_id, filed_date ON cases_motion
    FOR EACH ROW EXECUTE FUNCTION cases_motion_recheck();
    """,
]
POSTGRESQL_BACKWARD = [
    "DROP TRIGGER IF EXISTS cases_motion_recheck ON cases_motion",
    "DROP TRIGGER IF EXISTS cases_ruling_recheck ON cases_ruling",
    "DROP TRIGGER IF EXISTS cases_rulingmotion_check ON cases_rulingmotion",
    "DROP FUNCTION IF EXISTS cases_motion_recheck()",
    "DROP FUNCTION IF EXISTS cases_ruling_recheck()",
    "DROP FUNCTION IF EXISTS cases_rulingmotion_check()",
    "DROP FUNCTION IF EXISTS cases_check_ruling_motion(bigint, bigint)",
]

_PAIR_CASE = (
    "(SELECT case_id FROM cases_ruling WHERE id = NEW.ruling_id) IS NOT "
    "(SELECT case_id FROM cases_motion WHERE id = NEW.motion_id)"
)
_PAIR_DATE = (
    "(SELECT date FROM cases_ruling WHERE id = NEW.ruling_id) < "
    "(SELECT filed_date FROM cases_motion WHERE id = NEW.motion_id)"
)
SQLITE_FORWARD = [
    f"""
    CREATE TRIGGER cases_rulingmotion_{event.lower()}_{name} AFTER {event} ON cases_rulingmotion
    FOR EACH ROW WHEN {condition}
    BEGIN SELECT RAISE(ABORT, '{message}'); END
    """
    for event in ("INSERT", "UPDATE")
    for name, condition, message in (
        ("case", _PAIR_CASE, SAME_CASE),
        ("date", _PAIR_DATE, DATE_ORDER),
    )
] + [
    f"""
    CREATE TRIGGER cases_ruling_recheck AFTER UPDATE OF case_id, date ON cases_ruling
    FOR EACH ROW WHEN EXISTS (
        SELECT 1 FROM cases_rulingmotion rm JOIN cases_motion m ON m.id = rm.motion_id
        WHERE rm.ruling_id = NEW.id AND (m.case_id IS NOT NEW.case_id OR NEW.date < m.filed_date)
    )
    BEGIN SELECT RAISE(ABORT, '{SAME_CASE} {DATE_ORDER}'); END
    """,
    f"""
    CREATE TRIGGER cases_motion_recheck AFTER UPDATE OF case_id, filed_date ON cases_motion
    FOR EACH ROW WHEN EXISTS (
        SELECT 1 FROM cases_rulingmotion rm JOIN cases_ruling r ON r.id = rm.ruling_id
        WHERE rm.motion_id = NEW.id AND (r.case_id IS NOT NEW.case_id OR r.date < NEW.filed_date)
    )
    BEGIN SELECT RAISE(ABORT, '{SAME_CASE} {DATE_ORDER}'); END
    """,
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS cases_rulingmotion_insert_case",
    "DROP TRIGGER IF EXISTS cases_rulingmotion_insert_date",
    "DROP TRIGGER IF EXISTS cases_rulingmotion_update_case",
    "DROP TRIGGER IF EXISTS cases_rulingmotion_update_date",
    "DROP TRIGGER IF EXISTS cases_ruling_recheck",
    "DROP TRIGGER IF EXISTS cases_motion_recheck",
]

STATEMENTS = {
    "postgresql": (POSTGRESQL_FORWARD, POSTGRESQL_BACKWARD),
    "sqlite": (SQLITE_FORWARD, SQLITE_BACKWARD),
}


def _run(schema_editor, direction: int) -> None:  # noqa: ANN001 - Django's migration API
    vendor = schema_editor.connection.vendor
    if vendor not in STATEMENTS:
        raise RuntimeError(f"No ruling/motion integrity triggers written for {vendor}.")
    for statement in STATEMENTS[vendor][direction]:
        schema_editor.execute(statement, params=None)


def forward(apps, schema_editor) -> None:  # noqa: ANN001
    _run(schema_editor, 0)


def backward(apps, schema_editor) -> None:  # noqa: ANN001
    _run(schema_editor, 1)


class Migration(migrations.Migration):
    dependencies = [("cases", "0002_initial")]

    operations = [migrations.RunPython(forward, backward)]
