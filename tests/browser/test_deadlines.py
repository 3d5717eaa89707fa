"""Computed deadlines in headless Chromium: the admin's preview and save, the deadlines a new
motion proposes, and the public deadlines page with its days left and its computation.

An editor logs in through the admin's own login page. The public page is read with the clock
set to Thu 20 November 2025: ``time_machine`` patches the clock of the whole process, so the
live server's thread sees the same day. Each test saves screenshots to docs/screenshots/.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable

import pytest
import time_machine
from django.contrib.auth.models import User
from playwright.sync_api import BrowserContext, Locator, Page, expect

from cases import services
from cases.models import (
    Case,
    CaseEvent,
    Deadline,
    DeadlineBasis,
    DefaultPeriod,
    EventKind,
    ServiceMethod,
)
from cases.seed.default_periods import load_default_periods
from tests.browser.conftest import PHONE
from tests.browser.test_researcher import assert_no_horizontal_overflow, path_is

pytestmark = pytest.mark.browser

D = datetime.date
ALAMEDA_SLUG = "renderos-v-clearview-alameda"
# Thu 20 November 2025, 18:00 UTC: the same day in Chicago and in Oakland.
NOW = datetime.datetime(2025, 11, 20, 18, 0, tzinfo=datetime.UTC)
PASSWORD = "correct horse battery"  # the ``alice`` fixture's


def label(text: str) -> re.Pattern[str]:
    """An admin field's label, with or without its colon."""
    return re.compile(rf"^{re.escape(text)}:?$")


def log_in(page: Page, site: str, user: User, next_path: str) -> None:
    """Log in through the admin's login page and land on ``next_path``."""
    page.goto(f"{site}/admin/login/?next={next_path}")
    page.get_by_label(label("Username")).fill(user.username)
    page.get_by_label(label("Password")).fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(path_is(next_path.split("?")[0]))


def messages(page: Page) -> Locator:
    return page.locator("ul.messagelist li.success")


def fill_in_a_computed_reply(page: Page, title: str) -> None:
    """Fill in the add form: a reply due 15 calendar days after Wed 2025-11-12, not served."""
    page.get_by_label(label("Title")).fill(title)
    page.get_by_label(label("Kind")).select_option("reply")
    page.get_by_label(label("Basis")).select_option(label="Computed from a court rule")
    page.get_by_label(label("Trigger date")).fill("2025-11-12")
    page.get_by_label(label("Trigger event")).fill("service of the opposition")
    page.get_by_label(label("Period days")).fill("15")
    page.get_by_label(label("Period unit")).select_option(label="calendar days")
    page.get_by_label(label("Direction")).select_option(label="after the trigger")
    page.get_by_label(label("Service method")).select_option(label=ServiceMethod.NONE.label)


def expect_the_stored_computation(page: Page, deadline: Deadline) -> None:
    """The deadline's change page shows its stored computation and due date."""
    expect(page).to_have_url(path_is(f"/admin/cases/deadline/{deadline.pk}/change/"))
    computation = page.locator("pre.computation")
    expect(computation).to_be_visible()
    expect(computation).to_contain_text("Thanksgiving")
    expect(computation).to_contain_text("Due: Mon 2025-12-01.")
    expect(page.get_by_label(label("Due date"))).to_have_value("2025-12-01")


