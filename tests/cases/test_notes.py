"""Notes on a case: their author adds, edits and deletes them; who sees which; bad input."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction

from cases import services
from cases.models import NOTE_MAX_LENGTH, CaseNote
from tests.cases import notes_world
from tests.cases.notes_world import signed_in, text_of

pytestmark = pytest.mark.django_db

# The people and the case (tests/cases/notes_world.py).
bob, carol, case, root = notes_world.bob, notes_world.carol, notes_world.case, notes_world.root


def note_rows() -> list[dict]:
    return list(CaseNote.objects.order_by("pk").values())


# --- The author's own note ---------------------------------------------------------------------


def test_a_reader_adds_edits_and_deletes_their_own_note(bob, case):
    client = signed_in(bob)
    response = client.post(
        f"/cases/{case.slug}/notes/",
        {"body": "  Call the clerk\r\nabout the hearing.  ", "visibility": "private"},
    )
    assert response.status_code == 302
    assert response["Location"] == f"/cases/{case.slug}/#notes"
    note = CaseNote.objects.get()
    assert (note.case, note.author, note.visibility) == (case, bob, "private")
    assert note.body == "Call the clerk\nabout the hearing."  # ends stripped, one line ending
    page = client.get(case.get_absolute_url()).content.decode()
    assert "Your note was added." in page
    assert "Call the clerk<br>about the hearing." in page  # the line break kept
    assert f'href="/cases/{case.slug}/notes/{note.pk}/"' in page  # Edit
    assert "Only you" in page and "Bob Reed" in page

    edit = client.get(f"/cases/{case.slug}/notes/{note.pk}/")
    assert edit.status_code == 200
    assert "Call the clerk\nabout the hearing.</textarea>" in edit.content.decode()
    response = client.post(
        f"/cases/{case.slug}/notes/{note.pk}/",
        {"body": "Hearing moved to 3 May.", "visibility": "editors"},
    )
    assert response.status_code == 302
    assert response["Location"] == f"/cases/{case.slug}/#note-{note.pk}"
    note.refresh_from_db()
    assert (note.body, note.visibility) == ("Hearing moved to 3 May.", "editors")
    assert "Shared with the Editors" in client.get(case.get_absolute_url()).content.decode()

    response = client.post(f"/cases/{case.slug}/notes/{note.pk}/delete/")
    assert response.status_code == 302
    assert not CaseNote.objects.exists()
    assert "Your note was deleted." in text_of(client.get(case.get_absolute_url()))


def test_a_note_is_at_most_ten_thousand_characters_line_breaks_counting_one(bob, case):
    client = signed_in(bob)
    lines = "a\r\n" * 5000  # 15,000 characters as posted, 10,000 as stored (and as typed)
    response = client.post(f"/cases/{case.slug}/notes/", {"body": lines, "visibility": "private"})
    assert response.status_code == 302
    assert len(CaseNote.objects.get().body) == NOTE_MAX_LENGTH - 1  # the last line ending


@pytest.mark.parametrize("who", ["carol", "alice", "root"])
def test_no_one_else_edits_or_deletes_a_note(request, bob, case, who):
    note = services.note_add(case=case, author=bob, body="Bob's own.", visibility="editors")
    before = note_rows()
    client = signed_in(request.getfixturevalue(who))
    edit = f"/cases/{case.slug}/notes/{note.pk}/"
    assert client.get(edit).status_code == 404
    changed = {"body": "Changed by someone else.", "visibility": "private"}
    assert client.post(edit, changed).status_code == 404
    assert client.post(f"{edit}delete/").status_code == 404
    assert note_rows() == before
    # Nor through another case's address, or with the note's id in the form.
    other = services.note_add(case=case, author=request.getfixturevalue(who), body="Theirs.")
    assert client.post(f"{edit}delete/", {"pk": other.pk}).status_code == 404
    assert CaseNote.objects.filter(pk=note.pk).exists()


def test_the_services_refuse_a_note_to_anyone_but_its_author(bob, carol, case):
    note = services.note_add(case=case, author=bob, body="Bob's own.")
    with pytest.raises(PermissionDenied):
        services.note_update(note=note, user=carol, body="Carol's now.", visibility="private")
    with pytest.raises(PermissionDenied):
        services.note_delete(note=note, user=carol)
    assert CaseNote.objects.get().body == "Bob's own."


def test_signing_in_comes_first_and_get_changes_nothing(bob, case, client):
    note = services.note_add(case=case, author=bob, body="Bob's own.")
    before = note_rows()
    response = client.post(f"/cases/{case.slug}/notes/", {"body": "Anon.", "visibility": "private"})
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next=/cases/{case.slug}/"
    assert client.post(f"/cases/{case.slug}/notes/{note.pk}/delete/").status_code == 302
    edit = client.get(f"/cases/{case.slug}/notes/{note.pk}/")
    assert edit["Location"] == f"/accounts/login/?next=/cases/{case.slug}/notes/{note.pk}/"
    reader = signed_in(bob)
    assert reader.get(f"/cases/{case.slug}/notes/").status_code == 405
    assert reader.get(f"/cases/{case.slug}/notes/{note.pk}/delete/").status_code == 405
    assert reader.post("/cases/no-such-case/notes/", {"body": "x"}).status_code == 404
    assert reader.get(f"/cases/{case.slug}/notes/{'9' * 30}/").status_code == 404
    assert note_rows() == before


# --- Bad input ---------------------------------------------------------------------------------

TOO_LONG = "x" * (NOTE_MAX_LENGTH + 1)


@pytest.mark.parametrize(
    ("form", "message"),
    [
        ({"body": "", "visibility": "private"}, "The note is empty: write something first."),
        ({"body": " \r\n\t ", "visibility": "private"}, "The note is empty"),
        ({"visibility": "private"}, "The note is empty"),
        (
            {"body": TOO_LONG, "visibility": "private"},
            "A note is at most 10,000 characters; this one has 10,001.",
        ),
        ({"body": "Null\x00byte", "visibility": "private"}, "Null characters are not allowed."),
        ({"body": "Fine.", "visibility": "public"}, "Choose who sees the note"),
        ({"body": "Fine."}, "Choose who sees the note"),
    ],
    ids=["empty", "blank", "missing", "too long", "nul", "unknown visibility", "no visibility"],
)
def test_bad_notes_are_refused_with_the_field_error_and_nothing_written(bob, case, form, message):
    note = services.note_add(case=case, author=bob, body="Kept as it was.")
    before = note_rows()
    client = signed_in(bob)
    for url in [f"/cases/{case.slug}/notes/", f"/cases/{case.slug}/notes/{note.pk}/"]:
        response = client.post(url, form)
        assert response.status_code == 400, url
        text = text_of(response)
        assert message in text and "The note was not saved" in text
        assert 'class="errorlist"' in response.content.decode()
        if form.get("body") == TOO_LONG:  # what was typed is shown again, to be shortened
            assert TOO_LONG in response.content.decode()
    assert note_rows() == before


def test_the_database_refuses_what_the_service_refuses(bob, case):
    for body, visibility in [("", "private"), (TOO_LONG, "private"), ("Fine.", "public")]:
        with pytest.raises(IntegrityError), transaction.atomic():
            CaseNote.objects.create(case=case, author=bob, body=body, visibility=visibility)
    with pytest.raises(ValidationError) as refused:
        services.note_add(case=case, author=bob, body="Fine.", visibility="public")
    assert "visibility" in refused.value.message_dict
    assert not CaseNote.objects.exists()


# --- Who sees which note -----------------------------------------------------------------------


@pytest.fixture
def notes(alice, bob, case) -> dict[str, CaseNote]:
    """bob (a reader) and alice (an editor) each keep a private note and share one."""
    return {
        "bob private": services.note_add(case=case, author=bob, body="Bob private marker"),
        "bob shared": services.note_add(
            case=case, author=bob, body="Bob shared marker", visibility="editors"
        ),
        "alice private": services.note_add(case=case, author=alice, body="Alice private marker"),
        "alice shared": services.note_add(
            case=case, author=alice, body="Alice shared marker", visibility="editors"
        ),
    }


@pytest.mark.parametrize(
    ("who", "sees"),
    [
        ("bob", {"bob private", "bob shared"}),  # a reader: their own only
        ("carol", set()),  # another reader: nothing of others'
        ("alice", {"alice private", "alice shared", "bob shared"}),  # an editor: shared ones
        ("root", {"alice shared", "bob shared"}),  # a superuser: shared ones, no private
    ],
)
def test_each_role_sees_its_own_notes_and_the_shared_ones_editors_may(
    request, notes, case, who, sees
):
    page = signed_in(request.getfixturevalue(who)).get(case.get_absolute_url()).content.decode()
    shown = {name for name, note in notes.items() if note.body in page}
    assert shown == sees
    assert 'id="h-notes"' in page and "Add a note" in page
    own = {name for name in sees if name.startswith(who)}
    edit_links = {name for name, n in notes.items() if f"/notes/{n.pk}/delete/" in page}
    assert edit_links == own  # Edit and Delete on one's own notes only


def test_an_anonymous_visitor_sees_no_note_nor_that_there_are_any(notes, case, client):
    page = client.get(case.get_absolute_url()).content.decode()
    assert "marker" not in page
    for trace in ['id="h-notes"', 'id="h-tags"', "/notes/", "Add a note", "No notes"]:
        assert trace not in page
