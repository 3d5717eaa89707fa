"""Each tag that builds rows in Python prints what the template it replaced printed.

The templates below are the ones the tags replaced (``git log -- templates``), brought up to
what the pages print today (imported entries marked, documents linked only when http(s), a
party's docket role and description, plural headings, dates in ``<time>``). Each is rendered
through Django's template engine, with its auto-escaping, on the same rows as the tag, with
plain text and with markup in every field, and the two must be the same string (the deadline's,
whose template spread over lines, the same HTML once whitespace is ignored).
"""

from __future__ import annotations

import pytest
from django.template import engines
from django.test.html import parse_html

from cases import selectors
from cases.models import Case
from tests.cases.html_data import case_printing, deadlines_printing, raw_choices

pytestmark = pytest.mark.django_db

TEXTS = [
    pytest.param("Plain & simple ", id="plain"),
    pytest.param("<script>alert(1)</script>", id="script"),
    pytest.param('"><img src=x onerror=alert(1)>', id="img"),
]


def time(value: str) -> str:
    """Return the template of a date in ``<time>``, as the pages print it."""
    return (
        f'<time datetime="{{{{ {value}|date:\'Y-m-d\' }}}}">{{{{ {value}|date:"j M Y" }}}}</time>'
    )


CASE_ROWS = (
    '{% for case in rows %}<tr><td><a href="{{ case.get_absolute_url }}">{{ case.short_name }}'
    '</a>{% if case.snippet_html %}<p class="snippet">{{ case.snippet_html }}</p>{% endif %}'
    '</td><td><a href="{{ case.court.get_absolute_url }}">{{ case.court.short_name }}</a> '
    '{{ case.docket_number }}</td><td><span class="badge {{ case.status }}">'
    "{{ case.get_status_display }}</span></td><td>{% if case.filed_date %}"
    f"{time('case.filed_date')}"
    '{% else %}<span class="muted">not confirmed</span>{% endif %}</td><td>'
    f"{{% if case.last_activity_on %}}{time('case.last_activity_on')}{{% endif %}}</td></tr>\n"
    "{% endfor %}"
)
TIMELINE = (
    '{% for event in events %}<li><span class="when">{% if event.occurred_on %}'
    f"{time('event.occurred_on')}"
    '{% else %}date not confirmed{% endif %}</span> <span class="badge">'
    "{{ event.get_kind_display }}</span> {{ event.summary }}"
    "{% with ruling=event.ruling entry=event.docket_entry %}"
    '{% if ruling and ruling.citation %} <span class="meta">({{ ruling.citation }})</span>'
    "{% endif %}{% if ruling and not event.occurred_on and ruling.date_note %} "
    '<span class="meta">— {{ ruling.date_note }}</span>{% endif %}'
    '{% if entry and entry.document_url|is_web_address %} <a href="{{ entry.document_url }}" '
    'rel="noopener noreferrer external">document</a>{% endif %}'
    '{% if entry and entry.source != "manual" %} <span class="imported">'
    '{% if entry.source == "pacer" %}from PACER{% else %}from CourtListener{% endif %}</span>'
    '{% if entry.missing_from_source_since %} <span class="meta">no longer on the docket since '
    f"{time('entry.missing_from_source_since')}</span>{{% endif %}}{{% endif %}}"
    "{% endwith %}</li>\n{% endfor %}"
)
MOTIONS = (
    "{% for motion in motions %}<tr><td>{% if motion.filed_date %}"
    f"{time('motion.filed_date')}"
    '{% else %}<span class="muted">not confirmed</span>{% endif %}{% if motion.docket_entry %}'
    '<br><span class="meta">Dkt. {{ motion.docket_entry.number|default:"—" }}</span>'
    "{% endif %}</td><td>{{ motion.title }}{% if motion.hearing_date %}<br>"
    f'<span class="meta">Hearing {time("motion.hearing_date")}</span>{{% endif %}}</td><td>'
    "{% for movant in motion.movant_list %}{{ movant.party.name }}"
    '{% if not forloop.last %}; {% endif %}{% empty %}<span class="muted">not recorded</span>'
    '{% endfor %}</td><td><span class="badge {{ motion.status }}">'
    "{{ motion.get_status_display }}</span></td><td>{% for decision in motion.decision_list %}"
    '{{ decision.ruling.title }} <span class="meta">({% if decision.ruling.date %}'
    '{{ decision.ruling.date|date:"j M Y" }}{% else %}'
    '{{ decision.ruling.date_note|default:"date not confirmed" }}{% endif %}: '
    "{{ decision.get_outcome_display|lower }})</span>{% if not forloop.last %}<br>{% endif %}"
    '{% empty %}<span class="muted">—</span>{% endfor %}</td></tr>\n{% endfor %}'
)
RELATED = (
    "{% for item in related %}<li><strong>{{ item.label|capfirst }}</strong> "
    '<a href="{{ item.case.get_absolute_url }}">{{ item.case.court.short_name }} '
    "{{ item.case.docket_number }}</a> ({{ item.case.short_name }})"
    f"{{% if item.link.date %}} · {time('item.link.date')}{{% endif %}}"
    '{% if item.link.note %} <span class="meta">— {{ item.link.note }}</span>{% endif %}</li>\n'
    "{% endfor %}"
)
PARTY_GROUPS = (
    "{% for group in groups %}<h3>{% if group.parties|length == 1 %}{{ group.label }}"
    '{% elif group.role == "amicus" %}Amici curiae{% elif group.role == "interested_party" %}'
    'Interested parties{% elif group.role == "other" %}Other parties{% else %}{{ group.label }}s'
    '{% endif %}</h3>\n<ul class="inline-list">{% for cp in group.parties %}<li>'
    '<a href="{{ cp.party.get_absolute_url }}">{{ cp.party.name }}</a>'
    '{% if cp.role == "other" and cp.docket_role %} <span class="meta">({{ cp.docket_role }})'
    '</span>{% endif %}{% if cp.note %} <span class="meta">({{ cp.note }})</span>{% endif %}'
    '{% if cp.described %} <span class="meta">— {{ cp.described }}</span>{% endif %}'
    '{% if cp.terminated_date %} <span class="meta">terminated '
    f"{time('cp.terminated_date')}</span>{{% endif %}}</li>{{% endfor %}}</ul>\n"
    '{% if group.counsel %}<p class="counsel-heading"><strong>Counsel</strong></p>\n<ul>'
    "{% for item in group.counsel %}{% with rep=item.representation %}"
    "<li>{{ rep.attorney.name }}{% if rep.firm %}, {{ rep.firm.name }}{% endif %} "
    '<span class="meta">— {{ rep.get_role_display|lower }}'
    f"{{% if rep.start_date %}} from {time('rep.start_date')}{{% endif %}}"
    f"{{% if rep.end_date %}} to {time('rep.end_date')}{{% endif %}}"
    '{% if item.parties %}; for {{ item.parties|join:", " }}{% endif %}</span></li>'
    "{% endwith %}{% endfor %}</ul>\n{% endif %}{% endfor %}"
)
# templates/includes/deadline.html as {% deadline_item %} replaced it (commit 90233c5).
DEADLINE = """<strong><time datetime="{{ deadline.due_date|date:'Y-m-d' }}">{{ deadline.due_date|date:date_format|default:deadline.due_date }}</time>{% if deadline.due_time %} {{ deadline.due_time|time:"H:i" }} <span class="meta">({{ deadline.case.court.time_zone }})</span>{% endif %}</strong> · {{ deadline.title }}{% if deadline.remaining %} <span class="remaining">— {{ deadline.remaining }}</span>{% endif %}
{% if deadline.earliest_safe_date %}<br><span class="safe-date">Earliest safe date: <time datetime="{{ deadline.earliest_safe_date|date:'Y-m-d' }}">{{ deadline.earliest_safe_date|date:"D j M Y" }}</time>. A stricter reading of the rules gives this earlier date; file by then to be safe.</span>{% endif %}
{% if deadline.is_computed %}<br><span class="meta">Computed: {{ deadline.period_label }}{% if deadline.rule %} — {{ deadline.rule }}{% endif %}</span>
{% if deadline.explanation %}<details class="computation"><summary>How this date was computed</summary><pre>{{ deadline.explanation }}</pre></details>{% endif %}
{% elif deadline.rule %} <span class="meta">— {{ deadline.rule }}</span>{% if deadline.explanation %}<br><span class="meta">{{ deadline.explanation }}</span>{% endif %}{% elif deadline.explanation %}<br><span class="meta">{{ deadline.explanation }}</span>{% endif %}
"""  # noqa: E501 - the template as it was, one line per part


