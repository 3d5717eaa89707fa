"""The rows built in Python (cases/html/, the tags of cases/templatetags/): the markup the
researchers see, with every value escaped."""

from __future__ import annotations

import datetime

import pytest
from django.template import engines
from django.test.html import parse_html

from cases import search, selectors, services
from parties import services as party_services
from tests import factories

pytestmark = pytest.mark.django_db

D = datetime.date


def rows_html(rows) -> str:
    template = engines["django"].from_string("{% load case_list_tags %}{% case_rows rows %}")
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


def render(tag: str, value) -> str:
    template = engines["django"].from_string("{% load case_page_tags %}{% " + tag + " value %}")
    return template.render({"value": value})


@pytest.fixture
def decided_case():
    """A case with a motion filed by two parties at docket entry 12, heard, then granted in
    part by a dated order with a citation; and an undated ruling with a date note."""
    case = factories.case(slug="c")
    entry = services.docket_entry_add(
        case=case,
        filed_date=D(2021, 3, 1),
        number=12,
        text="Motion",
        document_url="https://example.org/doc?a=1&b=2",
    )
    movants = [factories.case_party(case, party=factories.party(name=n)) for n in "BA"]
    motion = factories.motion(
        case,
        title="Motion to <dismiss>",
        filed_date=D(2021, 3, 1),
        hearing_date=D(2021, 4, 2),
        docket_entry=entry,
        movants=movants,
    )
    services.ruling_record(
        case=case,
        title="Order & opinion",
        kind="order",
        date=D(2021, 5, 3),
        citation="2021 WL 1",
        decisions=[(motion, "granted_in_part")],
    )
    services.ruling_record(
        case=case, title="Minute order", kind="minute_order", date=None, date_note="Spring 2021"
    )
    return case


def test_motion_rows_show_the_entry_hearing_movants_status_and_decision(decided_case):
    motions, total = selectors.latest_motions(decided_case, 20)
    html = render("motion_rows", motions)
    assert total == 1
    assert parse_html(html) == parse_html(
        '<tr><td><time datetime="2021-03-01">1 Mar 2021</time><br>'
        '<span class="meta">Dkt. 12</span></td>'
        '<td>Motion to &lt;dismiss&gt;<br><span class="meta">Hearing '
        '<time datetime="2021-04-02">2 Apr 2021</time></span></td>'
        f"<td>{'; '.join(m.party.name for m in motions[0].movant_list)}</td>"
        '<td><span class="badge granted_in_part">Granted in part</span></td>'
        '<td>Order &amp; opinion <span class="meta">(3 May 2021: granted in part)</span></td></tr>'
    )
    assert sorted(m.party.name for m in motions[0].movant_list) == ["A", "B"]


def test_a_motion_without_date_movants_or_decision_says_so():
    case = factories.case()
    factories.motion(case, title="Late motion", filed_date=None)
    motions, _ = selectors.latest_motions(case, 20)
    assert parse_html(render("motion_rows", motions)) == parse_html(
        '<tr><td><span class="muted">not confirmed</span></td><td>Late motion</td>'
        '<td><span class="muted">not recorded</span></td>'
        '<td><span class="badge pending">Pending</span></td>'
        '<td><span class="muted">—</span></td></tr>'
    )


def test_timeline_items_show_the_kind_citation_date_note_and_document(decided_case):
    events = list(selectors.timeline_for_page(decided_case))
    html = render("timeline_items", events)
    assert html.count("<li>") == len(events)
    assert (
        '<span class="badge">Docket entry added</span>' in html
        and '<a href="https://example.org/doc?a=1&amp;b=2" rel="noopener noreferrer external">'
        "document</a>"
        in html
    )
    assert '<span class="meta">(2021 WL 1)</span>' in html
    undated = [line for line in html.splitlines() if "Minute order" in line]
    assert undated and all("date not confirmed" in line for line in undated)
    assert any('<span class="meta">— Spring 2021</span>' in line for line in undated)
    assert '<time datetime="2021-05-03">3 May 2021</time>' in html


def test_related_items_read_each_link_from_this_cases_side():
    court = factories.court(code="ilnd", short_name="N.D. Ill.")
    state = factories.case(slug="state", short_name="A v. <B>", docket_number="RG1")
    federal = factories.case(court_=court, slug="fed", short_name="A v. B", docket_number="1:21")
    services.case_link_create(
        from_case=state, to_case=federal, kind="removed_to", date=D(2021, 5, 1), note="Note & more"
    )
    related, total = selectors.case_related(state, 25)
    assert total == 1
    assert parse_html(render("related_items", related)) == parse_html(
        '<li><strong>Removed to</strong> <a href="/cases/fed/">N.D. Ill. 1:21</a> (A v. B) · '
        '<time datetime="2021-05-01">1 May 2021</time> '
        '<span class="meta">— Note &amp; more</span></li>'
    )
    back, _ = selectors.case_related(federal, 25)
    html = render("related_items", back)
    assert "<strong>Removed from</strong>" in html and "(A v. &lt;B&gt;)" in html


