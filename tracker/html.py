"""Build HTML in Python: the one module that marks a string safe.

The widgets and the table tags build markup by joining strings rather than through templates
(docs/performance.md has the reason and the figures). The rule that keeps that safe:

- every value that goes into markup passes through :func:`escape` (or :func:`attrs`), which
  escapes plain text and keeps what is already markup (a ``SafeString``, anything with
  ``__html__``) as it is, the way the template language's auto-escaping does;
- only :func:`join` and :func:`safe` turn the result into a ``SafeString``, so ``mark_safe`` is
  called nowhere else, and ``tests/test_structure.py`` fails if it is;
- where speed does not matter, use :func:`format_html`, which escapes its arguments itself;
- a stored address is linked only when :func:`is_web_address` says so (http(s)).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from html import escape as _escape
from typing import Any

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

__all__ = ["attrs", "escape", "format_html", "is_web_address", "join", "safe"]

_WEB_ADDRESS = re.compile(r"https?://", re.IGNORECASE)


def escape(value: Any) -> str:
    """Return ``value`` as HTML text: markup kept as it is, anything else escaped.

    The same as Django's ``conditional_escape``, but returning a plain ``str`` to join.
    """
    if type(value) is str:  # the common case first: a plain string is never markup
        return _escape(value)
    if hasattr(value, "__html__"):
        return value.__html__()
    return _escape(str(value))


def attrs(values: dict[str, Any]) -> str:
    """Return `` name="value"`` for each attribute, `` name`` for True, nothing for False.

    The markup of Django's ``django/forms/widgets/attrs.html``.
    """
    parts = []
    for name, value in values.items():
        if value is False:
            continue
        name = escape(name)
        parts.append(f" {name}" if value is True else f' {name}="{escape(value)}"')
    return "".join(parts)


def safe(markup: str) -> SafeString:
    """Mark ``markup``, built from escaped parts, as safe to print."""
    return mark_safe(markup)  # noqa: S308 - the module's rule: every part was escaped


def join(parts: Iterable[str], separator: str = "") -> SafeString:
    """Join pieces of markup, each built from escaped parts, into one safe string."""
    return mark_safe(separator.join(parts))  # noqa: S308 - the module's rule, as in safe()


def is_web_address(url: str | None) -> bool:
    """Return whether ``url`` may be linked: http(s) only.

    Stored addresses are validated when typed, but a row written around validation must not
    become a ``javascript:`` or ``data:`` link.
    """
    return bool(_WEB_ADDRESS.match(url or ""))
