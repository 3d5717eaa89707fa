"""``{% field_row %}`` prints what the case list's template printed for each filter field, and
a payload in a label, a help text, a value or an id comes out escaped."""

from __future__ import annotations

import pytest
from django import forms
from django.template import engines
from django.utils.safestring import mark_safe

from cases.filters import CaseFilterSet
from tests import factories
from tests.html_checks import PAYLOADS, assert_only_escaped
from tracker.widgets import FastCheckboxInput, FastDateInput, FastSelect, FastTextInput

pytestmark = pytest.mark.django_db

# The field's <p> of templates/cases/case_list.html as {% field_row %} replaced it (commit
# dc31243), "checkbox" standing for its test of the one checkbox, field.name == 'pending_motions'.
FIELD_ROW = (
    '<p{% if checkbox %} class="check"{% endif %}>{% if checkbox %}{{ field }} '
    '<label for="{{ field.auto_id }}">{{ field.label }}:</label>{% else %}'
    '<label for="{{ field.auto_id }}">{{ field.label }}:</label> {{ field }}{% endif %}'
    '{% if field.help_text %} <span class="helptext" id="{{ field.auto_id }}_helptext">'
    "{{ field.help_text }}</span>{% endif %}</p>"
)


def field_row(field: forms.BoundField) -> str:
    template = engines["django"].from_string("{% load form_rows %}{% field_row field %}")
    return template.render({"field": field})


def template_row(field: forms.BoundField) -> str:
    checkbox = isinstance(field.field.widget, forms.CheckboxInput)
    template = engines["django"].from_string(FIELD_ROW)
    return template.render({"field": field, "checkbox": checkbox})


@pytest.mark.parametrize(
    "data",
    [
        None,
        {"q": "face <b>print</b>", "pending_motions": "on", "deadline_within": "7"},
        {"state": "Illinois", "deadline_within": "999", "sort": "nope", "court": ["zz"]},
        {"q": '"><img src=x onerror=alert(1)>', "party": "<script>alert(1)</script>"},
    ],
)
def test_field_row_prints_what_the_case_list_template_printed(data):
    factories.court(code="ilnd", short_name="N.D. <Ill.>")
    form = CaseFilterSet(data).form
    form.is_bound and form.is_valid()
    names = [name for name in form.fields if name != "filed"]  # the template's own fieldset
    assert "pending_motions" in names and len(names) >= 10
    for name in names:
        assert field_row(form[name]) == template_row(form[name]), name


def hostile_form(payload: str, data: dict | None) -> forms.Form:
    class Hostile(forms.Form):
        text = forms.CharField(
            label=payload + "label", help_text=payload + "help", widget=FastTextInput
        )
        check = forms.BooleanField(
            required=False,
            label=payload + "check",
            help_text=mark_safe("<em>safe</em> help"),
            widget=FastCheckboxInput,
        )
        pick = forms.ChoiceField(
            choices=[(payload + "value", payload + "choice")], required=False, widget=FastSelect
        )
        day = forms.DateField(required=False, widget=FastDateInput)

    return Hostile(data, auto_id=payload.replace("%", "") + "id-%s")


@pytest.mark.parametrize("bound", [False, True], ids=["unbound", "bound"])
@pytest.mark.parametrize("payload", PAYLOADS)
def test_field_row_escapes_labels_help_texts_ids_and_values(payload, bound):
    data = {"text": payload + "typed", "pick": payload + "value", "day": payload} if bound else None
    form = hostile_form(payload, data)
    form.is_bound and form.is_valid()
    rows = "".join(field_row(form[name]) for name in form.fields)
    printed = [payload + "label", payload + "help", payload + "check", payload + "id-text"]
    printed += [payload + "choice", payload + "value"] + ([payload + "typed"] if bound else [])
    assert_only_escaped(rows, payload, printed)
    assert "<em>safe</em> help" in rows  # help text marked safe by the form stays markup
    for name in form.fields:
        assert field_row(form[name]) == template_row(form[name])
