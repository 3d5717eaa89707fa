"""The California judicial calendar against CCP 135 and CRC 1.11, for 2021-2030.

Every expected date is computed here from the rule (``calendar_dates``), never from the holidays
package the calendar is built on.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest

from cases.deadlines import CaliforniaJudicialHolidays, CourtCalendar, california_calendar
from tests.deadlines.calendar_dates import (
    FRI,
    MON,
    ONE_DAY,
    SAT,
    YEARS,
    D,
    assert_closed_for,
    days_of,
    last_weekday,
    names,
    nth_weekday,
    thanksgiving,
    weekday_for,
)

# Fixed-date judicial holidays: (name, month, day, first year).
CA_FIXED = [
    ("New Year's Day", 1, 1, 0),
    ("Lincoln's Birthday", 2, 12, 0),
    ("Cesar Chavez Day", 3, 31, 0),
    ("Juneteenth", 6, 19, 2023),  # AB 1655 (2022): a judicial holiday from 2023
    ("Independence Day", 7, 4, 0),
    ("Veterans Day", 11, 11, 0),
    ("Christmas Day", 12, 25, 0),
]


# Floating judicial holidays: (name, rule, applies in year).
CA_FLOATING: list[tuple[str, Callable[[int], datetime.date], Callable[[int], bool]]] = [
    ("Martin Luther King", lambda y: nth_weekday(y, 1, MON, 3), lambda y: True),
    ("Presidents' Day", lambda y: nth_weekday(y, 2, MON, 3), lambda y: True),
    ("Memorial Day", lambda y: last_weekday(y, 5, MON), lambda y: True),
    ("Labor Day", lambda y: nth_weekday(y, 9, MON, 1), lambda y: True),
    ("Native American Day", lambda y: nth_weekday(y, 9, FRI, 4), lambda y: y >= 2022),
    ("Columbus Day", lambda y: nth_weekday(y, 10, MON, 2), lambda y: y <= 2021),
    ("Thanksgiving Day", thanksgiving, lambda y: True),
    ("Day after Thanksgiving", lambda y: thanksgiving(y) + ONE_DAY, lambda y: True),
]


def expected_california_closed_weekdays(year: int) -> set[datetime.date]:
    days = set()
    for _, month, day, since in CA_FIXED:
        for y in (year, year + 1):  # next New Year's Day on a Saturday closes this Dec 31
            if y >= since:
                days.add(weekday_for(D(y, month, day)))
    for _, rule, applies in CA_FLOATING:
        if applies(year):
            days.add(rule(year))
    return {d for d in days if d.year == year}


@pytest.fixture(scope="module")
def ca() -> CourtCalendar:
    return california_calendar()


def test_helpers_agree_with_known_dates() -> None:
    # Checked against a printed calendar, so the helpers below can be trusted.
    assert nth_weekday(2025, 1, MON, 3) == D(2025, 1, 20)
    assert nth_weekday(2025, 9, FRI, 4) == D(2025, 9, 26)
    assert last_weekday(2024, 5, MON) == D(2024, 5, 27)
    assert last_weekday(2021, 12, FRI) == D(2021, 12, 31)
    assert thanksgiving(2025) == D(2025, 11, 27)
    assert weekday_for(D(2022, 1, 1)) == D(2021, 12, 31)
    assert weekday_for(D(2023, 1, 1)) == D(2023, 1, 2)
    # 2025 by hand: Jan 1, Jan 20, Feb 12, Feb 17, Mar 31, May 26, Jun 19, Jul 4, Sep 1, Sep 26,
    # Nov 11, Nov 27, Nov 28, Dec 25.
    assert len(expected_california_closed_weekdays(2025)) == 14
    assert D(2021, 12, 31) in expected_california_closed_weekdays(2021)
    assert D(2021, 10, 11) in expected_california_closed_weekdays(2021)
    assert D(2021, 9, 24) not in expected_california_closed_weekdays(2021)
    assert D(2022, 2, 11) in expected_california_closed_weekdays(2022)


@pytest.mark.parametrize("year", YEARS)
def test_new_years_day(ca: CourtCalendar, year: int) -> None:
    assert_closed_for(ca, D(year, 1, 1), "New Year's Day")


@pytest.mark.parametrize("year", YEARS)
def test_martin_luther_king_day_third_monday_of_january(ca: CourtCalendar, year: int) -> None:
    assert_closed_for(ca, nth_weekday(year, 1, MON, 3), "Martin Luther King")


@pytest.mark.parametrize("year", YEARS)
def test_lincolns_birthday(ca: CourtCalendar, year: int) -> None:
    assert_closed_for(ca, D(year, 2, 12), "Lincoln's Birthday")


@pytest.mark.parametrize("year", YEARS)
def test_presidents_day_third_monday_of_february(ca: CourtCalendar, year: int) -> None:
    assert_closed_for(ca, nth_weekday(year, 2, MON, 3), "Presidents' Day")


@pytest.mark.parametrize("year", YEARS)
def test_cesar_chavez_day(ca: CourtCalendar, year: int) -> None:
    assert_closed_for(ca, D(year, 3, 31), "Cesar Chavez Day")


@pytest.mark.parametrize("year", YEARS)
def test_memorial_day_last_monday_of_may(ca: CourtCalendar, year: int) -> None:
    assert_closed_for(ca, last_weekday(year, 5, MON), "Memorial Day")


@pytest.mark.parametrize("year", YEARS)
def test_juneteenth_from_2023(ca: CourtCalendar, year: int) -> None:
    juneteenth = D(year, 6, 19)
    if year >= 2023:
        assert_closed_for(ca, juneteenth, "Juneteenth")
        assert_closed_for(ca, weekday_for(juneteenth), "Juneteenth")
    else:
        assert not any("Juneteenth" in n for n in names(ca, juneteenth))
        # 2021-06-18 (federal observed day) and 2022-06-20 (Monday after) are court days.
        assert ca.is_open(weekday_for(juneteenth))


@pytest.mark.parametrize("year", YEARS)
def test_independence_day(ca: CourtCalendar, year: int) -> None:
    assert_closed_for(ca, D(year, 7, 4), "Independence Day")


@pytest.mark.parametrize("year", YEARS)
def test_labor_day_first_monday_of_september(ca: CourtCalendar, year: int) -> None:
    assert_closed_for(ca, nth_weekday(year, 9, MON, 1), "Labor Day")


@pytest.mark.parametrize("year", YEARS)
def test_native_american_day_fourth_friday_of_september_from_2022(
    ca: CourtCalendar, year: int
) -> None:
    day = nth_weekday(year, 9, FRI, 4)
    if year >= 2022:
        assert_closed_for(ca, day, "Native American Day")
    else:
        assert day == D(2021, 9, 24)
        assert ca.is_open(day)


@pytest.mark.parametrize("year", YEARS)
def test_columbus_day_second_monday_of_october_only_in_2021(ca: CourtCalendar, year: int) -> None:
    day = nth_weekday(year, 10, MON, 2)
    if year == 2021:
        assert day == D(2021, 10, 11)
        assert_closed_for(ca, day, "Columbus Day")
    else:
        assert ca.is_open(day), names(ca, day)


@pytest.mark.parametrize("year", YEARS)
def test_veterans_day(ca: CourtCalendar, year: int) -> None:
    assert_closed_for(ca, D(year, 11, 11), "Veterans Day")


@pytest.mark.parametrize("year", YEARS)
def test_thanksgiving_fourth_thursday_of_november(ca: CourtCalendar, year: int) -> None:
    assert_closed_for(ca, thanksgiving(year), "Thanksgiving Day")


@pytest.mark.parametrize("year", YEARS)
def test_day_after_thanksgiving(ca: CourtCalendar, year: int) -> None:
    assert_closed_for(ca, thanksgiving(year) + ONE_DAY, "Day after Thanksgiving")


@pytest.mark.parametrize("year", YEARS)
def test_christmas_day(ca: CourtCalendar, year: int) -> None:
    assert_closed_for(ca, D(year, 12, 25), "Christmas Day")


@pytest.mark.parametrize("year", YEARS)
def test_admission_day_is_never_a_judicial_holiday(ca: CourtCalendar, year: int) -> None:
    admission = D(year, 9, 9)
    # It never coincides with another judicial holiday: Labor Day falls on Sep 1-7, Native
    # American Day on Sep 22-28.
    assert nth_weekday(year, 9, MON, 1).day <= 7
    assert nth_weekday(year, 9, FRI, 4).day >= 22
    assert ca.is_open(admission) == (admission.weekday() < SAT)
    assert not any("Admission" in n for n in names(ca, admission))
    # Nor is a Friday before / Monday after closed for it (2023: Sat; 2029: Sun).
    assert ca.is_open(weekday_for(admission))


def test_every_weekend_day_is_closed(ca: CourtCalendar) -> None:
    for year in YEARS:
        for day in days_of(year):
            if day.weekday() >= SAT:
                assert not ca.is_open(day), day
                assert not ca.is_open(day, strict=True), day


CA_FIXED_BY_YEAR = [
    pytest.param(name, D(year, month, day), id=f"{name}-{year}")
    for name, month, day, since in CA_FIXED
    for year in YEARS
    if year >= since
]


@pytest.mark.parametrize(("name", "holiday"), CA_FIXED_BY_YEAR)
def test_crc_1_11_fixed_date_holiday_on_a_weekend(
    ca: CourtCalendar, name: str, holiday: datetime.date
) -> None:
    """A fixed-date holiday on a Saturday closes the Friday before; on a Sunday the Monday after."""
    closed = weekday_for(holiday)
    assert_closed_for(ca, closed, name)
    if closed != holiday:
        assert_closed_for(ca, closed, "observed, CRC 1.11")
        # Only that one weekday: the other side of the weekend is a court day unless it is
        # itself a holiday (New Year's Day never borders Christmas: Dec 31 -> Jan 3 at most).
        other = holiday + 2 * ONE_DAY if holiday.weekday() == SAT else holiday - 2 * ONE_DAY
        assert ca.is_open(other) or other in expected_california_closed_weekdays(other.year)


def test_crc_1_11_known_cases(ca: CourtCalendar) -> None:
    # Sat 2022-01-01 closes Fri 2021-12-31; Sat 2022-02-12 closes Fri 2022-02-11.
    assert_closed_for(ca, D(2021, 12, 31), "New Year's Day (observed, CRC 1.11)")
    assert_closed_for(ca, D(2022, 2, 11), "Lincoln's Birthday (observed, CRC 1.11)")
    # Sun 2023-02-12 closes Mon 2023-02-13; Sun 2029-11-11 closes Mon 2029-11-12.
    assert_closed_for(ca, D(2023, 2, 13), "Lincoln's Birthday")
    assert_closed_for(ca, D(2029, 11, 12), "Veterans Day")
    # Sat 2027-06-19 closes Fri 2027-06-18; Sat 2029-03-31 closes Fri 2029-03-30.
    assert_closed_for(ca, D(2027, 6, 18), "Juneteenth")
    assert_closed_for(ca, D(2029, 3, 30), "Cesar Chavez Day")
    # The Monday after a Saturday holiday stays open: Mon 2022-01-03, Mon 2022-02-14.
    assert ca.is_open(D(2022, 1, 3))
    assert ca.is_open(D(2022, 2, 14))


@pytest.mark.parametrize("year", YEARS)
def test_closed_weekdays_are_exactly_the_judicial_holidays(ca: CourtCalendar, year: int) -> None:
    closed = {d for d in days_of(year) if d.weekday() < SAT and not ca.is_open(d)}
    expected = expected_california_closed_weekdays(year)
    assert closed - expected == set(), "closed but not a judicial holiday"
    assert expected - closed == set(), "a judicial holiday the court is open on"


@pytest.mark.parametrize("year", YEARS)
def test_california_closures_are_never_disputed(ca: CourtCalendar, year: int) -> None:
    for day in days_of(year):
        assert all(not c.disputed for c in ca.closures(day)), day
        assert ca.is_open(day) == ca.is_open(day, strict=True)


def test_holidays_class_lists_only_weekday_rules_and_their_dates() -> None:
    # The HolidayBase subclass itself: weekends are not entries, and every entry is either a
    # judicial holiday on its date or its CRC 1.11 observed weekday.
    for year in YEARS:
        table = CaliforniaJudicialHolidays(years=year)
        listed = {d for d in table if d.year == year}
        weekdays = {d for d in listed if d.weekday() < SAT}
        assert weekdays == expected_california_closed_weekdays(year), year
        for d in listed - weekdays:
            assert d in {D(year, m, dd) for _, m, dd, _ in CA_FIXED}, d
