"""The fast option widgets give Django's own markup, bound or not, selected or not."""

from __future__ import annotations

import pytest
from django import forms
from django.test.html import parse_html

from tracker.widgets import FastSelect, FastSelectMultiple

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
