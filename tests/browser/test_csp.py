"""The site, public pages and admin alike, works in a real browser under its Content-Security-
Policy: nothing is blocked, and the admin's scripts (autocomplete, inlines, the theme switch)
still run. Every browser test also fails on any violation (conftest.py)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Page, expect

from cases.models import Case, Motion
from tests.browser.test_deadlines import log_in

pytestmark = pytest.mark.django_db(transaction=True)


def test_public_pages_load_under_the_policy(page: Page, site: str, http_errors: list[str]) -> None:
    case = Case.objects.filter(motions__isnull=False).order_by("pk").first()
    for path in ["/", "/cases/?q=clearview", case.get_absolute_url(), "/deadlines/",
                 "/courts/", "/parties/", "/accounts/login/"]:  # fmt: skip
        response = page.goto(f"{site}{path}")
        assert response.status == 200, path
        assert "script-src 'self'" in response.headers["content-security-policy"], path
        # The stylesheet applied: the page is styled, not the browser's default serif.
        font = page.evaluate("getComputedStyle(document.body).fontFamily")
        assert "serif" not in font.split(",")[0], (path, font)
    assert http_errors == []


def test_the_admin_works_under_the_policy(
    page: Page, site: str, alice: User, screenshot: Callable, http_errors: list[str]
) -> None:
    case = Case.objects.filter(motions__isnull=False).order_by("pk").first()
    motion = Motion.objects.filter(case=case).order_by("pk").first()
    log_in(page, site, alice, "/admin/")
    # A change form with inlines and autocomplete widgets: the admin's own scripts ran.
    page.goto(f"{site}/admin/cases/case/{case.pk}/change/")
    expect(page.locator(".select2-container").first).to_be_visible()
    expect(page.locator(".add-row a").first).to_be_visible()  # inlines.js added its link
    page.locator(".add-row a").first.click()
    screenshot(page, "admin-case-under-csp", max_height=1100)
    # The tracker's own admin pages, whose styles come from static/css/admin-extra.css.
    page.goto(f"{site}/admin/cases/motion/{motion.pk}/deadlines/")
    expect(page.locator("h1")).to_be_visible()
    page.goto(f"{site}/admin/cases/deadline/add/?case={case.pk}")
    expect(page.locator("#deadline_form")).to_be_visible()
    page.goto(f"{site}/admin/cases/docketimport/pacer/")
    expect(page.locator("h1")).to_be_visible()
    # The theme switch (admin/js/theme.js) works.
    page.goto(f"{site}/admin/")
    before = page.evaluate("document.documentElement.dataset.theme || 'auto'")
    page.locator("button.theme-toggle").first.click()
    assert page.evaluate("document.documentElement.dataset.theme") != before
    assert http_errors == []
