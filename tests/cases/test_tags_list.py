"""The case list's tag filter and each row's tags: for signed-in users; reported to the others."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import QueryDict
from django.test import RequestFactory

from cases import services
from cases.filters import TAGS_NOT_PUBLIC, CaseFilterSet
from cases.models import Case
from tests import factories
from tests.cases import notes_world
from tests.cases.notes_world import signed_in, text_of

pytestmark = pytest.mark.django_db

# bob, a reader (tests/cases/notes_world.py).
bob = notes_world.bob


@pytest.fixture
def docket(db) -> dict[str, Case]:
    """Three cases of one court: one tagged priority and amicus-opportunity, one priority, one
    untagged; and a fourth in another court, tagged priority."""
    court = factories.court(code="ilnd")
    cases = {
        name: factories.case(court_=court, short_name=name) for name in ["Both", "One", "None"]
    }
    cases["Elsewhere"] = factories.case(short_name="Elsewhere")
    for name, tags in [
        ("Both", ["Priority", "Amicus opportunity"]),
        ("One", ["Priority"]),
        ("Elsewhere", ["Priority"]),
    ]:
        for tag in tags:
            services.case_tag_add(case=cases[name], name=tag)
    return cases


def listed(client, query: str) -> set[str]:
    response = client.get("/cases/?" + query)
    assert response.status_code == 200
    return {case.short_name for case in response.context["rows"]}


def problems(client, query: str) -> list[str]:
    return client.get("/cases/?" + query).context["problems"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("tag=priority", {"Both", "One", "Elsewhere"}),
        ("tag=priority&tag=amicus-opportunity", {"Both"}),  # every tag chosen
        ("tag=amicus-opportunity", {"Both"}),
        ("tag=priority&court=ilnd", {"Both", "One"}),
        ("", {"Both", "One", "None", "Elsewhere"}),
    ],
)
def test_the_tag_filter_counts_for_a_signed_in_user(bob, docket, query, expected):
    client = signed_in(bob)
    assert listed(client, query) == expected
    assert problems(client, query) == []


def test_an_unknown_tag_is_reported_and_left_out_the_other_filters_applied(bob, docket):
    client = signed_in(bob)
    assert listed(client, "tag=no-such-tag&court=ilnd") == {"Both", "One", "None"}
    (problem,) = problems(client, "tag=no-such-tag&court=ilnd")
    assert problem.startswith("Tags: ") and problem.endswith("This filter was not applied.")
    assert "no-such-tag" in problem


def test_an_anonymous_visitor_is_not_offered_the_filter_and_is_told_it_was_left_out(client, docket):
    page = client.get("/cases/").content.decode()
    assert 'name="tag"' not in page and "Priority" not in page
    assert listed(client, "tag=priority") == {"Both", "One", "None", "Elsewhere"}
    assert problems(client, "tag=priority") == [TAGS_NOT_PUBLIC]
    assert "Tags are for signed-in staff; this filter was not applied." in text_of(
        client.get("/cases/?tag=priority")
    )
    # The other filters still apply; a bad one is reported beside it.
    assert listed(client, "tag=priority&court=ilnd") == {"Both", "One", "None"}
    assert len(problems(client, "tag=priority&state=1L")) == 2
    assert problems(client, "court=ilnd") == []
    assert problems(client, "tag=") == []  # nothing named, nothing to report


def test_each_row_shows_its_tags_to_signed_in_users_only(bob, client, docket):
    page = signed_in(bob).get("/cases/?court=ilnd").content.decode()
    row = page[page.index(">Both</a>") :].split("</tr>")[0]
    assert '<a href="/cases/?tag=amicus-opportunity">Amicus opportunity</a>' in row
    assert '<a href="/cases/?tag=priority">Priority</a>' in row
    untagged = page[page.index(">None</a>") :].split("</tr>")[0]
    assert 'class="tags"' not in untagged
    anonymous = client.get("/cases/?court=ilnd").content.decode()
    assert 'class="tags"' not in anonymous and "?tag=" not in anonymous


def test_the_filterset_applies_tags_only_for_a_signed_in_request(bob, docket):
    """As the API's django-filter backend uses it: ``request=`` decides."""
    data = QueryDict("tag=priority&court=ilnd")
    request = RequestFactory().get("/api/v1/cases/", data)
    everyone = {"Both", "One", "None"}
    for user, expected in [(None, everyone), (AnonymousUser(), everyone), (bob, {"Both", "One"})]:
        request.user = user
        filterset = CaseFilterSet(data, queryset=Case.objects.all(), request=request)
        assert {case.short_name for case in filterset.qs} == expected, user
        assert ("tag" in filterset.form.fields) is (user is bob)
    without_request = CaseFilterSet(data, queryset=Case.objects.all())
    assert {case.short_name for case in without_request.qs} == everyone
    assert without_request.problems() == [TAGS_NOT_PUBLIC]
    assert CaseFilterSet({"tag": "priority"}, queryset=Case.objects.all()).tags_refused


def test_the_anonymous_list_runs_the_same_statements_tags_or_not(
    client, docket, django_assert_max_num_queries
):
    # Court choices read to check the court given and again to print them, the count, the page
    # (4): a tag named changes none of them.
    with django_assert_max_num_queries(4) as plain:
        client.get("/cases/?court=ilnd")
    with django_assert_max_num_queries(4) as tagged:
        client.get("/cases/?court=ilnd&tag=priority")
    assert [q["sql"] for q in tagged.captured_queries] == [q["sql"] for q in plain.captured_queries]
    assert not any("cases_tag" in q["sql"] for q in tagged.captured_queries)


def test_the_signed_in_list_costs_a_fixed_number_of_statements(
    bob, docket, django_assert_max_num_queries
):
    client = signed_in(bob)
    # Session, user (2); the court choices, read to check the (empty) court filter of a bound
    # form and again to print them (2); the tag choices, read once for checking and printing
    # (1); the count and the page (2); the rows' tags (1).
    with django_assert_max_num_queries(8):
        assert client.get("/cases/?tag=priority").status_code == 200
    for n in range(30):  # more rows, more tags on each: the same statements
        case = factories.case(court_=docket["Both"].court)
        for name in ["Priority", f"Tag {n}", f"Other {n}"]:
            services.case_tag_add(case=case, name=name)
    with django_assert_max_num_queries(8):
        assert client.get("/cases/?tag=priority").status_code == 200
    with django_assert_max_num_queries(8):
        assert client.get("/cases/?tag=priority&tag=tag-1&q=plaintiff").status_code == 200
