"""python manage.py generate_demo_data: the scale data set, at 1/100 of its size."""

from __future__ import annotations

import datetime
from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.models import Count, F, Max

from alerts.models import AlertSettings, Subscription
from cases.models import (
    Case,
    CaseEvent,
    CaseJudge,
    CaseLink,
    Court,
    Deadline,
    DeadlineStatus,
    DocketEntry,
    Judge,
    Motion,
    MotionStatus,
    Ruling,
    RulingMotion,
    StatusChange,
)
from parties.models import CaseParty, Party
from tests import factories

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 3, 2)
RARE, COMMON = "brontide", "court"


def generate(*extra: str, scale: str = "0.01") -> str:
    out = StringIO()
    call_command(
        "generate_demo_data", "--scale", scale, "--today", str(TODAY), *extra,
        stdout=out, verbosity=0,
    )  # fmt: skip
    return out.getvalue()


def checksum() -> dict[str, str]:
    """An md5 of every row (ids, dates, text and search vectors included) of some tables."""
    tables = [
        "cases_case", "cases_docketentry", "cases_motion", "cases_ruling", "cases_rulingmotion",
        "cases_deadline", "cases_caseevent", "parties_party", "parties_caseparty",
        "alerts_subscription",
    ]  # fmt: skip
    sums = {}
    with connection.cursor() as cursor:
        for table in tables:
            sql = f"SELECT md5(string_agg(md5(t::text), '' ORDER BY t.id)) FROM {table} t"  # noqa: S608
            cursor.execute(sql)
            sums[table] = cursor.fetchone()[0]
    return sums


def assert_the_plans_counts() -> None:
    """Assert the counts the plan fixes, at 1/100 of scale 1, and those following from them."""
    assert Court.objects.count() == 20
    assert Case.objects.count() == 1_000
    assert Party.objects.count() == 3_000
    assert DocketEntry.objects.count() == 10_000
    assert Motion.objects.count() == 2_000
    assert Ruling.objects.count() == 1_000
    assert Deadline.objects.count() == 3_000
    assert User.objects.filter(username__startswith="demo-").count() == 20
    assert AlertSettings.objects.count() == 20
    assert Subscription.objects.count() == 500
    assert 3_000 <= CaseParty.objects.count() <= 4_000  # about three per case, every party used
    assert not Party.objects.filter(case_roles__isnull=True).exists()
    assert Judge.objects.count() > 100 and CaseJudge.objects.count() >= 900
    assert CaseLink.objects.exists()
    assert StatusChange.objects.count() >= 1_000
    assert RulingMotion.objects.count() >= 1_000


def assert_every_case_has_its_activity() -> None:
    """Assert its events (dispatched already: nobody is alerted), latest date and search text."""
    assert not Case.objects.filter(events__isnull=True).exists()
    assert not CaseEvent.objects.filter(dispatched_at__isnull=True).exists()
    assert not Case.objects.filter(last_activity_on__isnull=True).exists()
    assert not Case.objects.filter(search_vector__isnull=True).exists()
    latest = Case.objects.annotate(latest=Max("events__occurred_on"))
    assert not latest.exclude(last_activity_on=F("latest")).exists()


def the_biggest_case() -> str:
    """Assert that the big case is the biggest (no other comes near); return its slug."""
    sizes = list(
        Case.objects.annotate(n=Count("docket_entries")).order_by("-n").values_list("n", "slug")
    )
    (largest, slug), (second, _) = sizes[0], sizes[1]
    assert largest == 80 and second < largest
    assert Case.objects.get(slug=slug).case_type == "mdl"
    return slug


