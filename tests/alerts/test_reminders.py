"""When deadline reminders fall due: court time zones, DST, moved, vacated and passed deadlines."""

from __future__ import annotations

import datetime
import zoneinfo

import pytest
import time_machine

from alerts import services
from alerts.models import AlertSettings, Notification
from cases import services as case_services
from tests import factories

pytestmark = pytest.mark.django_db

D = datetime.date
CHICAGO = zoneinfo.ZoneInfo("America/Chicago")
LOS_ANGELES = zoneinfo.ZoneInfo("America/Los_Angeles")


@pytest.fixture
def bob(django_user_model):
    return django_user_model.objects.create_user("bob", "bob@example.org", "pw")


def reminders(user=None) -> list[tuple[int, str]]:
    rows = Notification.objects.filter(kind="reminder")
    if user is not None:
        rows = rows.filter(user=user)
    return sorted(rows.values_list("lead_days", "status"))


def scan_at(when: datetime.datetime) -> int:
    with time_machine.travel(when, tick=False):
        return services.reminders_scan()


def test_reminders_fall_due_at_8am_court_time(alice, bob):
    court = factories.court(time_zone="America/Los_Angeles", code="ca-alameda")
    case = factories.case(court_=court)
    services.subscription_follow(user=alice, case=case)
    deadline = case_services.deadline_set(
        case=case, title="Opposition", kind="response", due_date=D(2031, 3, 20)
    )
    # 7 days before is 13 March, 08:00 in Alameda = 15:00 UTC (PDT, after the 9 March switch).
    assert scan_at(datetime.datetime(2031, 3, 13, 7, 59, tzinfo=LOS_ANGELES)) == 0
    assert scan_at(datetime.datetime(2031, 3, 13, 8, 0, tzinfo=LOS_ANGELES)) == 1
    assert reminders(alice) == [(7, "pending")]
    assert services.reminder_due_at(deadline, 7, "America/Los_Angeles") == datetime.datetime(
        2031, 3, 13, 15, 0, tzinfo=datetime.UTC
    )
    # Scanning again writes nothing new.
    assert scan_at(datetime.datetime(2031, 3, 13, 12, 0, tzinfo=LOS_ANGELES)) == 0
    assert scan_at(datetime.datetime(2031, 3, 19, 8, 0, tzinfo=LOS_ANGELES)) == 1
    assert reminders(alice) == [(1, "pending"), (7, "pending")]
    assert reminders(bob) == []  # bob follows nothing


def test_dst_change_moves_the_utc_instant_not_the_local_hour(alice):
    case = factories.case()  # America/Chicago
    services.subscription_follow(user=alice, case=case)
    # US DST ends on 2 November 2031: the 1-day reminder (1 Nov, CDT) and the deadline day.
    standard = case_services.deadline_set(
        case=case, title="Reply", kind="reply", due_date=D(2031, 11, 4)
    )
    summer = case_services.deadline_set(
        case=case, title="Brief", kind="filing", due_date=D(2031, 11, 2)
    )
    assert services.reminder_due_at(summer, 1, "America/Chicago").utcoffset() == datetime.timedelta(
        hours=-5
    )
    assert services.reminder_due_at(standard, 1, "America/Chicago").utcoffset() == (
        datetime.timedelta(hours=-6)
    )
    # 3 Nov 13:59 UTC is 07:59 CST: Reply's 1-day reminder (4 Nov) is not due yet, only its
    # overdue 7-day one; Brief (2 Nov) has passed. At 14:00 UTC (08:00 CST) the 1-day one is due.
    assert scan_at(datetime.datetime(2031, 11, 3, 13, 59, tzinfo=datetime.UTC)) == 1
    keys = set(Notification.objects.values_list("deadline__title", "lead_days"))
    assert keys == {("Reply", 7)}
    scan_at(datetime.datetime(2031, 11, 3, 14, 0, tzinfo=datetime.UTC))
    keys = set(
        Notification.objects.filter(status="pending").values_list("deadline__title", "lead_days")
    )
    assert ("Reply", 1) in keys


