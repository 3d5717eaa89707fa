"""The deadline engine against hand-checked dates: FRCP 6, FRAP 26 and the California CCP.

The reference table and the earliest safe dates (``cases/deadlines/engine.py``); each rule set's
own counts are in ``test_federal.py`` and ``test_california.py``, bad input in
``test_engine_inputs.py``.

Every expected date below was counted by hand on a calendar; the comment next to a case shows
the count. Nothing here touches the database (the suite's conftest still wants PostgreSQL).
"""

from __future__ import annotations

import datetime

import pytest

from cases.deadlines import compute

D = datetime.date


# --- The reference table -------------------------------------------------------------------

TABLE = [
    pytest.param(
        D(2021, 4, 2),
        14,
        {"rule_set": "frcp", "service": "electronic"},
        D(2021, 4, 16),
        ["FRCP 6(d)", "adds no days"],
        id="frcp-electronic-Fri-2021-04-02+14=Fri-04-16",
    ),
    pytest.param(
        D(2021, 4, 2),
        14,
        {"rule_set": "frcp", "service": "mail"},
        D(2021, 4, 19),
        ["FRCP 6(d)", "add 3 days"],
        id="frcp-6d-mail-Fri-2021-04-02+14=Mon-04-19",
    ),
    pytest.param(
        D(2024, 5, 6),
        21,
        {"rule_set": "frcp"},
        D(2024, 5, 28),
        ["Memorial Day", "FRCP 6(a)(6)"],
        id="frcp-Mon-2024-05-06+21=Tue-05-28-after-Memorial-Day",
    ),
    pytest.param(
        D(2024, 8, 1),
        30,
        {"rule_set": "frap", "service": "mail", "from_judgment": True},
        D(2024, 9, 3),
        ["FRAP 26(c)", "No 3 days are added", "entry of judgment", "Labor Day"],
        id="frap-4a1A-from-judgment-Thu-2024-08-01+30=Tue-09-03-no-plus-3",
    ),
    pytest.param(
        D(2024, 8, 1),
        30,
        {"rule_set": "frcp", "service": "mail"},
        D(2024, 9, 6),
        ["FRCP 6(d)", "Labor Day", "add 3 days"],
        id="frcp-6d-mail-Thu-2024-08-01+30=Fri-09-06-not-33-days",
    ),
    pytest.param(
        D(2025, 9, 15),
        14,
        {"rule_set": "frcp", "direction": "before"},
        D(2025, 8, 29),
        ["Labor Day", "previous day", "count backward"],
        id="frcp-6c1-hearing-Mon-2025-09-15-14-before=Fri-08-29",
    ),
    pytest.param(
        D(2021, 4, 2),
        30,
        {"rule_set": "california", "service": "mail"},
        D(2021, 5, 7),
        ["CCP 1013(a)", "35 days"],
        id="ca-ccp1013-mail-Fri-2021-04-02+30=Fri-05-07",
    ),
    pytest.param(
        D(2025, 11, 12),
        15,
        {"rule_set": "california"},
        D(2025, 12, 1),
        ["Thanksgiving Day", "Day after Thanksgiving", "CCP 12a"],
        id="ca-Wed-2025-11-12+15=Mon-12-01-Thanksgiving",
    ),
    pytest.param(
        D(2026, 2, 2),
        10,
        {"rule_set": "california"},
        D(2026, 2, 13),
        ["Lincoln's Birthday"],
        id="ca-Mon-2026-02-02+10=Fri-02-13-Lincolns-Birthday",
    ),
    pytest.param(
        D(2025, 9, 16),
        10,
        {"rule_set": "california"},
        D(2025, 9, 29),
        ["Native American Day"],
        id="ca-Tue-2025-09-16+10=Mon-09-29-Native-American-Day",
    ),
]


@pytest.mark.parametrize(("trigger", "days", "kwargs", "due", "mentions"), TABLE)
def test_reference_table(
    trigger: datetime.date,
    days: int,
    kwargs: dict[str, object],
    due: datetime.date,
    mentions: list[str],
) -> None:
    result = compute(trigger, days, **kwargs)
    assert result.due_date == due, result.explanation()
    explanation = result.explanation()
    for text in mentions:
        assert text in explanation, f"{text!r} missing from:\n{explanation}"
    # None of these rows rests on a disputed closure.
    assert result.earliest_safe is None
    assert result.disputed == ()
    assert explanation.endswith(f"Due: {due:%a %Y-%m-%d}.")


def test_frap_judgment_row_explains_that_no_days_were_added() -> None:
    result = compute(D(2024, 8, 1), 30, rule_set="frap", service="mail", from_judgment=True)
    assert any("No 3 days are added" in s.text for s in result.steps)
    assert not any("add 3 days" in s.text for s in result.steps)
    assert "FRAP 26(c)" in result.citations
    assert result.rule.startswith("FRAP 26(a)(1)(A)")


