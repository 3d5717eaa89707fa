"""iCalendar feeds of deadlines, parsed back the way a calendar client reads them."""

from __future__ import annotations

import datetime

import pytest
from django.http import QueryDict
from django.urls import reverse
from icalendar import Calendar

from cases import services
from cases.filters import CaseFilterSet
from cases.models import Case, CaseStatus, Deadline, DeadlineStatus
from tests import factories

pytestmark = pytest.mark.django_db

D = datetime.date
T = datetime.time
UTC = datetime.UTC


def fetch(client, url: str) -> tuple[Calendar, bytes]:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    assert calendar["VERSION"] == "2.0"
    assert calendar["PRODID"] == "-//Docket tracker//Deadlines//EN"
    return calendar, response.content


def by_uid(calendar: Calendar) -> dict[str, object]:
    return {str(event["UID"]): event for event in calendar.events}


def uid(deadline: Deadline) -> str:
    return f"deadline-{deadline.pk}@docket-tracker"


def deadline(case: Case, title: str = "Opposition to motion to dismiss", **fields) -> Deadline:
    values = {"kind": "response", "due_date": D(2026, 3, 10)}
    return services.deadline_set(case=case, title=title, **(values | fields))


@pytest.fixture
def case() -> Case:
    court = factories.court(name="United States District Court for the Northern District of X")
    return factories.case(court, short_name="Mutnick v. Clearview AI", docket_number="1:20-cv-512")


def test_a_case_calendar_has_one_event_per_deadline(client, case):
    opposition = deadline(
        case,
        rule="LR 7.1",
        basis="computed",
        trigger_date=D(2026, 2, 24),
        trigger_event="service of the motion",
        period_days=14,
        service_method="electronic",
    )
    assert opposition.due_date == D(2026, 3, 10)  # Tue 02-24 + 14 days: Tue 03-10
    reply = deadline(case, "Reply in support", kind="reply", due_date=D(2026, 3, 17))
    hearing = deadline(case, "Hearing", kind="hearing", due_date=D(2026, 4, 2), due_time=T(10))
    extended = deadline(case, "Expert reports", kind="discovery", due_date=D(2026, 5, 1))
    services.deadline_mark_met(deadline=reply)
    services.deadline_update(deadline=extended, status=DeadlineStatus.EXTENDED)
    deadline(factories.case(), "Another case's deadline")

    calendar, _ = fetch(client, reverse("case-calendar", args=[case.slug]))

    assert str(calendar["X-WR-CALNAME"]).startswith("Mutnick v. Clearview AI (")
    events = by_uid(calendar)
    assert set(events) == {uid(opposition), uid(reply), uid(hearing), uid(extended)}
    event = events[uid(opposition)]
    assert event["SUMMARY"] == "[Mutnick v. Clearview AI] Opposition to motion to dismiss"
    assert event["URL"] == f"http://testserver/cases/{case.slug}/"
    description = str(event["DESCRIPTION"])
    assert "United States District Court for the Northern District of X, No. 1:20-cv-512" in (
        description
    )
    assert "Rule: LR 7.1" in description
    assert "Computed: 14 days after service of the motion on 2026-02-24" in description
    assert "Due: Tue 2026-03-10." in description
    assert f"http://testserver/cases/{case.slug}/" in description
    # Open, met and extended deadlines all stay on the calendar.
    assert {str(e["STATUS"]) for e in events.values()} == {"CONFIRMED"}
    assert event["DTSTAMP"].dt == opposition.history.latest().history_date.replace(microsecond=0)


def test_uids_and_the_whole_calendar_are_stable_across_requests(client, case):
    deadline(case)
    deadline(case, "Hearing", due_time=T(9, 30))
    first_calendar, first = fetch(client, reverse("case-calendar", args=[case.slug]))
    second_calendar, second = fetch(client, reverse("case-calendar", args=[case.slug]))
    assert sorted(by_uid(first_calendar)) == sorted(by_uid(second_calendar))
    assert len(by_uid(first_calendar)) == 2
    assert first == second  # no random UID or "now" timestamp anywhere


def test_a_deadline_without_a_time_is_an_all_day_event(client, case):
    due = deadline(case, due_date=D(2026, 3, 10))
    calendar, raw = fetch(client, reverse("case-calendar", args=[case.slug]))
    event = by_uid(calendar)[uid(due)]
    assert type(event.start) is datetime.date
    assert (event.start, event.end) == (D(2026, 3, 10), D(2026, 3, 11))
    assert b"DTSTART;VALUE=DATE:20260310" in raw
    assert b"DTEND;VALUE=DATE:20260311" in raw
    assert calendar.timezones == []  # no timed event, no VTIMEZONE


