"""Alert filters: the words and phrases a subscription is limited to, and its motion kinds.

``match_words`` is text such as ``settlement "preliminary injunction"``: words and quoted
phrases, any of which must appear in an event's text, in any case, as whole words. It is parsed
by ``parse_match_words`` alone (the form, the model's validator and the dispatcher all call it),
and each distinct value is compiled to one regular expression once per process.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError

from cases.models import CaseEvent, EventKind, MotionKind

MAX_TERMS = 20
MAX_TERM_LENGTH = 100
# Straight and typographic double quotes (text pasted from a word processor has the latter).
QUOTES = frozenset('"\u201c\u201d\u201e')


def _split(value: str) -> tuple[list[str], bool]:
    """(the terms of ``value`` in order, whether a quoted phrase was left open)."""
    terms: list[str] = []
    current: list[str] = []
    quoted = False
    for char in value:
        if char in QUOTES:
            terms.append(" ".join("".join(current).split()))
            current, quoted = [], not quoted
        elif char.isspace() and not quoted:
            terms.append("".join(current))
            current = []
        else:
            current.append(char)
    terms.append(" ".join("".join(current).split()))
    seen: set[str] = set()
    distinct = []
    for term in terms:
        if term and term.casefold() not in seen:
            seen.add(term.casefold())
            distinct.append(term)
    return distinct, quoted


def parse_match_words(value: str) -> list[str]:
    """The words and phrases of ``value``; raise ``ValidationError`` saying what is wrong."""
    terms, open_quote = _split(value)
    problems = []
    if open_quote:
        problems.append(
            ValidationError(
                'A quoted phrase is not closed: end it with a second " (quotation mark).',
                code="open_quote",
            )
        )
    if len(terms) > MAX_TERMS:
        problems.append(
            ValidationError(
                "Give at most %(max)s words or phrases (this has %(count)s).",
                code="too_many_terms",
                params={"max": MAX_TERMS, "count": len(terms)},
            )
        )
    for term in terms:
        if len(term) > MAX_TERM_LENGTH:
            problems.append(
                ValidationError(
                    "Each word or phrase may be up to %(max)s characters; "
                    "“%(start)s…” has %(length)s.",
                    code="term_too_long",
                    params={"max": MAX_TERM_LENGTH, "start": term[:30], "length": len(term)},
                )
            )
    if problems:
        raise ValidationError(problems)
    return terms


def format_match_words(terms: list[str]) -> str:
    """The terms as they are stored and shown: phrases in quotes, one space between terms."""
    return " ".join(f'"{term}"' if " " in term else term for term in terms)


def validate_match_words(value: str) -> None:
    parse_match_words(value)


def validate_motion_kinds(value: Any) -> None:
    if not isinstance(value, list) or not all(kind in MotionKind.values for kind in value):
        raise ValidationError("Choose motion kinds from the list.", code="invalid_motion_kinds")


@functools.lru_cache(maxsize=4096)
def match_pattern(value: str) -> re.Pattern[str] | None:
    """One expression for all the terms of ``value`` (None: no words, so no limit).

    Whole words: a term does not match inside a longer word ("settle" does not match
    "settlement"); the words of a phrase may be apart by any run of spaces or line breaks. A
    stored value that no longer validates is read as far as it goes.
    """
    terms = _split(value)[0][:MAX_TERMS]
    if not terms:
        return None
    return re.compile("|".join(_term_pattern(term) for term in terms), re.IGNORECASE)


def _term_pattern(term: str) -> str:
    """A term's expression: its words apart by any space, not inside a longer word.

    The word boundary is asked for only at an end that is a letter or digit, so "(b)(6)"
    still matches in "12(b)(6)".
    """
    body = r"\s+".join(re.escape(word) for word in term.split())
    start = r"(?<!\w)" if _is_word_char(term[0]) else ""
    end = r"(?!\w)" if _is_word_char(term[-1]) else ""
    return start + body + end


def _is_word_char(char: str) -> bool:
    return re.match(r"\w", char) is not None


@dataclass(frozen=True)
class EventFacts:
    """What the filters look at in one event: its text (None: no text to match) and its motion
    kind (None: the kinds do not apply)."""

    text: str | None = None
    motion_kind: str | None = None


def _motion_text(event: CaseEvent) -> list[str]:
    motion = event.motion
    return [motion.title, MotionKind(motion.kind).label] if motion else [event.summary]


def _ruling_text(event: CaseEvent) -> list[str]:
    ruling = event.ruling
    return [ruling.title, ruling.summary] if ruling else []


def event_facts(event: CaseEvent) -> EventFacts:
    """The text and kind of ``event`` that the filters test (the event's rows joined already).

    Docket entry added: the entry's text. Motion filed: the motion's title and its kind's name.
    Motion decided: the same, and the title and summary of the ruling that decided it.
    Ruling entered: the ruling's title and summary. Other events carry nothing to filter.
    """
    kind = event.kind
    if kind == EventKind.DOCKET_ENTRY_ADDED:
        entry = event.docket_entry
        return EventFacts(text=entry.text if entry else event.summary)
    if kind in (EventKind.MOTION_FILED, EventKind.MOTION_DECIDED):
        parts = _motion_text(event)
        if kind == EventKind.MOTION_DECIDED:
            parts += _ruling_text(event)
        return EventFacts(
            text="\n".join(parts), motion_kind=event.motion.kind if event.motion else None
        )
    if kind == EventKind.RULING_ENTERED:
        return EventFacts(text="\n".join(_ruling_text(event)) or event.summary)
    return EventFacts()


def passes(subscription: Any, facts: EventFacts) -> bool:
    """Whether the subscription's filters let the event through (no filters: always)."""
    kinds = subscription.motion_kinds
    if facts.motion_kind is not None and kinds and facts.motion_kind not in kinds:
        return False
    if facts.text is not None and subscription.match_words:
        pattern = match_pattern(subscription.match_words)
        return pattern is None or pattern.search(facts.text) is not None
    return True
