"""Motions, the rulings that decide them, and the outcome of each decision."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from cases.models.case import Case
from cases.models.checks import choices_check
from cases.models.courts import Judge
from cases.models.docket import DocketEntry
from cases.models.motion_choices import MotionKind, MotionStatus, Outcome, RulingKind
from tracker.fields import SourcesField, WebAddressField


class Motion(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="motions")
    kind = models.CharField(max_length=30, choices=MotionKind.choices, default=MotionKind.OTHER)
    title = models.CharField(max_length=300)
    movants = models.ManyToManyField(
        "parties.CaseParty",
        blank=True,
        related_name="motions",
        help_text="The parties of this case that filed the motion.",
    )
    filed_date = models.DateField(null=True, blank=True, help_text="Empty when not confirmed.")
    hearing_date = models.DateField(
        null=True,
        blank=True,
        help_text="The day the motion is noticed or set for hearing; periods before the hearing "
        "(e.g. CCP 1005(b)) count back from it.",
    )
    status = models.CharField(
        max_length=20,
        choices=MotionStatus.choices,
        default=MotionStatus.PENDING,
        help_text="Set by the rulings that decide the motion.",
    )
    docket_entry = models.ForeignKey(
        DocketEntry, null=True, blank=True, on_delete=models.SET_NULL, related_name="motions"
    )
    summary = models.TextField(blank=True)
    sources = SourcesField()
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["filed_date", "pk"]
        constraints = [choices_check("status", MotionStatus, "motion_status_valid")]
        indexes = [
            # Motions table of the case page: WHERE case_id = %s ORDER BY filed_date.
            models.Index(fields=["case", "filed_date"], name="motion_case_filed_idx"),
            # "Has pending motions" filter: EXISTS (... WHERE case_id = %s AND status = 'pending').
            models.Index(
                fields=["case"], condition=Q(status="pending"), name="motion_pending_case_idx"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.case.short_name})"

    def clean(self) -> None:
        if self.docket_entry_id and self.case_id and self.docket_entry.case_id != self.case_id:
            raise ValidationError({"docket_entry": "This docket entry belongs to another case."})


class Ruling(models.Model):
    # A case with rulings cannot be deleted (the admin says which rulings stand in the way).
    case = models.ForeignKey(Case, on_delete=models.PROTECT, related_name="rulings")
    judge = models.ForeignKey(
        Judge, null=True, blank=True, on_delete=models.PROTECT, related_name="rulings"
    )
    date = models.DateField(null=True, blank=True, help_text="Empty when not confirmed.")
    date_note = models.CharField(
        max_length=200, blank=True, help_text="What is known of the date when it is not confirmed."
    )
    kind = models.CharField(max_length=20, choices=RulingKind.choices, default=RulingKind.ORDER)
    title = models.CharField(max_length=300)
    summary = models.TextField(blank=True)
    citation = models.CharField(max_length=100, blank=True, help_text="e.g. 984 F.3d 1241")
    document_url = WebAddressField(max_length=500, blank=True)
    docket_entry = models.ForeignKey(
        DocketEntry, null=True, blank=True, on_delete=models.SET_NULL, related_name="rulings"
    )
    motions = models.ManyToManyField(Motion, through="RulingMotion", related_name="rulings")
    sources = SourcesField()
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "-pk"]
        indexes = [
            # Rulings of a case (case page): WHERE case_id = %s ORDER BY date.
            models.Index(fields=["case", "date"], name="ruling_case_date_idx"),
            # Home page "latest rulings": ORDER BY date DESC LIMIT n.
            models.Index(fields=["-date"], name="ruling_date_idx"),
            # A judge's page: WHERE judge_id = %s ORDER BY date DESC, id DESC LIMIT n (without
            # it the planner walks ruling_date_idx through every judge's rulings).
            models.Index(fields=["judge", "-date", "-id"], name="ruling_judge_date_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.case.short_name}, {self.date or 'date unknown'})"

    def clean(self) -> None:
        if self.docket_entry_id and self.case_id and self.docket_entry.case_id != self.case_id:
            raise ValidationError({"docket_entry": "This docket entry belongs to another case."})


class RulingMotion(models.Model):
    """One motion decided by a ruling, with its own outcome.

    Triggers in migration 0002 keep, in the database, the motion in the ruling's case and the
    ruling dated on or after the motion's filing.
    """

    ruling = models.ForeignKey(Ruling, on_delete=models.CASCADE, related_name="decisions")
    motion = models.ForeignKey(Motion, on_delete=models.CASCADE, related_name="decisions")
    outcome = models.CharField(max_length=20, choices=Outcome.choices)

    history = HistoricalRecords()

    class Meta:
        verbose_name = "motion decided"
        verbose_name_plural = "motions decided"
        constraints = [
            models.UniqueConstraint(
                fields=["ruling", "motion"],
                name="rulingmotion_unique",
                violation_error_message="This ruling already decides this motion.",
            ),
            choices_check("outcome", Outcome, "rulingmotion_outcome_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.motion.title}: {self.get_outcome_display()}"
