"""The demo data's tables and their columns, in the order the COPY files are loaded."""

from __future__ import annotations

# Table name -> columns, in the order the files are loaded (parents before children).
COLUMNS: dict[str, tuple[str, ...]] = {
    "cases_court": (
        "id", "code", "name", "short_name", "level", "state", "time_zone", "holiday_calendar",
        "appeals_to_id",
    ),
    "cases_judge": ("id", "name", "title", "court_id"),
    "auth_user": (
        "id", "password", "last_login", "is_superuser", "username", "first_name", "last_name",
        "email", "is_staff", "is_active", "date_joined",
    ),
    "alerts_alertsettings": (
        "id", "time_zone", "delivery", "digest_hour", "reminder_days", "email_rejected_at",
        "email_rejected_reason", "user_id",
    ),
    "parties_party": ("id", "name", "slug", "kind", "description", "sources"),
    "cases_case": (
        "id", "caption", "short_name", "slug", "docket_number", "case_type", "status",
        "causes_of_action", "relief_sought", "filed_date", "closed_date", "summary", "sources",
        "created_at", "updated_at", "court_id", "last_activity_on", "search_text",
    ),
    "cases_casejudge": ("id", "role", "case_id", "judge_id"),
    "parties_caseparty": (
        "id", "role", "joined_date", "terminated_date", "note", "sources", "case_id", "party_id",
    ),
    "cases_caselink": ("id", "kind", "date", "note", "sources", "from_case_id", "to_case_id"),
    "cases_docketentry": (
        "id", "number", "filed_date", "text", "document_url", "sources", "created_at", "case_id",
    ),
    "cases_motion": (
        "id", "kind", "title", "filed_date", "status", "summary", "sources", "created_at",
        "case_id", "docket_entry_id", "hearing_date",
    ),
    "cases_motion_movants": ("id", "motion_id", "caseparty_id"),
    "cases_ruling": (
        "id", "date", "date_note", "kind", "title", "summary", "citation", "document_url",
        "sources", "created_at", "case_id", "docket_entry_id", "judge_id",
    ),
    "cases_rulingmotion": ("id", "outcome", "motion_id", "ruling_id"),
    "cases_deadline": (
        "id", "title", "kind", "due_date", "due_time", "basis", "trigger_date", "rule",
        "explanation", "status", "sources", "created_at", "case_id", "motion_id", "direction",
        "earliest_safe_date", "from_judgment", "period_days", "period_unit", "rule_set",
        "service_method", "trigger_event",
    ),
    "cases_statuschange": (
        "id", "from_status", "to_status", "effective_date", "recorded_at", "note", "sources",
        "case_id", "recorded_by_id",
    ),
    "cases_caseevent": (
        "id", "kind", "occurred_on", "recorded_at", "summary", "detail", "actor_id", "case_id",
        "deadline_id", "docket_entry_id", "motion_id", "ruling_id", "status_change_id",
        "dispatched_at",
    ),
    "alerts_subscription": (
        "id", "deadline_reminders", "status_changes", "rulings", "motions", "docket_entries",
        "active", "created_at", "case_id", "user_id",
    ),
}  # fmt: skip

# Rows every case refers to; the rows of one case (loaded, and searchable, chunk by chunk).
SHARED_TABLES = ("cases_court", "cases_judge", "auth_user", "alerts_alertsettings", "parties_party")
CASE_TABLES = (
    "cases_case", "cases_casejudge", "parties_caseparty", "cases_docketentry", "cases_motion",
    "cases_motion_movants", "cases_ruling", "cases_rulingmotion", "cases_deadline",
    "cases_statuschange", "cases_caseevent",
)  # fmt: skip