def assert_rulings_decide_motions_of_their_case() -> None:
    """Assert that rulings decide motions of their own case, filed on or before the ruling (the
    triggers checked each row as it was loaded), and each motion's status follows its ruling."""
    assert not Ruling.objects.filter(decisions__isnull=True).exists()
    decisions = RulingMotion.objects.select_related("ruling", "motion")
    for decision in decisions:
        assert decision.motion.case_id == decision.ruling.case_id
        assert decision.ruling.date >= decision.motion.filed_date
        assert decision.motion.status == decision.outcome
    assert (
        RulingMotion.objects.values("motion").annotate(n=Count("id")).filter(n__gt=1).count() == 0
    )
    undecided = Motion.objects.filter(decisions__isnull=True)
    assert set(undecided.values_list("status", flat=True)) <= {
        MotionStatus.PENDING,
        MotionStatus.WITHDRAWN,
        MotionStatus.MOOT,
        MotionStatus.UNKNOWN,
    }


def assert_deadlines_fall_around_today() -> None:
    """Assert that most deadlines are open, from a year before "today" to a year after."""
    deadlines = Deadline.objects.all()
    assert deadlines.filter(status=DeadlineStatus.OPEN).count() > 1_500
    assert deadlines.filter(due_date__gt=TODAY).exists()
    assert deadlines.filter(due_date__lt=TODAY).exists()
    assert not deadlines.filter(due_date__gt=TODAY + datetime.timedelta(days=400)).exists()
    assert not deadlines.filter(basis="computed", trigger_date__isnull=True).exists()


def assert_search_finds_the_terms(client) -> None:
    """Assert that full-text search through the case list finds exactly the cases with the rare
    word, and the common word in nearly every case."""
    rare = set(Case.objects.filter(summary__contains=RARE).values_list("slug", flat=True))
    assert len(rare) == 2
    page = client.get(f"/cases/?q={RARE}")
    assert page.status_code == 200
    html = page.content.decode()
    assert "2 cases" in html and "<mark>brontide</mark>" in html
    for found in rare:
        assert f'href="/cases/{found}/"' in html
    assert Case.objects.filter(search_vector=COMMON).count() > 950


def test_it_generates_a_consistent_searchable_docket_at_scale(client):
    out = generate()
    assert "1,000 cases" in out and f"rare '{RARE}' (2 cases)" in out

    assert_the_plans_counts()
    assert_every_case_has_its_activity()
    slug = the_biggest_case()
    assert_rulings_decide_motions_of_their_case()
    assert_deadlines_fall_around_today()
    assert_search_finds_the_terms(client)

    # The pages read the data: the largest case and the deadlines.
    assert client.get(f"/cases/{slug}/").status_code == 200
    assert client.get(f"/cases/{slug}/?page=2").status_code == 200
    assert client.get("/deadlines/").status_code == 200


def test_the_same_seed_gives_the_same_rows_and_reset_keeps_staff():
    admin = User.objects.create_superuser("root-admin", "admin@example.org", "x" * 20)
    editor = User.objects.create_user("editor", "editor@example.org", is_staff=True)
    generate("--seed", "7", scale="0.003")
    first = checksum()
    assert Case.objects.count() == 300

    generate("--seed", "7", "--reset", scale="0.003")

    assert checksum() == first and None not in first.values()
    assert User.objects.filter(pk__in=[admin.pk, editor.pk]).count() == 2
    assert User.objects.filter(username__startswith="demo-").count() == 6

    generate("--seed", "8", "--reset", scale="0.003")

    assert all(checksum()[table] != first[table] for table in first)


def test_it_refuses_a_database_with_cases_and_writes_nothing():
    factories.case()
    before = (Case.objects.count(), Party.objects.count(), User.objects.count())

    with pytest.raises(CommandError, match="already has data.*1 cases.*--reset"):
        generate()

    assert (Case.objects.count(), Party.objects.count(), User.objects.count()) == before


def test_it_refuses_sqlite(monkeypatch):
    monkeypatch.setattr(connection, "vendor", "sqlite")

    with pytest.raises(CommandError, match="PostgreSQL's COPY"):
        generate()


def test_it_refuses_a_scale_out_of_range():
    with pytest.raises(CommandError, match="scale must be between"):
        call_command("generate_demo_data", "--scale", "0", verbosity=0)
