"""The fast |date filter gives exactly what Django's own filter gives."""

from __future__ import annotations

import datetime

import pytest
from django.template import Context, Template
from django.utils import dateformat

from tracker.templatetags.fast_dates import PLAIN_FORMATS

DAYS = [datetime.date(2019, 12, 25) + datetime.timedelta(days=n) for n in range(0, 800, 7)]


@pytest.mark.parametrize("fmt", sorted(PLAIN_FORMATS))
def test_fast_formats_match_django(fmt: str) -> None:
    template = Template("{{ day|date:fmt }}")
    for day in DAYS:
        assert template.render(Context({"day": day, "fmt": fmt})) == dateformat.format(day, fmt)


def test_other_values_and_formats_go_to_django() -> None:
    moment = datetime.datetime(2025, 11, 27, 23, 30, tzinfo=datetime.UTC)
    template = Template(
        '{{ when|date:"j M Y H:i" }}|{{ when|date:"Y-m-d" }}|{{ none|date:"j M Y" }}'
    )
    # A datetime is converted to the current time zone first, as Django's filter does.
    out = template.render(Context({"when": moment, "none": None}))
    assert out == Template(
        '{% load tz %}{{ when|date:"j M Y H:i" }}|{{ when|date:"Y-m-d" }}|'
    ).render(Context({"when": moment}))