def test_a_timed_deadline_is_in_the_court_time_zone(client):
    court = factories.court(time_zone="America/Los_Angeles")
    case = factories.case(court)
    summer = deadline(case, "Hearing", due_date=D(2026, 3, 10), due_time=T(9, 30))
    winter = deadline(case, "Status conference", due_date=D(2026, 1, 15), due_time=T(9, 30))

    calendar, raw = fetch(client, reverse("case-calendar", args=[case.slug]))

    assert b"DTSTART;TZID=America/Los_Angeles:20260310T093000" in raw
    assert [tz.tz_name for tz in calendar.timezones] == ["America/Los_Angeles"]
    assert calendar.get_missing_tzids() == set()
    events = by_uid(calendar)
    # Daylight time began on 8 March 2026: 09:30 PDT is 16:30 UTC, 09:30 PST is 17:30 UTC.
    assert events[uid(summer)].start.astimezone(UTC) == datetime.datetime(
        2026, 3, 10, 16, 30, tzinfo=UTC
    )
    assert events[uid(winter)].start.astimezone(UTC) == datetime.datetime(
        2026, 1, 15, 17, 30, tzinfo=UTC
    )
    # The VTIMEZONE rules alone (not the server's tz database) give the same instant.
    vtimezone = calendar.timezones[0].to_tz()
    local = datetime.datetime(2026, 3, 10, 9, 30, tzinfo=vtimezone)
    assert local.astimezone(UTC) == datetime.datetime(2026, 3, 10, 16, 30, tzinfo=UTC)


def test_a_moved_deadline_keeps_its_uid_with_a_higher_sequence(client, case):
    due = deadline(case, due_date=D(2026, 3, 10))
    url = reverse("case-calendar", args=[case.slug])
    before = by_uid(fetch(client, url)[0])[uid(due)]
    services.deadline_move(deadline=due, due_date=D(2026, 3, 24), reason="Stipulated extension")
    after = by_uid(fetch(client, url)[0])[uid(due)]
    services.deadline_move(deadline=due, due_date=D(2026, 3, 31), due_time=T(17))
    again = by_uid(fetch(client, url)[0])[uid(due)]

    assert (before["SEQUENCE"], after["SEQUENCE"], again["SEQUENCE"]) == (0, 1, 2)
    assert (before.start, after.start) == (D(2026, 3, 10), D(2026, 3, 24))
    assert again.start == datetime.datetime(2026, 3, 31, 17, tzinfo=again.start.tzinfo)
    # DTSTAMP is the deadline's last revision: the latest history record at the time.
    assert again["DTSTAMP"].dt == due.history.latest().history_date.replace(microsecond=0)


def test_a_vacated_deadline_is_cancelled(client, case):
    kept = deadline(case, "Reply")
    vacated = deadline(case, "Hearing on the motion", kind="hearing")
    services.deadline_vacate(deadline=vacated, reason="Motion withdrawn")
    events = by_uid(fetch(client, reverse("case-calendar", args=[case.slug]))[0])
    assert str(events[uid(vacated)]["STATUS"]) == "CANCELLED"
    assert str(events[uid(kept)]["STATUS"]) == "CONFIRMED"
    assert events[uid(vacated)]["SEQUENCE"] == 1


def test_commas_semicolons_and_newlines_in_titles_round_trip(client, case):
    title = "Reply, if any; due\nby noon (ECF 12)"
    due = deadline(case, title)
    calendar, raw = fetch(client, reverse("case-calendar", args=[case.slug]))
    assert b"Reply\\, if any\\; due\\nby noon" in raw
    assert by_uid(calendar)[uid(due)]["SUMMARY"] == f"[Mutnick v. Clearview AI] {title}"


def test_an_unknown_case_has_no_calendar(client, db):
    assert client.get(reverse("case-calendar", args=["no-such-case"])).status_code == 404


@pytest.fixture
def docket() -> dict[str, Case]:
    """Two cases in ilnd (one active, one stayed) and one active case in another court."""
    ilnd = factories.court(code="ilnd", short_name="N.D. Ill.")
    other = factories.court(code="cand", short_name="N.D. Cal.")
    cases = {
        "ilnd_active": factories.case(ilnd),
        "ilnd_stayed": factories.case(ilnd),
        "cand_active": factories.case(other),
    }
    for key, case in cases.items():
        status = CaseStatus.STAYED if key.endswith("stayed") else CaseStatus.ACTIVE
        services.case_status_change(case=case, status=status, effective_date=D(2021, 1, 5))
        for n in range(2):
            deadline(case, f"{key} deadline {n}", due_date=D(2026, 5, 1 + n))
    return cases


def deadline_uids(*cases: Case) -> set[str]:
    return {uid(d) for d in Deadline.objects.filter(case__in=cases)}


def filtered_count(query: str) -> int:
    matched = CaseFilterSet(QueryDict(query), queryset=Case.objects.all()).qs
    return Deadline.objects.filter(case__in=matched).count()


