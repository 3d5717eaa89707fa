"""tracker/html.py, the one module that marks markup safe: it escapes as the template language
does (``conditional_escape``), and only its join and safe return a SafeString."""

from __future__ import annotations

import pytest
from django.forms.renderers import get_default_renderer
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

from tracker import html

TEXTS = [
    "plain",
    "",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "'onmouseover='alert(1)",
    "a & b &amp; c",
    "é ü — ✓",
]


class Lazy:
    """An object with ``__html__``, as Django's forms and SafeData have."""

    def __html__(self) -> str:
        return "<b>kept</b>"


@pytest.mark.parametrize("text", TEXTS)
def test_escape_escapes_text_and_quotes_as_conditional_escape_does(text):
    assert html.escape(text) == conditional_escape(text)
    assert type(html.escape(text)) is str  # a piece to join, not yet safe


@pytest.mark.parametrize("value", [mark_safe("<i>x</i>"), Lazy(), conditional_escape("<b>")])
def test_escape_keeps_what_is_already_markup(value):
    assert html.escape(value) == conditional_escape(value) == value.__html__()


@pytest.mark.parametrize("value", [7, 1.5, None, True])
def test_escape_prints_other_values_as_text(value):
    assert html.escape(value) == conditional_escape(value) == str(value)


def test_attrs_print_what_djangos_attribute_template_prints():
    values = {"class": 'a"b', "data-x": "<y>", "required": True, "disabled": False, "n": 3}
    assert html.attrs(values) == ' class="a&quot;b" data-x="&lt;y&gt;" required n="3"'
    django = get_default_renderer().render(
        "django/forms/widgets/attrs.html", {"widget": {"attrs": values}}
    )
    assert html.attrs(values) == " " + django  # the renderer strips the leading space
    assert html.attrs({"title": mark_safe("&amp;")}) == ' title="&amp;"'
    assert html.attrs({}) == ""


def test_join_and_safe_return_a_safe_string():
    joined = html.join(["<li>", html.escape("<a>"), "</li>"])
    assert isinstance(joined, SafeString) and joined == "<li>&lt;a&gt;</li>"
    assert html.join(iter(["a", "b"]), ", ") == "a, b"
    assert isinstance(html.join([]), SafeString) and html.join([]) == ""
    assert (
        isinstance(html.safe("<br>"), SafeString)
        and conditional_escape(html.safe("<br>")) == "<br>"
    )


def test_format_html_is_djangos_and_escapes_its_arguments():
    result = html.format_html('<a href="{}">{}</a>', "?a=1&b=2", "<x>")
    assert isinstance(result, SafeString)
    assert result == '<a href="?a=1&amp;b=2">&lt;x&gt;</a>'


@pytest.mark.parametrize(
    ("url", "linked"),
    [
        ("https://example.org/", True),
        ("HTTP://example.org/", True),
        ("javascript:alert(1)", False),
        ("data:text/html,<script>", False),
        (" https://example.org/", False),
        ("//example.org/", False),
        ("", False),
        (None, False),
    ],
)
def test_only_http_addresses_are_web_addresses(url, linked):
    assert html.is_web_address(url) is linked
