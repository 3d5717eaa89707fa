"""The fan-out costs the same SQL whatever the number of subscribers, with filters or without."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth.models import User

from alerts import services
from alerts.models import AlertSettings, Notification, Subscription
from cases import services as case_services
from cases.models import CaseEvent
from tests import factories

pytestmark = pytest.mark.django_db

D = datetime.date


def followers(case, count: int, *, follow_on: str = "offer") -> list[Subscription]:
    """``count`` readers of ``case``, a third with words, a third with motion kinds."""
    subscriptions = []
    for n in range(count):
        user = User.objects.create_user(f"reader{n}", f"reader{n}@example.org")
        AlertSettings.objects.create(user=user, follow_on=follow_on)
        filters = [
            {},
            {"match_words": 'settlement "preliminary injunction"'},
            {"motion_kinds": ["dismiss"]},
        ][n % 3]
        subscriptions.append(
            services.subscription_follow(user=user, case=case, docket_entries=True, **filters)
        )
    return subscriptions


def undispatched(case, kind: str) -> CaseEvent:
    event = CaseEvent.objects.get(case=case, kind=kind)
    assert event.dispatched_at is None  # commit hooks do not run in these tests
    return event


@pytest.mark.parametrize(("count", "told"), [(1, 1), (50, 33)])
def test_a_docket_entry_costs_a_fixed_number_of_queries(django_assert_max_num_queries, count, told):
    case = factories.case()
    followers(case, count)
    case_services.docket_entry_add(case=case, number=1, filed_date=D(2021, 1, 4), text="Order.")
    event = undispatched(case, "docket_entry_added")
    # Savepoint, claim the event (UPDATE), read it with its entry, motion and ruling, read the
    # followers with their users and settings, insert the rows, release the savepoint.
    with django_assert_max_num_queries(6):
        written = services.event_dispatch(event_id=event.pk)
    # Those without words, and those with motion kinds only (kinds do not apply to entries).
    assert written == told == Notification.objects.filter(event=event).count()


@pytest.mark.parametrize(("count", "told"), [(1, 1), (50, 34)])
def test_a_motion_costs_a_fixed_number_of_queries(django_assert_max_num_queries, count, told):
    case = factories.case()
    followers(case, count)
    factories.motion(case, title="Motion for preliminary injunction", kind="stay")
    event = undispatched(case, "motion_filed")
    with django_assert_max_num_queries(6):  # as for a docket entry
        written = services.event_dispatch(event_id=event.pk)
    # No filter, or the phrase in the title; the "dismiss" thirds do not get a stay.
    assert written == told


@pytest.mark.parametrize("follow_on", ["offer", "follow"])
@pytest.mark.parametrize("count", [1, 50])
def test_a_follow_on_costs_a_fixed_number_of_queries(
    django_assert_max_num_queries, count, follow_on
):
    state, federal = factories.case(), factories.case()
    subscriptions = followers(state, count, follow_on=follow_on)
    case_services.case_link_create(from_case=state, to_case=federal, kind="removed_to")
    event = undispatched(state, "case_linked")
    # Savepoint, claim, the event, the link, the followers, who follows the new case already,
    # insert the new subscriptions (none when offered), insert the rows, release.
    with django_assert_max_num_queries(9):
        assert services.event_dispatch(event_id=event.pk) == count
    expected = count if follow_on == "follow" else 0
    assert Subscription.objects.filter(case=federal).count() == expected
    assert len(subscriptions) == count
