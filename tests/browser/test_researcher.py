"""A researcher's journey through the public pages, in headless Chromium.

Home page, case list filters, the header search with highlighted snippets, the Renderos case in
Alameda County, the related-case links into the MDL and back, and the deadlines calendar download;
then the case page without JavaScript, at a phone's width, and a basic accessibility check.
Each test saves screenshots of the pages it visits to docs/screenshots/.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import BrowserContext, Locator, Page, expect

from tests.browser.conftest import PHONE

pytestmark = pytest.mark.browser

ALAMEDA = "/cases/renderos-v-clearview-alameda/"
NDCAL = "/cases/renderos-v-clearview-ndcal/"
MDL = "/cases/in-re-clearview-mdl/"
MDL_NAME = "In re Clearview AI Consumer Privacy Litigation"


def path_is(path: str) -> re.Pattern[str]:
    """Match a page address by its path, whatever the query string or fragment."""
    return re.compile(rf"^https?://[^/]+{re.escape(path)}(?:[?#].*)?$")


def query_of(page: Page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def region(page: Page, name: str) -> Locator:
    return page.get_by_role("region", name=name, exact=True)


def test_home_page(page: Page, site: str, screenshot: Callable, http_errors: list[str]) -> None:
    page.goto(site + "/")
    expect(page).to_have_title(re.compile("Home"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Litigation docket tracker")
    expect(page.get_by_role("navigation", name="Main")).to_be_visible()
    expect(page.get_by_text(re.compile(r"^\d+ cases across courts"))).to_be_visible()
    for heading in ("Deadlines in the next 30 days", "Latest rulings", "Latest status changes"):
        expect(page.get_by_role("heading", name=heading, level=2)).to_be_visible()
    expect(region(page, "Latest rulings").get_by_role("listitem").first).to_be_visible()
    screenshot(page, "home")
    assert http_errors == []


def test_case_list_filters_by_court_and_status(
    page: Page, site: str, screenshot: Callable, http_errors: list[str]
) -> None:
    page.goto(site + "/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Cases").click()
    expect(page).to_have_url(path_is("/cases/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Cases")

    court = page.get_by_label(re.compile(r"^Court:?$"))
    status = page.get_by_label(re.compile(r"^Status:?$"))
    court.select_option("ilnd")
    status.select_option(label="Remanded")
    page.get_by_role("button", name="Apply filters").click()

    expect(page).to_have_url(re.compile(r"[?&]court=ilnd(&|$)"))
    query = query_of(page)
    assert query["court"] == ["ilnd"]
    assert query["status"] == ["remanded"]
    # The form shows the filters it applied, and the results are the two remanded cases.
    expect(page.get_by_label(re.compile(r"^Court:?$"))).to_have_values(["ilnd"])
    expect(page.get_by_label(re.compile(r"^Status:?$"))).to_have_values(["remanded"])
    expect(page.get_by_role("heading", name="2 cases", level=2)).to_be_visible()
    rows = page.locator("table tbody tr")
    expect(rows).to_have_count(2)
    names = sorted(rows.locator("td:first-child > a").all_inner_texts())
    assert names == ["Renderos v. Clearview AI", "Thornley v. Clearview AI"]
    for row in rows.all():
        expect(row).to_contain_text("N.D. Ill.")
        expect(row.locator(".badge")).to_have_text("Remanded")
    # The exports follow the same filters.
    csv_link = page.get_by_role("link", name="Download these cases (CSV)")
    assert parse_qs(urlsplit(csv_link.get_attribute("href") or "").query)["court"] == ["ilnd"]
    screenshot(page, "cases-filtered")
    assert http_errors == []


def search_from_the_header(page: Page, site: str, screenshot: Callable) -> None:
    """Search from the header's search box and see highlighted snippets."""
    page.goto(site + "/")
    header_search = page.get_by_role("searchbox", name="Search cases")
    header_search.fill("biometric")
    header_search.press("Enter")
    expect(page).to_have_url(path_is("/cases/"))
    assert query_of(page)["q"] == ["biometric"]
    expect(page.get_by_role("searchbox", name="Search cases")).to_have_value("biometric")
    marks = page.locator("table tbody .snippet mark")
    expect(marks.first).to_be_visible()
    assert all(text.lower().startswith("biometric") for text in marks.all_inner_texts())
    screenshot(page, "search")