def test_mail_rows_cite_frcp_6d_and_ccp_1013a() -> None:
    federal = compute(D(2021, 4, 2), 14, rule_set="frcp", service="mail")
    assert "FRCP 6(d)" in federal.citations
    assert "FRCP 6(d)" in federal.rule
    california = compute(D(2021, 4, 2), 30, rule_set="california", service="mail")
    assert "CCP 1013(a)" in california.citations
    assert "CCP 1013(a)" in california.rule


# --- Earliest safe dates ---------------------------------------------------------------------


def test_observed_holiday_gives_an_earliest_safe_date() -> None:
    # Fri 2021-06-04 + 14 = Fri 2021-06-18, Juneteenth observed (the 19th is a Saturday).
    # Prevailing: Fri closed, Sat, Sun -> Mon 2021-06-21. Strict: Fri 06-18 is open.
    result = compute(D(2021, 6, 4), 14, rule_set="frcp")
    assert result.due_date == D(2021, 6, 21)
    assert result.earliest_safe == D(2021, 6, 18)
    assert "Juneteenth" in result.earliest_safe_reason
    assert "2021-06-18" in result.earliest_safe_reason
    assert "Earliest safe date: Fri 2021-06-18." in result.explanation()
    assert result.disputed == ("Fri 2021-06-18 (Juneteenth National Independence Day (observed))",)


def test_executive_order_closure_gives_an_earliest_safe_date() -> None:
    # Tue 2024-12-10 + 14 = Tue 2024-12-24, Christmas Eve (EO 14129). Prevailing: 24 closed,
    # 25 Christmas -> Thu 2024-12-26. Strict: Tue 12-24 is open.
    result = compute(D(2024, 12, 10), 14, rule_set="frcp")
    assert result.due_date == D(2024, 12, 26)
    assert result.earliest_safe == D(2024, 12, 24)
    assert "Christmas Eve" in result.earliest_safe_reason
    assert "2024-12-24" in result.earliest_safe_reason
    assert "executive order" in result.earliest_safe_reason


def test_executive_order_closure_in_a_court_day_count() -> None:
    # 10 court days after Wed 2025-01-08. Prevailing skips Thu 01-09 (Carter mourning) and
    # Mon 01-20 (MLK): 10 13 14 15 16 17 21 22 23 24 -> Fri 2025-01-24. Strict counts 01-09:
    # 9 10 13 14 15 16 17 21 22 23 -> Thu 2025-01-23.
    result = compute(D(2025, 1, 8), 10, rule_set="frcp", unit="court")
    assert result.due_date == D(2025, 1, 24)
    assert result.earliest_safe == D(2025, 1, 23)
    assert "Jimmy Carter" in result.earliest_safe_reason


def test_earliest_safe_reason_names_only_disputed_days() -> None:
    # Regression: Martin Luther King Jr. Day (2025-01-20) is a settled 5 U.S.C. 6103 holiday,
    # closed under the strict reading too, so the reason must not call it disputed.
    result = compute(D(2025, 1, 8), 10, rule_set="frcp", unit="court")
    assert "Martin Luther King" not in result.earliest_safe_reason, result.earliest_safe_reason
    assert result.disputed == (
        "Thu 2025-01-09 (National Day of Mourning for former President Jimmy Carter, closed by "
        "executive order)",
    )


def test_settled_holiday_is_not_reported_as_disputed() -> None:
    # Mon 2024-01-01 + 14 = Mon 2024-01-15, MLK Day -> Tue 2024-01-16, with nothing disputed
    # (regression: MLK Day once also showed up as an executive-order closure).
    result = compute(D(2024, 1, 1), 14, rule_set="frcp")
    assert result.due_date == D(2024, 1, 16)
    assert result.earliest_safe is None
    assert result.disputed == ()
    assert "executive order" not in result.explanation()


def test_no_disputed_day_no_earliest_safe_date() -> None:
    result = compute(D(2024, 5, 6), 21, rule_set="frcp")  # rolls over Memorial Day only
    assert result.earliest_safe is None
    assert result.earliest_safe_reason == ""
    assert "Earliest safe date" not in result.explanation()


def test_backward_federal_period_never_has_an_earliest_safe_date() -> None:
    # Hearing Mon 2025-01-06; 13 days before is Tue 2024-12-24 (Christmas Eve closure):
    # prevailing rolls back to Mon 12-23, already the earlier (safe) of the two readings.
    result = compute(D(2025, 1, 6), 13, rule_set="frcp", direction="before")
    assert result.due_date == D(2024, 12, 23)
    assert result.earliest_safe is None


def test_california_never_has_an_earliest_safe_date() -> None:
    start = D(2021, 1, 1)
    for offset in range(0, 365 * 5, 3):
        trigger = start + datetime.timedelta(days=offset)
        for unit in ("calendar", "court"):
            result = compute(trigger, 7, rule_set="california", unit=unit, service="mail")
            assert result.earliest_safe is None, result.explanation()
            assert result.disputed == ()
