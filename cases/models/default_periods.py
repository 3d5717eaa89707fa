"""A court's usual periods for the steps of a motion's briefing."""

from __future__ import annotations

from django.db import models
from django.db.models import Q

from cases.models.checks import choices_check
from cases.models.courts import Court
from cases.models.deadline_choices import (
    DeadlineKind,
    PeriodDirection,
    PeriodTrigger,
    PeriodUnit,
    RuleSetChoice,
    period_direction_field,
    period_unit_field,
)
from cases.models.motion_choices import MotionKind


class DefaultPeriod(models.Model):
    """A court's usual period for a step in a motion's briefing, e.g. 'opposition: 9 court days
    before the hearing (CCP 1005(b))'. Filing a motion proposes deadlines from these rows.

    A row with no court applies to every court under its rule set; a row with no motion kind
    to every kind of motion. The most specific rows win: court and kind, then court, then
    kind, then the rule set's general rows.
    """

    rule_set = models.CharField(max_length=20, choices=RuleSetChoice.choices)
    court = models.ForeignKey(
        Court,
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="default_periods",
        help_text="Empty: every court under this rule set.",
    )
    motion_kind = models.CharField(
        max_length=30,
        choices=MotionKind.choices,
        blank=True,
        help_text="Empty: every kind of motion.",
    )
    title = models.CharField(max_length=200, help_text="e.g. 'Opposition due'")
    deadline_kind = models.CharField(
        max_length=20, choices=DeadlineKind.choices, default=DeadlineKind.RESPONSE
    )
    trigger = models.CharField(
        max_length=20, choices=PeriodTrigger.choices, default=PeriodTrigger.FILED
    )
    period_days = models.PositiveSmallIntegerField()
    period_unit = period_unit_field()
    direction = period_direction_field()
    rule = models.CharField(max_length=200, help_text="The rule that sets the period.")
    note = models.CharField(max_length=300, blank=True)
    position = models.PositiveSmallIntegerField(default=0, help_text="Order within a motion.")

    class Meta:
        ordering = ["rule_set", "court__name", "motion_kind", "position", "pk"]
        verbose_name = "default deadline period"
        constraints = [
            models.UniqueConstraint(
                fields=["rule_set", "court", "motion_kind", "title"],
                nulls_distinct=False,
                name="defaultperiod_unique_title",
                violation_error_message=(
                    "This rule set, court and motion kind already have a period with this title."
                ),
            ),
            models.CheckConstraint(
                condition=Q(period_days__gte=1) & Q(period_days__lte=3650),
                name="defaultperiod_days_range",
                violation_error_message="The period must be between 1 and 3650 days.",
            ),
            models.CheckConstraint(
                condition=~Q(trigger="hearing") | Q(direction="before"),
                name="defaultperiod_hearing_counts_back",
                violation_error_message="A period measured from the hearing counts back from it.",
            ),
            choices_check("rule_set", RuleSetChoice, "defaultperiod_rule_set_valid"),
            choices_check("trigger", PeriodTrigger, "defaultperiod_trigger_valid"),
            choices_check("period_unit", PeriodUnit, "defaultperiod_unit_valid"),
            choices_check("direction", PeriodDirection, "defaultperiod_direction_valid"),
        ]

    def __str__(self) -> str:
        unit = "court days" if self.period_unit == PeriodUnit.COURT else "days"
        return f"{self.title}: {self.period_days} {unit} {self.direction} ({self.rule})"
