"""Data entry through the admin, as an Editors user, posting the forms the pages render."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from cases import services
from cases.models import (
    Case,
    CaseEvent,
    CaseLink,
    Deadline,
    DocketEntry,
    EventKind,
    Motion,
    Ruling,
    StatusChange,
)
from cases.roles import EDITOR_PERMISSIONS, EDITORS_GROUP
from parties.models import CaseParty, Representation
from tests import factories
from tests.forms import form_data

pytestmark = pytest.mark.django_db

D = datetime.date


def errors_of(response) -> str:
    """The error text the admin shows (error notes and error lists)."""
    text = response.content.decode()
    assert response.status_code == 200, response.status_code
    assert "errornote" in text or "errorlist" in text, "the form was accepted"
    return text


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


# --- Cases: add and change through services ----------------------------------------------------


def test_adding_a_case_records_its_status_and_event(editor_client, alice):
    court = factories.court()
    page = editor_client.get("/admin/cases/case/add/")
    data = form_data(page, "case_form") | {
        "caption": "ACLU v. Clearview AI, Inc.",
        "short_name": "ACLU v. Clearview AI",
        "slug": "aclu-v-clearview",
        "court": court.pk,
        "docket_number": "2020-CH-04353",
        "case_type": "civil",
        "status": "filed",
        "filed_date": "2020-05-28",
    }
    response = editor_client.post("/admin/cases/case/add/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    case = Case.objects.get(slug="aclu-v-clearview")
    assert case.events.get().kind == EventKind.CASE_OPENED
    assert case.status_changes.get().recorded_by == alice


def test_changing_the_status_records_it_with_its_date(editor_client, alice):
    case = factories.case()
    url = f"/admin/cases/case/{case.pk}/change/"
    data = form_data(editor_client.get(url), "case_form") | {
        "status": "settled",
        "status_effective_date": "2022-05-11",
        "status_note": "Consent order entered",
    }
    response = editor_client.post(url, data)
    assert response.status_code == 302, errors_of(response)[:3000]
    change = case.status_changes.latest("pk")
    assert (change.from_status, change.to_status) == ("filed", "settled")
    assert change.effective_date == D(2022, 5, 11)
    assert change.recorded_by == alice
    event = CaseEvent.objects.get(kind=EventKind.STATUS_CHANGED, case=case)
    assert event.summary == "Status: filed -> settled"


def test_duplicate_docket_number_is_refused_with_a_message(editor_client):
    existing = factories.case(docket_number="1:20-cv-00512")
    data = form_data(editor_client.get("/admin/cases/case/add/"), "case_form") | {
        "caption": "Dup",
        "short_name": "Dup",
        "slug": "dup",
        "court": existing.court_id,
        "docket_number": "1:20-cv-00512",
        "case_type": "civil",
        "status": "filed",
    }
    text = errors_of(editor_client.post("/admin/cases/case/add/", data))
    assert "A case with this docket number already exists in this court." in text
    assert Case.objects.count() == 1


def test_closed_before_filed_is_refused_with_a_message(editor_client):
    case = factories.case(filed_date=D(2021, 3, 9))
    url = f"/admin/cases/case/{case.pk}/change/"
    data = form_data(editor_client.get(url), "case_form") | {"closed_date": "2021-03-01"}
    text = errors_of(editor_client.post(url, data))
    assert "The closed date cannot be before the filed date." in text
    case.refresh_from_db()
    assert case.closed_date is None


def test_inlines_save_through_services(editor_client):
    case = factories.case()
    other = factories.case(short_name="Target v. Case")
    party = factories.party(name="Mijente Support Committee")
    url = f"/admin/cases/case/{case.pk}/change/"
    data = form_data(editor_client.get(url), "case_form")
    data |= {
        "case_parties-TOTAL_FORMS": "1",
        "case_parties-0-party": party.pk,
        "case_parties-0-role": "plaintiff",
        "motions-TOTAL_FORMS": "1",
        "motions-0-title": "Motion to remand",
        "motions-0-kind": "remand",
        "motions-0-filed_date": "2021-10-20",
        "deadlines-TOTAL_FORMS": "1",
        "deadlines-0-title": "Reply due",
        "deadlines-0-kind": "reply",
        "deadlines-0-due_date": "2031-11-10",
        "deadlines-0-basis": "set_by_order",
        "deadlines-0-status": "open",
        "links_out-TOTAL_FORMS": "1",
        "links_out-0-kind": "removed_to",
        "links_out-0-to_case": other.pk,
        "links_out-0-date": "2021-06-14",
    }
    response = editor_client.post(url, data)
    assert response.status_code == 302, errors_of(response)[:5000]
    assert CaseParty.objects.filter(case=case, party=party, role="plaintiff").exists()
    assert Motion.objects.get(case=case).status == "pending"
    assert Deadline.objects.filter(case=case, title="Reply due").exists()
    assert CaseLink.objects.filter(from_case=case, to_case=other, kind="removed_to").exists()
    assert {
        EventKind.MOTION_FILED,
        EventKind.DEADLINE_SET,
        EventKind.CASE_LINKED,
    } <= set(case.events.values_list("kind", flat=True))
    assert other.events.filter(kind=EventKind.CASE_LINKED).exists()


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        (
            {
                "case_parties-TOTAL_FORMS": "2",
                "case_parties-0-party": "P",
                "case_parties-0-role": "plaintiff",
                "case_parties-1-party": "P",
                "case_parties-1-role": "plaintiff",
            },
            "Please correct the duplicate data for party and role, which must be unique.",
        ),
        (
            {
                "case_parties-TOTAL_FORMS": "1",
                "case_parties-0-party": "P",
                "case_parties-0-role": "plaintiff",
                "case_parties-0-joined_date": "2021-04-22",
                "case_parties-0-terminated_date": "2021-04-01",
            },
            "A party cannot be terminated before it joined the case.",
        ),
        (
            {
                "links_out-TOTAL_FORMS": "1",
                "links_out-0-kind": "related",
                "links_out-0-to_case": "SELF",
            },
            "A case cannot be linked to itself.",
        ),
        (
            {
                "deadlines-TOTAL_FORMS": "1",
                "deadlines-0-title": "Answer due",
                "deadlines-0-kind": "response",
                "deadlines-0-due_date": "2031-01-05",
                "deadlines-0-basis": "computed",
                "deadlines-0-status": "open",
            },
            "Compute a deadline on its own page (Deadlines › Add)",
        ),
    ],
)
def test_inline_integrity_rules_give_readable_messages(editor_client, rows, message):
    case = factories.case()
    party = factories.party()
    url = f"/admin/cases/case/{case.pk}/change/"
    data = form_data(editor_client.get(url), "case_form") | rows
    for key, value in list(data.items()):
        if value == "P":
            data[key] = party.pk
        if value == "SELF":
            data[key] = case.pk
    text = errors_of(editor_client.post(url, data))
    assert message in text
    assert not CaseParty.objects.filter(case=case).exists()
    assert not CaseLink.objects.exists()
    assert not Deadline.objects.exists()


def test_existing_party_role_is_refused_with_a_message(editor_client):
    case = factories.case()
    cp = factories.case_party(case, role="defendant")
    url = f"/admin/cases/case/{case.pk}/change/"
    data = form_data(editor_client.get(url), "case_form") | {
        "case_parties-TOTAL_FORMS": "2",
        "case_parties-1-party": cp.party_id,
        "case_parties-1-role": "defendant",
    }
    text = errors_of(editor_client.post(url, data))
    assert "Please correct the duplicate data for party and role, which must be unique." in text
    # On the case party's own page the database rule speaks for itself.
    other = factories.case_party(case, role="plaintiff", party=cp.party)
    url = f"/admin/parties/caseparty/{other.pk}/change/"
    data = form_data(editor_client.get(url), "caseparty_form") | {"role": "defendant"}
    text = errors_of(editor_client.post(url, data))
    assert "This party already has this role in this case." in text


# --- Docket entries, motions, deadlines, counsel ------------------------------------------------


def test_docket_entry_add_and_duplicate_number(editor_client):
    case = factories.case()
    page = editor_client.get(f"/admin/cases/docketentry/add/?case={case.pk}")
    data = form_data(page, "docketentry_form") | {
        "number": "47",
        "filed_date": "2021-02-22",
        "text": "Motion to stay the mandate",
    }
    assert data["case"] == str(case.pk)  # ?case= preselects the case
    assert editor_client.post("/admin/cases/docketentry/add/", data).status_code == 302
    assert case.events.filter(kind=EventKind.DOCKET_ENTRY_ADDED).exists()
    text = errors_of(editor_client.post("/admin/cases/docketentry/add/", data))
    assert "This case already has a docket entry with this number." in text
    assert DocketEntry.objects.count() == 1


def test_motion_movants_must_be_parties_of_its_case(editor_client):
    case = factories.case()
    stranger = factories.case_party(factories.case())
    page = editor_client.get("/admin/cases/motion/add/")
    data = form_data(page, "motion_form") | {
        "case": case.pk,
        "title": "Motion to dismiss",
        "kind": "dismiss",
        "filed_date": "2020-10-07",
        "movants": [stranger.pk],
    }
    text = errors_of(editor_client.post("/admin/cases/motion/add/", data))
    assert "Not parties of" in text
    assert not Motion.objects.exists()
    own = factories.case_party(case, role="defendant")
    data["movants"] = [own.pk]
    assert editor_client.post("/admin/cases/motion/add/", data).status_code == 302
    assert list(Motion.objects.get().movants.all()) == [own]


def test_moving_a_deadline_in_the_admin_reports_the_move(editor_client):
    case = factories.case()
    deadline = services.deadline_set(
        case=case, title="Opposition", kind="response", due_date=D(2031, 4, 30)
    )
    url = f"/admin/cases/deadline/{deadline.pk}/change/"
    data = form_data(editor_client.get(url), "deadline_form") | {
        "due_date": "2031-05-07",
        "change_reason": "stipulated extension",
    }
    assert editor_client.post(url, data).status_code == 302
    event = case.events.get(kind=EventKind.DEADLINE_MOVED)
    assert event.summary == (
        "Deadline moved: Opposition, from 2031-04-30 to 2031-05-07 (stipulated extension)"
    )


def test_vacate_action(editor_client):
    case = factories.case()
    deadline = services.deadline_set(case=case, title="Reply", kind="reply", due_date=D(2031, 1, 5))
    response = editor_client.post(
        "/admin/cases/deadline/", {"action": "vacate", "_selected_action": [deadline.pk]}
    )
    assert response.status_code == 302
    deadline.refresh_from_db()
    assert deadline.status == "vacated"
    assert case.events.filter(kind=EventKind.DEADLINE_VACATED).exists()


def test_representation_dates_in_order(editor_client):
    from parties.services import attorney_create

    cp = factories.case_party(factories.case())
    drury = attorney_create(name="Scott R. Drury")
    url = f"/admin/parties/caseparty/{cp.pk}/change/"
    data = form_data(editor_client.get(url), "caseparty_form") | {
        "representations-TOTAL_FORMS": "1",
        "representations-0-attorney": drury.pk,
        "representations-0-role": "interim_lead",
        "representations-0-start_date": "2022-09-23",
        "representations-0-end_date": "2021-03-10",
    }
    text = errors_of(editor_client.post(url, data))
    assert "A representation cannot end before it started." in text
    data["representations-0-end_date"] = "2022-09-23"
    assert editor_client.post(url, data).status_code == 302
    assert Representation.objects.get().role == "interim_lead"


# --- The ruling form ----------------------------------------------------------------------------


@pytest.fixture
def thornley(db):
    case = factories.case(short_name="Thornley v. Clearview AI")
    stay = factories.motion(
        case, title="Motion to stay mandate", kind="stay", filed_date=D(2021, 2, 22)
    )
    rehearing = factories.motion(case, title="Petition for rehearing", filed_date=D(2021, 1, 28))
    other = factories.motion(factories.case(), title="Motion in another case")
    return case, stay, rehearing, other


def ruling_form(client, case, date: str, outcomes: dict) -> dict:
    """The add-ruling form of ``case`` as rendered, filled in as an editor would."""
    page = client.get(f"/admin/cases/ruling/add/?case={case.pk}")
    data = form_data(page, "ruling_form") | {"title": "Order", "kind": "order", "date": date}
    return data | {f"outcome_{motion.pk}": outcome for motion, outcome in outcomes.items()}


def test_ruling_form_offers_only_the_motions_of_the_chosen_case(editor_client, thornley):
    case, stay, rehearing, other = thornley
    text = editor_client.get(f"/admin/cases/ruling/add/?case={case.pk}").content.decode()
    assert f'name="outcome_{stay.pk}"' in text
    assert f'name="outcome_{rehearing.pk}"' in text
    assert f'name="outcome_{other.pk}"' not in text
    assert "Motion in another case" not in text


def test_recording_a_ruling_in_the_admin_sets_outcomes(editor_client, thornley, alice):
    case, stay, rehearing, _ = thornley
    data = ruling_form(editor_client, case, "2021-03-01", {stay: "denied"})
    data["title"] = "Order denying motion to stay the mandate"
    response = editor_client.post("/admin/cases/ruling/add/", data)
    assert response.status_code == 302, errors_of(response)[:3000]
    stay.refresh_from_db()
    rehearing.refresh_from_db()
    assert (stay.status, rehearing.status) == ("denied", "pending")
    ruling = Ruling.objects.get()
    assert list(ruling.motions.all()) == [stay]
    event = case.events.get(kind=EventKind.MOTION_DECIDED)
    assert (event.summary, event.actor) == ("Motion to stay mandate: DENIED", alice)


def test_ruling_dated_before_the_motion_is_refused_with_a_message(editor_client, thornley):
    case, stay, _, _ = thornley
    data = ruling_form(editor_client, case, "2021-02-01", {stay: "denied"})
    text = errors_of(editor_client.post("/admin/cases/ruling/add/", data))
    assert (
        "The ruling date 2021-02-01 is before Motion to stay mandate was filed (2021-02-22)."
        in text
    )
    assert not Ruling.objects.exists()
    stay.refresh_from_db()
    assert stay.status == "pending"


def test_ruling_add_without_a_case_lists_its_motions_before_saving(editor_client, thornley):
    case, stay, _, _ = thornley
    data = form_data(editor_client.get("/admin/cases/ruling/add/"), "ruling_form") | {
        "case": case.pk,
        "title": "Order",
        "kind": "order",
        "date": "2021-03-01",
    }
    response = editor_client.post("/admin/cases/ruling/add/", data)
    text = errors_of(response)
    assert "are now listed below" in text
    assert f'name="outcome_{stay.pk}"' in text
    assert not Ruling.objects.exists()
    data = form_data(response, "ruling_form") | {f"outcome_{stay.pk}": "granted"}
    assert editor_client.post("/admin/cases/ruling/add/", data).status_code == 302
    stay.refresh_from_db()
    assert stay.status == "granted"


def test_editing_a_ruling_changes_outcomes(editor_client, thornley):
    case, stay, rehearing, _ = thornley
    ruling = services.ruling_record(
        case=case, title="Order", kind="order", date=D(2021, 3, 1), decisions=[(stay, "denied")]
    )
    url = f"/admin/cases/ruling/{ruling.pk}/change/"
    page = editor_client.get(url)
    data = form_data(page, "ruling_form")
    assert data[f"outcome_{stay.pk}"] == "denied"
    data |= {f"outcome_{stay.pk}": "", f"outcome_{rehearing.pk}": "moot"}
    assert editor_client.post(url, data).status_code == 302
    stay.refresh_from_db()
    rehearing.refresh_from_db()
    assert (stay.status, rehearing.status) == ("pending", "moot")


def test_status_history_and_events_are_read_only(editor_client, seeded):
    change = StatusChange.objects.first()
    assert editor_client.get("/admin/cases/statuschange/add/").status_code == 403
    response = editor_client.get(f"/admin/cases/statuschange/{change.pk}/change/")
    assert response.status_code == 200
    assert 'name="_save"' not in response.content.decode()
