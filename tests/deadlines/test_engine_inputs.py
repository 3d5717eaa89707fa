"""What the deadline engine refuses (bad periods and choices, years without calendars), and
``days_remaining``.

Every expected date below was counted by hand on a calendar; the comment next to a case shows
the count. Nothing here touches the database (the suite's conftest still wants PostgreSQL).
"""

from __future__ import annotations

import datetime

import pytest

from cases.deadlines import (
    Computation,
    ComputationError,
    california_calendar,
    compute,
    days_remaining,
    federal_calendar,
)

D = datetime.date


# --- Bad input -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("days", "message"),
    [
        pytest.param(0, "at least 1 day", id="zero"),
        pytest.param(-5, "at least 1 day", id="negative"),
        pytest.param(3651, "at most 3650 days", id="too-long"),
        pytest.param(14.0, "whole number of days", id="float"),
        pytest.param("14", "whole number of days", id="string"),
        pytest.param(None, "whole number of days", id="none"),
        pytest.param(True, "whole number of days", id="bool"),
    ],
)
def test_bad_period(days: object, message: str) -> None:
    with pytest.raises(ComputationError, match=message) as raised:
        compute(D(2024, 1, 2), days, rule_set="frcp")
    assert isinstance(raised.value, ValueError)
    assert str(raised.value).startswith("The period must be")


def test_longest_period_is_accepted() -> None:
    assert compute(D(2024, 1, 1), 3650, rule_set="frcp").due_date == D(2033, 12, 29)


@pytest.mark.parametrize(
    ("field", "value", "enum_name"),
    [
        ("rule_set", "frcp2", "RuleSet"),
        ("direction", "sideways", "Direction"),
        ("unit", "hours", "Unit"),
        ("service", "pigeon", "Service"),
    ],
)
def test_unknown_choice(field: str, value: str, enum_name: str) -> None:
    kwargs: dict[str, object] = {"rule_set": "frcp", field: value}
    with pytest.raises(ComputationError) as raised:
        compute(D(2024, 1, 2), 14, **kwargs)
    assert str(raised.value) == f"Unknown computation input: '{value}' is not a valid {enum_name}."
    assert raised.value.__cause__ is None and raised.value.__suppress_context__


@pytest.mark.parametrize("trigger", [D(1989, 12, 31), D(2090, 1, 1), D(1, 1, 1), D(9999, 1, 1)])
def test_trigger_year_out_of_range(trigger: datetime.date) -> None:
    with pytest.raises(ComputationError, match="between 1990 and 2089"):
        compute(trigger, 14, rule_set="frcp")


@pytest.mark.parametrize("trigger", [D(1990, 1, 2), D(2089, 12, 1)])
def test_trigger_year_at_the_edges_is_accepted(trigger: datetime.date) -> None:
    assert isinstance(compute(trigger, 14, rule_set="california"), Computation)


# A period that ends outside the years the calendars cover (1990-2100) is refused: there every
# holiday would silently vanish. (Regression: only the trigger year used to be checked.)


def test_backward_period_into_an_uncovered_year_is_refused_or_right() -> None:
    # Hearing Mon 1990-01-01, 7 days before is Mon 1989-12-25, Christmas Day: the answer must
    # be Fri 1989-12-22 or a refusal, never Mon 1989-12-25.
    try:
        result = compute(D(1990, 1, 1), 7, rule_set="california", direction="before")
    except ComputationError:
        return
    assert result.due_date == D(1989, 12, 22), result.explanation()


def test_court_day_period_past_the_last_calendar_year_is_refused() -> None:
    # 3650 court days after Sun 2089-12-31 would end in 2104, past the calendars.
    with pytest.raises(ComputationError):
        compute(D(2089, 12, 31), 3650, rule_set="frcp", unit="court")


# --- days_remaining --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("calendar", "today", "due", "expected"),
    [
        # Fri 2024-05-24 -> Tue 05-28: Sat, Sun, Mon (Memorial Day) closed; Tue counts.
        pytest.param("federal", D(2024, 5, 24), D(2024, 5, 28), (4, 1), id="memorial-day"),
        # Mon 2024-05-20 -> Fri 05-31: 21 22 23 24, (27 closed), 28 29 30 31.
        pytest.param("federal", D(2024, 5, 20), D(2024, 5, 31), (11, 8), id="two-weeks"),
        # Sat 2024-06-01 -> Mon 06-03: only Monday counts.
        pytest.param("federal", D(2024, 6, 1), D(2024, 6, 3), (2, 1), id="from-a-saturday"),
        # Wed 2025-11-26 -> Tue 12-02: federally Fri 11-28 is open: 28, Dec 1, Dec 2.
        pytest.param("federal", D(2025, 11, 26), D(2025, 12, 2), (6, 3), id="federal-thanks"),
        # In California the day after Thanksgiving is closed too: Dec 1, Dec 2.
        pytest.param("california", D(2025, 11, 26), D(2025, 12, 2), (6, 2), id="ca-thanks"),
        # Due today.
        pytest.param("federal", D(2024, 5, 28), D(2024, 5, 28), (0, 0), id="due-today"),
        pytest.param("california", D(2025, 11, 27), D(2025, 11, 27), (0, 0), id="today-holiday"),
        # Past due: negative calendar days, no court days.
        pytest.param("federal", D(2024, 6, 3), D(2024, 5, 28), (-6, 0), id="past-due"),
        # Due on a closed day: Fri 2024-12-20 -> Wed 12-25 (Christmas): Mon 23, Tue 24 (EO
        # closure, closed in the prevailing reading) -> 1 court day.
        pytest.param("federal", D(2024, 12, 20), D(2024, 12, 25), (5, 1), id="due-on-holiday"),
        # Across the new year: Fri 2021-12-24 -> Mon 2022-01-03. Sat, Sun, Mon 27 (1), 28 (2),
        # 29 (3), 30 (4), Fri 31 closed (New Year's Day observed: CRC 1.11 / 5 U.S.C. 6103(b)),
        # Sat, Sun, Mon Jan 3 (5).
        pytest.param("california", D(2021, 12, 24), D(2022, 1, 3), (10, 5), id="ca-new-year"),
        pytest.param("federal", D(2021, 12, 24), D(2022, 1, 3), (10, 5), id="federal-new-year"),
        # Across a whole year: Wed 2025-12-31 -> Fri 2027-01-01 (New Year's Day, closed):
        # 2026 has 261 weekdays and 11 federal holidays on weekdays (Jul 4 observed Fri Jul 3).
        pytest.param("federal", D(2025, 12, 31), D(2027, 1, 1), (366, 250), id="whole-year"),
    ],
)
def test_days_remaining(
    calendar: str, today: datetime.date, due: datetime.date, expected: tuple[int, int]
) -> None:
    cal = federal_calendar("") if calendar == "federal" else california_calendar()
    assert days_remaining(cal, today, due) == expected
