"""The activity log of a demo case: its links reported, then every event written, dispatched."""

from __future__ import annotations

import datetime
import json

from cases.models import LINK_INVERSE_LABELS, LinkKind
from demo.case.draft import CaseDraft
from demo.copyfiles import ISO, NULL, moment, text
from demo.state import State


def link_events_add(state: State, draft: CaseDraft) -> None:
    """Report each link on both its cases, as case_link_create does."""
    for link_id, kind, other, when, outgoing in draft.head.links:
        other_head = state.heads[other]
        label = LinkKind(kind).label if outgoing else LINK_INVERSE_LABELS[LinkKind(kind)]
        where = f"{state.courts[other_head.court].short_name} {other_head.docket_number}"
        detail = json.dumps({"link": link_id, "kind": kind, "other_case": other_head.case_id})
        draft.events.append(
            ("case_linked", when, f"{label[0].upper()}{label[1:]} {where}", detail,
             NULL, NULL, NULL, NULL, NULL)
        )  # fmt: skip


def events_write(state: State, draft: CaseDraft) -> datetime.date:
    """Write the activity log, dispatched already; return the latest event's date."""
    head = draft.head
    table = state.tables["cases_caseevent"]
    case_id = str(head.case_id)
    last = head.filed
    for kind, when, summary, detail, deadline, entry, motion, ruling, change in draft.events:
        last = max(last, when)
        stamp = moment(when, "18:00:00")
        table.add(
            str(state.next_id("cases_caseevent")), kind, ISO[when], stamp, text(summary),
            text(detail), NULL, case_id, deadline, entry, motion, ruling, change, stamp,
        )  # fmt: skip
    return last
