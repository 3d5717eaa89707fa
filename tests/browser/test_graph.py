"""The related-case graph in headless Chromium, on the Clearview docket.

Drawn on the Renderos (Alameda) case page and on the MDL's related page under the
Content-Security-Policy (the fixtures report any violation), its boxes links to their cases, at
a desktop's width and a phone's. Saves docs/screenshots/related-graph.png (and
related-graph-phone.png), cropped to the graph.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from playwright.sync_api import BrowserContext, Locator, Page, expect

from tests.browser.conftest import PHONE, SCREENSHOTS
from tests.browser.test_researcher import (
    ALAMEDA,
    MDL,
    MDL_NAME,
    NDCAL,
    assert_no_horizontal_overflow,
    path_is,
)

pytestmark = pytest.mark.browser


def shown_at_scale(graph: Locator) -> float:
    """Return how large the graph is drawn against its own size (1: as laid out)."""
    box = graph.bounding_box()
    assert box is not None
    width = float(graph.get_attribute("viewBox").split()[2])
    return box["width"] / width


def test_the_graph_is_drawn_and_its_boxes_lead_to_their_cases(
    page: Page, site: str, http_errors: list[str]
) -> None:
    page.goto(site + ALAMEDA)
    graph = page.locator("figure.related-graph svg.graph-wide")
    expect(graph).to_be_visible()
    expect(page.locator("figure.related-graph svg.graph-narrow")).to_be_hidden()
    expect(graph).to_have_attribute("role", "img")
    boxes = graph.locator("a.graph-case")
    expect(boxes).to_have_count(8)
    expect(graph.locator("a.graph-case.current")).to_contain_text("RG21096898")
    expect(graph.locator("text", has_text="removed to · 14 Jun 2021")).to_be_visible()
    assert shown_at_scale(graph) == pytest.approx(1, abs=0.01)  # a desktop: drawn as laid out
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    graph.screenshot(path=str(SCREENSHOTS / "related-graph.png"), animations="disabled")

    boxes.filter(has_text="1:21-cv-00135").click()
    expect(page).to_have_url(path_is(MDL))
    expect(page.get_by_role("heading", level=1)).to_have_text(MDL_NAME)

    page.goto(site + MDL + "related/")
    graph = page.locator("figure.related-graph svg.graph-wide")
    expect(graph).to_be_visible()
    expect(graph.locator("a.graph-case.current")).to_contain_text("1:21-cv-00135")
    graph.locator("a.graph-case").filter(has_text="RG21096898").click()
    expect(page).to_have_url(path_is(ALAMEDA))
    assert http_errors == []


def test_the_graph_fits_a_phone_at_a_readable_size(
    new_context: Callable[..., BrowserContext], site: str, http_errors: list[str]
) -> None:
    page = new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    page.goto(site + ALAMEDA)
    graph = page.locator("figure.related-graph svg.graph-narrow")
    expect(graph).to_be_visible()
    expect(page.locator("figure.related-graph svg.graph-wide")).to_be_hidden()
    assert shown_at_scale(graph) > 0.9  # two boxes to a row: the text nearly at its size
    assert_no_horizontal_overflow(page)
    graph.screenshot(path=str(SCREENSHOTS / "related-graph-phone.png"), animations="disabled")
    graph.locator("a.graph-case").filter(has_text="4:21-cv-04572").click()
    expect(page).to_have_url(path_is(NDCAL))
    assert http_errors == []
