"""The row of a demo case itself, written last: its summary, causes, relief and latest date."""

from __future__ import annotations

import datetime

from demo import words
from demo.case.draft import CaseDraft
from demo.copyfiles import ISO, day, moment, text
from demo.state import State

SOURCE_SITE = "https://dockets.example.org"


def _summary(state: State, draft: CaseDraft) -> str:
    rng, zipf, head = state.rng, state.zipf, draft.head
    first, second = draft.names[0][0], draft.names[1][0]
    who = {
        "appeal": f"{first} appeals a judgment in favor of {second}",
        "cert_petition": f"{first} asks the Supreme Court to review a decision for {second}",
        "mdl": f"Consolidated proceedings against {second}",
        "class_action": f"{first} sues {second} on behalf of a proposed class",
    }.get(head.case_type, f"{first} sues {second}")
    summary = f"{who}, alleging {zipf.phrase(rng, 8, 18)}. The {zipf.phrase(rng, 10, 25)}."
    if head.rare:
        summary += f" The complaint relies on the {words.RARE_TERM} recordings."
    return summary


def case_row_write(
    state: State, draft: CaseDraft, caption: str, short_name: str, slug: str,
    last: datetime.date,
) -> None:  # fmt: skip
    """Write the case itself; its search text and vector are filled in by the database after."""
    rng, head, court = state.rng, draft.head, draft.court
    summary = _summary(state, draft)
    causes_list = words.CAUSES["class" if head.case_type == "class_action" else head.case_type]
    causes = "\n".join(rng.sample(causes_list, min(len(causes_list), rng.randint(1, 3))))
    relief = "; ".join(rng.sample(words.RELIEF, rng.randint(1, 3)))
    state.tables["cases_case"].add(
        str(head.case_id), text(caption), text(short_name), slug, head.docket_number,
        head.case_type, head.status, text(causes), text(relief), ISO[head.filed],
        day(head.closed), text(summary), f"{SOURCE_SITE}/{court.code}/{slug}",
        moment(head.filed, "12:00:00"), moment(last, "18:00:00"),
        str(state.court_ids[head.court]), ISO[last], "",
    )  # fmt: skip
