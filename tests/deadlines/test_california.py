"""The California CCP (``cases/deadlines/california.py``) against hand-checked dates.

Every expected date below was counted by hand on a calendar; the comment next to a case shows
the count. Nothing here touches the database (the suite's conftest still wants PostgreSQL).
"""

from __future__ import annotations

import datetime

import pytest

from cases.deadlines import ComputationError, compute

D = datetime.date


def test_california_16_court_days_before_a_hearing() -> None:
    # CCP 1005(b): hearing Mon 2025-11-24. Counting back court days: Nov 21 20 19 18 17 (5),
    # 14 13 12 (8), Tue Nov 11 Veterans Day skipped, 10 (9), 7 6 5 4 3 (14), Oct 31 (15),
    # Thu Oct 30 (16).
    result = compute(D(2025, 11, 24), 16, rule_set="california", direction="before", unit="court")
    assert result.due_date == D(2025, 10, 30)
    assert "CCP 12, 12c(a)" in result.citations


def test_california_16_court_days_before_a_hearing_served_by_mail() -> None:
    # As above, then + 5 calendar days counted backward (CCP 1013(a), 12c(b)): Sat 2025-10-25,
    # not a court day, so the previous court day: Fri 2025-10-24.
    result = compute(
        D(2025, 11, 24),
        16,
        rule_set="california",
        direction="before",
        unit="court",
        service="mail",
    )
    assert result.due_date == D(2025, 10, 24)
    assert "CCP 1013(a); CCP 12c(b)" in result.citations
    assert "5 calendar days, counted backward" in result.explanation()


def test_california_electronic_service_adds_two_court_days() -> None:
    # CCP 1010.6: Mon 2021-04-05 + 30 = Wed 05-05; + 2 court days: Thu 05-06, Fri 2021-05-07.
    result = compute(D(2021, 4, 5), 30, rule_set="california", service="electronic")
    assert result.due_date == D(2021, 5, 7)
    assert "CCP 1010.6(a)(3)(B)" in result.citations
    # Wed 2021-04-07 + 30 = Fri 05-07; + 2 court days over the weekend: Mon 10, Tue 2021-05-11.
    weekend = compute(D(2021, 4, 7), 30, rule_set="california", service="electronic")
    assert weekend.due_date == D(2021, 5, 11)


@pytest.mark.parametrize(
    ("service", "cite"), [("overnight", "CCP 1013(c)"), ("fax", "CCP 1013(e)")]
)
def test_california_overnight_and_fax_add_two_court_days(service: str, cite: str) -> None:
    # Wed 2021-04-07 + 30 = Fri 05-07; + 2 court days: Mon 05-10, Tue 2021-05-11.
    result = compute(D(2021, 4, 7), 30, rule_set="california", service=service)
    assert result.due_date == D(2021, 5, 11)
    assert cite in result.citations
    # Mon 2025-10-27 + 30 = Wed 11-26; + 2 court days past Thanksgiving, the day after and the
    # weekend: Mon 12-01, Tue 2025-12-02.
    thanksgiving = compute(D(2025, 10, 27), 30, rule_set="california", service=service)
    assert thanksgiving.due_date == D(2025, 12, 2)


def test_california_mail_out_of_state_adds_ten_days() -> None:
    # Fri 2021-04-02 + 40 = Wed 2021-05-12.
    result = compute(D(2021, 4, 2), 30, rule_set="california", service="mail_us")
    assert result.due_date == D(2021, 5, 12)
    assert "to 40 days" in result.explanation()


def test_california_mail_international_adds_twenty_days() -> None:
    # Fri 2021-04-02 + 50 = Sat 2021-05-22 -> Mon 2021-05-24.
    result = compute(D(2021, 4, 2), 30, rule_set="california", service="mail_intl")
    assert result.due_date == D(2021, 5, 24)
    assert "to 50 days" in result.explanation()


def test_california_no_extension_from_entry_of_judgment() -> None:
    # Fri 2021-04-02 + 30 = Sun 05-02 -> Mon 2021-05-03, mail or not.
    result = compute(D(2021, 4, 2), 30, rule_set="california", service="mail", from_judgment=True)
    assert result.due_date == D(2021, 5, 3)
    assert "No extension" in result.explanation()


def test_california_backward_period_on_a_holiday_moves_to_the_previous_court_day() -> None:
    # Hearing Fri 2025-11-21; 10 days before is Tue 11-11, Veterans Day -> Mon 2025-11-10.
    result = compute(D(2025, 11, 21), 10, rule_set="california", direction="before")
    assert result.due_date == D(2025, 11, 10)
    assert "Veterans Day" in result.explanation()
    # Hearing Thu 2025-09-11; 10 days before is Mon 09-01, Labor Day; Sun, Sat -> Fri 08-29.
    labor = compute(D(2025, 9, 11), 10, rule_set="california", direction="before")
    assert labor.due_date == D(2025, 8, 29)


@pytest.mark.parametrize("service", ["clerk", "consented"])
def test_california_refuses_federal_only_methods(service: str) -> None:
    with pytest.raises(ComputationError, match="not a method of service with a California"):
        compute(D(2021, 4, 2), 30, rule_set="california", service=service)


def test_california_may_come_out_earlier_by_mail_than_by_electronic_service() -> None:
    # Not a bug, the law: 2 court days (CCP 1010.6) can span more than 5 calendar days
    # (CCP 1013(a)). Mon 2025-10-27 + 30 = Wed 11-26: by mail + 5 = Mon 12-01; electronically
    # + 2 court days past Thanksgiving = Tue 12-02. The mail >= electronic property is federal.
    mail = compute(D(2025, 10, 27), 30, rule_set="california", service="mail")
    electronic = compute(D(2025, 10, 27), 30, rule_set="california", service="electronic")
    assert (mail.due_date, electronic.due_date) == (D(2025, 12, 1), D(2025, 12, 2))
