"""The fast widgets give Django's own markup: selects bound or not, selected or not, and inputs
with their values and attributes."""

from __future__ import annotations

import pytest
from django import forms
from django.test.html import parse_html

from tracker.widgets import (
    FastCheckboxInput,
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


class FastInputs(PlainInputs):
    text = forms.CharField(
        required=False, max_length=20, help_text="Some words.", widget=FastTextInput
    )
    number = forms.IntegerField(required=False, min_value=1, max_value=366, widget=FastNumberInput)
    check = forms.BooleanField(required=False, widget=FastCheckboxInput)
    extra = forms.CharField(
        required=False, widget=FastTextInput({"placeholder": 'a "b" <c>', "autofocus": True})
    )


@pytest.mark.parametrize(
    "data",
    [
        None,
        {},
        {"text": 'x" onfocus="alert(1)', "number": "7", "check": "on", "extra": "<b>"},
        {"text": "a" * 30, "number": "many", "check": ""},
    ],
)
@pytest.mark.parametrize("name", ["text", "number", "check"])
def test_fast_inputs_render_what_django_renders(data, name):
    slow, fast = PlainInputs(data), FastInputs(data)
    slow.is_bound and slow.is_valid()
    fast.is_bound and fast.is_valid()
    assert parse_html(str(fast[name])) == parse_html(str(slow[name]))


def test_input_attributes_are_escaped_and_true_ones_print_bare():
    html = str(FastInputs({"extra": '"><script>'})["extra"])
    assert 'placeholder="a &quot;b&quot; &lt;c&gt;"' in html and " autofocus" in html
    assert 'value="&quot;&gt;&lt;script&gt;"' in html and "<script>" not in html
