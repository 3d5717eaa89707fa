"""Form widgets that render without a template: option lists and ``<input>`` elements.

Django renders every widget through a template (and every option of a select through another):
on the case list, whose filter form has 12 fields and 200 courts, that was the largest part of
the page's time (docs/performance.md). These widgets give the same markup, joined in Python,
for what the pages use; ``tests/test_widgets.py`` compares each with Django's own rendering.
"""

from __future__ import annotations

from html import escape
from typing import Any

from django import forms
from django.utils.safestring import SafeString, mark_safe


def escape_text(value: Any) -> str:
    """``conditional_escape(value)`` as a plain string: markup marked safe stays as it is."""
    if hasattr(value, "__html__"):
        return value.__html__()
    return escape(str(value))


def _attrs(attrs: dict[str, Any]) -> str:
    """What django/forms/widgets/attrs.html prints: `` name="value"`` for each attribute,
    `` name`` for True, nothing for False."""
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        name = escape_text(name)
        parts.append(f" {name}" if value is True else f' {name}="{escape_text(value)}"')
    return "".join(parts)


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
        options = []
        for option_value, label in choices:
            text = "" if option_value is None else str(option_value)
            selected = ""
            if text in wanted:
                selected = " selected"
                if not self.allow_multiple_selected:
                    wanted = set()  # like Django: a single select selects the first match only
            value_html, label_html = escape_text(text), escape_text(label)
            options.append(f'<option value="{value_html}"{selected}>{label_html}</option>')
        final_attrs = self.build_attrs(self.attrs, attrs)  # type: ignore[attr-defined]
        if self.allow_multiple_selected:
            final_attrs["multiple"] = True
        return mark_safe(  # noqa: S308 (every value escaped above)
            f'<select name="{escape_text(name)}"{_attrs(final_attrs)}>{"".join(options)}</select>'
        )


def _choices(choices: Any) -> list[tuple[Any, Any]]:
    return [choice for choice in choices]  # not list(): that would ask for len() first


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
        shown = "" if widget["value"] is None else f' value="{escape_text(widget["value"])}"'
        kind, name = escape_text(widget["type"]), escape_text(widget["name"])
        return mark_safe(  # noqa: S308 (every value escaped above)
            f'<input type="{kind}" name="{name}"{shown}{_attrs(widget["attrs"])}>'
        )


class FastTextInput(FastInputMixin, forms.TextInput):
    pass


class FastNumberInput(FastInputMixin, forms.NumberInput):
    pass


class FastCheckboxInput(FastInputMixin, forms.CheckboxInput):
    pass


class FastDateInput(FastInputMixin, forms.DateInput):
    pass
