"""The researchers' pages: what they show, what they cost in queries, and bad addresses."""

from __future__ import annotations

import datetime
import html
import re

import pytest
from django.utils import timezone

from cases import services
from cases.models import Case, Court, Judge
from parties.models import Party
from tests import factories

pytestmark = pytest.mark.django_db

D = datetime.date


def page_text(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    text = re.sub(r"<[^>]+>", " ", response.content.decode())
    return re.sub(r"\s+", " ", html.unescape(text))


def test_home_shows_deadlines_rulings_status_changes_and_search(client, seeded):
    today = timezone.localdate()
    mdl = Case.objects.get(slug="in-re-clearview-mdl")
    services.deadline_set(
        case=mdl, title="Joint status report", kind="filing", due_date=today + datetime.timedelta(9)
    )
    services.deadline_set(
        case=mdl, title="Far away", kind="filing", due_date=today + datetime.timedelta(45)
    )
    text = page_text(client, "/")
    assert "Joint status report" in text and "Far away" not in text
    assert "Latest rulings" in text and "affirming" in text.lower()
    assert "Latest status changes" in text and "Settled" in text
    raw = client.get("/").content.decode()
    assert 'role="search"' in raw and 'name="q"' in raw


def test_case_page_shows_the_whole_case(client, seeded):
    text = page_text(client, "/cases/renderos-v-clearview-ndill/")
    assert "Renderos v. Clearview AI" in text
    assert "1:21-cv-05286" in text and "Northern District of Illinois" in text
    assert "Sharon Johnson Coleman" in text
    # Related cases say how they relate, in both directions of the graph.
    assert "Transferred from N.D. Cal. 4:21-cv-04572" in text
    assert "Remanded to" in text and "RG21096898" in text
    # Parties grouped by role, with counsel and firms.
    assert "Plaintiffs" in text and "Mijente Support Committee" in text
    assert "Ellen V. Leonida, BraunHagey & Borden LLP" in page_text(
        client, "/cases/renderos-v-clearview-alameda/"
    )
    # The motion and the ruling that decided it.
    assert "Granted" in text
    assert "Status history" in text and "Remanded" in text
    assert "Timeline" in text


def test_case_page_links_the_thornley_appeal_to_the_district_court(client, seeded):
    text = page_text(client, "/cases/thornley-v-clearview-ca7/")
    assert "Appeal from N.D. Ill. 1:20-cv-03843" in text
    assert "Motion to stay the mandate" in text and "Denied" in text
    assert "984 F.3d 1241" in text
    assert "biometricupdate.com" in text  # source links


def test_timeline_filters_by_kind_and_date(client, seeded):
    url = "/cases/in-re-clearview-mdl/"
    everything = client.get(url).context["timeline"].paginator.count
    rulings = client.get(url + "?kind=rulings").context["timeline"]
    assert 0 < rulings.paginator.count < everything
    assert {e.kind for e in rulings} == {"ruling_entered"}
    dated = client.get(url + "?since=2022-01-01&until=2022-12-31").context["timeline"]
    assert all(D(2022, 1, 1) <= e.occurred_on <= D(2022, 12, 31) for e in dated)
    assert 0 < dated.paginator.count < everything
    response = client.get(url + "?since=2023-01-01&until=2022-01-01")
    assert "The 'from' date is after the 'to' date." in html.unescape(response.content.decode())
    assert response.context["timeline"].paginator.count == everything
    assert "Enter a valid date" in client.get(url + "?since=yesterday").content.decode()


def test_timeline_is_paginated(client):
    case = factories.case()
    for number in range(1, 61):
        services.docket_entry_add(
            case=case, number=number, filed_date=D(2021, 1, 1), text=f"Entry {number}"
        )
    first = client.get(case.get_absolute_url()).context["timeline"]
    assert len(first.object_list) == 50 and first.paginator.num_pages == 2
    second = client.get(case.get_absolute_url() + "?page=2").context["timeline"]
    assert [e.docket_entry.number for e in second][-1] == 60


def _fill(case, n: int) -> None:
    plaintiff = factories.case_party(case, role="plaintiff")
    for i in range(n):
        entry = services.docket_entry_add(
            case=case, number=i + 1, filed_date=D(2021, 1, 1), text=f"Entry {i}"
        )
        motion = services.motion_file(
            case=case,
            title=f"Motion {i}",
            kind="other",
            filed_date=D(2021, 1, 1),
            movants=[plaintiff],
            docket_entry=entry,
        )
        services.ruling_record(
            case=case,
            title=f"Order {i}",
            kind="order",
            date=D(2021, 2, 1),
            decisions=[(motion, "granted")],
        )
        services.deadline_set(
            case=case, title=f"Deadline {i}", kind="other", due_date=D(2031, 1, 1)
        )
        other = factories.case(court_=case.court)
        services.case_link_create(from_case=case, to_case=other, kind="related")


def test_case_page_costs_the_same_queries_for_a_small_and_a_large_case(
    client, django_assert_max_num_queries
):
    small, large = factories.case(), factories.case()
    _fill(small, 2)
    _fill(large, 25)
    # case+court+judges (2), parties+counsel (2), the latest motions with their count,
    # decisions and movants (3), upcoming and past deadlines with their counts (1, a UNION),
    # the first related cases with their count (1), status history (1), timeline count and
    # page (2), the timeline chart's latest motions with their dates (1; it reuses the status
    # history and the upcoming deadlines), the related-case graph's walk and the links among
    # its cases (2).
    with django_assert_max_num_queries(15):
        assert client.get(small.get_absolute_url()).status_code == 200
    with django_assert_max_num_queries(15):
        assert client.get(large.get_absolute_url()).status_code == 200


@pytest.mark.parametrize(
    ("url", "bound"),
    [
        ("/", 4),  # deadlines, rulings, status changes, case count
        ("/cases/", 3),  # court choices, count (or the statistics' estimate), page
        ("/cases/?q=clearview&court=ilnd&party=clearview&counsel=a&judge=c&pending_motions=on", 3),
        ("/deadlines/", 3),  # court choices, count, page
        ("/parties/", 2),
        ("/parties/?q=clear&kind=organization&role=defendant", 2),
        ("/parties/clearview-ai-inc/", 4),  # party, count, page of roles, their counsel
        ("/courts/", 1),
        ("/courts/ilnd/", 4),
    ],
)
def test_list_pages_have_a_fixed_query_count(
    client, seeded, django_assert_max_num_queries, url, bound
):
    with django_assert_max_num_queries(bound):
        assert client.get(url).status_code == 200
    for _ in range(30):  # more rows, same queries
        case = factories.case(court_=Court.objects.get(code="ilnd"))
        factories.case_party(
            case, role="defendant", party=Party.objects.get(slug="clearview-ai-inc")
        )
    with django_assert_max_num_queries(bound):
        assert client.get(url).status_code == 200


def test_judge_page(client, seeded, django_assert_max_num_queries):
    coleman = Judge.objects.get(name="Sharon Johnson Coleman")
    # The judge, cases, rulings; the analytics' refresh state and the judge's outcome groups.
    with django_assert_max_num_queries(5):
        text = page_text(client, coleman.get_absolute_url())
    assert "In re Clearview AI Consumer Privacy Litigation" in text
    assert "Order appointing interim lead counsel" in text


def test_party_pages(client, seeded):
    text = page_text(client, "/parties/?q=mijente")
    assert "Mijente Support Committee" in text and "1 party" in text
    text = page_text(client, "/parties/mijente-support-committee/")
    assert "Renderos v. Clearview AI" in text and "Plaintiff" in text
    assert "BraunHagey & Borden LLP" in text
    assert "4 parties" not in page_text(client, "/parties/?kind=person&role=appellee")
    assert "Kind: Select a valid choice" in page_text(client, "/parties/?kind=robot")


def test_court_pages(client, seeded):
    text = page_text(client, "/courts/")
    assert "United States District Court for the Northern District of Illinois" in text
    text = page_text(client, "/courts/ilnd/")
    assert "Sharon Johnson Coleman" in text and "Maria Valdez" in text
    assert "Mutnick v. Clearview AI" in text
    assert "Appeals go to" in text


def test_deadlines_page_groups_by_week_and_filters(client, seeded):
    today = timezone.localdate()
    monday = today - datetime.timedelta(days=today.weekday())
    mdl = Case.objects.get(slug="in-re-clearview-mdl")
    alameda = Case.objects.get(slug="renderos-v-clearview-alameda")
    services.deadline_set(
        case=mdl, title="MDL brief", kind="filing", due_date=monday + datetime.timedelta(7)
    )
    services.deadline_set(
        case=alameda,
        title="Alameda hearing",
        kind="hearing",
        due_date=monday + datetime.timedelta(15),
        due_time=datetime.time(9, 30),
    )
    text = page_text(client, "/deadlines/")
    assert f"Week of {(monday + datetime.timedelta(7)):%-d %B %Y}" in text
    assert f"Week of {(monday + datetime.timedelta(14)):%-d %B %Y}" in text
    assert "09:30 (America/Los_Angeles)" in text
    only_ilnd = page_text(client, "/deadlines/?court=ilnd")
    assert "MDL brief" in only_ilnd and "Alameda hearing" not in only_ilnd
    by_case = page_text(client, "/deadlines/?case=renderos-v-clearview-alameda")
    assert "Alameda hearing" in by_case and "MDL brief" not in by_case
    bad = page_text(client, "/deadlines/?court=nowhere&days=0")
    assert "This filter was not applied" in bad and "MDL brief" in bad


@pytest.mark.parametrize(
    "url",
    [
        "/cases/no-such-case/",
        "/parties/nobody/",
        "/courts/nowhere/",
        "/judges/999999/",
        "/judges/99999999999999999999999/",
        "/no/such/page/",
    ],
)
def test_unknown_addresses_get_a_404_in_the_site_layout(client, db, url):
    response = client.get(url)
    assert response.status_code == 404
    text = response.content.decode()
    assert "Not found" in text and 'href="/cases/"' in text and "<nav" in text


def test_user_text_is_escaped_everywhere(client, db):
    court = factories.court(name="<i>Court</i>")
    case = factories.case(
        court_=court,
        short_name="<script>alert(1)</script> v. X",
        caption='"><img src=x onerror=alert(1)>',
        summary="<b>bold</b>",
    )
    services.docket_entry_add(case=case, filed_date=D(2021, 1, 1), text="<iframe src=//evil>")
    for url in [case.get_absolute_url(), "/cases/", court.get_absolute_url(), "/"]:
        raw = client.get(url).content.decode()
        for dangerous in [
            "<script>alert(1)",
            "<img src=x",
            "<b>bold</b>",
            "<iframe",
            "<i>Court</i>",
        ]:
            assert dangerous not in raw, (url, dangerous)


def test_pages_are_accessible_landmarks_and_labels(client, seeded):
    for url in ["/", "/cases/", "/cases/thornley-v-clearview-ca7/", "/deadlines/", "/parties/"]:
        raw = client.get(url).content.decode()
        assert '<main id="main"' in raw and "<nav" in raw and '<html lang="en">' in raw
        assert raw.count("<h1") == 1, url
        assert 'name="viewport"' in raw
        # Every visible form control has a label.
        for control_id in re.findall(r'<(?:input|select)[^>]*\bid="([^"]+)"', raw):
            assert f'for="{control_id}"' in raw or "aria-label" in raw, (url, control_id)
        # Every description a control points to is on the page.
        for described_by in re.findall(r'aria-describedby="([^"]+)"', raw):
            assert f'id="{described_by}"' in raw, (url, described_by)
        assert "https://cdn" not in raw and "//fonts.googleapis" not in raw


def test_pages_are_read_only(client, seeded):
    assert client.post("/cases/").status_code == 405
    assert client.post("/cases/thornley-v-clearview-ca7/").status_code == 405


def test_party_page_pages_through_many_cases(client):
    company = factories.party(name="Frequently Sued Inc.")
    for _ in range(55):
        factories.case_party(factories.case(), role="defendant", party=company)
    first = page_text(client, company.get_absolute_url())
    assert "55 roles in cases" in first and "Page 1 of 2" in first
    second = page_text(client, company.get_absolute_url() + "?page=2")
    assert "Page 2 of 2" in second
    assert first.count("— Defendant") == 50 and second.count("— Defendant") == 5


def test_deadlines_page_pages_through_many_deadlines(client):
    case = factories.case()
    today = timezone.localdate()
    for n in range(105):
        services.deadline_set(
            case=case, title=f"Step {n:03d}", due_date=today + datetime.timedelta(days=n % 60)
        )
    first = page_text(client, "/deadlines/")
    assert "105 open deadlines from" in first and "Page 1 of 3" in first
    third = page_text(client, "/deadlines/?page=3")
    assert sum(f"Step {n:03d}" in first for n in range(105)) == 50
    assert sum(f"Step {n:03d}" in third for n in range(105)) == 5


def test_case_page_shows_the_latest_motions_and_deadlines_of_a_big_case(client):
    case = factories.case()
    today = timezone.localdate()
    for n in range(55):
        factories.motion(
            case, title=f"Motion {n:02d}", filed_date=D(2021, 1, 1) + datetime.timedelta(n)
        )
    for n in range(30):
        services.deadline_set(
            case=case, title=f"Next {n:02d}", due_date=today + datetime.timedelta(n)
        )
    for n in range(12):
        services.deadline_set(
            case=case, title=f"Old {n:02d}", due_date=today - datetime.timedelta(n + 1)
        )
    text = page_text(client, case.get_absolute_url())
    motions = text.split("Motions and the rulings that decided them")[1].split("Upcoming")[0]
    assert "The latest 20 of 55 motions" in motions
    assert "Motion 54" in motions and "Motion 35" in motions and "Motion 34" not in motions
    assert "The next 10 of 30" in text and "Next 09" in text and "Next 10" not in text
    assert "The latest 10 of 12" in text and "Old 00" in text and "Old 11" not in text


def test_case_page_shows_the_first_related_cases_and_links_to_them_all(
    client, django_assert_max_num_queries
):
    mdl = factories.case(short_name="In re Big MDL")
    members = [factories.case(short_name=f"Member {n:03d}") for n in range(130)]
    for n, member in enumerate(members):
        services.case_link_create(
            from_case=member,
            to_case=mdl,
            kind="transferred_into_mdl",
            date=D(2021, 1, 1) + datetime.timedelta(n),
        )
    text = page_text(client, mdl.get_absolute_url())
    related = text.split("Related cases")[1].split("Status history")[0]
    assert "Member 000" in related and "Member 024" in related and "Member 025" not in related
    assert "The first 25 of 130. All 130 related cases" in related

    url = f"{mdl.get_absolute_url()}related/"
    # case+court, judges, count, page; the related-case graph's walk and the links among its
    # cases (none: the MDL has no link but its members').
    with django_assert_max_num_queries(6):
        first = page_text(client, url)
    assert "130 related cases, oldest link first" in first and "Page 1 of 2" in first
    assert "Member 099" in first and "Member 100" not in first
    assert "MDL member case" in first  # read from the MDL's side
    second = page_text(client, url + "?page=2")
    assert "Member 100" in second and "Member 129" in second and "Member 099" not in second
    odd = page_text(client, url + "?page=zz")
    assert "There is no page 'zz'; showing page 1 of 2." in odd
    assert client.get("/cases/no-such-case/related/").status_code == 404