def test_party_groups_show_parties_and_their_counsel():
    case = factories.case()
    firm = party_services.firm_create(name="Loevy & Loevy")
    lawyer = party_services.attorney_create(name="Scott <Drury>", firm=firm)
    solo = party_services.attorney_create(name="Ann Solo")
    one = factories.case_party(case, party=factories.party(name="Mijente"))
    two = factories.case_party(
        case,
        party=factories.party(name="NorCal Resist"),
        note="also for its members",
        terminated_date=D(2022, 1, 5),
    )
    factories.case_party(case, role="defendant", party=factories.party(name="Clearview AI"))
    for case_party in (one, two):
        party_services.representation_add(
            attorney=lawyer,
            case_party=case_party,
            role="lead",
            firm=firm,
            start_date=D(2021, 3, 9),
        )
    party_services.representation_add(
        attorney=solo, case_party=two, role="counsel", end_date=D(2021, 12, 1)
    )
    html = render("party_groups", selectors.case_parties_by_role(case))
    # Counsel in the order their first party is listed; the parties they act for when not all.
    assert parse_html(html) == parse_html(
        "<h3>Plaintiffs</h3>"
        '<ul class="inline-list"><li><a href="/parties/mijente/">Mijente</a></li>'
        '<li><a href="/parties/norcal-resist/">NorCal Resist</a> '
        '<span class="meta">(also for its members)</span> <span class="meta">terminated '
        '<time datetime="2022-01-05">5 Jan 2022</time></span></li></ul>'
        '<p class="counsel-heading"><strong>Counsel</strong></p>'
        '<ul><li>Scott &lt;Drury&gt;, Loevy &amp; Loevy <span class="meta">— lead counsel from '
        '<time datetime="2021-03-09">9 Mar 2021</time></span></li>'
        '<li>Ann Solo <span class="meta">— counsel to '
        '<time datetime="2021-12-01">1 Dec 2021</time>; for NorCal Resist</span></li></ul>'
        "<h3>Defendant</h3>"
        '<ul class="inline-list"><li><a href="/parties/clearview-ai/">Clearview AI</a></li></ul>'
    )


def test_deadline_item_shows_time_zone_what_is_left_safe_date_and_computation():
    from cases.deadlines.today import Remaining
    from cases.models import Case, Court, Deadline

    court = Court(time_zone="America/Chicago")
    deadline = Deadline(
        case=Case(court=court),
        title="Opposition <brief>",
        due_date=D(2021, 4, 16),
        due_time=datetime.time(17, 0),
        earliest_safe_date=D(2021, 4, 15),
        basis="computed",
        period_days=14,
        period_unit="calendar",
        direction="after",
        trigger_event="service of the motion",
        trigger_date=D(2021, 4, 2),
        rule="FRCP 6(a) & LR 7.1",
        explanation="Day 1: 3 April\nDay 14: 16 April",
    )
    deadline.remaining = Remaining(3, 2, "federal")
    html = render_deadline(deadline, "D j M Y")
    assert parse_html(html) == parse_html(
        '<strong><time datetime="2021-04-16">Fri 16 Apr 2021</time> 17:00 '
        '<span class="meta">(America/Chicago)</span></strong> · Opposition &lt;brief&gt; '
        '<span class="remaining">— in 3 calendar days (2 court days)</span>'
        '<br><span class="safe-date">Earliest safe date: <time datetime="2021-04-15">'
        "Thu 15 Apr 2021</time>. A stricter reading of the rules gives this earlier date; file "
        "by then to be safe.</span>"
        '<br><span class="meta">Computed: 14 days after service of the motion on 2021-04-02 — '
        "FRCP 6(a) &amp; LR 7.1</span>"
        '<details class="computation"><summary>How this date was computed</summary>'
        "<pre>Day 1: 3 April\nDay 14: 16 April</pre></details>"
    )


def test_deadline_item_of_an_entered_deadline_shows_its_rule_and_note():
    from cases.models import Case, Court, Deadline

    deadline = Deadline(
        case=Case(court=Court(time_zone="UTC")),
        title="Status report",
        due_date=D(2021, 6, 1),
        basis="set_by_order",
        rule="Order of 1 May",
        explanation="Joint report <due>",
    )
    assert parse_html(render_deadline(deadline, "D j M")) == parse_html(
        '<strong><time datetime="2021-06-01">Tue 1 Jun</time></strong> · Status report '
        '<span class="meta">— Order of 1 May</span>'
        '<br><span class="meta">Joint report &lt;due&gt;</span>'
    )


def render_deadline(deadline, date_format: str) -> str:
    template = engines["django"].from_string(
        "{% load deadline_tags %}{% deadline_item deadline fmt %}"
    )
    return template.render({"deadline": deadline, "fmt": date_format})


def test_party_groups_show_the_dockets_own_role_and_description_escaped():
    """Imported parties: 'Material Witness' under Other parties, what the docket says of them."""
    case = factories.case()
    for name in ("Ana <b>Ruiz</b>", "Luis Ortiz"):
        factories.case_party(
            case,
            role="other",
            party=factories.party(name=name),
            docket_role="Material <Witness>",
            extra_info='also known as\n"><img src=x onerror=alert(1)>\nTERMINATED: 08/24/2015',
        )
    html = render("party_groups", selectors.case_parties_by_role(case))
    assert "<h3>Other parties</h3>" in html
    assert "Ana &lt;b&gt;Ruiz&lt;/b&gt;" in html
    assert '<span class="meta">(Material &lt;Witness&gt;)</span>' in html
    assert (
        '<span class="meta">— also known as &quot;&gt;&lt;img src=x onerror=alert(1)&gt;</span>'
        in html
    )
    assert "<img" not in html and "TERMINATED" not in html


def test_an_imported_entry_is_marked_with_its_source_in_the_timeline():
    case = factories.case()
    services.docket_entry_add(
        case=case, filed_date=D(2021, 3, 1), text="ORDER <b>granting</b>", number=7, source="pacer"
    )
    services.docket_entry_add(case=case, filed_date=D(2021, 3, 2), text="Typed in", number=8)
    html = render("timeline_items", selectors.timeline_for_page(case))
    assert html.count('<span class="imported">from PACER</span>') == 1
    assert "ORDER &lt;b&gt;granting&lt;/b&gt;" in html
