"""Read a rendered HTML form the way a browser would submit it, so tests can post real forms."""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any


class _FormParser(HTMLParser):
    def __init__(self, form_id: str | None) -> None:
        super().__init__(convert_charrefs=True)
        self.form_id = form_id
        self.inside = False
        self.data: dict[str, list[str]] = {}
        self.select: str | None = None
        self.select_first: str | None = None
        self.select_chosen = False
        self.select_multiple = False
        self.textarea: str | None = None
        self.option_value: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "form" and (self.form_id is None or a.get("id") == self.form_id):
            self.inside = True
        if not self.inside:
            return
        name = a.get("name")
        if tag == "input" and name:
            kind = a.get("type", "text").lower()
            if kind in {"submit", "button", "image", "file", "reset"}:
                return
            if kind in {"checkbox", "radio"} and "checked" not in a:
                return
            self.data.setdefault(name, []).append(
                a.get("value", "on" if kind == "checkbox" else "")
            )
        elif tag == "select" and name:
            self.select, self.select_first, self.select_chosen = name, None, False
            self.select_multiple = "multiple" in a
            self.data.setdefault(name, [])
        elif tag == "option" and self.select:
            value = a.get("value", "")
            if self.select_first is None:
                self.select_first = value
            if "selected" in a:
                self.data[self.select].append(value)
                self.select_chosen = True
        elif tag == "textarea" and name:
            self.textarea = name
            self.data[name] = [""]

    def handle_endtag(self, tag: str) -> None:
        if tag == "form" and self.inside:
            self.inside = False
        if tag == "select" and self.select:
            if not (self.select_chosen or self.select_multiple) and self.select_first is not None:
                self.data[self.select].append(self.select_first)
            self.select = None
        if tag == "textarea":
            self.textarea = None

    def handle_data(self, data: str) -> None:
        if self.textarea:
            self.data[self.textarea][0] += (
                data.removeprefix("\n") if not self.data[self.textarea][0] else data
            )


def form_data(response: Any, form_id: str | None = None) -> dict[str, Any]:
    """The fields of the page's form (or the form with ``form_id``) as a browser would post them."""
    parser = _FormParser(form_id)
    parser.feed(response.content.decode())
    return {k: (v[0] if len(v) == 1 else v) for k, v in parser.data.items() if v}
