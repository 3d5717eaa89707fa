"""The Editors group with real bodies: what it may delete, and no users or groups."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, User

from cases.models import Case, Court, DocketEntry, Judge
from cases.roles import EDITORS_GROUP
from parties.models import Party

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("model", "app_model"),
    [
        (Court, ("cases", "court")),
        (Judge, ("cases", "judge")),
        (Case, ("cases", "case")),
        (Party, ("parties", "party")),
    ],
)
def test_editors_cannot_delete_courts_judges_cases_or_parties(editor, world, model, app_model):
    row = world.rows[app_model]
    app, name = app_model
    confirmed = editor.post(f"/admin/{app}/{name}/{row.pk}/delete/", {"post": "yes"})
    assert confirmed.status_code == 403
    bulk = editor.post(
        f"/admin/{app}/{name}/",
        {"action": "delete_selected", "_selected_action": [row.pk], "post": "yes"},
    )
    assert bulk.status_code in {200, 302}  # the action is not offered: "No action selected"
    assert model.objects.filter(pk=row.pk).exists()


def test_editors_delete_what_the_group_lists(editor, world):
    entry = world.rows["cases", "docketentry"]
    response = editor.post(f"/admin/cases/docketentry/{entry.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not DocketEntry.objects.filter(pk=entry.pk).exists()


def test_editors_cannot_manage_users_or_groups(editor, world):
    password = "a long enough passphrase"
    add = editor.post(
        "/admin/auth/user/add/",
        {"username": "mallory", "password1": password, "password2": password},
    )
    assert add.status_code == 403
    promote = editor.post(
        f"/admin/auth/user/{world.editor.pk}/change/",
        {"username": "alice", "is_staff": "on", "is_superuser": "on", "is_active": "on"},
    )
    assert promote.status_code == 403
    group = Group.objects.get(name=EDITORS_GROUP)
    granted_before = set(group.permissions.values_list("pk", flat=True))
    grab = editor.post(
        f"/admin/auth/group/{group.pk}/change/",
        {"name": EDITORS_GROUP, "permissions": list(range(1, 200))},
    )
    assert grab.status_code == 403
    assert not User.objects.filter(username="mallory").exists()
    world.editor.refresh_from_db()
    assert not world.editor.is_superuser
    assert set(group.permissions.values_list("pk", flat=True)) == granted_before
