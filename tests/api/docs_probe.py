"""Open the API's docs pages in headless Chromium, in a process of its own (the browser tests'
Playwright runs in the test process), and report what the page shows and what its
Content-Security-Policy blocked: ``python docs_probe.py URL [SCREENSHOT]`` prints JSON."""

from __future__ import annotations

import json
import sys

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"]
LISTENER = """
window.__blocked = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__blocked.push(`${e.violatedDirective} ${e.blockedURI || "inline"}`);
});
"""
# What each page shows once its script has run: Swagger UI's operations, Redoc's menu.
SHOWN = ".opblock-summary, li[data-item-id]"


def probe(url: str, screenshot: str | None) -> dict[str, object]:
    errors: list[str] = []
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.add_init_script(LISTENER)
        page.on("pageerror", lambda e: errors.append(f"script error: {e}"))
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        requests: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        page.goto(url, wait_until="networkidle")
        page.wait_for_selector(SHOWN, timeout=15_000)
        shown = page.locator(SHOWN).count()
        if screenshot:
            page.screenshot(path=screenshot)
        blocked = page.evaluate("window.__blocked")
        browser.close()
    return {"shown": shown, "blocked": blocked, "errors": errors, "requests": requests}


if __name__ == "__main__":
    print(json.dumps(probe(sys.argv[1], sys.argv[2] if len(sys.argv) > 2 else None)))
