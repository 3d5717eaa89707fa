"""Properties of the deadline engine that hold for every input, checked with Hypothesis.

Triggers run 2015-2035 and periods 1-400 days, over every rule set, service, unit, direction,
state in {"", "IL", "CA"} and with or without entry of judgment.
"""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cases.deadlines import (
    ComputationError,
    CourtCalendar,
    Direction,
    RuleSet,
    Service,
    Unit,
    california_calendar,
    compute,
    days_remaining,
    federal_calendar,
)

D = datetime.date

# The conftest's autouse fixtures are function-scoped but do not change between examples.
PROPERTY = settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)

CALIFORNIA_REFUSED = {Service.CLERK, Service.CONSENTED}

triggers = st.dates(D(2015, 1, 1), D(2035, 12, 31))
periods = st.integers(1, 400)


@st.composite
def inputs(draw: st.DrawFn, direction: Direction | None = None) -> dict[str, Any]:
    rule_set = draw(st.sampled_from(RuleSet))
    services = [
        s for s in Service if not (rule_set == RuleSet.CALIFORNIA and s in CALIFORNIA_REFUSED)
    ]
    return {
        "rule_set": rule_set,
        "direction": direction or draw(st.sampled_from(Direction)),
        "unit": draw(st.sampled_from(Unit)),
        "service": draw(st.sampled_from(services)),
        "from_judgment": draw(st.booleans()),
        "state": draw(st.sampled_from(["", "IL", "CA"])),
    }


def calendar_of(kwargs: dict[str, Any]) -> CourtCalendar:
    """The calendar the result must be open on: state holidays count only going forward."""
    if kwargs["rule_set"] == RuleSet.CALIFORNIA:
        return california_calendar()
    return federal_calendar(kwargs["state"] if kwargs["direction"] == Direction.AFTER else "")


@PROPERTY
@given(trigger=triggers, days=periods, kwargs=inputs())
def test_result_is_open_and_at_least_the_period_away(
    trigger: datetime.date, days: int, kwargs: dict[str, Any]
) -> None:
    result = compute(trigger, days, **kwargs)
    due = result.due_date
    calendar = calendar_of(kwargs)
    # N court days span at least N calendar days, so the bound holds for both units.
    if kwargs["direction"] == Direction.AFTER:
        assert due >= trigger + datetime.timedelta(days=days), result.explanation()
    else:
        assert due <= trigger - datetime.timedelta(days=days), result.explanation()
    assert due.weekday() < 5, result.explanation()
    assert calendar.is_open(due), (calendar.closures(due), result.explanation())
    assert result.calendar == calendar.name
    assert f"Due: {due:%a %Y-%m-%d}." in result.explanation().splitlines()


@PROPERTY
@given(trigger=triggers, days=periods, kwargs=inputs())
def test_earliest_safe_is_earlier_and_open_under_the_strict_reading(
    trigger: datetime.date, days: int, kwargs: dict[str, Any]
) -> None:
    result = compute(trigger, days, **kwargs)
    if result.earliest_safe is None:
        assert result.earliest_safe_reason == ""
        return
    safe = result.earliest_safe
    assert kwargs["rule_set"] != RuleSet.CALIFORNIA
    assert kwargs["direction"] == Direction.AFTER  # backward, the prevailing date is the earlier
    assert safe < result.due_date
    assert safe >= trigger + datetime.timedelta(days=days)
    assert calendar_of(kwargs).is_open(safe, strict=True), result.explanation()
    assert result.disputed
    assert f"File by {safe:%a %Y-%m-%d} to be safe." in result.earliest_safe_reason


@PROPERTY
@given(first=triggers, second=triggers, days=periods, kwargs=inputs())
def test_a_later_trigger_never_gives_an_earlier_date(
    first: datetime.date, second: datetime.date, days: int, kwargs: dict[str, Any]
) -> None:
    early, late = sorted((first, second))
    assert compute(early, days, **kwargs).due_date <= compute(late, days, **kwargs).due_date


@PROPERTY
@given(trigger=triggers, days=periods, kwargs=inputs(direction=Direction.AFTER))
def test_mail_never_earlier_than_electronic_service_federally(
    trigger: datetime.date, days: int, kwargs: dict[str, Any]
) -> None:
    # Federal only: in California 2 court days (CCP 1010.6) can outrun 5 calendar days (CCP 1013)
    # over Thanksgiving; see test_engine's test_california_may_come_out_earlier_by_mail_...
    if kwargs["rule_set"] == RuleSet.CALIFORNIA:
        kwargs["rule_set"] = RuleSet.FRCP
    by = {
        service: compute(trigger, days, **(kwargs | {"service": service})).due_date
        for service in (Service.MAIL, Service.ELECTRONIC, Service.NONE)
    }
    assert by[Service.MAIL] >= by[Service.ELECTRONIC] == by[Service.NONE]


@PROPERTY
@given(trigger=triggers, days=periods, kwargs=inputs(direction=Direction.AFTER))
def test_any_mail_never_earlier_than_no_service_in_california(
    trigger: datetime.date, days: int, kwargs: dict[str, Any]
) -> None:
    kwargs["rule_set"] = RuleSet.CALIFORNIA
    plain = compute(trigger, days, **(kwargs | {"service": Service.NONE})).due_date
    dates = [
        compute(trigger, days, **(kwargs | {"service": service})).due_date
        for service in (Service.MAIL, Service.MAIL_OUT_OF_STATE, Service.MAIL_INTERNATIONAL)
    ]
    assert plain <= dates[0] <= dates[1] <= dates[2]


@PROPERTY
@given(trigger=triggers, days=periods, service=st.sampled_from(sorted(CALIFORNIA_REFUSED)))
def test_california_refuses_clerk_and_consented_service(
    trigger: datetime.date, days: int, service: Service
) -> None:
    with pytest.raises(ComputationError, match="California"):
        compute(trigger, days, rule_set=RuleSet.CALIFORNIA, service=service)


@PROPERTY
@given(
    today=triggers,
    span=st.integers(-400, 1200),
    calendar=st.sampled_from(["", "IL", "CA", "california"]),
)
def test_days_remaining_counts_each_open_day(
    today: datetime.date, span: int, calendar: str
) -> None:
    cal = california_calendar() if calendar == "california" else federal_calendar(calendar)
    due = today + datetime.timedelta(days=span)
    naive, day = 0, today
    while day < due:
        day += datetime.timedelta(days=1)
        naive += cal.is_open(day)
    assert days_remaining(cal, today, due) == (span, naive)