def test_admin_previews_a_computed_deadline_then_saves_it(
    page: Page, site: str, alice: User, screenshot: Callable, http_errors: list[str]
) -> None:
    alameda = Case.objects.get(slug=ALAMEDA_SLUG)
    title = "Reply in support of the demurrer"
    deadlines_before = Deadline.objects.count()
    events_before = CaseEvent.objects.filter(kind=EventKind.DEADLINE_SET).count()

    add = f"/admin/cases/deadline/add/?case={alameda.pk}"
    log_in(page, site, alice, add)
    expect(page.get_by_role("heading", level=1)).to_have_text("Add deadline")
    # The case comes from the address: the autocomplete widget shows it chosen.
    expect(page.locator("#id_case")).to_have_value(str(alameda.pk))
    expect(page.locator("#select2-id_case-container")).to_contain_text("Renderos")

    fill_in_a_computed_reply(page, title)
    page.get_by_role("button", name="Preview the computation").click()

    # CCP 12/12a: Wed 11-12 + 15 = Thu 11-27 (Thanksgiving), Fri 11-28 (the day after), the
    # weekend: Mon 2025-12-01.
    preview = page.locator("section.computation-preview")
    expect(preview.get_by_role("heading", level=2)).to_have_text(
        "Preview: due Mon 2025-12-01 — nothing is saved yet"
    )
    expect(preview).to_contain_text("California")
    steps = preview.locator("ol > li")
    expect(steps.filter(has_text="Thanksgiving").first).to_be_visible()
    expect(preview.get_by_text(re.compile("Press Save to store this deadline"))).to_be_visible()
    # The inputs come back filled in, and nothing is stored yet.
    expect(page.get_by_label(label("Title"))).to_have_value(title)
    expect(page.get_by_label(label("Trigger date"))).to_have_value("2025-11-12")
    expect(page.get_by_label(label("Period days"))).to_have_value("15")
    expect(page.locator("#id_case")).to_have_value(str(alameda.pk))
    expect(page.locator(".errornote")).to_have_count(0)
    assert not Deadline.objects.filter(title=title).exists()
    assert Deadline.objects.count() == deadlines_before
    assert CaseEvent.objects.filter(kind=EventKind.DEADLINE_SET).count() == events_before
    screenshot(page, "admin-deadline-preview", max_height=1100)

    page.get_by_role("button", name="Save", exact=True).click()
    expect(page).to_have_url(path_is("/admin/cases/deadline/"))
    expect(messages(page)).to_contain_text(title)
    deadline = Deadline.objects.get(title=title)
    assert deadline.case_id == alameda.pk
    assert deadline.due_date == D(2025, 12, 1)
    assert (deadline.basis, deadline.rule_set) == (DeadlineBasis.COMPUTED, "california")
    assert (deadline.trigger_date, deadline.period_days) == (D(2025, 11, 12), 15)
    assert "Due: Mon 2025-12-01." in deadline.explanation
    assert CaseEvent.objects.filter(kind=EventKind.DEADLINE_SET).count() == events_before + 1

    # The change page shows the stored computation.
    page.get_by_role("link", name=title, exact=True).click()
    expect_the_stored_computation(page, deadline)
    assert http_errors == []


def test_admin_enters_the_deadlines_a_new_motion_proposes(
    page: Page, site: str, alice: User, screenshot: Callable, http_errors: list[str]
) -> None:
    # load_clearview loads the default periods already; loading again adds nothing.
    assert load_default_periods()["default periods"] == 0
    assert DefaultPeriod.objects.filter(rule_set="california", motion_kind="").count() == 2
    alameda = Case.objects.get(slug=ALAMEDA_SLUG)
    motion = services.motion_file(
        case=alameda,
        title="Demurrer to the complaint",
        kind="demurrer",
        filed_date=D(2025, 10, 1),
        hearing_date=D(2025, 12, 2),
    )
    proposals_path = f"/admin/cases/motion/{motion.pk}/deadlines/"
    log_in(page, site, alice, proposals_path)
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Deadlines proposed by Demurrer to the complaint"
    )
    expect(page.locator("#content-main")).to_contain_text("hearing Tue 2025-12-02")

    # CCP 1005(b): opposition 9 court days, reply 5 court days before Tue 2025-12-02, skipping
    # Thanksgiving and the day after.
    rows = page.locator("table.proposals tbody tr")
    expect(rows).to_have_count(2)
    expected = {
        "Opposition due: Demurrer to the complaint": "Mon 2025-11-17",
        "Reply due: Demurrer to the complaint": "Fri 2025-11-21",
    }
    for title, due in expected.items():
        row = rows.filter(has_text=title)
        expect(row.locator("td").nth(2)).to_have_text(due)
        expect(row.get_by_role("checkbox", name=title)).to_be_checked()
        expect(row.locator("td").nth(3).locator("li").first).to_be_visible()
    expect(rows.filter(has_text="Opposition due").locator("td").nth(3)).to_contain_text(
        "Count 9 court days, skipping Saturdays, Sundays and judicial holidays"
    )
    screenshot(page, "admin-motion-deadlines")

    page.get_by_role("button", name="Enter the chosen deadlines").click()
    expect(page).to_have_url(path_is(f"/admin/cases/motion/{motion.pk}/change/"))
    message = messages(page)
    expect(message).to_contain_text("Entered 2 deadline(s)")
    expect(message).to_contain_text("Opposition due: Demurrer to the complaint, due 2025-11-17")
    expect(message).to_contain_text("Reply due: Demurrer to the complaint, due 2025-11-21")
    due = dict(motion.deadlines.values_list("title", "due_date"))
    assert due == {
        "Opposition due: Demurrer to the complaint": D(2025, 11, 17),
        "Reply due: Demurrer to the complaint": D(2025, 11, 21),
    }
    assert all(d.basis == "computed" and d.case_id == alameda.pk for d in motion.deadlines.all())
    expect(page.get_by_role("link", name="2 deadline(s) entered")).to_be_visible()

    # Back on the proposals page, both are marked as entered and cannot be entered twice.
    page.goto(site + proposals_path)
    expect(page.locator("table.proposals tbody tr").get_by_role("checkbox")).to_have_count(0)
    expect(page.locator("table.proposals").get_by_text("already entered")).to_have_count(2)
    assert http_errors == []


