"""What "escaped" means on each surface, and the addresses a page links."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.test import Client
from django.utils.html import escape


def assert_escaped_html(html_text: str, payload: str, where: str) -> None:
    """The payload is in the HTML only as text: never raw, and escaped at least once."""
    assert payload not in html_text, f"{where}: the payload is in the HTML unescaped"
    assert escape(payload) in html_text, f"{where}: the escaped payload is missing"


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in {"href", "src", "action", "formaction", "xlink:href"} and value:
                self.urls.append(value)


def linked_urls(html_text: str) -> list[str]:
    """Every address the page links, loads or posts to, as a browser reads it."""
    parser = _Links()
    parser.feed(html_text)
    return parser.urls


def unsafe_links(html_text: str) -> list[str]:
    """The addresses whose scheme is not http(s) (relative addresses have none)."""
    unsafe = []
    for url in linked_urls(html_text):
        # Browsers drop tabs and newlines and strip the ends before reading the scheme.
        cleaned = re.sub(r"[\t\n\r]", "", url).strip(" \x00-\x1f")
        scheme = urlsplit(cleaned).scheme.lower()
        if scheme and scheme not in {"http", "https"}:
            unsafe.append(url)
    return unsafe


def page(client: Client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response.content.decode()


def tags_of(payload: str) -> list[str]:
    """The elements the payload would open (``<script``, ``<img``), lower-cased."""
    return [f"<{name.lower()}" for name in re.findall(r"<\s*([a-zA-Z]+)", payload)]
