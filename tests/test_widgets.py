"""The fast widgets give Django's own markup: selects bound or not, selected or not, and inputs
with their values and attributes."""

from __future__ import annotations

import pytest
from django import forms
from django.test.html import parse_html
from django.utils.safestring import mark_safe

from tests.html_checks import PAYLOADS, assert_only_escaped
from tracker.widgets import (
    FastCheckboxInput,
    FastDateInput,
    FastNumberInput,
    FastSelect,
    FastSelectMultiple,
    FastTextInput,
)

CHOICES = [("", "Any"), ("a", "Alpha & <b>"), ("b", "Beta"), (3, "Three")]


class Plain(forms.Form):
    one = forms.ChoiceField(choices=CHOICES, required=False, help_text="Pick one.")
    many = forms.MultipleChoiceField(choices=CHOICES[1:], required=False)
    needed = forms.ChoiceField(choices=CHOICES)
    grouped = forms.ChoiceField(choices=[("G", [("x", "X"), ("y", "Y")])], required=False)


class Fast(Plain):
    one = forms.ChoiceField(
        choices=CHOICES, required=False, help_text="Pick one.", widget=FastSelect
    )
    many = forms.MultipleChoiceField(choices=CHOICES[1:], required=False, widget=FastSelectMultiple)
    needed = forms.ChoiceField(choices=CHOICES, widget=FastSelect)
    grouped = forms.ChoiceField(
        choices=[("G", [("x", "X"), ("y", "Y")])], required=False, widget=FastSelect
    )


@pytest.mark.parametrize(
    "data",
    [
        None,
        {},
        {"one": "a", "many": ["a", "3"], "needed": "b", "grouped": "y"},
        {"one": "nope", "many": ["b", "zz"], "needed": "3"},
    ],
)
@pytest.mark.parametrize("name", ["one", "many", "needed", "grouped"])
def test_fast_widgets_render_what_django_renders(data, name):
    slow, fast = Plain(data), Fast(data)
    assert parse_html(str(fast[name])) == parse_html(str(slow[name]))


def test_a_single_select_selects_its_first_match_only():
    widget = FastSelect(choices=[("a", "A"), ("a", "A again")])
    assert str(widget.render("x", "a")).count("selected") == 1


class PlainInputs(forms.Form):
    text = forms.CharField(required=False, max_length=20, help_text="Some words.")
    number = forms.IntegerField(required=False, min_value=1, max_value=366)
    check = forms.BooleanField(required=False)
    extra = forms.CharField(required=False, widget=forms.TextInput({"placeholder": 'a "b" <c>'}))
    day = forms.DateField(required=False, widget=forms.DateInput({"type": "date"}))


class FastInputs(PlainInputs):
    text = forms.CharField(
        required=False, max_length=20, help_text="Some words.", widget=FastTextInput
    )
    number = forms.IntegerField(required=False, min_value=1, max_value=366, widget=FastNumberInput)
    check = forms.BooleanField(required=False, widget=FastCheckboxInput)
    extra = forms.CharField(
        required=False, widget=FastTextInput({"placeholder": 'a "b" <c>', "autofocus": True})
    )
    day = forms.DateField(required=False, widget=FastDateInput({"type": "date"}))


@pytest.mark.parametrize(
    "data",
    [
        None,
        {},
        {"text": 'x" onfocus="alert(1)', "number": "7", "check": "on", "extra": "<b>"},
        {"text": "a" * 30, "number": "many", "check": "", "day": "2021-02-03"},
        {"day": '"><img src=x onerror=alert(1)>'},
    ],
)
@pytest.mark.parametrize("name", ["text", "number", "check", "day"])
def test_fast_inputs_render_what_django_renders(data, name):
    slow, fast = PlainInputs(data), FastInputs(data)
    slow.is_bound and slow.is_valid()
    fast.is_bound and fast.is_valid()
    assert parse_html(str(fast[name])) == parse_html(str(slow[name]))


def test_input_attributes_are_escaped_and_true_ones_print_bare():
    html = str(FastInputs({"extra": '"><script>'})["extra"])
    assert 'placeholder="a &quot;b&quot; &lt;c&gt;"' in html and " autofocus" in html
    assert 'value="&quot;&gt;&lt;script&gt;"' in html and "<script>" not in html


def payload_widgets(payload: str, fast: bool) -> dict[str, forms.Widget]:
    """Return each widget, fast or Django's, with ``payload`` in its attributes and choices."""
    attrs = {"placeholder": payload + "placeholder", "data-x": payload + "data", "required": True}
    choices = [
        ("", payload + "empty"),
        (payload + "value", payload + "label"),
        ("m", mark_safe("<i>m</i>")),
    ]
    kinds = {
        "select": (FastSelect, forms.Select),
        "multiple": (FastSelectMultiple, forms.SelectMultiple),
        "text": (FastTextInput, forms.TextInput),
        "number": (FastNumberInput, forms.NumberInput),
        "check": (FastCheckboxInput, forms.CheckboxInput),
        "date": (FastDateInput, forms.DateInput),
    }
    widgets = {}
    for name, (fast_class, django_class) in kinds.items():
        widget_class = fast_class if fast else django_class
        if name in ("select", "multiple"):
            widgets[name] = widget_class(attrs, choices=choices)
        else:
            widgets[name] = widget_class(attrs)
    return widgets


def widget_value(name: str, payload: str) -> object:
    return {"multiple": [payload + "value", "m"], "check": True}.get(name, payload + "value")


@pytest.mark.parametrize("payload", PAYLOADS)
def test_every_fast_widget_renders_a_payload_as_django_does_escaped(payload):
    slow, fast = payload_widgets(payload, False), payload_widgets(payload, True)
    for name, widget in fast.items():
        value = widget_value(name, payload)
        html = str(widget.render(payload + "name", value, {"id": payload + "id"}))
        expected = slow[name].render(payload + "name", value, {"id": payload + "id"})
        assert parse_html(html) == parse_html(expected), name
        printed = [payload + "name", payload + "id", payload + "placeholder", payload + "data"]
        if name in ("select", "multiple"):
            printed += [payload + "empty", payload + "label", payload + "value"]
            assert "<i>m</i>" in html  # a label marked safe stays markup, as in Django
        elif name != "check":
            printed.append(payload + "value")
        assert_only_escaped(html, payload, printed)
