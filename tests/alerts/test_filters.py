"""Alert filters: the words and phrases parsed once, matched as whole words, and the motion kinds.

The parsing and matching are checked on their own first; then through the real services, which
record the events and dispatch them on commit, each subscriber's rows show what got through.
"""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError

from alerts import services
from alerts.filters import format_match_words, match_pattern, parse_match_words
from alerts.models import Notification
from cases import services as case_services
from cases.models import CaseEvent
from tests import factories

D = datetime.date


# --- Parsing -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "terms", "stored"),
    [
        ("settlement", ["settlement"], "settlement"),
        (
            'settlement "preliminary injunction"',
            ["settlement", "preliminary injunction"],
            'settlement "preliminary injunction"',
        ),
        # Runs of spaces, line breaks and typographic quotes (pasted from a word processor).
        (
            "  \u201cclass   certification\u201d\n remand ",
            ["class certification", "remand"],
            '"class certification" remand',
        ),
        ("Remand remand REMAND", ["Remand"], "Remand"),  # the same word once, as first typed
        ('"" stay ""', ["stay"], "stay"),  # empty quotes are nothing
        ('12(b)(6) "§ 1983"', ["12(b)(6)", "§ 1983"], '12(b)(6) "§ 1983"'),
        ("", [], ""),
    ],
)
def test_words_and_phrases_are_parsed_once(typed, terms, stored):
    assert parse_match_words(typed) == terms
    assert format_match_words(terms) == stored
    assert parse_match_words(stored) == terms  # what is stored reads back the same


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ('settlement "preliminary injunction', "A quoted phrase is not closed"),
        (" ".join(f"word{n}" for n in range(21)), "Give at most 20 words or phrases (this has 21)"),
        ("x" * 101, "Each word or phrase may be up to 100 characters; “xxxxxxxx"),
        (f'"{"long phrase " * 9}"', "has 107"),
    ],
)
def test_bad_words_are_refused_with_a_clear_message(typed, message):
    with pytest.raises(ValidationError) as refused:
        parse_match_words(typed)
    assert any(message in text for text in refused.value.messages), refused.value.messages


def test_twenty_terms_of_a_hundred_characters_are_allowed():
    terms = [f"{n:02d}" + "x" * 98 for n in range(20)]
    assert parse_match_words(" ".join(terms)) == terms


@pytest.mark.parametrize(
    ("words", "text", "matches"),
    [
        ("settlement", "Motion for preliminary approval of SETTLEMENT", True),
        ("settlement", "Settlements reached", False),  # whole words only
        ("settle", "Notice of settlement", False),
        ('"preliminary injunction"', "Order on the Preliminary\n  Injunction", True),
        ('"preliminary injunction"', "preliminary relief; no injunction", False),
        ("remand stay", "Motion to STAY the mandate", True),  # any of the terms
        ("12(b)(6)", "Motion under Rule 12(b)(6) to dismiss", True),
        ('"§ 1983"', "Claims under 42 U.S.C. § 1983", True),
        ("biometric", "BIPA: biometric-information privacy", True),  # a hyphen is no letter
        ("", "anything", None),  # no words: no pattern, no limit
    ],
)
def test_words_match_in_any_case_as_whole_words(words, text, matches):
    pattern = match_pattern(words)
    if matches is None:
        assert pattern is None
    else:
        assert (pattern.search(text) is not None) is matches


# --- Through the services ----------------------------------------------------------------------


@pytest.fixture
def readers(django_user_model):
    """alice: no filters; bob: words; carol: motion kinds; dave: words and kinds."""
    names = ("alice", "bob", "carol", "dave")
    return {n: django_user_model.objects.create_user(n, f"{n}@example.org") for n in names}


def told(event: CaseEvent) -> set[str]:
    return set(Notification.objects.filter(event=event).values_list("user__username", flat=True))


def test_filters_narrow_entries_motions_and_rulings_only(
    readers, django_capture_on_commit_callbacks
):
    case = factories.case()
    choices = {"docket_entries": True}
    services.subscription_follow(user=readers["alice"], case=case, **choices)
    services.subscription_follow(
        user=readers["bob"], case=case, match_words='settlement "preliminary injunction"', **choices
    )
    services.subscription_follow(
        user=readers["carol"], case=case, motion_kinds=["dismiss", "stay"], **choices
    )
    services.subscription_follow(
        user=readers["dave"], case=case, match_words="mandate", motion_kinds=["stay"], **choices
    )
    with django_capture_on_commit_callbacks(execute=True):
        settled = case_services.docket_entry_add(
            case=case, number=1, filed_date=D(2021, 1, 4), text="Notice of SETTLEMENT."
        )
        plain = case_services.docket_entry_add(
            case=case, number=2, filed_date=D(2021, 1, 5), text="Settlements conference minutes."
        )
        stay = factories.motion(case, title="Motion to stay the mandate", kind="stay")
        injunction = factories.motion(
            case, title="Motion for preliminary\ninjunction", kind="preliminary_injunction"
        )
        ruling = case_services.ruling_record(
            case=case,
            title="Order",
            kind="order",
            date=D(2021, 3, 1),
            summary="Preliminary injunction denied.",
            decisions=[(injunction, "denied")],
        )
        case_services.case_status_change(case=case, status="stayed", effective_date=D(2021, 3, 2))
        deadline = case_services.deadline_set(
            case=case, title="Reply", kind="response", due_date=D(2031, 4, 1)
        )
    events = CaseEvent.objects.filter(case=case)
    entry = {e.docket_entry_id: e for e in events.filter(kind="docket_entry_added")}
    filed = {e.motion_id: e for e in events.filter(kind="motion_filed")}
    assert told(entry[settled.pk]) == {"alice", "bob", "carol"}  # dave: not his word
    assert told(entry[plain.pk]) == {"alice", "carol"}  # the kinds do not apply to entries
    assert told(filed[stay.pk]) == {"alice", "carol", "dave"}  # bob: no word of his
    assert told(filed[injunction.pk]) == {"alice", "bob"}  # the phrase across a line break
    decided = events.get(kind="motion_decided", ruling=ruling)
    assert told(decided) == {"alice", "bob"}
    # Status changes and deadlines carry nothing to filter: everyone who chose them is told.
    assert told(events.get(kind="status_changed")) == set(readers)
    assert told(events.get(kind="deadline_set", deadline=deadline)) == set(readers)


def test_a_ruling_without_motions_is_matched_on_its_title_and_summary(
    readers, django_capture_on_commit_callbacks
):
    case = factories.case()
    services.subscription_follow(user=readers["bob"], case=case, match_words="sanctions")
    services.subscription_follow(user=readers["carol"], case=case, motion_kinds=["dismiss"])
    with django_capture_on_commit_callbacks(execute=True):
        case_services.ruling_record(
            case=case, title="Order", kind="order", date=D(2021, 3, 1), summary="No sanctions."
        )
        case_services.ruling_record(
            case=case, title="Minute order", kind="minute_order", date=D(2021, 3, 2)
        )
    rulings = CaseEvent.objects.filter(case=case, kind="ruling_entered").order_by("pk")
    assert [told(event) for event in rulings] == [{"bob", "carol"}, {"carol"}]
