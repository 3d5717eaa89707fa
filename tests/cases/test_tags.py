"""Tags on cases: added and removed from the case page, new ones created by name; bad input."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction

from cases import services
from cases.models import CaseTag, Tag
from tests import factories
from tests.cases import notes_world
from tests.cases.notes_world import signed_in, text_of

pytestmark = pytest.mark.django_db

# The people and the case (tests/cases/notes_world.py).
bob, carol, case = notes_world.bob, notes_world.carol, notes_world.case


def tag_rows() -> tuple[list[dict], list[dict]]:
    return (
        list(Tag.objects.order_by("pk").values()),
        list(CaseTag.objects.order_by("pk").values()),
    )


def test_typing_a_new_name_creates_the_tag_slugified_and_tags_the_case(bob, case):
    client = signed_in(bob)
    response = client.post(f"/cases/{case.slug}/tags/", {"name": "  Amicus   opportunity "})
    assert response.status_code == 302
    assert response["Location"] == f"/cases/{case.slug}/#tags"
    tag = Tag.objects.get()
    assert (tag.name, tag.slug) == ("Amicus opportunity", "amicus-opportunity")
    link = CaseTag.objects.get()
    assert (link.case, link.tag, link.tagged_by) == (case, tag, bob)
    page = client.get(case.get_absolute_url())
    assert "Tagged Amicus opportunity (a new tag)." in text_of(page)
    assert 'href="/cases/?tag=amicus-opportunity"' in page.content.decode()


def test_an_existing_tag_is_chosen_by_its_name_or_any_spelling_of_its_slug(bob, carol, case):
    services.case_tag_add(case=case, name="Priority", user=carol)
    other = factories.case()
    client = signed_in(bob)
    # The case page offers the tags the case does not have yet.
    assert '<option value="Priority">' in client.get(other.get_absolute_url()).content.decode()
    assert client.post(f"/cases/{other.slug}/tags/", {"name": "PRIORITY!"}).status_code == 302
    assert Tag.objects.count() == 1
    assert set(Tag.objects.get().cases.all()) == {case, other}
    # Again: nothing new, and the page says so.
    response = client.post(f"/cases/{other.slug}/tags/", {"name": "priority"}, follow=True)
    assert "This case is tagged Priority already." in text_of(response)
    assert CaseTag.objects.filter(case=other).count() == 1


def test_a_tag_is_removed_from_one_case_and_kept(bob, case):
    other = factories.case()
    tag, _, _ = services.case_tag_add(case=case, name="Priority")
    services.case_tag_add(case=other, name="Priority")
    client = signed_in(bob)
    response = client.post(f"/cases/{case.slug}/tags/remove/", {"tag": "priority"}, follow=True)
    assert "The tag Priority was removed." in text_of(response)
    assert list(CaseTag.objects.values_list("case", flat=True)) == [other.pk]
    response = client.post(f"/cases/{case.slug}/tags/remove/", {"tag": "priority"}, follow=True)
    assert "This case was not tagged Priority." in text_of(response)
    assert Tag.objects.filter(pk=tag.pk).exists()


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("", "Type a tag name, or choose one of the tags listed."),
        ("   ", "Type a tag name"),
        ("x" * 51, "A tag name is at most 50 characters; this one has 51."),
        ("!!! ???", "A tag name needs at least one letter or digit."),
    ],
    ids=["empty", "blank", "too long", "no letter"],
)
def test_bad_tag_names_are_refused_with_a_field_error_and_nothing_written(bob, case, name, message):
    services.tag_create(name="Priority")
    before = tag_rows()
    response = signed_in(bob).post(f"/cases/{case.slug}/tags/", {"name": name})
    assert response.status_code == 400
    assert message in text_of(response) and "The tag was not added" in text_of(response)
    assert 'id="tag-name-error"' in response.content.decode()
    assert tag_rows() == before


def test_removing_an_unknown_or_missing_tag_is_refused(bob, case):
    services.case_tag_add(case=case, name="Priority")
    before = tag_rows()
    client = signed_in(bob)
    unknown = client.post(f"/cases/{case.slug}/tags/remove/", {"tag": "no-such-tag"})
    assert unknown.status_code == 404 and "No tag has this address name." in text_of(unknown)
    assert client.post(f"/cases/{case.slug}/tags/remove/", {}).status_code == 400
    for junk in ["prio\x00rity", "priority/../x", "<b>"]:
        assert client.post(f"/cases/{case.slug}/tags/remove/", {"tag": junk}).status_code == 400
    nul = client.post(f"/cases/{case.slug}/tags/", {"name": "Prio\x00rity"})
    assert nul.status_code == 400 and "Null characters are not allowed." in text_of(nul)
    too_long = client.post(f"/cases/{case.slug}/tags/remove/", {"tag": "x" * 500})
    assert too_long.status_code == 400
    assert client.post("/cases/no-such-case/tags/remove/", {"tag": "priority"}).status_code == 404
    assert tag_rows() == before


def test_signing_in_comes_first_and_get_changes_nothing(case, client, bob):
    services.case_tag_add(case=case, name="Priority")
    before = tag_rows()
    for url, form in [("tags/", {"name": "New"}), ("tags/remove/", {"tag": "priority"})]:
        response = client.post(f"/cases/{case.slug}/{url}", form)
        assert response["Location"] == f"/accounts/login/?next=/cases/{case.slug}/"
        assert signed_in(bob).get(f"/cases/{case.slug}/{url}").status_code == 405
    assert tag_rows() == before


def test_tags_are_shown_to_signed_in_users_only(bob, case, client):
    services.case_tag_add(case=case, name="Amicus marker")
    assert "Amicus marker" in signed_in(bob).get(case.get_absolute_url()).content.decode()
    page = client.get(case.get_absolute_url()).content.decode()
    assert "Amicus marker" not in page and 'id="h-tags"' not in page
    assert "/tags/" not in page and "?tag=" not in page


def test_the_database_keeps_one_link_per_case_and_tag_and_named_tags(case):
    tag = services.tag_create(name="Priority")
    CaseTag.objects.create(case=case, tag=tag)
    with pytest.raises(IntegrityError), transaction.atomic():
        CaseTag.objects.create(case=case, tag=tag)
    for name, slug in [("", "empty"), ("Nameless", ""), ("Priority", "other")]:
        with pytest.raises(IntegrityError), transaction.atomic():
            Tag.objects.create(name=name, slug=slug)


def test_a_superuser_deletes_a_case_with_notes_and_tags(case, bob, admin_client):
    services.note_add(case=case, author=bob, body="Private marker of bob")
    tag, _, _ = services.case_tag_add(case=case, name="Priority", user=bob)
    confirm = admin_client.get(f"/admin/cases/case/{case.pk}/delete/")
    assert confirm.status_code == 200
    assert "Private marker" not in confirm.content.decode()  # the list names no note's text
    response = admin_client.post(f"/admin/cases/case/{case.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not case.__class__.objects.filter(pk=case.pk).exists()
    assert not CaseTag.objects.exists() and not case.notes.model.objects.exists()
    assert Tag.objects.filter(pk=tag.pk).exists()  # the tag stays for the other cases
