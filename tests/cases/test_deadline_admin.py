"""Computing deadlines in the admin: preview, save, recompute on a new trigger, and the
deadlines a new motion proposes from the court's default periods."""

from __future__ import annotations

import datetime

import pytest

from cases import services
from cases.models import (
    CaseEvent,
    CourtLevel,
    Deadline,
    DeadlineBasis,
    DefaultPeriod,
    EventKind,
    HolidayCalendar,
    Motion,
)
from cases.seed.default_periods import load_default_periods
from cases.services import computations
from tests import factories
from tests.forms import form_data

pytestmark = pytest.mark.django_db

D = datetime.date
ADD = "/admin/cases/deadline/add/"


@pytest.fixture
def district_case():
    court = factories.court(code="ilnd-test", state="IL")
    return factories.case(court)


@pytest.fixture
def california_case():
    court = factories.court(
        code="ca-test-superior",
        level=CourtLevel.STATE_TRIAL,
        state="CA",
        holiday_calendar=HolidayCalendar.CA_JUDICIAL,
        time_zone="America/Los_Angeles",
    )
    return factories.case(court)


def computed_form(editor_client, case, **values):
    data = form_data(editor_client.get(f"{ADD}?case={case.pk}"), "deadline_form")
    data.update(
        {
            "case": str(case.pk),
            "title": "Response to the motion to dismiss",
            "kind": "response",
            "status": "open",
            "basis": "computed",
            "due_date": "",
            "trigger_date": "2021-04-02",
            "trigger_event": "service of the motion",
            "period_days": "14",
            "period_unit": "calendar",
            "direction": "after",
            "service_method": "mail",
        }
    )
    data.update(values)
    return data


