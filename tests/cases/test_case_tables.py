"""The case list's rows, built in Python (cases/templatetags/case_tables.py): the markup the
researchers see, with every value escaped."""

from __future__ import annotations

import datetime

import pytest
from django.template import engines
from django.test.html import parse_html

from cases import search
from tests import factories

pytestmark = pytest.mark.django_db

D = datetime.date


def rows_html(rows) -> str:
    template = engines["django"].from_string("{% load case_tables %}{% case_rows rows %}")
    return template.render({"rows": rows})


def test_a_row_shows_the_caption_court_docket_status_and_dates():
    court = factories.court(code="ilnd", short_name="N.D. Ill.")
    case = factories.case(
        court_=court,
        short_name="Thornley v. Clearview AI",
        slug="thornley",
        docket_number="1:20-cv-03843",
        status="stayed",
        filed_date=D(2020, 6, 30),
        last_activity_on=D(2021, 1, 8),
    )
    assert parse_html(rows_html([case])) == parse_html(
        '<tr><td><a href="/cases/thornley/">Thornley v. Clearview AI</a></td>'
        '<td><a href="/courts/ilnd/">N.D. Ill.</a> 1:20-cv-03843</td>'
        '<td><span class="badge stayed">Stayed</span></td>'
        '<td><time datetime="2020-06-30">30 Jun 2020</time></td>'
        '<td><time datetime="2021-01-08">8 Jan 2021</time></td></tr>'
    )


def test_a_row_without_dates_says_the_filing_date_is_not_confirmed():
    case = factories.case(filed_date=None, last_activity_on=None)
    assert rows_html([case]).endswith(
        '<td><span class="muted">not confirmed</span></td><td></td></tr>\n'
    )


def test_every_value_is_escaped_and_the_snippet_keeps_its_marks():
    court = factories.court(short_name='<i>"Ct"</i> & Co')
    case = factories.case(court_=court, short_name="<script>x</script> v. Y", docket_number="1&2")
    case.snippet_html = search.snippet_html(f"the {search.START}<b>face</b>{search.STOP} print")
    html = rows_html([case])
    assert "<script>" not in html and "<i>" not in html and "<b>" not in html
    assert "&lt;script&gt;x&lt;/script&gt; v. Y" in html
    assert "&lt;i&gt;&quot;Ct&quot;&lt;/i&gt; &amp; Co" in html and "1&amp;2" in html
    assert '<p class="snippet">the <mark>&lt;b&gt;face&lt;/b&gt;</mark> print</p>' in html


def test_no_rows_print_nothing():
    assert rows_html([]) == ""
