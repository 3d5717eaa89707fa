"""Form widgets that render without a template: option lists and ``<input>`` elements.

Django renders every widget through a template (and every option of a select through another).
These widgets give the same markup, joined in Python with ``tracker.html``, for what the pages
use; built in Python for speed, see docs/performance.md. ``tests/test_widgets.py`` compares each
with Django's own rendering.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.safestring import SafeString

from tracker.html import attrs as html_attrs
from tracker.html import escape, safe


class FastOptionsMixin:
    """A ``<select>`` whose options are joined in Python from ``choices``.

    The same markup as Django's for names, ids and other attributes, values, labels and the
    selection, without option groups: a choice list with groups is rendered by Django as before.
    """

    choices: Any
    allow_multiple_selected: bool

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> SafeString:
        choices = _choices(self.choices)
        if any(isinstance(label, (list, tuple)) for _, label in choices):
            return super().render(name, value, attrs, renderer)  # type: ignore[misc]
        wanted = set(self.format_value(value))  # type: ignore[attr-defined]
        options = _options(choices, wanted, multiple=self.allow_multiple_selected)
        final_attrs = self.build_attrs(self.attrs, attrs)  # type: ignore[attr-defined]
        if self.allow_multiple_selected:
            final_attrs["multiple"] = True
        return safe(f'<select name="{escape(name)}"{html_attrs(final_attrs)}>{options}</select>')


def _choices(choices: Any) -> list[tuple[Any, Any]]:
    return [choice for choice in choices]  # not list(): that would ask for len() first


def _options(choices: list[tuple[Any, Any]], wanted: set[str], *, multiple: bool) -> str:
    """Return the ``<option>``s, those whose value is ``wanted`` selected (the first only, like
    Django, when the select is not ``multiple``)."""
    options = []
    for option_value, label in choices:
        text = "" if option_value is None else str(option_value)
        selected = ""
        if text in wanted:
            selected = " selected"
            if not multiple:
                wanted = set()
        options.append(f'<option value="{escape(text)}"{selected}>{escape(label)}</option>')
    return "".join(options)


class FastSelect(FastOptionsMixin, forms.Select):
    pass


class FastSelectMultiple(FastOptionsMixin, forms.SelectMultiple):
    pass


class FastInputMixin:
    """An ``<input>`` as django/forms/widgets/input.html prints it."""

    def render(
        self, name: str, value: Any, attrs: dict[str, Any] | None = None, renderer: Any = None
    ) -> SafeString:
        widget = self.get_context(name, value, attrs)["widget"]  # type: ignore[attr-defined]
        shown = "" if widget["value"] is None else f' value="{escape(widget["value"])}"'
        kind, name = escape(widget["type"]), escape(widget["name"])
        return safe(f'<input type="{kind}" name="{name}"{shown}{html_attrs(widget["attrs"])}>')


class FastTextInput(FastInputMixin, forms.TextInput):
    pass


class FastNumberInput(FastInputMixin, forms.NumberInput):
    pass


class FastCheckboxInput(FastInputMixin, forms.CheckboxInput):
    pass


class FastDateInput(FastInputMixin, forms.DateInput):
    pass
