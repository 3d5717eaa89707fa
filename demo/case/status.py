"""The status history of a demo case, as ``case_status_change`` records it."""

from __future__ import annotations

import json

from cases.models import CaseStatus
from demo.case.draft import CaseDraft
from demo.copyfiles import ISO, NULL, moment
from demo.state import State

STATUS_LABELS = {s.value: s.label.lower() for s in CaseStatus}


def status_history_write(state: State, draft: CaseDraft, short_name: str) -> None:
    """Write filed when added, then active, then the case's present status, with their events."""
    head, court, events = draft.head, draft.court, draft.events
    table = state.tables["cases_statuschange"]
    case_id = str(head.case_id)
    opened = state.next_id("cases_statuschange")
    table.add(
        str(opened), "", "filed", ISO[head.filed], moment(head.filed),
        "Case added to the tracker.", "", case_id, NULL,
    )  # fmt: skip
    events.append(
        ("case_opened", head.filed,
         f"Case added: {short_name}, {court.short_name} {head.docket_number}", "{}",
         NULL, NULL, NULL, NULL, str(opened))
    )  # fmt: skip
    chain = []
    if head.status != "filed":
        active_on = state.later(head.filed, 7, 60, head.end)
        chain.append(("filed", "active", active_on))
        if head.status != "active":
            chain.append(("active", head.status, head.closed or state.between(active_on, head.end)))
    for before, after, when in chain:
        change = state.next_id("cases_statuschange")
        table.add(str(change), before, after, ISO[when], moment(when), "", "", case_id, NULL)
        events.append(
            ("status_changed", when,
             f"Status: {STATUS_LABELS[before]} -> {STATUS_LABELS[after]}",
             json.dumps({"from": before, "to": after, "note": ""}),
             NULL, NULL, NULL, NULL, str(change))
        )  # fmt: skip
