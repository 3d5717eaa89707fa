"""Court calendars: which days a court's deadline computation treats as closed.

A calendar answers one question for a date: is it a day the court counts as open, and if not,
why not. Each closure carries its name and, where reasonable readings of the rule differ on
whether it is a legal holiday at all, the reason it is disputed. The engine computes with every
closure (the prevailing reading) and again without the disputed ones (the strict reading) to
find the earliest safe date.

Two calendars:
- the federal one, from the ``holidays`` package: 5 U.S.C. 6103 holidays (FRCP 6(a)(6)(A)), days
  the President declares (its GOVERNMENT category, FRCP 6(a)(6)(B)) and, for periods counted
  forward, the holidays of the state where the court sits (FRCP 6(a)(6)(C), FRAP 26(a)(6)(C));
- the California judicial calendar of CCP 135 and CRC 1.11, built here on the package's base
  class because its California calendar is the state-employee one (no Friday off for a Saturday
  holiday, Columbus Day and no Native American Day in some years, and so on).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import cache

import holidays
from holidays.calendars.gregorian import SAT, SUN
from holidays.constants import GOVERNMENT, PUBLIC
from holidays.groups import ChristianHolidays, InternationalHolidays
from holidays.observed_holiday_base import (
    SAT_TO_PREV_FRI,
    SUN_TO_NEXT_MON,
    ObservedHolidayBase,
)

# The first and last years the calendars are trusted for; computations outside are refused.
FIRST_YEAR = 1990
LAST_YEAR = 2100

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class Closure:
    """One reason a day is not counted as open."""

    name: str
    disputed: str = ""  # why a reasonable reading counts the day as open; empty when settled

    def __str__(self) -> str:
        return self.name


class CaliforniaJudicialHolidays(ObservedHolidayBase, ChristianHolidays, InternationalHolidays):
    """California judicial holidays: CCP 135 and California Rules of Court, rule 1.11.

    CCP 135 makes a judicial holiday of every full-day holiday of Government Code 6700 except
    Admission Day (September 9), Columbus Day (excluded from 2022, AB 855 of 2021) and days
    appointed by the President alone; adds every Saturday and the day after Thanksgiving.
    Native American Day (fourth Friday in September) is a judicial holiday from 2022 (AB 855);
    Juneteenth from 2023 (AB 1655 of 2022). Rule 1.11: a judicial holiday on a Saturday is
    observed the Friday before, on a Sunday the Monday after. Saturdays and Sundays themselves
    are the calendar's weekend, not entries.
    """

    country = "US"
    subdivisions = ()
    observed_label = "%s (observed, CRC 1.11)"
    weekend = {SAT, SUN}
    start_year = FIRST_YEAR
    end_year = LAST_YEAR

    def __init__(self, *args: object, **kwargs: object) -> None:
        ChristianHolidays.__init__(self)
        InternationalHolidays.__init__(self)
        kwargs.setdefault("observed_rule", SAT_TO_PREV_FRI + SUN_TO_NEXT_MON)
        super().__init__(*args, **kwargs)

    def _populate_public_holidays(self) -> None:
        dts_observed = {
            self._add_new_years_day("New Year's Day"),
            self._add_holiday_feb_12("Lincoln's Birthday"),
            self._add_holiday_mar_31("Cesar Chavez Day"),
            self._add_holiday_jul_4("Independence Day"),
            self._add_holiday_nov_11("Veterans Day"),
            self._add_christmas_day("Christmas Day"),
        }
        if self._year >= 2023:
            dts_observed.add(self._add_holiday_jun_19("Juneteenth"))
        self._add_holiday_3rd_mon_of_jan("Dr. Martin Luther King, Jr. Day")
        self._add_holiday_3rd_mon_of_feb("Presidents' Day (Washington's Birthday)")
        self._add_holiday_last_mon_of_may("Memorial Day")
        self._add_holiday_1st_mon_of_sep("Labor Day")
        if self._year >= 2022:
            self._add_holiday_4th_fri_of_sep("Native American Day")
        else:
            self._add_holiday_2nd_mon_of_oct("Columbus Day")
        self._add_holiday_4th_thu_of_nov("Thanksgiving Day")
        self._add_holiday_1_day_past_4th_thu_of_nov("Day after Thanksgiving")
        if self.observed:
            self._populate_observed(dts_observed)
            # New Year's Day of next year on a Saturday closes the court this December 31.
            next_new_year = datetime.date(self._year + 1, 1, 1)
            if next_new_year.weekday() == SAT:
                self._add_holiday_dec_31("New Year's Day (observed, CRC 1.11)")


# Names in the holidays package's state calendars that are observances, not days the state
# closes; counting them is the prevailing (later) reading only because the package lists them.
_STATE_OBSERVANCES = {
    "Susan B. Anthony Day": "a commemorative day in California; state offices stay open",
}

_OBSERVED_DISPUTE = (
    "observed in place of a holiday that falls on a weekend (5 U.S.C. 6103(b)); courts differ "
    "on whether the observed day is a legal holiday under FRCP 6(a)(6)"
)
_DECLARED_DISPUTE = (
    "a closure of executive departments by executive order; courts differ on whether it is a "
    "day 'declared a holiday by the President' under FRCP 6(a)(6)(B)"
)


class CourtCalendar:
    """Weekends plus named closures; ``closures(day)`` lists why a day is not open."""

    name: str

    def closures(self, day: datetime.date) -> list[Closure]:
        raise NotImplementedError

    def is_open(self, day: datetime.date, *, strict: bool = False) -> bool:
        """True on a day the court counts; ``strict`` ignores disputed closures."""
        return not any(not (strict and c.disputed) for c in self.closures(day))

    def open_days_after(self, start: datetime.date, end: datetime.date) -> int:
        """How many open days fall after ``start`` up to and including ``end`` (0 if none).

        Answered from per-year running counts, so a page listing hundreds of deadlines costs a
        few table lookups per row instead of a walk over every day.
        """
        if end <= start:
            return 0
        first, last = self._year_table(start.year), self._year_table(end.year)
        day_of = lambda day: day.timetuple().tm_yday - 1  # noqa: E731
        if start.year == end.year:
            return first[day_of(end)] - first[day_of(start)]
        between = sum(self._year_table(year)[-1] for year in range(start.year + 1, end.year))
        return first[-1] - first[day_of(start)] + between + last[day_of(end)]

    def _year_table(self, year: int) -> list[int]:
        """Running counts of open days through each day of ``year``."""
        tables = self.__dict__.setdefault("_tables", {})
        if year not in tables:
            running, counts = 0, []
            day = datetime.date(year, 1, 1)
            while day.year == year:
                running += self.is_open(day)
                counts.append(running)
                day += datetime.timedelta(days=1)
            tables[year] = counts
        return tables[year]


def _weekend(day: datetime.date) -> list[Closure]:
    return [Closure(WEEKDAY_NAMES[day.weekday()])] if day.weekday() in (SAT, SUN) else []


def _names(value: str | None) -> list[str]:
    return [n.strip() for n in (value or "").split(";") if n.strip()]


class FederalCalendar(CourtCalendar):
    """Legal holidays of FRCP 6(a)(6) / FRAP 26(a)(6).

    ``state`` adds the state's own holidays (for periods counted forward only: the engine builds
    the calendar with or without them).
    """

    def __init__(self, state: str = "") -> None:
        self.state = state.upper()
        self.name = "U.S. federal holidays" + (f" and {self.state} state holidays" if state else "")
        self._federal = holidays.US(categories=PUBLIC, years=[])
        self._declared = holidays.US(categories=GOVERNMENT, years=[])
        self._state = (
            holidays.US(subdiv=self.state, categories=PUBLIC, years=[]) if self.state else None
        )

    def closures(self, day: datetime.date) -> list[Closure]:
        found = _weekend(day)
        federal = _names(self._federal.get(day))
        for name in federal:
            found.append(Closure(name, _OBSERVED_DISPUTE if "(observed)" in name else ""))
        for name in _names(self._declared.get(day)):
            # The GOVERNMENT category repeats the public holidays (some under other names:
            # "Birthday of Martin Luther King, Jr."); only extra full-day closures count here.
            if federal or "half-day" in name or "half day" in name:
                continue
            found.append(Closure(f"{name}, closed by executive order", _DECLARED_DISPUTE))
        if self._state is not None:
            seen = {n.split(" (observed)")[0] for n in federal}
            for name in _names(self._state.get(day)):
                base = name.split(" (observed)")[0]
                if base in seen:
                    continue
                if base in _STATE_OBSERVANCES:
                    dispute = _STATE_OBSERVANCES[base]
                elif "(observed)" in name:
                    dispute = _OBSERVED_DISPUTE
                else:
                    dispute = ""
                found.append(Closure(f"{name}, {self.state} state holiday", dispute))
        return found


class CaliforniaJudicialCalendar(CourtCalendar):
    """CCP 135 and CRC 1.11: weekends and the judicial holidays, none of them disputed."""

    name = "California judicial holidays (CCP 135, CRC 1.11)"

    def __init__(self) -> None:
        self._holidays = CaliforniaJudicialHolidays(years=[])

    def closures(self, day: datetime.date) -> list[Closure]:
        return _weekend(day) + [Closure(n) for n in _names(self._holidays.get(day))]


@cache
def federal_calendar(state: str = "") -> FederalCalendar:
    """The FRCP/FRAP calendar; ``state`` adds that state's holidays (forward periods)."""
    return FederalCalendar(state)


@cache
def california_calendar() -> CaliforniaJudicialCalendar:
    return CaliforniaJudicialCalendar()
