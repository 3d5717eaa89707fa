"""Notes and tags as a signed-in user may see them; nothing for anyone else.

A note is seen by its author; one shared with the Editors also by the members of the Editors
group and by superusers. Tags are seen by every signed-in user. An anonymous visitor gets
``None`` without a query, so the public pages cost what they did.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef, Q, QuerySet, Subquery

from cases.models import Case, CaseNote, CaseTag, NoteVisibility, Tag
from cases.roles import EDITORS_GROUP

# What the case page prints of a note and its author (not the author's password hash).
NOTE_COLUMNS = (
    *("case", "body", "visibility", "created_at", "updated_at"),
    *("author__username", "author__first_name", "author__last_name"),
)


@dataclass(frozen=True)
class NotesAndTags:
    """What the case page shows a signed-in user: the notes they may read, the case's tags
    (each with ``tagged_at`` and ``tagged_by_name``) and the other tags to choose from."""

    notes: list[CaseNote]
    tags: list[Tag]
    other_tags: list[Tag]


def signed_in(user: Any) -> bool:
    return bool(user is not None and user.is_authenticated)


def visible_notes(user: Any) -> Q:
    """The notes ``user`` may read: their own, and shared ones when they are an editor (a
    member of the Editors group, read in the same statement) or a superuser."""
    shared = Q(visibility=NoteVisibility.EDITORS)
    if not user.is_superuser:
        membership = get_user_model().groups.through.objects.filter(
            user_id=user.pk, group__name=EDITORS_GROUP
        )
        shared &= Q(Exists(membership))
    return Q(author_id=user.pk) | shared


def case_notes(case: Case, user: Any) -> QuerySet[CaseNote]:
    return (
        CaseNote.objects.filter(case=case)
        .filter(visible_notes(user))
        .select_related("author")
        .only(*NOTE_COLUMNS)
        .order_by("created_at", "pk")
    )


def case_tags_and_others(case: Case) -> tuple[list[Tag], list[Tag]]:
    """Return the case's tags and every other tag, by name, in one statement."""
    link = CaseTag.objects.filter(case=case, tag=OuterRef("pk"))
    rows = Tag.objects.annotate(
        tagged_at=Subquery(link.values("tagged_at")[:1]),
        tagged_by_name=Subquery(link.values("tagged_by__username")[:1]),
    ).order_by("name")
    tags, others = [], []
    for tag in rows:
        (tags if tag.tagged_at is not None else others).append(tag)
    return tags, others


def case_notes_and_tags(case: Case, user: Any) -> NotesAndTags | None:
    """Two statements for a signed-in user (the notes, the tags), none for anyone else."""
    if not signed_in(user):
        return None
    tags, others = case_tags_and_others(case)
    return NotesAndTags(notes=list(case_notes(case, user)), tags=tags, other_tags=others)


def tags_by_case(case_ids: Iterable[int]) -> dict[int, list[Tag]]:
    """The tags of each of these cases, by name: one statement (the case list's rows)."""
    found: dict[int, list[Tag]] = {}
    ids = list(case_ids)
    if not ids:
        return found
    links = CaseTag.objects.filter(case_id__in=ids).select_related("tag").order_by("tag__name")
    for link in links.only("case_id", "tag__name", "tag__slug"):
        found.setdefault(link.case_id, []).append(link.tag)
    return found
