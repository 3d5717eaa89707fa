"""Fixtures for the real-browser tests: headless Chromium (Debian's) driven by Playwright.

The pages are served by pytest-django's ``live_server`` from a transactional test database that
holds the Clearview docket. Playwright's own browser download is not used: the tests launch the
system Chromium at ``/usr/bin/chromium`` (``.ci/run`` installs it when it is missing) and fail,
rather than skip, when it is not there.
"""

from __future__ import annotations

import io
import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, sync_playwright

ASYNC_UNSAFE = "DJANGO_ALLOW_ASYNC_UNSAFE"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
TIMEOUT_MS = 10_000
MAX_SHOT_HEIGHT = 1800  # px: keeps a full-page PNG of a long case page under ~400 KB
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
# Reports each violation of the page's Content-Security-Policy on the console (Playwright's
# init scripts are not subject to the policy).
CSP_LISTENER = """
document.addEventListener("securitypolicyviolation", (e) => {
  console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || "inline"}`);
});
"""


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    """Playwright's sync API, for the whole session.

    It keeps an asyncio event loop running in the main thread while it is started, so Django's
    async-safety check would refuse every ORM call made from the tests' thread (loading the docket,
    the transactional flush). Those calls are ordinary synchronous code, so the check is switched
    off for as long as Playwright runs, and restored after.
    """
    previous = os.environ.get(ASYNC_UNSAFE)
    os.environ[ASYNC_UNSAFE] = "true"
    driver = sync_playwright().start()
    yield driver
    driver.stop()
    if previous is None:
        os.environ.pop(ASYNC_UNSAFE, None)
    else:
        os.environ[ASYNC_UNSAFE] = previous


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(
            f"The browser tests need Debian's Chromium at {CHROMIUM}, and it is missing. "
            "Install it with: apt-get install chromium fonts-dejavu-core "
            "(.ci/run does this in CI). Playwright's own browser download is not used.",
            pytrace=False,
        )
    chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    yield chromium
    chromium.close()


@pytest.fixture
def http_errors() -> list[str]:
    """Every response with status 400 or more, and every uncaught script error, of the test."""
    return []


@pytest.fixture
def new_context(
    browser: Browser, site: str, http_errors: list[str]
) -> Iterator[Callable[..., BrowserContext]]:
    """Make browser contexts (desktop viewport, downloads accepted); all closed after the test.

    It depends on ``site`` so that its contexts are closed, and the browser sends no more
    requests, before the transactional database is flushed.
    """
    contexts: list[BrowserContext] = []

    def make(**options: object) -> BrowserContext:
        options = {"viewport": DESKTOP, "accept_downloads": True, **options}
        context = browser.new_context(**options)
        context.set_default_timeout(TIMEOUT_MS)
        context.on(
            "response",
            lambda r: http_errors.append(f"{r.status} {r.url}") if r.status >= 400 else None,
        )
        context.on("weberror", lambda e: http_errors.append(f"script error: {e.error}"))
        # Whatever the Content-Security-Policy blocks (an inline script or style, a resource
        # from elsewhere) counts as an error of the page: each test checks its pages work under it.
        context.add_init_script(CSP_LISTENER)
        context.on(
            "console",
            lambda m: (
                http_errors.append(f"console: {m.text}")
                if m.type == "error" and ("Content Security Policy" in m.text or "CSP" in m.text)
                else None
            ),
        )
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_context: Callable[..., BrowserContext]) -> Page:
    """A fresh page in its own context, which accepts downloads."""
    return new_context().new_page()


@pytest.fixture
def clearview(transactional_db: None) -> None:
    """The Clearview docket, committed so that the live server's thread can read it."""
    call_command("load_clearview", stdout=io.StringIO())


@pytest.fixture
def site(live_server: object, clearview: None) -> str:
    """The address of the live server, serving the Clearview docket (no trailing slash)."""
    return str(live_server.url).rstrip("/")


@pytest.fixture
def screenshot() -> Callable[..., Path]:
    """Save a full-page PNG (cut at ``max_height``) to docs/screenshots/<name>.png, overwriting."""

    def save(page: Page, name: str, *, max_height: int = MAX_SHOT_HEIGHT) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        width, height = page.evaluate(
            "[document.documentElement.clientWidth, document.documentElement.scrollHeight]"
        )
        clip = {"x": 0, "y": 0, "width": width, "height": min(height, max_height)}
        page.screenshot(path=str(path), full_page=True, clip=clip, animations="disabled")
        return path

    return save
