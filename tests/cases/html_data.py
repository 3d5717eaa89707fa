"""A case whose every field the Python-built rows print holds a given text, tagged by field.

The rows are written through the services with plain values, then each printed text field is
overwritten with ``QuerySet.update()`` with ``text + field name`` (``value(text, name)``):
markup written around validation (a docket number, a document address) must come out escaped
too, and a test can tell which field it reads. The choice fields (statuses, kinds, outcomes,
roles) are too short for the payloads: ``raw_choices()`` writes them on the rows a tag reads.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import Model

from cases import services
from cases.models import (
    Case,
    CaseEvent,
    CaseLink,
    Court,
    Deadline,
    DocketEntry,
    Motion,
    Ruling,
)
from parties import services as party_services
from parties.models import Attorney, CaseParty, LawFirm, Party
from tests import factories

D = datetime.date
DOCUMENT = "https://example.org/?q="

# The fields each tag prints, by the name ``value()`` tags them with.
CASE_ROW_FIELDS = ["court", "case", "docket"]
TIMELINE_FIELDS = ["summary", "citation", "date-note"]
MOTION_FIELDS = ["motion", "party", "ruling", "date-note"]
RELATED_FIELDS = ["court", "case", "docket", "link-note"]
PARTY_FIELDS = ["party", "docket-role", "party-note", "described", "firm", "attorney"]
DEADLINE_FIELDS = ["title", "zone", "remaining", "rule", "explanation", "trigger"]


def value(text: str, name: str) -> str:
    return f"{text}{name}"


@dataclass
class Built:
    case: Case
    other: Case  # the related case


def _parties(case: Case) -> None:
    """Two plaintiffs (terminated), one represented by a lawyer of a firm; an 'other' party."""
    firm = party_services.firm_create(name="Firm")
    lawyer = party_services.attorney_create(name="Lawyer", firm=firm)
    plaintiffs = [factories.case_party(case, terminated_date=D(2022, 1, 5)) for _ in range(2)]
    factories.case_party(case, role="other")
    party_services.representation_add(
        attorney=lawyer, case_party=plaintiffs[0], role="lead", firm=firm, start_date=D(2021, 3, 9)
    )


def _docket(case: Case) -> None:
    """An entry imported from PACER (gone from it since), a motion filed there, decided by a
    dated ruling and an undated one."""
    entry = services.docket_entry_add(
        case=case, filed_date=D(2021, 3, 1), number=12, text="Motion", source="pacer"
    )
    DocketEntry.objects.update(missing_from_source_since=D(2022, 2, 2))
    movants = list(CaseParty.objects.filter(case=case, role="plaintiff"))
    motion = factories.motion(case, hearing_date=D(2021, 4, 2), docket_entry=entry, movants=movants)
    for date, outcome in ((D(2021, 5, 3), "granted_in_part"), (None, "moot")):
        services.ruling_record(
            case=case,
            title="Order",
            kind="order",
            date=date,
            citation="2021 WL 1",
            decisions=[(motion, outcome)],
        )


def _numbered(model: type[Model], field: str, text: str) -> None:
    """Write ``text`` and a number into ``field`` of each row (the field is unique)."""
    for n, pk in enumerate(model.objects.order_by("pk").values_list("pk", flat=True)):
        model.objects.filter(pk=pk).update(**{field: f"{text} {n}"})


def _write(text: str) -> None:
    """Overwrite every printed field with ``value(text, its name)``."""
    _numbered(Court, "short_name", value(text, "court"))
    Case.objects.update(short_name=value(text, "case"), docket_number=value(text, "docket"))
    _numbered(Party, "name", value(text, "party"))
    extra = f"{value(text, 'described')}\nTERMINATED: 01/01/2022"
    CaseParty.objects.update(
        docket_role=value(text, "docket-role"), note=value(text, "party-note"), extra_info=extra
    )
    LawFirm.objects.update(name=value(text, "firm"))
    Attorney.objects.update(name=value(text, "attorney"))
    Ruling.objects.update(
        title=value(text, "ruling"),
        citation=value(text, "citation"),
        date_note=value(text, "date-note"),
    )
    Motion.objects.update(title=value(text, "motion"))
    CaseLink.objects.update(note=value(text, "link-note"))
    DocketEntry.objects.update(document_url=DOCUMENT + value(text, "document"))
    CaseEvent.objects.update(summary=value(text, "summary"))


def case_printing(text: str) -> Built:
    """Build a case with parties and counsel, a docket, and a related case (this case's link
    points to it); then write ``text`` into every text field they print."""
    case = factories.case(slug="c")
    other = factories.case(slug="o")
    _parties(case)
    _docket(case)
    services.case_link_create(
        from_case=case, to_case=other, kind="removed_to", date=D(2021, 5, 1), note="Note"
    )
    _write(text)
    return Built(Case.objects.get(pk=case.pk), Case.objects.get(pk=other.pk))


def raw_choices(text: str, rows: list[Any], kind: str) -> None:
    """Write ``value(text, ...)`` into the choice fields of ``rows`` read for the ``kind`` of
    tag: values no label is known for, which the tags print escaped as they are."""
    for row in rows:
        if kind == "case_rows":
            row.status = value(text, "status")
        elif kind == "timeline_items":
            row.kind = value(text, "kind")
        elif kind == "motion_rows":
            row.status = value(text, "motion-status")
            for decision in row.decision_list:
                decision.outcome = value(text, "outcome")
        elif kind == "party_groups":
            for item in row.counsel:
                item.representation.role = value(text, "counsel-role")
        elif kind == "related_items":
            row.label = value(text, "link-kind")


class Remaining:
    """What is left, as the deadline pages attach it (any object whose text is printed)."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __str__(self) -> str:
        return self.text


def deadlines_printing(text: str) -> list[Deadline]:
    """Return deadlines (not saved) of each kind printing ``text`` in every field they show:
    computed (with and without a time, safe date, rule and explanation), set by order with a
    rule (and a note), and a bare note."""
    common = {
        "case": Case(court=Court(time_zone=value(text, "zone"))),
        "title": value(text, "title"),
        "due_date": D(2021, 4, 16),
    }
    computed = {
        "basis": "computed",
        "period_days": 14,
        "period_unit": "calendar",
        "direction": "after",
        "trigger_event": value(text, "trigger"),
        "trigger_date": D(2021, 4, 2),
    }
    rule, explanation = value(text, "rule"), value(text, "explanation")
    found = [
        Deadline(
            **common,
            **computed,
            due_time=datetime.time(17, 0),
            earliest_safe_date=D(2021, 4, 15),
            rule=rule,
            explanation=explanation,
        ),
        Deadline(**common, **computed),
        Deadline(**common, basis="set_by_order", rule=rule, explanation=explanation),
        Deadline(**common, basis="set_by_order", rule=rule),
        Deadline(**common, basis="set_by_order", explanation=explanation),
    ]
    found[0].remaining = Remaining(value(text, "remaining"))
    return found
