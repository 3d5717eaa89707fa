"""A case's status changes: from what, to what, when, and who recorded it."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q

from cases.models.case import Case
from cases.models.case_choices import CaseStatus
from cases.models.checks import choices_check
from tracker.fields import SourcesField


class StatusChange(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(max_length=20, choices=CaseStatus.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=CaseStatus.choices)
    effective_date = models.DateField(null=True, blank=True, help_text="Empty when not confirmed.")
    recorded_at = models.DateTimeField(auto_now_add=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.CharField(max_length=300, blank=True)
    sources = SourcesField()

    class Meta:
        ordering = ["effective_date", "recorded_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(from_status=F("to_status")),
                name="statuschange_changes_status",
                violation_error_message="A status change must change the status.",
            ),
            choices_check("to_status", CaseStatus, "statuschange_to_status_valid"),
        ]
        indexes = [
            # Home page "latest status changes": WHERE from_status <> '' AND effective_date IS
            # NOT NULL ORDER BY effective_date DESC, recorded_at DESC, id DESC LIMIT n.
            models.Index(
                F("effective_date").desc(),
                F("recorded_at").desc(),
                F("id").desc(),
                condition=~Q(from_status="") & Q(effective_date__isnull=False),
                name="statuschange_latest_idx",
            ),
        ]

    def __str__(self) -> str:
        before = self.get_from_status_display() or "(new)"
        return f"{self.case.short_name}: {before} -> {self.get_to_status_display()}"