@pytest.fixture
def computed(clearview: None) -> tuple[Deadline, Deadline]:
    """Two computed deadlines, as in tests/cases/test_deadline_pages.py."""
    alameda = Case.objects.get(slug=ALAMEDA_SLUG)
    mdl = Case.objects.get(slug="in-re-clearview-mdl")
    # CCP 12/12a: Wed 2025-11-12 + 15 = Thu 11-27 (Thanksgiving), Fri 11-28 (the day after),
    # the weekend: Mon 2025-12-01.
    reply = services.deadline_set(
        case=alameda,
        title="Reply in support of the motion",
        kind="reply",
        basis="computed",
        trigger_date=D(2025, 11, 12),
        trigger_event="service of the opposition",
        period_days=15,
    )
    # FRCP 6(a): Wed 2025-12-10 + 14 = Wed 12-24 (closed by executive order), Christmas, Fri
    # 12-26 (executive order), the weekend: Mon 12-29; earliest safe date Wed 12-24.
    response = services.deadline_set(
        case=mdl,
        title="Response to the motion",
        kind="response",
        basis="computed",
        trigger_date=D(2025, 12, 10),
        trigger_event="service of the motion",
        period_days=14,
        service_method="electronic",
    )
    return reply, response


def test_deadlines_page_shows_days_left_and_the_computation(
    site: str,
    computed: tuple[Deadline, Deadline],
    new_context: Callable[..., BrowserContext],
    screenshot: Callable,
    http_errors: list[str],
) -> None:
    page = new_context().new_page()
    with time_machine.travel(NOW, tick=True):
        page.goto(site + "/deadlines/")
        expect(page.get_by_role("heading", level=1)).to_have_text("Upcoming deadlines")
        # The live server's thread runs on the travelled clock too.
        expect(page.get_by_text(re.compile(r"open deadlines? from 20 Nov 2025 "))).to_be_visible()

        reply = page.get_by_role("listitem").filter(has_text="Reply in support of the motion")
        expect(reply).to_have_count(1)
        expect(reply.locator(".remaining")).to_have_text("— in 11 calendar days (5 court days)")
        expect(reply).to_contain_text("Computed: 15 days after service of the opposition")
        response = page.get_by_role("listitem").filter(has_text="Response to the motion")
        expect(response).to_have_count(1)
        expect(response.locator(".remaining")).to_have_text("— in 39 calendar days (23 court days)")
        expect(response.get_by_text("Earliest safe date: Wed 24 Dec 2025")).to_be_visible()

        # The computation is folded away until its summary is clicked (a <details>, no script).
        details = reply.locator("details.computation")
        explanation = details.locator("pre")
        expect(explanation).to_be_hidden()
        details.get_by_text("How this date was computed").click()
        expect(details).to_have_attribute("open", "")
        expect(explanation).to_be_visible()
        expect(explanation).to_contain_text("Thanksgiving")
        expect(explanation).to_contain_text("Due: Mon 2025-12-01.")
        response.get_by_text("How this date was computed").click()
        expect(response.locator("details.computation pre")).to_contain_text("executive order")
        screenshot(page, "deadlines-computed")

        # At a phone's width, with the computations open, nothing sticks out sideways.
        phone = new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
        phone.goto(site + "/deadlines/")
        expect(phone.get_by_text("in 11 calendar days (5 court days)")).to_be_visible()
        assert_no_horizontal_overflow(phone)
        for summary in phone.get_by_text("How this date was computed").all():
            summary.click()
        expect(phone.locator("details.computation[open] pre").first).to_be_visible()
        assert_no_horizontal_overflow(phone)
    assert http_errors == []
