"""Notes and tags: markup typed into a note's body or a tag's name is text on every page that
shows it, and on the public surfaces it is not there at all.

The payloads go in through the case page's own forms (a reader's and an editor's), not the
admin: staff type notes and tags there.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth.models import User
from django.test import Client
from django.utils.html import escape

from cases.models import Case, CaseNote, Tag
from tests import factories
from tests.security.xss.escaping import assert_escaped_html, unsafe_links
from tests.security.xss.payloads import PAYLOADS

pytestmark = pytest.mark.django_db


def client_of(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


def typed(payload: str, alice: User) -> tuple[Case, Tag, CaseNote, Client, Client]:
    """bob (a reader) shares a note and tags the case; alice (an editor) adds a private note."""
    case = factories.case(slug="xss-notes")
    factories.case(slug="xss-other")
    bob = User.objects.create_user("bob", "bob@example.org")
    reader, editor = client_of(bob), client_of(alice)
    body = f"Note {payload}\nsecond line {payload}"
    shared = {"body": body, "visibility": "editors"}
    assert reader.post(f"/cases/{case.slug}/notes/", shared).status_code == 302
    assert reader.post(f"/cases/{case.slug}/tags/", {"name": f"Tag {payload}"}).status_code == 302
    mine = {"body": f"Alice {payload}", "visibility": "private"}
    assert editor.post(f"/cases/{case.slug}/notes/", mine).status_code == 302
    note = CaseNote.objects.get(author=bob)
    assert note.body == body  # stored as typed
    tag = Tag.objects.get()
    assert tag.name == f"Tag {payload}"
    return case, tag, note, reader, editor


def surfaces(
    case: Case, tag: Tag, note: CaseNote, reader: Client, editor: Client, root: Client
) -> Iterator[tuple[str, Client, str, int, dict | None]]:
    """(surface, who, address, status, form to post or None) for every page showing them."""
    url = case.get_absolute_url()
    yield "case page, the reader", reader, url, 200, None
    yield "case page, an editor", editor, url, 200, None
    yield "case page, a superuser", root, url, 200, None
    yield "another case's page (the tag offered)", reader, "/cases/xss-other/", 200, None
    yield "case list (rows and the filter)", reader, "/cases/", 200, None
    yield "case list by the tag", reader, f"/cases/?tag={tag.slug}", 200, None
    yield "the note's edit page", reader, f"{url}notes/{note.pk}/", 200, None
    too_long = {"body": note.body + "x" * 10_000, "visibility": "private"}
    yield "a refused note", reader, f"{url}notes/", 400, too_long
    yield "a refused tag", reader, f"{url}tags/", 400, {"name": tag.name + "x" * 50}
    yield "a tag added again", reader, f"{url}tags/", 302, {"name": tag.name}
    yield "admin tag list", editor, "/admin/cases/tag/", 200, None
    yield "admin tag change", editor, f"/admin/cases/tag/{tag.pk}/change/", 200, None
    yield "admin tag delete", editor, f"/admin/cases/tag/{tag.pk}/delete/", 200, None
    merge = {
        "action": "merge_tags",
        ACTION_CHECKBOX_NAME: [tag.pk, Tag.objects.create(name="B", slug="b").pk],
    }
    yield "admin tag merge", editor, "/admin/cases/tag/", 200, merge


@pytest.mark.parametrize("payload", PAYLOADS)
def test_markup_in_notes_and_tags_is_text_on_every_page(payload, alice, admin_user, subtests):
    case, tag, note, reader, editor = typed(payload, alice)
    root = client_of(admin_user)
    for surface, client, url, status, form in surfaces(case, tag, note, reader, editor, root):
        with subtests.test(surface=surface):
            if form is None:
                response = client.get(url)
            else:
                response = client.post(url, form, follow=status == 302)
            assert response.status_code == (200 if status == 302 else status), url
            text = response.content.decode()
            assert_escaped_html(text, payload, surface)
            assert unsafe_links(text) == [], surface
            if surface.startswith("case page"):
                assert escape(note.body).replace("\n", "<br>") in text  # line breaks kept


@pytest.mark.parametrize("payload", PAYLOADS)
def test_markup_in_notes_and_tags_is_nowhere_public(payload, alice, client):
    case, tag, note, _, _ = typed(payload, alice)
    public = [
        case.get_absolute_url(),
        "/cases/",
        f"/cases/?tag={tag.slug}",
        "/activity.atom",
        f"{case.get_absolute_url()}feed.atom",
        f"{case.get_absolute_url()}deadlines.ics",
        "/cases/export.csv",
        f"{case.get_absolute_url()}timeline.csv",
    ]
    for url in public:
        response = client.get(url)
        assert response.status_code == 200, url
        body = (
            b"".join(response.streaming_content) if response.streaming else response.content
        ).decode()
        for text in ["Note ", "Alice ", "Tag "]:
            assert text + payload not in body and text + escape(payload) not in body, url
