"""What an XSS test asserts of markup built in Python: the payload only ever escaped."""

from __future__ import annotations

from collections.abc import Iterable
from html.parser import HTMLParser

import pytest
from django.utils.html import escape

# An element, an attribute value broken out of with a double quote, and with a single quote.
PAYLOADS = [
    pytest.param("<script>alert(1)</script>", id="script"),
    pytest.param('"><img src=x onerror=alert(1)>', id="img"),
    pytest.param("'onmouseover='alert(1)", id="quote"),
]


class _Markup(HTMLParser):
    """The elements and attribute names of a piece of markup."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: set[str] = set()
        self.attributes: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.add(tag)
        self.attributes.update(name for name, _ in attrs)


def assert_only_escaped(html: str, payload: str, printed: Iterable[str] = ()) -> None:
    """Assert ``payload`` is nowhere in ``html`` as markup (no script or img element, no event
    handler attribute, not the raw text), and each of ``printed`` is in it, escaped."""
    assert payload not in html
    markup = _Markup()
    markup.feed(html)
    markup.close()
    assert not markup.tags & {"script", "img"}, markup.tags
    assert not [name for name in markup.attributes if name.startswith("on")], markup.attributes
    for text in printed:
        assert escape(text) in html, text