def test_preview_shows_the_computation_and_saves_nothing(editor_client, district_case):
    data = computed_form(editor_client, district_case)
    response = editor_client.post(ADD, {**data, "_preview": "Preview the computation"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Preview: due Mon 2021-04-19" in page
    assert "FRCP 6(d)" in page and "add 3 days after the period would otherwise expire" in page
    assert "nothing is saved yet" in page
    assert not Deadline.objects.exists()
    assert not CaseEvent.objects.filter(kind=EventKind.DEADLINE_SET).exists()
    # The inputs come back filled in, ready to save.
    assert form_data(response, "deadline_form")["trigger_date"] == "2021-04-02"


def test_preview_of_bad_input_shows_the_errors(editor_client, district_case):
    data = computed_form(editor_client, district_case, period_days="0", trigger_date="")
    response = editor_client.post(ADD, {**data, "_preview": "1"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "errorlist" in page and "Preview: due" not in page
    assert not Deadline.objects.exists()


def test_saving_a_computed_deadline_stores_its_inputs_and_explanation(editor_client, district_case):
    response = editor_client.post(ADD, computed_form(editor_client, district_case))
    assert response.status_code == 302, response.content.decode()[:3000]
    deadline = Deadline.objects.get()
    assert deadline.due_date == D(2021, 4, 19)
    assert deadline.basis == DeadlineBasis.COMPUTED
    assert (deadline.trigger_date, deadline.period_days, deadline.service_method) == (
        D(2021, 4, 2),
        14,
        "mail",
    )
    assert deadline.rule_set == "frcp" and "FRCP 6(d)" in deadline.rule
    assert "Due: Mon 2021-04-19." in deadline.explanation
    event = CaseEvent.objects.get(kind=EventKind.DEADLINE_SET)
    assert "due 2021-04-19" in event.summary
    # The change page shows the stored computation.
    page = editor_client.get(f"/admin/cases/deadline/{deadline.pk}/change/").content.decode()
    assert "add 3 days after the period would otherwise expire" in page


def test_a_new_trigger_date_recomputes_and_reports_the_move(editor_client, district_case):
    editor_client.post(ADD, computed_form(editor_client, district_case))
    deadline = Deadline.objects.get()
    url = f"/admin/cases/deadline/{deadline.pk}/change/"
    data = form_data(editor_client.get(url), "deadline_form")
    data["trigger_date"] = "2024-08-01"
    data["period_days"] = "30"
    response = editor_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    deadline.refresh_from_db()
    assert deadline.due_date == D(2024, 9, 6)  # 30 days -> Tue 09-03, +3 by mail -> Fri 09-06
    moved = CaseEvent.objects.get(kind=EventKind.DEADLINE_MOVED)
    assert moved.deadline_id == deadline.pk
    assert moved.detail["from"] == "2021-04-19" and moved.detail["to"] == "2024-09-06"
    assert "trigger date 2021-04-02 → 2024-08-01" in moved.detail["reason"]
    assert "Due: Fri 2024-09-06." in deadline.explanation


@pytest.fixture
def engine_runs(monkeypatch) -> list[tuple]:
    """Count the deadline engine's computations: each call's trigger date and period."""
    runs = []
    real = computations.compute

    def counted(trigger_date, days, **options):
        runs.append((trigger_date, days))
        return real(trigger_date, days, **options)

    monkeypatch.setattr(computations, "compute", counted)
    return runs


def test_saving_a_computed_deadline_runs_the_engine_once(editor_client, district_case, engine_runs):
    data = computed_form(editor_client, district_case)
    assert editor_client.post(ADD, data).status_code == 302
    assert engine_runs == [(D(2021, 4, 2), 14)]  # the form's computation is the one stored
    deadline = Deadline.objects.get()
    url = f"/admin/cases/deadline/{deadline.pk}/change/"
    data = form_data(editor_client.get(url), "deadline_form") | {"trigger_date": "2021-04-09"}
    engine_runs.clear()
    assert editor_client.post(url, data).status_code == 302
    assert engine_runs == [(D(2021, 4, 9), 14)]
    deadline.refresh_from_db()
    assert deadline.due_date == D(2021, 4, 26)  # 14 days -> Fri 04-23, +3 by mail -> Mon 04-26


def test_an_unchanged_trigger_records_no_move(editor_client, district_case):
    editor_client.post(ADD, computed_form(editor_client, district_case))
    deadline = Deadline.objects.get()
    url = f"/admin/cases/deadline/{deadline.pk}/change/"
    data = form_data(editor_client.get(url), "deadline_form")
    data["title"] = "Response (renamed)"
    assert editor_client.post(url, data).status_code == 302
    assert not CaseEvent.objects.filter(kind=EventKind.DEADLINE_MOVED).exists()


def test_the_due_date_of_a_computed_deadline_cannot_be_typed_over(editor_client, district_case):
    editor_client.post(ADD, computed_form(editor_client, district_case))
    deadline = Deadline.objects.get()
    url = f"/admin/cases/deadline/{deadline.pk}/change/"
    data = form_data(editor_client.get(url), "deadline_form")
    data["due_date"] = "2021-05-01"
    response = editor_client.post(url, data)
    assert response.status_code == 200
    assert "This deadline is computed from a court rule" in response.content.decode()
    deadline.refresh_from_db()
    assert deadline.due_date == D(2021, 4, 19)
    # Set by order instead: the date is taken as entered.
    data["basis"] = "set_by_order"
    assert editor_client.post(url, data).status_code == 302
    deadline.refresh_from_db()
    assert (deadline.basis, deadline.due_date) == ("set_by_order", D(2021, 5, 1))


def test_a_deadline_set_by_order_is_entered_as_is(editor_client, district_case):
    data = computed_form(
        editor_client,
        district_case,
        basis="set_by_order",
        due_date="2021-06-30",
        trigger_date="",
        period_days="",
        service_method="none",
    )
    response = editor_client.post(ADD, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    deadline = Deadline.objects.get()
    assert deadline.due_date == D(2021, 6, 30) and deadline.explanation == ""


def test_a_court_without_a_rule_set_says_so(editor_client):
    court = factories.court(code="il-cook", level=CourtLevel.STATE_TRIAL,
                            holiday_calendar=HolidayCalendar.IL_JUDICIAL)  # fmt: skip
    case = factories.case(court)
    response = editor_client.post(ADD, computed_form(editor_client, case))
    assert response.status_code == 200
    assert "enter the deadline as set by order" in response.content.decode()
    assert not Deadline.objects.exists()


def test_earliest_safe_date_is_stored_and_shown(editor_client, district_case):
    # 2021-06-04 + 14 = Fri 2021-06-18, the Friday observed for Juneteenth (a Saturday).
    data = computed_form(editor_client, district_case, trigger_date="2021-06-04",
                         service_method="electronic")  # fmt: skip
    preview = editor_client.post(ADD, {**data, "_preview": "1"}).content.decode()
    assert "Preview: due Mon 2021-06-21" in preview
    assert "Earliest safe date: Fri 2021-06-18" in preview
    assert editor_client.post(ADD, data).status_code == 302
    deadline = Deadline.objects.get()
    assert (deadline.due_date, deadline.earliest_safe_date) == (D(2021, 6, 21), D(2021, 6, 18))


# --- Default periods: filing a motion proposes its deadlines ----------------------------------


def test_a_new_california_motion_proposes_its_briefing_deadlines(editor_client, california_case):
    load_default_periods()
    data = form_data(editor_client.get(f"/admin/cases/motion/add/?case={california_case.pk}"))
    data.update(
        {
            "case": str(california_case.pk),
            "title": "Demurrer to the complaint",
            "kind": "demurrer",
            "filed_date": "2025-10-01",
            "hearing_date": "2025-12-02",
        }
    )
    response = editor_client.post("/admin/cases/motion/add/", data)
    motion = Motion.objects.get()
    proposals_url = f"/admin/cases/motion/{motion.pk}/deadlines/"
    assert response.status_code == 302 and response["Location"] == proposals_url
    page = editor_client.get(proposals_url).content.decode()
    # CCP 1005(b): opposition 9 court days, reply 5 court days before Tue 2025-12-02.
    # Court days back from 12-02: 12-01 (1); 11-26, 11-25, 11-24 (2-4; 11-27/28 are
    # Thanksgiving and the day after); 11-21, 11-20, 11-19, 11-18, 11-17 (5-9).
    assert "Mon 2025-11-17" in page and "Fri 2025-11-21" in page
    response = editor_client.post(
        proposals_url,
        {"service": "electronic", "period": [str(p.pk) for p in DefaultPeriod.objects.filter(
            rule_set="california", motion_kind="")]},
    )  # fmt: skip
    assert response.status_code == 302
    deadlines = {d.title: d for d in motion.deadlines.all()}
    assert deadlines["Opposition due: Demurrer to the complaint"].due_date == D(2025, 11, 17)
    assert deadlines["Reply due: Demurrer to the complaint"].due_date == D(2025, 11, 21)
    assert all(d.basis == "computed" and d.rule_set == "california" for d in deadlines.values())
    assert {d.rule for d in deadlines.values()} == {"CCP 1005(b)"}
    assert CaseEvent.objects.filter(kind=EventKind.DEADLINE_SET).count() == 2


def test_moving_the_hearing_recomputes_the_deadlines_that_count_back_from_it(
    editor_client, california_case
):
    load_default_periods()
    motion = services.motion_file(
        case=california_case,
        title="Demurrer",
        kind="demurrer",
        filed_date=D(2025, 10, 1),
        hearing_date=D(2025, 12, 2),
    )
    services.deadlines_from_proposals(
        motion=motion,
        service_method="electronic",
        chosen={str(p.pk) for p in services.default_periods(motion)},
    )
    url = f"/admin/cases/motion/{motion.pk}/change/"
    data = form_data(editor_client.get(url))
    data["hearing_date"] = "2026-01-13"
    assert editor_client.post(url, data).status_code == 302
    due = dict(motion.deadlines.values_list("title", "due_date"))
    # 9 court days back from Tue 2026-01-13: 01-12, 09, 08, 07, 06, 05, 02, 12-31, 12-30
    # (01-01 is New Year's Day); 5 court days back: 01-12, 09, 08, 07, 06.
    assert due == {
        "Opposition due: Demurrer": D(2025, 12, 30),
        "Reply due: Demurrer": D(2026, 1, 6),
    }
    moves = CaseEvent.objects.filter(kind=EventKind.DEADLINE_MOVED)
    assert moves.count() == 2
    assert all("trigger date 2025-12-02 → 2026-01-13" in e.detail["reason"] for e in moves)


def test_frap_reply_follows_the_response_deadline(editor_client):
    court = factories.court(code="ca7-test", level=CourtLevel.FEDERAL_APPELLATE, state="IL")
    case = factories.case(court)
    load_default_periods()
    motion = services.motion_file(case=case, title="Motion to stay", kind="stay",
                                  filed_date=D(2024, 5, 17))  # fmt: skip
    page = editor_client.get(f"/admin/cases/motion/{motion.pk}/deadlines/").content.decode()
    # FRAP 27(a)(3)(A): 10 days after Fri 05-17 = Mon 05-27, Memorial Day -> Tue 05-28;
    # FRAP 27(a)(4): 7 days after that = Tue 06-04.
    assert "Tue 2024-05-28" in page and "Tue 2024-06-04" in page
    # A motion served by mail: +3 days (FRAP 26(c)) -> Fri 05-31.
    page = editor_client.get(
        f"/admin/cases/motion/{motion.pk}/deadlines/?service=mail"
    ).content.decode()
    assert "Fri 2024-05-31" in page


def test_proposals_page_rejects_nothing_chosen_and_unknown_service(editor_client, california_case):
    load_default_periods()
    motion = services.motion_file(case=california_case, title="Demurrer", kind="demurrer",
                                  filed_date=D(2025, 10, 1))  # fmt: skip
    url = f"/admin/cases/motion/{motion.pk}/deadlines/"
    page = editor_client.get(url + "?service=pigeon").content.decode()
    assert "Unknown service method" in page
    assert "Needs the motion&#x27;s hearing date" in page
    response = editor_client.post(url, {"service": "electronic"})
    assert response.status_code == 400
    assert "Choose at least one deadline" in response.content.decode()
    assert not Deadline.objects.exists()
    assert editor_client.get("/admin/cases/motion/99999999/deadlines/").status_code == 302


def test_default_periods_loader_is_idempotent(db):
    factories.court(code="cand")
    first = load_default_periods()
    assert first["default periods"] == 8
    assert load_default_periods()["default periods"] == 0
