"""The motion-outcome analytics on the Clearview docket, in headless Chromium.

The Clearview docket has few motions per kind, judge and court, so every group is under the
five decided motions the page needs to show one: the page is opened as a reader would after
ticking "Show groups with fewer than 5 decided motions" (``?min=1``), and the screenshot
(docs/screenshots/analytics.png) is of that page.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def test_analytics_page_with_its_charts(
    page: Page, site: str, screenshot: Callable, http_errors: list[str]
) -> None:
    page.goto(site + "/")
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Analytics").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Motion outcomes")
    expect(page.get_by_text(re.compile(r"^Figures as of "))).to_be_visible()
    hidden = re.compile(r"^\d+ groups? with fewer than 5 decided motions (is|are) not shown")
    expect(page.get_by_text(hidden).first).to_be_visible()

    page.get_by_label("Show groups with fewer than 5 decided motions").check()
    page.get_by_role("button", name="Apply filters").click()
    assert parse_qs(urlsplit(page.url).query).get("min") == ["1"]

    for name in ("By motion kind", "By judge", "By court"):
        expect(page.get_by_role("heading", name=name, level=2)).to_be_visible()
    charts = page.get_by_role("img", name=re.compile("decided motions by outcome"))
    expect(charts).to_have_count(3)
    judges = page.get_by_role("img", name=re.compile("by judge"))
    expect(judges.locator("rect title").first).to_contain_text("decided motions")
    expect(page.get_by_role("link", name="Sharon Johnson Coleman").first).to_be_visible()
    expect(page.get_by_role("link", name="Download this table (CSV)")).to_have_count(3)
    screenshot(page, "analytics")

    with page.expect_download() as download:
        page.get_by_role("link", name="Download this table (CSV)").nth(1).click()
    filename = download.value.suggested_filename
    assert re.match(r"motion-outcomes-by-judges-\d{4}-\d{2}-\d{2}\.csv$", filename), filename
    assert http_errors == []
