"""Docket entries, motions, deadlines, counsel and the ruling form in the admin, as an editor."""

from __future__ import annotations

import datetime

import pytest

from cases import services
from cases.models import DocketEntry, EventKind, Motion, Ruling
from parties.models import Representation
from tests import factories
from tests.cases.admin_errors import errors_of
from tests.forms import form_data

pytestmark = pytest.mark.django_db

D = datetime.date


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
