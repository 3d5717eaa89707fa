"""FRCP 6 and FRAP 26 (``cases/deadlines/federal.py``) against hand-checked dates.

Every expected date below was counted by hand on a calendar; the comment next to a case shows
the count. Nothing here touches the database (the suite's conftest still wants PostgreSQL).
"""

from __future__ import annotations

import datetime

import pytest

from cases.deadlines import compute

D = datetime.date


# --- Federal: state holidays, FRAP 26(c), services adding nothing ---------------------------


def test_federal_backward_period_ignores_state_holidays() -> None:
    # Hearing Thu 2026-02-26; 14 days before is Thu 2026-02-12, Lincoln's Birthday in Illinois.
    # FRCP 6(a)(6)(C) counts state holidays only for periods measured forward, so the day stands.
    result = compute(D(2026, 2, 26), 14, rule_set="frcp", direction="before", state="IL")
    assert result.due_date == D(2026, 2, 12)
    assert result.calendar == "U.S. federal holidays"


def test_federal_forward_period_rolls_past_the_state_holiday() -> None:
    # Thu 2026-01-29 + 14 = Thu 2026-02-12, Lincoln's Birthday (IL) -> Fri 2026-02-13.
    with_state = compute(D(2026, 1, 29), 14, rule_set="frcp", state="IL")
    assert with_state.due_date == D(2026, 2, 13)
    assert "Lincoln's Birthday, IL state holiday" in with_state.explanation()
    assert with_state.earliest_safe is None  # a state holiday is a settled closure
    # Without a state, Thu 2026-02-12 is an ordinary federal court day.
    assert compute(D(2026, 1, 29), 14, rule_set="frcp").due_date == D(2026, 2, 12)


def test_federal_forward_period_rolls_past_casimir_pulaski_day() -> None:
    # Fri 2026-02-20 + 10 = Mon 2026-03-02, Casimir Pulaski Day (first Monday of March, IL).
    assert compute(D(2026, 2, 20), 10, rule_set="frcp", state="IL").due_date == D(2026, 3, 3)
    assert compute(D(2026, 2, 20), 10, rule_set="frcp").due_date == D(2026, 3, 2)


def test_frap_26c_adds_three_days_for_mail() -> None:
    # Fri 2021-04-02 + 14 = Fri 04-16, a court day; + 3 = Mon 2021-04-19.
    result = compute(D(2021, 4, 2), 14, rule_set="frap", service="mail")
    assert result.due_date == D(2021, 4, 19)
    assert "FRAP 26(c)" in result.citations
    # Thu 2024-08-01 + 30 = Sat 08-31 -> Tue 09-03 (Labor Day Mon); + 3 = Fri 2024-09-06.
    later = compute(D(2024, 8, 1), 30, rule_set="frap", service="mail")
    assert later.due_date == D(2024, 9, 6)


@pytest.mark.parametrize("rule_set", ["frcp", "frap"])
@pytest.mark.parametrize("service", ["electronic", "personal", "none"])
def test_electronic_and_personal_service_add_nothing_federally(rule_set: str, service: str) -> None:
    # Fri 2021-04-02 + 14 = Fri 2021-04-16 whatever the (non-mail) method.
    result = compute(D(2021, 4, 2), 14, rule_set=rule_set, service=service)
    assert result.due_date == D(2021, 4, 16)
    assert not any("add 3 days" in s.text for s in result.steps)


def test_federal_mail_adds_nothing_to_a_period_before_a_hearing() -> None:
    # FRCP 6(d) applies only after being served: 2025-09-15 - 14 is still Fri 2025-08-29.
    result = compute(D(2025, 9, 15), 14, rule_set="frcp", direction="before", service="mail")
    assert result.due_date == D(2025, 8, 29)
    assert "No 3 days are added" in result.explanation()


@pytest.mark.parametrize(
    "service", ["mail", "mail_us", "mail_intl", "overnight", "fax", "clerk", "consented"]
)
def test_frcp_6d_methods_that_add_three_days(service: str) -> None:
    # FRCP 5(b)(2)(C), (D), (F): Mon 2024-03-04 + 14 = Mon 03-18; + 3 = Thu 2024-03-21.
    result = compute(D(2024, 3, 4), 14, rule_set="frcp", service=service)
    assert result.due_date == D(2024, 3, 21)