def follow_the_related_cases_into_the_mdl(page: Page, screenshot: Callable) -> Locator:
    """Follow the related cases: removed to N.D. Cal., which was transferred into the MDL.

    Return the MDL page's list item of the Renderos member case.
    """
    related = region(page, "Related cases")
    related.get_by_role("listitem").filter(has_text="Removed to").get_by_role("link").click()
    expect(page).to_have_url(path_is(NDCAL))
    expect(page.locator("dl.facts")).to_contain_text("Northern District of California")
    mdl_item = region(page, "Related cases").get_by_role("listitem")
    mdl_item = mdl_item.filter(has_text="Transferred into MDL")
    expect(mdl_item).to_contain_text(MDL_NAME)
    mdl_item.get_by_role("link").click()
    expect(page).to_have_url(path_is(MDL))
    expect(page.get_by_role("heading", level=1)).to_have_text(MDL_NAME)
    member = region(page, "Related cases").get_by_role("listitem")
    member = member.filter(has_text="MDL member case").filter(has_text="Renderos")
    expect(member).to_have_count(1)
    screenshot(page, "mdl")
    return member


def download_the_deadlines_calendar(page: Page) -> None:
    """Download the case's deadlines calendar."""
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Deadlines calendar (.ics)").click()
    download = download_info.value
    assert download.failure() is None
    assert download.suggested_filename.endswith(".ics"), download.suggested_filename
    content = Path(download.path()).read_text(encoding="utf-8")
    assert content.startswith("BEGIN:VCALENDAR"), content[:80]
    assert "END:VCALENDAR" in content


def test_researcher_journey(
    page: Page, site: str, screenshot: Callable, http_errors: list[str]
) -> None:
    search_from_the_header(page, site, screenshot)

    # Open Renderos v. Clearview AI, the Alameda County case, from the results.
    alameda_row = page.locator("table tbody tr").filter(has_text="Alameda Cnty. Super. Ct.")
    expect(alameda_row).to_have_count(1)
    alameda_row.get_by_role("link", name="Renderos v. Clearview AI").click()
    expect(page).to_have_url(path_is(ALAMEDA))
    expect(page.get_by_role("heading", level=1)).to_have_text("Renderos v. Clearview AI")
    expect(page.locator("dl.facts")).to_contain_text("Alameda")
    screenshot(page, "case")

    member = follow_the_related_cases_into_the_mdl(page, screenshot)

    # Back with the browser, then to the Alameda case by the MDL page's own link.
    page.go_back()
    expect(page).to_have_url(path_is(NDCAL))
    page.go_forward()
    expect(page).to_have_url(path_is(MDL))
    member.get_by_role("link").click()
    expect(page).to_have_url(path_is(NDCAL))
    region(page, "Related cases").get_by_role("listitem").filter(
        has_text="Removed from"
    ).get_by_role("link").click()
    expect(page).to_have_url(path_is(ALAMEDA))

    download_the_deadlines_calendar(page)
    assert http_errors == []


def test_case_page_works_without_javascript(
    new_context: Callable[..., BrowserContext], site: str, http_errors: list[str]
) -> None:
    page = new_context(java_script_enabled=False).new_page()
    page.goto(site + ALAMEDA)
    expect(page.get_by_role("heading", level=1)).to_have_text("Renderos v. Clearview AI")
    parties = region(page, "Parties and counsel")
    expect(parties.get_by_role("heading", name="Plaintiffs", level=3)).to_be_visible()
    expect(parties.get_by_role("link", name="Clearview AI, Inc.")).to_be_visible()
    timeline = region(page, "Timeline")
    expect(timeline.get_by_text(re.compile(r"^\d+ events?, in court order\.$"))).to_be_visible()
    expect(timeline.locator("ol.timeline > li").first).to_be_visible()
    # The timeline filter is a plain form: it works without scripts too.
    everything = timeline.locator("ol.timeline > li").count()
    timeline.get_by_role("checkbox", name="Rulings").check()
    timeline.get_by_role("button", name="Filter the timeline").click()
    expect(page).to_have_url(re.compile(r"[?&]kind=rulings(&|#|$)"))
    filtered = region(page, "Timeline").locator("ol.timeline > li")
    expect(filtered.first).to_be_visible()
    assert filtered.count() < everything
    for event in filtered.all():
        expect(event.locator(".badge")).to_have_text("Ruling entered")
    assert http_errors == []


