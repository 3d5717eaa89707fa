"""Deadlines: set by order or computed from a court rule, with the inputs that reproduce them."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from cases.models.case import Case
from cases.models.checks import choices_check
from cases.models.deadline_choices import (
    DeadlineBasis,
    DeadlineKind,
    DeadlineStatus,
    PeriodDirection,
    PeriodUnit,
    RuleSetChoice,
    ServiceMethod,
    period_direction_field,
    period_unit_field,
)
from cases.models.motions import Motion
from tracker.fields import SourcesField


class Deadline(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="deadlines")
    title = models.CharField(max_length=300)
    kind = models.CharField(max_length=20, choices=DeadlineKind.choices, default=DeadlineKind.OTHER)
    due_date = models.DateField()
    due_time = models.TimeField(
        null=True, blank=True, help_text="In the court's time zone; empty for an all-day deadline."
    )
    motion = models.ForeignKey(
        Motion, null=True, blank=True, on_delete=models.SET_NULL, related_name="deadlines"
    )
    basis = models.CharField(
        max_length=20, choices=DeadlineBasis.choices, default=DeadlineBasis.SET_BY_ORDER
    )
    trigger_date = models.DateField(
        null=True, blank=True, help_text="The date the period counts from (or back from)."
    )
    trigger_event = models.CharField(
        max_length=200,
        blank=True,
        help_text="What happened on the trigger date, e.g. 'service of the motion', 'hearing'.",
    )
    # The inputs of a computed deadline: with trigger_date they reproduce due_date.
    rule_set = models.CharField(max_length=20, choices=RuleSetChoice.choices, blank=True)
    period_days = models.PositiveSmallIntegerField(null=True, blank=True)
    period_unit = period_unit_field()
    direction = period_direction_field()
    service_method = models.CharField(
        max_length=20, choices=ServiceMethod.choices, default=ServiceMethod.NONE
    )
    from_judgment = models.BooleanField(
        default=False,
        help_text="The period runs from entry of judgment: no days are added for service.",
    )
    earliest_safe_date = models.DateField(
        null=True,
        blank=True,
        help_text="Set when a reasonable reading of the rules gives an earlier date than due.",
    )
    rule = models.CharField(max_length=200, blank=True, help_text="e.g. FRCP 6(a), CCP 1005(b)")
    explanation = models.TextField(blank=True)
    status = models.CharField(
        max_length=20, choices=DeadlineStatus.choices, default=DeadlineStatus.OPEN
    )
    sources = SourcesField()
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["due_date", "due_time", "pk"]
        constraints = [
            choices_check("status", DeadlineStatus, "deadline_status_valid"),
            models.CheckConstraint(
                condition=Q(basis="computed", trigger_date__isnull=False) | ~Q(basis="computed"),
                name="deadline_computed_has_trigger",
                violation_error_message=(
                    "A computed deadline needs the trigger date it counts from."
                ),
            ),
            models.CheckConstraint(
                condition=~Q(basis="computed") | (Q(period_days__gte=1) & ~Q(rule_set="")),
                name="deadline_computed_has_period",
                violation_error_message=(
                    "A computed deadline needs its period and the rule set it was computed under."
                ),
            ),
            models.CheckConstraint(
                condition=Q(earliest_safe_date__isnull=True)
                | Q(earliest_safe_date__lt=F("due_date")),
                name="deadline_earliest_safe_before_due",
                violation_error_message="The earliest safe date must be before the due date.",
            ),
            choices_check("period_unit", PeriodUnit, "deadline_period_unit_valid"),
            choices_check("direction", PeriodDirection, "deadline_direction_valid"),
            choices_check("service_method", ServiceMethod, "deadline_service_method_valid"),
        ]
        indexes = [
            # Upcoming-deadlines page and reminder scan: WHERE status = 'open' AND due_date >= %s.
            models.Index(
                fields=["due_date"], condition=Q(status="open"), name="deadline_open_due_idx"
            ),
            # Deadlines of one case (case page): WHERE case_id = %s ORDER BY due_date.
            models.Index(fields=["case", "due_date"], name="deadline_case_due_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.case.short_name}, due {self.due_date})"

    @property
    def is_computed(self) -> bool:
        return self.basis == DeadlineBasis.COMPUTED

    @property
    def period_label(self) -> str:
        """'14 days after service of the motion on 2021-04-02' for a computed deadline."""
        if not (self.is_computed and self.period_days and self.trigger_date):
            return ""
        unit = "court day" if self.period_unit == PeriodUnit.COURT else "day"
        plural = "" if self.period_days == 1 else "s"
        what = self.trigger_event or "the trigger"
        return (
            f"{self.period_days} {unit}{plural} {self.direction} {what} "
            f"on {self.trigger_date:%Y-%m-%d}"
        )

    def clean(self) -> None:
        if self.motion_id and self.case_id and self.motion.case_id != self.case_id:
            raise ValidationError({"motion": "This motion belongs to another case."})