def test_the_filtered_calendar_has_only_the_matching_cases_deadlines(client, docket):
    calendar, _ = fetch(client, reverse("cases-calendar") + "?court=ilnd&status=active")
    assert set(by_uid(calendar)) == deadline_uids(docket["ilnd_active"])
    assert len(calendar.events) == 2 == filtered_count("court=ilnd&status=active")


def test_the_calendar_filters_by_status_and_court_alone(client, docket):
    active, _ = fetch(client, reverse("cases-calendar") + "?status=active")
    assert set(by_uid(active)) == deadline_uids(docket["ilnd_active"], docket["cand_active"])
    ilnd, _ = fetch(client, reverse("cases-calendar") + "?court=ilnd")
    assert set(by_uid(ilnd)) == deadline_uids(docket["ilnd_active"], docket["ilnd_stayed"])
    everything, _ = fetch(client, reverse("cases-calendar"))
    assert len(everything.events) == 6 == Deadline.objects.count()


def test_the_calendar_takes_the_case_list_search(client, docket):
    services.case_update(case=docket["cand_active"], summary="Biometric privacy and facial scans")
    calendar, _ = fetch(client, reverse("cases-calendar") + "?q=biometric")
    assert set(by_uid(calendar)) == deadline_uids(docket["cand_active"])


def test_bad_filter_values_are_ignored_not_an_error(client, docket):
    calendar, raw = fetch(client, reverse("cases-calendar") + "?filed_after=notadate&court=nope")
    assert len(calendar.events) == 6  # both filters were left out
    assert b"BEGIN:VCALENDAR" in raw and raw.rstrip().endswith(b"END:VCALENDAR")
    calendar, _ = fetch(client, reverse("cases-calendar") + "?status=nope&deadline_within=x&sort=?")
    assert len(calendar.events) == 6


def test_the_calendars_cost_a_fixed_number_of_queries(
    client, docket, django_assert_max_num_queries
):
    for case in docket.values():
        deadline(case, "Hearing", due_date=D(2026, 6, 1), due_time=T(9, 30))
    # The case with its court; its deadlines with case, court and history counts.
    with django_assert_max_num_queries(2):
        fetch(client, reverse("case-calendar", args=[docket["ilnd_active"].slug]))
    # The court codes the filter names; the deadlines of the matching cases (a subquery).
    with django_assert_max_num_queries(2):
        calendar, _ = fetch(client, reverse("cases-calendar") + "?court=ilnd&court=cand")
    assert len(calendar.events) == 9


def test_the_calendar_is_built_again_only_when_something_in_it_changed(
    client, case, monkeypatch, settings
):
    settings.ALLOWED_HOSTS = ["testserver", "tracker.example.org"]
    from cases import calendar as module

    built = []
    real = module.build_calendar
    monkeypatch.setattr(module, "build_calendar", lambda *a, **k: built.append(1) or real(*a, **k))
    due = deadline(case)
    url = reverse("case-calendar", args=[case.slug])
    first = fetch(client, url)[1]
    assert fetch(client, url)[1] == first and len(built) == 1  # the second came from the cache

    services.deadline_move(deadline=due, due_date=D(2026, 3, 24), reason="Extension")
    moved = fetch(client, url)[1]
    assert moved != first and b"DTSTART;VALUE=DATE:20260324" in moved and len(built) == 2

    Case.objects.filter(pk=case.pk).update(short_name="Renamed v. Clearview AI")
    renamed = fetch(client, url)[1]
    assert b"[Renamed v. Clearview AI]" in renamed and len(built) == 3

    case.court.__class__.objects.filter(pk=case.court_id).update(name="Another court name")
    assert b"Another court name" in fetch(client, url)[1] and len(built) == 4
    # Another host name gives other absolute URLs in the events.
    other = client.get(url, HTTP_HOST="tracker.example.org").content
    assert b"http://tracker.example.org/cases/" in other.replace(b"\r\n ", b"")
    assert len(built) == 5


def test_a_client_with_the_current_etag_gets_a_304(client, case):
    due = deadline(case)
    url = reverse("case-calendar", args=[case.slug])
    response = client.get(url)
    etag = response["ETag"]
    assert etag.startswith('"') and len(etag) == 42
    unchanged = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert unchanged.status_code == 304 and unchanged.content == b""
    services.deadline_move(deadline=due, due_date=D(2026, 4, 1), reason="Extension")
    changed = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag
    assert b"20260401" in changed.content


def test_a_calendar_larger_than_the_cache_limit_is_built_every_time(client, case, monkeypatch):
    from cases import calendar as module

    built = []
    real = module.build_calendar
    monkeypatch.setattr(module, "build_calendar", lambda *a, **k: built.append(1) or real(*a, **k))
    monkeypatch.setattr(module, "CACHE_MAX_BYTES", 100)  # smaller than any calendar
    deadline(case)
    url = reverse("case-calendar", args=[case.slug])
    assert fetch(client, url)[1] == fetch(client, url)[1]
    assert len(built) == 2  # the same body, built twice: nothing that size is kept
