"""Tags in the admin: Editors rename, merge and delete them; notes are not in the admin."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth.models import Group

from cases import services
from cases.models import Case, CaseNote, CaseTag, Tag
from cases.roles import EDITORS_GROUP
from tests import factories
from tests.cases import notes_world
from tests.cases.notes_world import text_of
from tests.forms import form_data

pytestmark = pytest.mark.django_db

# bob, a reader (tests/cases/notes_world.py).
bob = notes_world.bob


def test_editors_may_manage_tags_and_nothing_of_notes():
    granted = set(
        Group.objects.get(name=EDITORS_GROUP).permissions.values_list("codename", flat=True)
    )
    assert {"view_tag", "add_tag", "change_tag", "delete_tag"} <= granted
    assert not {code for code in granted if "casenote" in code or "casetag" in code}
    registered = {model for model in admin.site._registry if model._meta.app_label == "cases"}
    assert Tag in registered
    assert CaseNote not in registered and CaseTag not in registered


def test_an_editor_renames_a_tag_and_its_slug_follows(editor_client, bob):
    case = factories.case()
    tag, _, _ = services.case_tag_add(case=case, name="Priority", user=bob)
    url = f"/admin/cases/tag/{tag.pk}/change/"
    page = editor_client.get(url)
    response = editor_client.post(url, form_data(page, "tag_form") | {"name": "High  priority"})
    assert response.status_code == 302
    tag.refresh_from_db()
    assert (tag.name, tag.slug) == ("High priority", "high-priority")
    assert list(case.tags.all()) == [tag]  # the cases keep it


@pytest.mark.parametrize(
    ("name", "error"),
    [
        ("AMICUS opportunity!", "has the same address name (amicus-opportunity): merge the two"),
        ("x" * 51, "at most 50 characters"),
        ("???", "needs at least one letter or digit"),
    ],
)
def test_a_rename_that_cannot_be_saved_is_refused_with_the_reason(editor_client, name, error):
    tag = services.tag_create(name="Priority")
    services.tag_create(name="Amicus opportunity")
    before = list(Tag.objects.order_by("pk").values())
    url = f"/admin/cases/tag/{tag.pk}/change/"
    response = editor_client.post(
        url, form_data(editor_client.get(url), "tag_form") | {"name": name}
    )
    assert response.status_code == 200
    assert error in text_of(response)
    assert list(Tag.objects.order_by("pk").values()) == before
    added = editor_client.post("/admin/cases/tag/add/", {"name": name})
    assert added.status_code == 200 and error in text_of(added)
    assert Tag.objects.count() == 2


def test_an_editor_adds_and_deletes_a_tag(editor_client):
    case = factories.case()
    response = editor_client.post("/admin/cases/tag/add/", {"name": "Amicus  opportunity"})
    assert response.status_code == 302
    tag = Tag.objects.get()
    assert tag.slug == "amicus-opportunity"
    services.case_tag_add(case=case, name=tag.name)
    response = editor_client.post(f"/admin/cases/tag/{tag.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not Tag.objects.exists() and not CaseTag.objects.exists()
    assert Case.objects.filter(pk=case.pk).exists()


def test_an_editor_merges_tags_choosing_the_one_to_keep(editor_client, bob, alice):
    one, two, three, four = (factories.case() for _ in range(4))
    keep, _, _ = services.case_tag_add(case=one, name="Priority", user=alice)
    services.case_tag_add(case=two, name="Priority", user=alice)
    dup, _, _ = services.case_tag_add(case=two, name="Prio", user=bob)
    services.case_tag_add(case=three, name="Prio", user=bob)
    urgent, _, _ = services.case_tag_add(case=three, name="Urgent", user=alice)
    services.case_tag_add(case=four, name="Urgent", user=bob)
    selected = {"action": "merge_tags", ACTION_CHECKBOX_NAME: [keep.pk, dup.pk, urgent.pk]}
    ask = editor_client.post("/admin/cases/tag/", selected)
    assert ask.status_code == 200
    text = text_of(ask)
    assert "Choose the tag to keep" in text and "Prio (prio, 2 cases)" in text
    done = editor_client.post("/admin/cases/tag/", selected | {"keep": keep.pk, "merge": "Merge"})
    assert done.status_code == 302
    assert list(Tag.objects.all()) == [keep]
    assert set(keep.cases.all()) == {one, two, three, four}  # two has it once
    assert CaseTag.objects.get(case=four).tagged_by == bob  # who tagged it, kept
    assert "Merged Prio, Urgent into Priority: 2 case(s) gained it." in text_of(
        editor_client.get("/admin/cases/tag/")
    )


def test_merging_needs_two_tags_and_the_one_to_keep(editor_client):
    tag = services.tag_create(name="Priority")
    other = services.tag_create(name="Other")
    one = {"action": "merge_tags", ACTION_CHECKBOX_NAME: [tag.pk]}
    response = editor_client.post("/admin/cases/tag/", one, follow=True)
    assert "Select two tags or more to merge." in text_of(response)
    both = {"action": "merge_tags", ACTION_CHECKBOX_NAME: [tag.pk, other.pk], "merge": "Merge"}
    response = editor_client.post("/admin/cases/tag/", both | {"keep": "12345"})
    assert response.status_code == 200 and "Choose the tag to keep." in text_of(response)
    assert Tag.objects.count() == 2


def test_the_tag_list_costs_the_same_however_many_tags(
    editor_client, django_assert_max_num_queries
):
    services.tag_create(name="Priority")
    # Session, user, the user's and the group's permissions (4); the filtered and the
    # unfiltered count, the page of tags with their case counts (3).
    with django_assert_max_num_queries(7):
        assert editor_client.get("/admin/cases/tag/").status_code == 200
    case = factories.case()
    for n in range(40):
        services.case_tag_add(case=case, name=f"Tag {n}")
    with django_assert_max_num_queries(7):
        assert editor_client.get("/admin/cases/tag/").status_code == 200