def test_only_the_nearest_overdue_reminder_is_sent(alice, bob):
    case = factories.case()
    case_services.deadline_set(case=case, title="Answer", kind="response", due_date=D(2031, 5, 10))
    # Alice follows two days before: the overdue 7-day reminder goes out now ("2 days left").
    services.subscription_follow(user=alice, case=case)
    assert scan_at(datetime.datetime(2031, 5, 8, 9, 0, tzinfo=CHICAGO)) == 1
    assert reminders(alice) == [(7, "pending")]
    # Bob follows the day before: both are overdue, only the nearest (1 day) is sent.
    services.subscription_follow(user=bob, case=case)
    assert scan_at(datetime.datetime(2031, 5, 9, 9, 0, tzinfo=CHICAGO)) == 2
    assert reminders(bob) == [(1, "pending"), (7, "skipped")]
    assert reminders(alice) == [(1, "pending"), (7, "pending")]


def test_custom_lead_times(alice):
    AlertSettings.objects.update_or_create(user=alice, defaults={"reminder_days": "14, 3, 0"})
    case = factories.case()
    services.subscription_follow(user=alice, case=case)
    case_services.deadline_set(case=case, title="Hearing", kind="hearing", due_date=D(2031, 6, 30))
    for day in (16, 27, 30):
        scan_at(datetime.datetime(2031, 6, day, 8, 30, tzinfo=CHICAGO))
    assert reminders(alice) == [(0, "pending"), (3, "pending"), (14, "pending")]


def test_moved_deadline_is_reminded_for_its_new_date(alice):
    case = factories.case()
    services.subscription_follow(user=alice, case=case)
    deadline = case_services.deadline_set(
        case=case, title="Reply", kind="reply", due_date=D(2031, 4, 10)
    )
    scan_at(datetime.datetime(2031, 4, 3, 9, 0, tzinfo=CHICAGO))
    case_services.deadline_move(deadline=deadline, due_date=D(2031, 4, 24), reason="stipulation")
    assert scan_at(datetime.datetime(2031, 4, 9, 9, 0, tzinfo=CHICAGO)) == 0  # old 1-day: gone
    assert scan_at(datetime.datetime(2031, 4, 17, 9, 0, tzinfo=CHICAGO)) == 1
    keys = sorted(Notification.objects.values_list("key", flat=True))
    assert [k.split(":")[1] for k in keys] == ["20310410", "20310424"]


def test_vacated_met_and_passed_deadlines_get_no_reminders(alice):
    case = factories.case()
    services.subscription_follow(user=alice, case=case)
    vacated = case_services.deadline_set(
        case=case, title="V", kind="other", due_date=D(2031, 4, 10)
    )
    met = case_services.deadline_set(case=case, title="M", kind="other", due_date=D(2031, 4, 10))
    case_services.deadline_set(case=case, title="P", kind="other", due_date=D(2031, 4, 1))
    case_services.deadline_vacate(deadline=vacated)
    case_services.deadline_mark_met(deadline=met)
    assert scan_at(datetime.datetime(2031, 4, 9, 9, 0, tzinfo=CHICAGO)) == 0
    assert not Notification.objects.filter(kind="reminder").exists()


def test_a_timed_deadline_passes_at_its_time(alice):
    case = factories.case()
    services.subscription_follow(user=alice, case=case)
    case_services.deadline_set(
        case=case,
        title="Hearing",
        kind="hearing",
        due_date=D(2031, 4, 10),
        due_time=datetime.time(9, 30),
    )
    assert scan_at(datetime.datetime(2031, 4, 10, 9, 31, tzinfo=CHICAGO)) == 0
    assert scan_at(datetime.datetime(2031, 4, 10, 9, 0, tzinfo=CHICAGO)) == 1  # the 1-day one


def test_preferences_filter_reminders(alice, bob):
    case = factories.case()
    services.subscription_follow(user=alice, case=case)
    services.subscription_follow(user=bob, case=case, deadline_reminders=False)
    carol_sub = services.subscription_follow(
        user=type(alice).objects.create_user("carol", "carol@example.org", "pw"), case=case
    )
    services.subscription_unfollow(subscription=carol_sub)
    case_services.deadline_set(case=case, title="Reply", kind="reply", due_date=D(2031, 4, 10))
    scan_at(datetime.datetime(2031, 4, 9, 9, 0, tzinfo=CHICAGO))
    assert set(Notification.objects.values_list("user__username", flat=True)) == {"alice"}
