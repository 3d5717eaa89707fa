"""Staff's own layer on a case: tags (shared by every signed-in user) and notes (private, or
shared with the Editors group).

Neither is public: the pages show them to signed-in users only, and the feeds, the exports,
the calendars and the API's anonymous reads never read these tables.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models.functions import Length
from django.db.models.lookups import GreaterThan, LessThanOrEqual

from cases.models.case import Case
from cases.models.checks import choices_check

TAG_NAME_MAX_LENGTH = 50
NOTE_MAX_LENGTH = 10_000


class Tag(models.Model):
    """A label staff put on cases ("priority", "amicus-opportunity"); its slug is its name,
    slugified, and names the tag in addresses (``/cases/?tag=priority``)."""

    name = models.CharField(max_length=TAG_NAME_MAX_LENGTH, unique=True)
    slug = models.SlugField(max_length=TAG_NAME_MAX_LENGTH, unique=True, allow_unicode=True)
    cases = models.ManyToManyField(Case, through="CaseTag", related_name="tags", blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=GreaterThan(Length("name"), 0),
                name="tag_name_not_empty",
                violation_error_message="A tag needs a name.",
            ),
            models.CheckConstraint(
                condition=GreaterThan(Length("slug"), 0),
                name="tag_slug_not_empty",
                violation_error_message="A tag name needs a letter or a digit.",
            ),
        ]

    def __str__(self) -> str:
        return self.name


class CaseTag(models.Model):
    """A tag on a case: who put it there and when."""

    # Both keys are the leading column of an index below: no single-column index of their own.
    case = models.ForeignKey(
        Case, on_delete=models.CASCADE, related_name="case_tags", db_index=False
    )
    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, related_name="case_tags", db_index=False)
    tagged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    tagged_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["tag__name"]
        verbose_name = "case tag"
        constraints = [
            # Also the index of a case's tags (the case page, the case list's rows).
            models.UniqueConstraint(
                fields=["case", "tag"],
                name="casetag_unique",
                violation_error_message="This case has this tag already.",
            )
        ]
        indexes = [
            # The case list's tag filter: the cases of one tag (EXISTS ... WHERE tag_id = %s).
            models.Index(fields=["tag", "case"], name="casetag_tag_case_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.tag_id} on {self.case_id}"


class NoteVisibility(models.TextChoices):
    PRIVATE = "private", "Only me"
    EDITORS = "editors", "Shared with the Editors"


class CaseNote(models.Model):
    """A signed-in user's note on a case, plain text: theirs alone, or shared with the members
    of the Editors group (and superusers). Only its author edits or deletes it."""

    # The leading column of the index below: no single-column index of its own.
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="notes", db_index=False)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="case_notes"
    )
    body = models.TextField(max_length=NOTE_MAX_LENGTH)
    visibility = models.CharField(
        max_length=10, choices=NoteVisibility.choices, default=NoteVisibility.PRIVATE
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = "case note"
        constraints = [
            choices_check("visibility", NoteVisibility, "casenote_visibility_valid"),
            models.CheckConstraint(
                condition=GreaterThan(Length("body"), 0),
                name="casenote_body_not_empty",
                violation_error_message="The note is empty.",
            ),
            models.CheckConstraint(
                condition=LessThanOrEqual(Length("body"), NOTE_MAX_LENGTH),
                name="casenote_body_max_length",
                violation_error_message=f"A note is at most {NOTE_MAX_LENGTH:,} characters.",
            ),
        ]
        indexes = [
            # The case page's notes: WHERE case_id = %s AND (author or shared) ORDER BY created_at.
            models.Index(fields=["case", "created_at"], name="casenote_case_created_idx"),
        ]

    def __str__(self) -> str:
        # Never the body: the admin's delete pages list a case's notes to whoever deletes it.
        return f"Note {self.pk} by user {self.author_id}"

    @property
    def shared(self) -> bool:
        return self.visibility == NoteVisibility.EDITORS

    @property
    def edited(self) -> bool:
        return (self.updated_at - self.created_at).total_seconds() >= 1