def render(source: str, **context: object) -> str:
    loads = "{% load case_list_tags case_page_tags deadline_tags web_links %}"
    return engines["django"].from_string(loads + source).render(context)


def described(extra_info: str) -> str:
    """Return what the docket says of a party, its termination line left out."""
    lines = [line.strip() for line in extra_info.splitlines()]
    return " ".join(line for line in lines if line and not line.upper().startswith("TERMINATED"))


@pytest.fixture(params=[False, True], ids=["labels", "raw-choices"])
def choices_too(request: pytest.FixtureRequest) -> bool:
    return request.param


@pytest.mark.parametrize("text", TEXTS)
def test_case_rows_print_what_the_case_list_template_printed(text, choices_too):
    case_printing(text)
    rows = list(Case.objects.select_related("court").order_by("pk"))
    if choices_too:
        raw_choices(text, rows, "case_rows")
    rows[0].snippet_html = render("the <mark>{{ word }}</mark> print", word=text)
    rows[1].filed_date = rows[1].last_activity_on = None
    html = render("{% case_rows rows %}", rows=rows)
    assert html == render(CASE_ROWS, rows=rows)


@pytest.mark.parametrize("text", TEXTS)
def test_timeline_items_print_what_the_timeline_template_printed(text, choices_too):
    built = case_printing(text)
    events = list(selectors.timeline_for_page(built.case))
    if choices_too:
        raw_choices(text, events, "timeline_items")
    assert len(events) >= 4
    html = render("{% timeline_items events %}", events=events)
    assert html == render(TIMELINE, events=events)


