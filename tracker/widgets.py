"""Form widgets that render option lists without a template per option."""

from __future__ import annotations

from typing import Any

from django import forms
from django.forms.models import ModelChoiceIterator
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString


class FastOptionsMixin:
    """A ``<select>`` whose options are joined in Python from ``choices``.

    Django builds a dictionary and renders a template for every option: with the 200 courts
    that was a third of the case list's time. This gives the same markup for what the pages
    use (name, id and other attributes, values, labels, selection), without option groups:
    a choice list with groups is rendered by Django as before.
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
            selected = text in wanted
            if selected and not self.allow_multiple_selected:
                wanted = set()  # like Django: a single select selects the first match only
            options.append((text, " selected" if selected else "", label))
        final_attrs = self.build_attrs(self.attrs, attrs)  # type: ignore[attr-defined]
        if self.allow_multiple_selected:
            final_attrs["multiple"] = True
        return format_html(
            '<select name="{}"{}>{}</select>',
            name,
            flatatt(final_attrs),
            format_html_join("", '<option value="{}"{}>{}</option>', options),
        )


def _choices(choices: Any) -> list[tuple[Any, Any]]:
    if isinstance(choices, ModelChoiceIterator):
        # One plain SELECT: Django's iterator counts the rows first, then reads them through a
        # server-side cursor (DECLARE, FETCH, CLOSE), three round trips for 200 courts.
        field = choices.field
        rows = [
            (field.prepare_value(obj), field.label_from_instance(obj)) for obj in field.queryset
        ]
        return ([("", field.empty_label)] if field.empty_label is not None else []) + rows
    return [choice for choice in choices]  # not list(): that would ask for len() first


class FastSelect(FastOptionsMixin, forms.Select):
    pass


class FastSelectMultiple(FastOptionsMixin, forms.SelectMultiple):
    pass
