"""Notes and tags on a case: staff's writes.

A note belongs to its author, who alone edits or deletes it. A tag is typed by name: an
existing tag with the same slug is reused, else a new one is created. Every refusal is a
``ValidationError`` naming the field, and nothing is written.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.text import slugify

from cases.models import (
    NOTE_MAX_LENGTH,
    TAG_NAME_MAX_LENGTH,
    Case,
    CaseNote,
    CaseTag,
    NoteVisibility,
    Tag,
)

MERGE_BATCH = 5000


def _note_body(body: str) -> str:
    """Return the body with its line endings as ``\\n`` and its ends stripped, or refuse it."""
    text = (body or "").replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        raise ValidationError({"body": "The note is empty: write something first."})
    if len(text) > NOTE_MAX_LENGTH:
        raise ValidationError(
            {
                "body": f"A note is at most {NOTE_MAX_LENGTH:,} characters; "
                f"this one has {len(text):,}."
            }
        )
    return text


def _note_visibility(visibility: str) -> str:
    if visibility not in NoteVisibility.values:
        raise ValidationError(
            {"visibility": "Choose who sees the note: only you, or you and the Editors."}
        )
    return visibility


def _own(note: CaseNote, user: Any) -> None:
    if note.author_id != user.pk:
        raise PermissionDenied("Only the author of a note may change it.")


def note_add(
    *, case: Case, author: Any, body: str, visibility: str = NoteVisibility.PRIVATE
) -> CaseNote:
    """Add ``author``'s note to ``case``."""
    note = CaseNote(
        case=case, author=author, body=_note_body(body), visibility=_note_visibility(visibility)
    )
    note.full_clean()
    note.save()
    return note


@transaction.atomic
def note_update(*, note: CaseNote, user: Any, body: str, visibility: str) -> CaseNote:
    """Change the text or the visibility of ``user``'s own note."""
    _own(note, user)
    note = CaseNote.objects.select_for_update().get(pk=note.pk)
    note.body, note.visibility = _note_body(body), _note_visibility(visibility)
    note.full_clean()
    note.save(update_fields=["body", "visibility", "updated_at"])
    return note


def note_delete(*, note: CaseNote, user: Any) -> None:
    """Delete ``user``'s own note."""
    _own(note, user)
    note.delete()


def tag_name_and_slug(name: str) -> tuple[str, str]:
    """Return the name as it will be stored (spaces collapsed) and its slug, or refuse it."""
    name = " ".join((name or "").split())
    if not name:
        raise ValidationError({"name": "Type a tag name, or choose one of the tags listed."})
    if len(name) > TAG_NAME_MAX_LENGTH:
        raise ValidationError(
            {
                "name": f"A tag name is at most {TAG_NAME_MAX_LENGTH} characters; "
                f"this one has {len(name)}."
            }
        )
    slug = slugify(name, allow_unicode=True)
    if not slug:
        raise ValidationError({"name": "A tag name needs at least one letter or digit."})
    if len(slug) > TAG_NAME_MAX_LENGTH:
        raise ValidationError({"name": "This tag name is too long once made into an address."})
    return name, slug


@transaction.atomic
def case_tag_add(*, case: Case, name: str, user: Any = None) -> tuple[Tag, bool, bool]:
    """Put the tag named ``name`` on ``case``, creating the tag if no tag has its slug.

    Return the tag, whether it was created, and whether the case did not have it yet.
    """
    name, slug = tag_name_and_slug(name)
    tag, created = Tag.objects.get_or_create(slug=slug, defaults={"name": name})
    tagged_by = user if user is not None and user.is_authenticated else None
    _, added = CaseTag.objects.get_or_create(case=case, tag=tag, defaults={"tagged_by": tagged_by})
    return tag, created, added


def case_tag_remove(*, case: Case, tag: Tag) -> bool:
    """Take ``tag`` off ``case``; return whether the case had it."""
    deleted, _ = CaseTag.objects.filter(case=case, tag=tag).delete()
    return bool(deleted)


def tag_create(*, name: str) -> Tag:
    """Create a tag (the admin's add form)."""
    name, slug = tag_name_and_slug(name)
    if Tag.objects.filter(slug=slug).exists():
        raise ValidationError({"name": f"A tag with the address name {slug!r} exists already."})
    return Tag.objects.create(name=name, slug=slug)


@transaction.atomic
def tag_rename(*, tag: Tag, name: str) -> Tag:
    """Rename a tag; its slug follows its name."""
    name, slug = tag_name_and_slug(name)
    if Tag.objects.filter(slug=slug).exclude(pk=tag.pk).exists():
        raise ValidationError(
            {"name": f"Another tag has the address name {slug!r}: merge the two instead."}
        )
    tag = Tag.objects.select_for_update().get(pk=tag.pk)
    tag.name, tag.slug = name, slug
    tag.save(update_fields=["name", "slug"])
    return tag


@transaction.atomic
def tag_merge(*, into: Tag, tags: Iterable[Tag]) -> int:
    """Move the cases of ``tags`` onto ``into`` and delete ``tags``; return how many cases
    gained ``into``. A case that had it already, or had several of ``tags``, has it once; a
    moved link keeps who tagged the case and when (the earliest of its links)."""
    others = [tag.pk for tag in tags if tag.pk != into.pk]
    if not others:
        return 0
    locked = Tag.objects.select_for_update().filter(pk__in=[into.pk, *others]).order_by("pk")
    list(locked.values_list("pk", flat=True))
    has_it = set(CaseTag.objects.filter(tag=into).values_list("case_id", flat=True))
    keep: dict[int, int] = {}  # case id -> the link moved onto ``into``
    links = CaseTag.objects.filter(tag_id__in=others).order_by("tagged_at", "pk")
    for pk, case_id in links.values_list("pk", "case_id"):
        if case_id not in has_it:
            keep.setdefault(case_id, pk)
    moved = list(keep.values())
    for start in range(0, len(moved), MERGE_BATCH):
        CaseTag.objects.filter(pk__in=moved[start : start + MERGE_BATCH]).update(tag=into)
    Tag.objects.filter(pk__in=others).delete()  # with the links left on them
    return len(moved)
