"""The services: each change and the events that report it, written together or not at all."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError

from cases import services
from cases.models import (
    CaseEvent,
    CaseStatus,
    DeadlineStatus,
    EventKind,
    Motion,
    MotionStatus,
    Ruling,
    RulingMotion,
    StatusChange,
)
from tests import factories

pytestmark = pytest.mark.django_db

D = datetime.date


def kinds(case) -> list[str]:
    return list(case.events.order_by("pk").values_list("kind", flat=True))


def test_creating_a_case_records_its_first_status_and_an_event(alice):
    case = factories.case(filed_date=D(2021, 3, 9), actor=alice)
    change = case.status_changes.get()
    assert (change.from_status, change.to_status) == ("", CaseStatus.FILED)
    assert change.effective_date == D(2021, 3, 9)
    assert change.recorded_by == alice
    event = case.events.get()
    assert event.kind == EventKind.CASE_OPENED
    assert event.status_change == change
    assert event.actor == alice


def test_status_history_is_kept_in_order_with_an_event_for_each_change(alice):
    case = factories.case(short_name="Renderos v. Clearview AI")
    services.case_status_change(
        case=case, status=CaseStatus.TRANSFERRED, effective_date=D(2021, 10, 5), actor=alice
    )
    case = services.case_status_change(
        case=case,
        status=CaseStatus.REMANDED,
        effective_date=D(2022, 3, 23),
        note="Remanded to Alameda County Superior Court",
    )
    assert case.status == CaseStatus.REMANDED
    history = list(
        StatusChange.objects.filter(case=case)
        .order_by("pk")
        .values_list("from_status", "to_status", "effective_date")
    )
    assert history == [
        ("", "filed", D(2020, 1, 22)),
        ("filed", "transferred", D(2021, 10, 5)),
        ("transferred", "remanded", D(2022, 3, 23)),
    ]
    latest = case.events.filter(kind=EventKind.STATUS_CHANGED).latest("pk")
    assert latest.summary == "Status: transferred -> remanded"
    assert latest.occurred_on == D(2022, 3, 23)
    assert latest.status_change.note == "Remanded to Alameda County Superior Court"


def test_a_status_change_that_changes_nothing_is_refused():
    case = factories.case()
    with pytest.raises(ValidationError, match="already Filed"):
        services.case_status_change(case=case, status=CaseStatus.FILED, effective_date=None)
    assert case.status_changes.count() == 1


def test_case_update_routes_a_new_status_through_the_status_service(alice):
    case = factories.case()
    case = services.case_update(
        case=case,
        actor=alice,
        summary="Stayed pending the JPML",
        status=CaseStatus.STAYED,
        status_effective_date=D(2020, 8, 21),
    )
    assert case.summary == "Stayed pending the JPML"
    assert case.status_changes.latest("pk").to_status == CaseStatus.STAYED
    assert kinds(case) == ["case_opened", "status_changed"]
    assert case.history.count() >= 2  # django-simple-history kept the edit


def test_recording_a_ruling_sets_each_motion_outcome_and_reports_it(alice):
    case = factories.case(short_name="Thornley v. Clearview AI")
    clearview = factories.case_party(case, role="appellant")
    stay = factories.motion(
        case,
        title="Motion to stay mandate",
        kind="stay",
        filed_date=D(2021, 2, 22),
        movants=[clearview],
    )
    rehearing = factories.motion(case, title="Petition for rehearing", kind="rehearing")
    ruling = services.ruling_record(
        case=case,
        title="Order",
        kind="order",
        date=D(2021, 3, 1),
        decisions=[(stay, "denied"), (rehearing, "moot")],
        actor=alice,
    )
    stay.refresh_from_db()
    rehearing.refresh_from_db()
    assert (stay.status, rehearing.status) == ("denied", "moot")
    assert set(ruling.motions.all()) == {stay, rehearing}
    decided = case.events.filter(kind=EventKind.MOTION_DECIDED).order_by("pk")
    assert [e.summary for e in decided] == [
        "Motion to stay mandate: DENIED",
        "Petition for rehearing: MOOT",
    ]
    assert all(e.ruling == ruling and e.actor == alice for e in decided)
    assert case.events.filter(kind=EventKind.RULING_ENTERED, ruling=ruling).count() == 1


def test_a_ruling_that_fails_midway_leaves_nothing_written():
    case = factories.case()
    first = factories.motion(case, filed_date=D(2021, 1, 1))
    second = factories.motion(case, filed_date=D(2021, 1, 1))
    # Another editor moves the second motion's filing date after the ruling date, after this
    # editor loaded it: the service's own check passes on the stale copy, and the database
    # trigger stops the write halfway, after the ruling, its event and the first decision.
    Motion.objects.filter(pk=second.pk).update(filed_date=D(2021, 6, 1))
    events_before = CaseEvent.objects.count()
    with pytest.raises(IntegrityError):
        services.ruling_record(
            case=case,
            title="Order",
            kind="order",
            date=D(2021, 3, 1),
            decisions=[(first, "granted"), (second, "denied")],
        )
    assert not Ruling.objects.filter(case=case).exists()
    assert not RulingMotion.objects.exists()
    assert CaseEvent.objects.count() == events_before
    first.refresh_from_db()
    assert first.status == MotionStatus.PENDING


def test_a_ruling_refuses_motions_of_another_case_and_earlier_dates_before_writing():
    case, other = factories.case(), factories.case()
    own = factories.motion(case, title="Own motion", filed_date=D(2021, 2, 22))
    foreign = factories.motion(other, title="Foreign motion")
    with pytest.raises(ValidationError) as info:
        services.ruling_record(
            case=case,
            title="Order",
            kind="order",
            date=D(2021, 2, 1),
            decisions=[(own, "denied"), (foreign, "granted")],
        )
    assert info.value.messages == [
        "The ruling date 2021-02-01 is before Own motion was filed (2021-02-22).",
        "Foreign motion is a motion of another case.",
    ]
    assert not Ruling.objects.exists()


def test_editing_a_ruling_updates_outcomes_and_restores_undecided_motions():
    case = factories.case()
    a = factories.motion(case, title="A")
    b = factories.motion(case, title="B")
    ruling = services.ruling_record(
        case=case, title="Order", kind="order", date=D(2021, 3, 1), decisions=[(a, "granted")]
    )
    services.ruling_update(ruling=ruling, decisions=[(b, "granted_in_part")])
    a.refresh_from_db()
    b.refresh_from_db()
    assert (a.status, b.status) == (MotionStatus.PENDING, MotionStatus.GRANTED_IN_PART)
    # A later ruling on A wins; removing it falls back to the earlier one.
    later = services.ruling_record(
        case=case, title="Reconsidered", kind="order", date=D(2021, 5, 1), decisions=[(a, "denied")]
    )
    services.ruling_update(ruling=ruling, decisions=[(a, "granted"), (b, "granted_in_part")])
    a.refresh_from_db()
    assert a.status == "denied"
    services.ruling_update(ruling=later, decisions=[])
    a.refresh_from_db()
    assert a.status == "granted"


def test_motion_filing_is_reported_and_movants_must_be_parties_of_the_case():
    case = factories.case()
    outsider = factories.case_party(factories.case())
    with pytest.raises(ValidationError, match="Not parties of"):
        factories.motion(case, movants=[outsider])
    assert not case.motions.exists()
    clearview = factories.case_party(
        case, role="defendant", party=factories.party(name="Clearview AI, Inc.")
    )
    factories.motion(case, title="Motion to dismiss", movants=[clearview])
    event = case.events.get(kind=EventKind.MOTION_FILED)
    assert event.summary == "Motion filed by Clearview AI, Inc.: Motion to dismiss"


def test_motion_status_is_not_edited_directly():
    case = factories.case()
    motion = factories.motion(case)
    with pytest.raises(ValidationError, match="set by the ruling"):
        services.motion_update(motion=motion, status="granted")
    services.motion_set_status(motion=motion, status="withdrawn", occurred_on=D(2021, 1, 2))
    motion.refresh_from_db()
    assert motion.status == "withdrawn"
    assert case.events.filter(kind=EventKind.MOTION_DECIDED).get().summary.endswith("WITHDRAWN")


def test_docket_entries_are_reported():
    case = factories.case()
    services.docket_entry_add(
        case=case, number=47, filed_date=D(2021, 2, 22), text="Motion to stay"
    )
    event = case.events.get(kind=EventKind.DOCKET_ENTRY_ADDED)
    assert event.summary == "Docket entry 47: Motion to stay"
    assert event.occurred_on == D(2021, 2, 22)


def test_deadlines_set_moved_vacated_and_met_are_each_reported(alice):
    case = factories.case()
    deadline = services.deadline_set(
        case=case, title="Opposition due", kind="response", due_date=D(2030, 5, 17), actor=alice
    )
    deadline = services.deadline_move(
        deadline=deadline, due_date=D(2030, 5, 24), reason="extended by order", actor=alice
    )
    assert deadline.status == DeadlineStatus.OPEN
    moved = case.events.get(kind=EventKind.DEADLINE_MOVED)
    assert moved.summary == (
        "Deadline moved: Opposition due, from 2030-05-17 to 2030-05-24 (extended by order)"
    )
    assert moved.detail["from"] == "2030-05-17"
    deadline = services.deadline_vacate(deadline=deadline, reason="case settled")
    assert deadline.status == DeadlineStatus.VACATED
    assert case.events.get(kind=EventKind.DEADLINE_VACATED).summary == (
        "Deadline vacated: Opposition due (case settled)"
    )
    # Moving a vacated deadline reopens it.
    deadline = services.deadline_move(deadline=deadline, due_date=D(2030, 6, 1))
    assert deadline.status == DeadlineStatus.OPEN
    services.deadline_mark_met(deadline=deadline)
    assert kinds(case)[-4:] == [
        "deadline_moved",
        "deadline_vacated",
        "deadline_moved",
        "deadline_met",
    ]
    assert deadline.history.count() == 5  # created, moved, vacated, moved, met


def test_links_are_reported_on_both_cases():
    alameda = factories.case(short_name="Renderos v. Clearview AI", docket_number="RG21096898")
    ndcal = factories.case(short_name="Renderos v. Clearview AI", docket_number="4:21-cv-04572")
    services.case_link_create(
        from_case=alameda, to_case=ndcal, kind="removed_to", date=D(2021, 6, 14)
    )
    assert alameda.events.get(kind=EventKind.CASE_LINKED).summary.startswith("Removed to")
    assert ndcal.events.get(kind=EventKind.CASE_LINKED).summary.startswith("Removed from")
    with pytest.raises(ValidationError, match="already linked"):
        services.case_link_create(from_case=alameda, to_case=ndcal, kind="removed_to")


def test_events_reach_registered_hooks_only_after_commit(django_capture_on_commit_callbacks):
    seen: list[int] = []
    services.on_event_committed(seen.append)
    try:
        with django_capture_on_commit_callbacks(execute=True) as callbacks:
            case = factories.case()
            assert seen == []
        from cases.services import events

        assert len(callbacks) == len(events._committed_event_hooks)  # one per hook and event
        assert seen == [case.events.get().pk]
    finally:
        from cases.services import events

        events._committed_event_hooks.remove(seen.append)
