"""The deadline engine against hand-checked dates: FRCP 6, FRAP 26 and the California CCP.

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


# --- California ------------------------------------------------------------------------------


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
