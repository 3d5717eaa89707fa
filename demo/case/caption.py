"""The caption and short name of a demo case, from its first party on each side."""

from __future__ import annotations

from demo import words
from demo.case.draft import CaseDraft
from demo.case.parties import short_name
from demo.state import State


def caption_for(state: State, draft: CaseDraft, roles: tuple[str, str]) -> tuple[str, str]:
    """Return the case's short name and caption ("In re ..." for an MDL)."""
    head, sides, names = draft.head, draft.sides, draft.names
    first, second = short_name(state, sides[0][0]), short_name(state, sides[1][0])
    if head.case_type == "mdl":
        product = state.rng.choice(words.PRODUCTS)
        return f"In re {second} {product} Litigation"[:200], f"IN RE: {second} {product} "
    et_al = [", et al." if len(side) > 1 else "" for side in sides]
    plural = ["s" if len(side) > 1 else "" for side in sides]
    class_words = ""
    if head.case_type == "class_action":
        class_words = ", individually and on behalf of all others similarly situated"
    caption = (
        f"{names[0][0]}{et_al[0]}{class_words}, {roles[0].capitalize()}{plural[0]}, v. "
        f"{names[1][0]}{et_al[1]}, {roles[1].capitalize()}{plural[1]}."
    )
    return f"{first} v. {second}"[:200], caption
