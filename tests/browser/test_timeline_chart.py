"""The case page's timeline chart in headless Chromium: drawn under the Content-Security-Policy
(conftest reports any violation), above the timeline's filter, readable at a phone's width;
its picture saved to docs/screenshots/timeline-chart.png (cut to the SVG)."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import BrowserContext, Page, expect

from tests.browser.conftest import PHONE, SCREENSHOTS

pytestmark = pytest.mark.browser

NDILL = "/cases/renderos-v-clearview-ndill/"
MDL = "/cases/in-re-clearview-mdl/"
ALAMEDA = "/cases/renderos-v-clearview-alameda/"
ABOVE_THE_FILTER = """() => {
  const chart = document.querySelector('#h-timeline ~ figure.timeline-chart');
  const filter = document.querySelector('#h-timeline ~ form.filters');
  return Boolean(chart && filter
    && chart.compareDocumentPosition(filter) & Node.DOCUMENT_POSITION_FOLLOWING);
}"""


def test_the_case_page_draws_the_case_timeline(page: Page, site: str, http_errors: list[str]):
    page.goto(site + NDILL)
    chart = page.get_by_role("img", name=re.compile(r"^Timeline of Renderos v\. Clearview AI"))
    expect(chart).to_be_visible()
    expect(chart.locator("g.motion")).to_have_count(1)
    expect(chart.locator("g.motion.granted title")).to_contain_text("Outcome: Granted.")
    box = chart.bounding_box()
    assert box is not None and 700 <= box["width"] <= 801 and box["height"] > 50
    assert page.evaluate(ABOVE_THE_FILTER), "the chart is drawn above the timeline's filter"
    legend = page.locator("figure.timeline-chart .chart-legend")
    expect(legend).to_contain_text("Granted: green bar")
    expect(page.locator("figure.timeline-chart figcaption")).to_contain_text(
        "1 undated motion is not drawn."
    )
    assert http_errors == []


def test_the_mdl_chart_is_saved_as_the_screenshot(
    new_context: Callable[..., BrowserContext], site: str, http_errors: list[str]
):
    page = new_context(device_scale_factor=2).new_page()  # a sharp picture for the README
    page.goto(site + MDL)
    chart = page.locator("figure.timeline-chart svg.timeline-svg")
    expect(chart).to_be_visible()
    expect(chart.locator("g.motion")).to_have_count(2)
    expect(chart.locator("text", has_text="Settled")).to_be_visible()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    chart.screenshot(path=str(SCREENSHOTS / "timeline-chart.png"), animations="disabled")
    assert http_errors == []


def test_the_chart_scrolls_in_its_box_and_stays_readable_on_a_phone(
    new_context: Callable[..., BrowserContext], site: str, http_errors: list[str]
):
    page = new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    page.goto(site + ALAMEDA)
    chart = page.locator("figure.timeline-chart svg.timeline-svg")
    expect(chart).to_be_visible()
    page_width, viewport = page.evaluate("[document.documentElement.scrollWidth, innerWidth]")
    assert page_width <= viewport + 1, "the chart widens the page"
    scroll, client = page.locator(".chart-scroll").evaluate(
        "el => [el.scrollWidth, el.clientWidth]"
    )
    assert scroll > client  # the strip scrolls sideways within its box
    label = chart.locator("text", has_text="Removed")
    height = label.evaluate("el => el.getBoundingClientRect().height")
    assert height >= 9, f"labels {height}px high on a phone"
    assert http_errors == []
