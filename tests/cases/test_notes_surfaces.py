"""Notes and tags stay off the public surfaces, and cost the public pages nothing."""

from __future__ import annotations

import datetime

import pytest

from cases import services
from tests.cases import notes_world
from tests.cases.notes_world import body_of, signed_in

pytestmark = pytest.mark.django_db

# The people and the case (tests/cases/notes_world.py).
bob, case, root = notes_world.bob, notes_world.case, notes_world.root

NOTE_MARK = "zqxnotemark"
TAG_MARK = "Zqx Tag Mark"  # its slug, zqx-tag-mark, may be echoed from the address


@pytest.fixture
def marked(alice, bob, root, case):
    """Notes of every visibility and a tag on a case with a deadline and a docket entry."""
    services.deadline_set(
        case=case, title="Answer due", kind="filing", due_date=datetime.date(2031, 1, 15)
    )
    services.docket_entry_add(case=case, filed_date=datetime.date(2021, 1, 4), text="Complaint.")
    for author in [alice, bob]:
        for visibility in ["private", "editors"]:
            services.note_add(
                case=case, author=author, body=f"{NOTE_MARK} {visibility}", visibility=visibility
            )
    services.case_tag_add(case=case, name=TAG_MARK, user=bob)
    return case


@pytest.mark.parametrize("who", [None, "bob", "alice", "root"])
def test_notes_and_tags_are_in_no_feed_calendar_or_csv(request, marked, who):
    client = signed_in(request.getfixturevalue(who) if who else None)
    slug, tag = marked.slug, "zqx-tag-mark"
    surfaces = [
        "/activity.atom",
        f"/cases/{slug}/feed.atom",
        f"/cases/{slug}/deadlines.ics",
        "/cases/deadlines.ics",
        f"/cases/deadlines.ics?tag={tag}",
        "/cases/export.csv",
        f"/cases/export.csv?tag={tag}",
        f"/cases/{slug}/timeline.csv",
    ]
    for url in surfaces:
        response = client.get(url)
        assert response.status_code == 200, url
        body = body_of(response)
        assert marked.short_name in body or "Answer due" in body, url  # the case is there
        assert NOTE_MARK not in body and TAG_MARK.lower() not in body.lower(), url


def test_the_anonymous_case_page_runs_the_same_statements_with_notes_and_tags(
    case, alice, bob, client, django_assert_max_num_queries
):
    # The anonymous page's statements (tests/cases/test_pages.py names them; at most 15).
    with django_assert_max_num_queries(15) as bare:
        assert client.get(case.get_absolute_url()).status_code == 200
    for n in range(5):
        services.note_add(case=case, author=bob, body=f"Note {n}", visibility="editors")
        services.case_tag_add(case=case, name=f"Tag {n}", user=alice)
    with django_assert_max_num_queries(15) as noted:
        page = client.get(case.get_absolute_url()).content.decode()
    assert "Note 0" not in page and "Tag 0" not in page
    assert [q["sql"] for q in noted.captured_queries] == [q["sql"] for q in bare.captured_queries]
    assert not any("casenote" in q["sql"] or "cases_tag" in q["sql"] for q in bare)


@pytest.mark.parametrize("who", ["bob", "alice", "root"])
def test_the_signed_in_case_page_costs_a_fixed_number_of_statements(
    request, case, alice, bob, who, django_assert_max_num_queries
):
    client = signed_in(request.getfixturevalue(who))
    services.note_add(case=case, author=bob, body="First", visibility="editors")
    services.case_tag_add(case=case, name="Priority", user=bob)
    # The anonymous page's (at most 15), the session and the user (2), whether one follows the
    # case (1), the tags with the case's marked (1), the notes one may read with their authors
    # (1; an editor's membership is read in the same statement).
    with django_assert_max_num_queries(20):
        assert "First" in client.get(case.get_absolute_url()).content.decode()
    for n in range(30):
        services.note_add(case=case, author=bob, body=f"Shared {n}", visibility="editors")
        services.note_add(case=case, author=alice, body=f"Alice {n}", visibility="editors")
        services.case_tag_add(case=case, name=f"Tag {n}", user=alice)
        services.tag_create(name=f"Unused {n}")
    with django_assert_max_num_queries(20):
        page = client.get(case.get_absolute_url()).content.decode()
    shown = 31 if who == "bob" else 61  # bob, a reader, reads his own notes only
    assert page.count('class="note"') == shown and "Tag 29" in page and "Unused 29" in page
