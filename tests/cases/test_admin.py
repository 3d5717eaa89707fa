"""The admin as an Editors user: permissions, every changelist, bad addresses, autocomplete.

Saving through the forms is tested in ``test_admin_cases`` (cases and their inlines) and
``test_admin_docket`` (docket entries, motions, deadlines, counsel and rulings).
"""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from cases import services
from cases.models import Case, StatusChange
from cases.roles import EDITOR_PERMISSIONS, EDITORS_GROUP

pytestmark = pytest.mark.django_db

D = datetime.date


# --- The Editors group -------------------------------------------------------------------------


def test_editors_group_has_exactly_the_data_entry_permissions():
    group = Group.objects.get(name=EDITORS_GROUP)
    granted = set(group.permissions.values_list("content_type__app_label", "codename"))
    expected = {
        (app, f"{action}_{model}")
        for app, models in EDITOR_PERMISSIONS.items()
        for model, actions in models.items()
        for action in actions
    }
    assert granted == expected
    assert not any(app in {"auth", "admin", "contenttypes", "sessions"} for app, _ in granted)


def test_it_requires_login(client):
    response = client.get("/admin/cases/case/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_editors_cannot_manage_users_or_delete_cases(editor_client, seeded):
    assert editor_client.get("/admin/auth/user/").status_code == 403
    assert editor_client.get("/admin/auth/group/").status_code == 403
    case = Case.objects.get(slug="thornley-v-clearview-ca7")
    assert editor_client.get(f"/admin/cases/case/{case.pk}/delete/").status_code == 403
    index = editor_client.get("/admin/").content.decode()
    assert "Cases and dockets" in index and "Parties and counsel" in index
    assert "/admin/auth/user/" not in index


# --- Changelists: every model, with a fixed number of queries ----------------------------------

# Each changelist costs: session, user, permissions (3); the filtered count, the unfiltered
# count and the page of rows with their related rows joined (3); list filters' lookups (0-2);
# the ruling list annotates its decision count in the same query.
CHANGELISTS = [
    ("cases", "court"),
    ("cases", "judge"),
    ("cases", "case"),
    ("cases", "casejudge"),
    ("cases", "caselink"),
    ("cases", "docketentry"),
    ("cases", "motion"),
    ("cases", "ruling"),
    ("cases", "rulingmotion"),
    ("cases", "deadline"),
    ("cases", "statuschange"),
    ("cases", "caseevent"),
    ("parties", "party"),
    ("parties", "caseparty"),
    ("parties", "lawfirm"),
    ("parties", "attorney"),
    ("parties", "representation"),
]


@pytest.mark.parametrize(("app", "model"), CHANGELISTS)
def test_changelists_use_a_fixed_number_of_queries(
    editor_client, seeded, django_assert_max_num_queries, app, model
):
    # The seeded docket puts 9 to 99 rows on each list (it has no deadlines: three are added),
    # so a query per row would show at once.
    for case in Case.objects.all()[:3]:
        services.deadline_set(case=case, title="Reply due", kind="reply", due_date=D(2031, 1, 5))
    url = reverse(f"admin:{app}_{model}_changelist")
    with django_assert_max_num_queries(10):
        response = editor_client.get(url)
    assert response.status_code == 200
    assert response.context["cl"].result_count > 0
    with django_assert_max_num_queries(10):  # every row on one page
        assert editor_client.get(url + "?all=").status_code == 200


def test_docket_entries_are_listed_per_case(editor_client, seeded):
    case = Case.objects.get(slug="thornley-v-clearview-ca7")
    response = editor_client.get(f"/admin/cases/docketentry/?case={case.pk}")
    text = response.content.decode()
    assert f"{case.docket_entries.count()} docket entr" in text
    assert "motion to stay the mandate" in text
    assert editor_client.get("/admin/cases/docketentry/?case=abc").status_code == 200


@pytest.mark.parametrize(
    "url",
    [
        "/admin/cases/ruling/add/?case=change",
        "/admin/cases/ruling/add/?case=99999999999999999999",
        "/admin/cases/ruling/add/?case=-1",
        "/admin/cases/docketentry/?case=abc",
        "/admin/cases/docketentry/?case=99999999999999999999",
        "/admin/cases/docketentry/add/?case=abc",
        "/admin/cases/motion/add/?case=1e9&movants=x",
        "/admin/parties/caseparty/?party=%27%3B--",
        "/admin/cases/case/?filed_date__year=abc",
        "/admin/cases/case/?q=" + "x" * 2000,
    ],
)
def test_bad_addresses_never_break_a_page(editor_client, url):
    response = editor_client.get(url)
    assert response.status_code in {200, 302}
    if response.status_code == 302:  # the admin's own answer to a bad filter: ?e=1
        assert editor_client.get(response["Location"]).status_code == 200


@pytest.mark.parametrize(
    ("model", "field", "term", "expected"),
    [
        ("ruling", "case", "Thornley", "Thornley v. Clearview AI"),
        ("caseparty", "party", "Mijente", "Mijente Support Committee"),
        ("case", "court", "N.D. Ill", "N.D. Ill."),
        ("ruling", "judge", "Coleman", "Sharon Johnson Coleman"),
        ("representation", "attorney", "Drury", "Scott R. Drury"),
    ],
)
def test_editors_can_use_autocomplete(editor_client, seeded, model, field, term, expected):
    app = "parties" if model in {"caseparty", "representation"} else "cases"
    response = editor_client.get(
        "/admin/autocomplete/",
        {"app_label": app, "model_name": model, "field_name": field, "term": term},
    )
    assert response.status_code == 200
    assert expected in {r["text"].split(" (")[0] for r in response.json()["results"]} | {
        r["text"] for r in response.json()["results"]
    }


def test_search_and_date_hierarchy(editor_client, seeded):
    text = editor_client.get("/admin/cases/case/?q=RG21096898").content.decode()
    assert "Renderos v. Clearview AI" in text and "Thornley" not in text
    assert editor_client.get("/admin/cases/ruling/?date__year=2021").status_code == 200


def test_case_page_shows_inlines_and_links_to_its_docket(editor_client, seeded):
    case = Case.objects.get(slug="thornley-v-clearview-ca7")
    text = editor_client.get(f"/admin/cases/case/{case.pk}/change/").content.decode()
    for expected in ["Clearview AI, Inc.", "Motion to stay the mandate", "Status history"]:
        assert expected in text
    assert f"/admin/cases/docketentry/?case={case.pk}" in text
    assert f"/admin/cases/ruling/add/?case={case.pk}" in text


def test_history_of_edits_is_visible(editor_client, seeded):
    case = Case.objects.get(slug="thornley-v-clearview-ca7")
    services.case_update(case=case, summary="Edited summary")
    response = editor_client.get(f"/admin/cases/case/{case.pk}/history/")
    assert response.status_code == 200
    assert "Changed" in response.content.decode() or "Created" in response.content.decode()


def test_status_history_and_events_are_read_only(editor_client, seeded):
    change = StatusChange.objects.first()
    assert editor_client.get("/admin/cases/statuschange/add/").status_code == 403
    response = editor_client.get(f"/admin/cases/statuschange/{change.pk}/change/")
    assert response.status_code == 200
    assert 'name="_save"' not in response.content.decode()
