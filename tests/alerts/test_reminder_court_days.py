"""Reminders count court days on the court's own calendar and carry the computation."""

from __future__ import annotations

import datetime

import pytest
import time_machine

from alerts import services, tasks
from cases import services as case_services
from cases.models import CourtLevel, HolidayCalendar
from tests import factories

pytestmark = pytest.mark.django_db(transaction=True)

D = datetime.date


@pytest.fixture
def alice(django_user_model):
    return django_user_model.objects.create_user("alice", "alice@example.org", "pw")


def test_california_reminder_counts_judicial_holidays_out(smtp, alice):
    court = factories.court(
        code="ca-alameda-test",
        level=CourtLevel.STATE_TRIAL,
        state="CA",
        holiday_calendar=HolidayCalendar.CA_JUDICIAL,
        time_zone="America/Los_Angeles",
    )
    case = factories.case(court_=court, short_name="Renderos v. Clearview AI")
    services.subscription_follow(user=alice, case=case, deadline_reminders=True)
    # CCP 12/12a: Wed 2025-11-12 + 15 days = Thu 11-27, Thanksgiving; Fri the day after,
    # then Saturday and Sunday: Mon 2025-12-01.
    deadline = case_services.deadline_set(
        case=case,
        title="Reply",
        kind="reply",
        basis="computed",
        trigger_date=D(2025, 11, 12),
        trigger_event="service of the opposition",
        period_days=15,
    )
    assert deadline.due_date == D(2025, 12, 1)
    smtp.inbox.messages.clear()
    # Seven days before, at 08:30 in Oakland (16:30 UTC).
    with time_machine.travel(datetime.datetime(2025, 11, 24, 16, 30, tzinfo=datetime.UTC)):
        tasks.scan_reminders()
    # Mon 11-24 to Mon 12-01: Tue 25, Wed 26 and Mon 12-01 are court days; Thu 27 and Fri 28
    # are judicial holidays (CCP 135), Sat 29 and Sun 30 the weekend.
    assert smtp.inbox.subjects() == [
        "[Renderos v. Clearview AI] Reminder: Reply due in 7 days, 3 court days (1 Dec 2025)"
    ]
    message = smtp.inbox.messages[0]
    text = message.get_body(("plain",)).get_content()
    assert "Days left: 7 calendar days, 3 court days" in text
    assert "California judicial holidays (CCP 135, CRC 1.11)" in text
    assert "Computed: 15 days after service of the opposition on 2025-11-12" in text
    assert "Thanksgiving Day" in text and "Due: Mon 2025-12-01." in text
    html = message.get_body(("html",)).get_content()
    assert "3 court days" in html


def test_reminder_shows_the_earliest_safe_date(smtp, alice):
    court = factories.court(code="ilnd-test", state="IL")
    case = factories.case(court_=court, short_name="In re Clearview AI")
    services.subscription_follow(user=alice, case=case, deadline_reminders=True)
    # FRCP 6(a): Fri 2021-06-04 + 14 = Fri 06-18, the Friday observed for Juneteenth (on a
    # Saturday): Mon 06-21 prevails, Fri 06-18 if the observed day is not a legal holiday.
    deadline = case_services.deadline_set(
        case=case,
        title="Response",
        kind="response",
        basis="computed",
        trigger_date=D(2021, 6, 4),
        period_days=14,
        service_method="electronic",
    )
    assert (deadline.due_date, deadline.earliest_safe_date) == (D(2021, 6, 21), D(2021, 6, 18))
    smtp.inbox.messages.clear()
    with time_machine.travel(datetime.datetime(2021, 6, 14, 14, 0, tzinfo=datetime.UTC)):
        tasks.scan_reminders()
    # Mon 06-14 to Mon 06-21: Tue 15, Wed 16, Thu 17 and Mon 21 (Fri 18 observed, weekend).
    assert smtp.inbox.subjects() == [
        "[In re Clearview AI] Reminder: Response due in 7 days, 4 court days (21 Jun 2021)"
    ]
    text = smtp.inbox.messages[0].get_body(("plain",)).get_content()
    assert "Earliest safe date: Friday 18 June 2021" in text
