"""Each list costs the same number of queries a page, whatever the page holds or how deep it is."""

from __future__ import annotations

import datetime

import pytest

from alerts.services import subscription_follow
from cases import services
from cases.models import Case, CaseJudge, Outcome, RulingKind
from parties import services as party_services
from tests import factories
from tests.api.conftest import get_json, token_client

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def crowded(seeded) -> Case:
    """The Clearview docket plus a case with many rows of every kind, and more cases."""
    case = Case.objects.get(slug="in-re-clearview-mdl")
    court = case.court
    for number in range(12):
        factories.court(appeals_to=court)
        other = factories.case(court, short_name=f"Member {number:02d} v. Clearview AI")
        judge = factories.judge(court, name=f"Judge {number:02d}")
        CaseJudge.objects.create(case=other, judge=judge)
        services.case_link_create(from_case=other, to_case=case, kind="transferred_into_mdl")
        services.docket_entry_add(case=case, filed_date=D(2022, 1, 1 + number % 28), text="Filed.")
        party = factories.case_party(case)
        firm = party_services.firm_create(name=f"Firm {number:02d} LLP")
        attorney = party_services.attorney_create(name=f"Attorney {number:02d}", firm=firm)
        party_services.representation_add(
            attorney=attorney, case_party=party, firm=firm, role="counsel"
        )
        motion = factories.motion(case, filed_date=D(2022, 2, 1))
        motion.movants.add(party)
        services.ruling_record(
            case=case,
            title=f"Order {number}",
            kind=RulingKind.ORDER,
            date=D(2022, 3, 1),
            decisions=[(motion, Outcome.GRANTED)],
        )
        services.deadline_set(
            case=case, title=f"Due {number}", kind="filing", due_date=D(2031, 1, 1)
        )
    return case


# (address, most queries, what they are)
LISTS = [
    ("/api/v1/courts/", 1, "the courts, each joined to the court it appeals to"),
    ("/api/v1/judges/", 1, "the judges joined to their courts"),
    # The court filter reads the court codes to check the values given, as on /cases/.
    ("/api/v1/cases/", 3, "the court codes; the cases joined to their courts; their judges"),
    ("/api/v1/cases/?q=clearview", 3, "the court codes; the ranked matches; their judges"),
    ("/api/v1/cases/?court=ilnd&court=cand", 3, "the court codes; the cases; their judges"),
    ("/api/v1/parties/", 1, "the parties, each with its count of cases"),
    ("/api/v1/cases/{slug}/parties/", 3, "the case; its parties; their counsel and firms"),
    ("/api/v1/cases/{slug}/docket-entries/", 2, "the case; its entries"),
    ("/api/v1/cases/{slug}/motions/", 4, "the case; its motions; their movants; decisions"),
    ("/api/v1/cases/{slug}/rulings/", 3, "the case; its rulings and judges; their decisions"),
    ("/api/v1/cases/{slug}/deadlines/", 2, "the case; its deadlines"),
    ("/api/v1/cases/{slug}/links/", 2, "the case; its links, both cases and their courts"),
]


def test_each_page_of_a_list_costs_the_same(client, crowded, django_assert_max_num_queries):
    for url, most, _queries in LISTS:
        url = url.format(slug=crowded.slug)
        first = f"{url}{'&' if '?' in url else '?'}page_size=10"
        with django_assert_max_num_queries(most):  # see LISTS
            page = get_json(client, first)
        assert page["next"], url
        with django_assert_max_num_queries(most):  # the same, after the cursor
            get_json(client, page["next"])
        with django_assert_max_num_queries(most):  # a whole default page of 50
            get_json(client, url)


DETAILS = [
    ("/api/v1/courts/ilnd/", 1, "the court joined to the court it appeals to"),
    ("/api/v1/judges/{judge}/", 1, "the judge joined to the court"),
    ("/api/v1/cases/{slug}/", 3, "the case and its court; its judges; its status history"),
    ("/api/v1/parties/clearview-ai-inc/", 1, "the party with its count of cases"),
]


def test_each_detail_costs_a_fixed_number(client, crowded, django_assert_max_num_queries):
    judge = crowded.court.judges.first()
    for url, most, _queries in DETAILS:
        with django_assert_max_num_queries(most):  # see DETAILS
            get_json(client, url.format(slug=crowded.slug, judge=judge.pk))


def test_the_subscriptions_list_costs_the_same(crowded, bob, django_assert_max_num_queries):
    for case in Case.objects.all()[:25]:
        subscription_follow(user=bob, case=case)
    api = token_client(bob)
    # The token and its user; the subscriptions with their cases and courts.
    with django_assert_max_num_queries(2):
        page = get_json(api, "/api/v1/subscriptions/?page_size=10")
    with django_assert_max_num_queries(2):
        get_json(api, page["next"])