@pytest.mark.parametrize("text", TEXTS)
def test_motion_rows_print_what_the_motions_template_printed(text, choices_too):
    built = case_printing(text)
    motions, _ = selectors.latest_motions(built.case, 20)
    if choices_too:
        raw_choices(text, motions, "motion_rows")
    assert len(motions[0].decision_list) == 2 and len(motions[0].movant_list) == 2
    html = render("{% motion_rows motions %}", motions=motions)
    assert html == render(MOTIONS, motions=motions)


@pytest.mark.parametrize("text", TEXTS)
def test_related_items_print_what_the_related_template_printed(text, choices_too):
    built = case_printing(text)
    for case in (built.case, built.other):
        related, _ = selectors.case_related(case, 25)
        if choices_too:
            raw_choices(text, related, "related_items")
        html = render("{% related_items related %}", related=related)
        assert html == render(RELATED, related=related) != ""


@pytest.mark.parametrize("text", TEXTS)
def test_party_groups_print_what_the_parties_template_printed(text, choices_too):
    built = case_printing(text)
    groups = selectors.case_parties_by_role(built.case)
    if choices_too:
        raw_choices(text, groups, "party_groups")
    assert [group.role for group in groups] == ["plaintiff", "other"]
    html = render("{% party_groups groups %}", groups=groups)
    for group in groups:
        for case_party in group.parties:
            case_party.described = described(case_party.extra_info)
    assert html == render(PARTY_GROUPS, groups=groups)


@pytest.mark.parametrize("date_format", ["D j M Y", "D j M", "j F Y"])
@pytest.mark.parametrize("text", TEXTS)
def test_deadline_item_prints_what_the_deadline_template_printed(text, date_format):
    for deadline in deadlines_printing(text):
        context = {"deadline": deadline, "date_format": date_format}
        html = render("{% deadline_item deadline date_format %}", **context)
        assert parse_html(html) == parse_html(render(DEADLINE, **context))
