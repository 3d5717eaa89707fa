"""The federal calendar against the rules, for 2021-2030: 5 U.S.C. 6103, executive-order
closures (FRCP 6(a)(6)(B), disputed) and a state's own holidays (FRCP 6(a)(6)(C)).

Every expected date is computed here from the rule (``calendar_dates``), never from the holidays
package the calendar is built on.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable

import pytest

from cases.deadlines import CourtCalendar, federal_calendar
from tests.deadlines.calendar_dates import (
    MON,
    SAT,
    YEARS,
    D,
    assert_closed_for,
    days_of,
    last_weekday,
    nth_weekday,
    thanksgiving,
    weekday_for,
)

FEDERAL_FIXED = [
    ("New Year's Day", 1, 1),
    ("Juneteenth", 6, 19),  # from 2021 (Pub. L. 117-17)
    ("Independence Day", 7, 4),
    ("Veterans Day", 11, 11),
    ("Christmas Day", 12, 25),
]
FEDERAL_FLOATING: list[tuple[str, Callable[[int], datetime.date]]] = [
    ("Martin Luther King", lambda y: nth_weekday(y, 1, MON, 3)),
    ("Washington's Birthday", lambda y: nth_weekday(y, 2, MON, 3)),
    ("Memorial Day", lambda y: last_weekday(y, 5, MON)),
    ("Labor Day", lambda y: nth_weekday(y, 9, MON, 1)),
    ("Columbus Day", lambda y: nth_weekday(y, 10, MON, 2)),
    ("Thanksgiving Day", thanksgiving),
]
# Executive-order closures (the package's GOVERNMENT category), each a weekday.
EXECUTIVE_ORDER_CLOSURES = [
    D(2019, 12, 24),  # EO 13900
    D(2020, 12, 24),  # EO 13965
    D(2024, 12, 24),  # EO 14129
    D(2025, 1, 9),  # EO 14133, National Day of Mourning for President Carter
    D(2025, 12, 24),  # EO 14371
    D(2025, 12, 26),  # EO 14371
]


def federal_holidays(year: int) -> list[tuple[str, datetime.date]]:
    """5 U.S.C. 6103(a) holidays of ``year`` on their own dates."""
    fixed = [(n, D(year, m, d)) for n, m, d in FEDERAL_FIXED if year >= 2021 or m != 6]
    return fixed + [(n, rule(year)) for n, rule in FEDERAL_FLOATING]


def federal_observed(year: int) -> set[datetime.date]:
    """Observed weekdays (5 U.S.C. 6103(b)) falling in ``year``."""
    days = set()
    for y in (year, year + 1):
        for _, d in federal_holidays(y):
            if d.weekday() >= SAT:
                days.add(weekday_for(d))
    return {d for d in days if d.year == year}


@pytest.fixture(scope="module")
def fed() -> CourtCalendar:
    return federal_calendar("")


@pytest.mark.parametrize("year", YEARS)
def test_federal_holidays_on_their_dates_are_settled_closures(
    fed: CourtCalendar, year: int
) -> None:
    for name, day in federal_holidays(year):
        assert_closed_for(fed, day, name)
        assert not fed.is_open(day, strict=True), (name, day)


@pytest.mark.parametrize("year", YEARS)
def test_federal_observed_days_are_disputed_closures(fed: CourtCalendar, year: int) -> None:
    for day in federal_observed(year):
        closures = fed.closures(day)
        assert closures, day
        assert all(c.disputed for c in closures), closures
        assert any("(observed)" in c.name for c in closures), closures
        assert not fed.is_open(day)
        assert fed.is_open(day, strict=True)


def test_federal_observed_known_cases(fed: CourtCalendar) -> None:
    for day in (D(2021, 6, 18), D(2021, 12, 24), D(2021, 12, 31), D(2022, 6, 20), D(2023, 1, 2)):
        assert day in federal_observed(day.year)
        assert not fed.is_open(day) and fed.is_open(day, strict=True), day


def test_juneteenth_is_federal_from_2021(fed: CourtCalendar) -> None:
    assert fed.is_open(D(2020, 6, 19))  # a Friday, before Pub. L. 117-17
    assert_closed_for(fed, D(2021, 6, 19), "Juneteenth")
    assert_closed_for(fed, D(2021, 6, 18), "Juneteenth")


@pytest.mark.parametrize("day", EXECUTIVE_ORDER_CLOSURES, ids=str)
def test_executive_order_closures_are_disputed(fed: CourtCalendar, day: datetime.date) -> None:
    closures = fed.closures(day)
    assert len(closures) == 1, closures
    assert "executive order" in closures[0].name
    assert closures[0].disputed
    assert not fed.is_open(day)
    assert fed.is_open(day, strict=True)


def test_half_day_closing_is_not_a_closure(fed: CourtCalendar) -> None:
    assert fed.is_open(D(2015, 12, 24))  # EO 13713: half-day closing only


@pytest.mark.parametrize("year", YEARS)
def test_federal_closed_weekdays_are_exactly_the_holidays(fed: CourtCalendar, year: int) -> None:
    closed = {d for d in days_of(year) if d.weekday() < SAT and not fed.is_open(d)}
    expected = {d for _, d in federal_holidays(year) if d.weekday() < SAT}
    expected |= federal_observed(year)
    expected |= {d for d in EXECUTIVE_ORDER_CLOSURES if d.year == year}
    assert closed == expected


def test_settled_federal_holidays_carry_no_disputed_closure(fed: CourtCalendar) -> None:
    # Regression: the package's PUBLIC category names the day "Martin Luther King Jr. Day" and
    # its GOVERNMENT category "Birthday of Martin Luther King, Jr."; a name match once missed
    # the duplicate and added a disputed "closure by executive order" to MLK Day every year.
    offenders = [
        (day, c.name)
        for year in YEARS
        for _, day in federal_holidays(year)
        for c in fed.closures(day)
        if c.disputed
    ]
    assert offenders == []


@pytest.mark.parametrize("year", YEARS)
def test_illinois_adds_lincolns_birthday_and_casimir_pulaski_day(year: int) -> None:
    il, fed = federal_calendar("IL"), federal_calendar("")
    for name, day in (
        ("Lincoln's Birthday", D(year, 2, 12)),
        ("Casimir Pulaski Day", nth_weekday(year, 3, MON, 1)),
    ):
        state = [c for c in il.closures(day) if name in c.name]
        assert len(state) == 1, il.closures(day)
        assert ", IL state holiday" in state[0].name
        assert not state[0].disputed
        assert not il.is_open(day, strict=True)
        if day.weekday() < SAT:
            assert fed.is_open(day), fed.closures(day)


def test_state_calendar_keeps_federal_holidays(fed: CourtCalendar) -> None:
    il = federal_calendar("IL")
    for year in YEARS:
        for _, day in federal_holidays(year):
            assert not il.is_open(day, strict=True)
        for day in federal_observed(year):
            assert not il.is_open(day)