def test_case_page_at_phone_width(
    new_context: Callable[..., BrowserContext],
    site: str,
    screenshot: Callable,
    http_errors: list[str],
) -> None:
    page = new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    page.goto(site + ALAMEDA)
    expect(page.get_by_role("heading", level=1)).to_have_text("Renderos v. Clearview AI")
    nav = page.get_by_role("navigation", name="Main")
    expect(nav).to_be_visible()
    expect(nav).to_be_in_viewport()
    expect(nav.get_by_role("link", name="Cases")).to_be_visible()
    screenshot(page, "phone-case")
    assert_no_horizontal_overflow(page)
    # The pages that lead there fit the phone too.
    for path in ("/", "/cases/?q=biometric"):
        page.goto(site + path)
        expect(page.get_by_role("heading", level=1)).to_be_visible()
        assert_no_horizontal_overflow(page)
    assert http_errors == []


def assert_no_horizontal_overflow(page: Page) -> None:
    scroll_width, inner_width = page.evaluate(
        "[document.documentElement.scrollWidth, window.innerWidth]"
    )
    # What sticks out, to say where the overflow comes from (tables scroll in .table-wrap).
    too_wide = page.evaluate(
        """() => [...document.querySelectorAll('body *')]
            .filter(el => el.getBoundingClientRect().right > window.innerWidth + 1)
            .filter(el => !el.closest('.table-wrap, .visually-hidden, .skip'))
            .slice(0, 5)
            .map(el => el.tagName.toLowerCase() + (el.className ? '.' + el.className : ''))"""
    )
    assert scroll_width <= inner_width + 1, (
        f"{page.url}: the page is {scroll_width}px wide in a {inner_width}px viewport: {too_wide}"
    )


LABEL_PROBLEMS = """() => {
  const controls = [...document.querySelectorAll('input, select, textarea')]
    .filter(el => el.type !== 'hidden');
  const named = el => {
    const aria = (el.getAttribute('aria-label') || '').trim();
    const forLabel = el.id && [...document.querySelectorAll('label')]
      .some(l => l.htmlFor === el.id && l.textContent.trim());
    const wrapping = el.closest('label') && el.closest('label').textContent.trim();
    const byIds = (el.getAttribute('aria-labelledby') || '').split(/\\s+/).filter(Boolean)
      .some(id => document.getElementById(id)?.textContent.trim());
    return Boolean(aria || forLabel || wrapping || byIds);
  };
  return controls.filter(el => !named(el))
    .map(el => `${el.tagName.toLowerCase()} name=${el.name} id=${el.id}`);
}"""
DUPLICATE_IDS = """() => {
  const ids = [...document.querySelectorAll('[id]')].map(el => el.id);
  return [...new Set(ids.filter((id, i) => ids.indexOf(id) !== i))];
}"""


@pytest.mark.parametrize(
    "path",
    ["/cases/?court=ilnd&status=remanded", "/", ALAMEDA, "/deadlines/", "/parties/"],
    ids=["case-list", "home", "case", "deadlines", "parties"],
)
def test_basic_accessibility(page: Page, site: str, path: str, http_errors: list[str]) -> None:
    page.goto(site + path)
    expect(page.locator("h1")).to_have_count(1)
    expect(page.get_by_role("main")).to_have_count(1)
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page).to_have_title(re.compile(r"\S.* · Docket tracker$"))
    assert page.evaluate(LABEL_PROBLEMS) == [], "form controls without a label"
    assert page.evaluate(DUPLICATE_IDS) == [], "ids used more than once"
    images_without_alt = page.locator("img:not([alt])")
    expect(images_without_alt).to_have_count(0)
    assert http_errors == []


def test_deadlines_and_party_pages(
    page: Page, site: str, screenshot: Callable, http_errors: list[str]
) -> None:
    page.goto(site + "/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Deadlines").click()
    expect(page).to_have_url(path_is("/deadlines/"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Upcoming deadlines")
    expect(
        page.get_by_text(re.compile(r"open deadlines? from .* by week\. Days left are counted"))
    ).to_be_visible()
    screenshot(page, "deadlines")

    page.goto(site + ALAMEDA)
    region(page, "Parties and counsel").get_by_role("link", name="Clearview AI, Inc.").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Clearview AI, Inc.")
    roles = page.get_by_role("listitem").filter(has_text="Renderos v. Clearview AI")
    expect(roles.first).to_be_visible()
    screenshot(page, "party")
    page.get_by_role("link", name="Filter the case list by this party").click()
    expect(page).to_have_url(re.compile(r"/cases/\?party="))
    expect(
        page.locator("table tbody tr").filter(has_text="Alameda Cnty. Super. Ct.")
    ).to_have_count(1)
    assert http_errors == []
