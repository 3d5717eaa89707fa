"""``{% field_row field %}``: a form field as the filter forms print it, built in Python.

``<p>`` with the label, the widget and the help text (whose id is the one the widget's
``aria-describedby`` names); a checkbox comes before its label. Built in Python for speed; see
docs/performance.md.
"""

from __future__ import annotations

from django import forms, template
from django.forms import BoundField
from django.utils.safestring import SafeString

from tracker.html import escape, safe

register = template.Library()


@register.simple_tag
def field_row(field: BoundField) -> SafeString:
    """Return the field's ``<p>``: label and widget (widget first for a checkbox), help text."""
    label = f'<label for="{escape(field.auto_id)}">{escape(field.label)}:</label>'
    checkbox = isinstance(field.field.widget, forms.CheckboxInput)
    parts = [str(field), label] if checkbox else [label, str(field)]
    if field.help_text:
        parts.append(
            f'<span class="helptext" id="{escape(field.auto_id)}_helptext">'
            f"{escape(field.help_text)}</span>"
        )
    css = ' class="check"' if checkbox else ""
    return safe(f"<p{css}>{' '.join(parts)}</p>")
