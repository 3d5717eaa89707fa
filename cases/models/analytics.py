"""The motion-outcome analytics' materialised summary, rebuilt whole by each refresh.

``cases/analytics/refresh.py`` writes these tables in one transaction; the pages only read them.
They hold no facts of their own: every row is derived from motions, rulings, cases and judges,
so the foreign keys are not enforced (a deleted court's rows go at the next refresh) and no
delete elsewhere touches them.
"""

from __future__ import annotations

from django.db import models

from cases.models.courts import Court, Judge


def _summary_key(model: type[models.Model], **options: object) -> models.ForeignKey:
    """A foreign key the summary joins on for names, neither enforced nor followed by deletes."""
    return models.ForeignKey(
        model,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        db_index=False,  # the indexes the pages need are declared in Meta
        related_name="+",
        **options,
    )


class MotionOutcome(models.Model):
    """One motion as the analytics count it, with what it is grouped and filtered by."""

    motion_id = models.BigIntegerField(primary_key=True)
    court = _summary_key(Court)
    # The judge of the ruling that decided the motion, else the case's presiding judge.
    judge = _summary_key(Judge, null=True)
    kind = models.CharField(max_length=30)
    outcome = models.CharField(max_length=20)  # the motion's status
    case_status = models.CharField(max_length=20)
    filed_on = models.DateField(null=True)
    decided_on = models.DateField(null=True)
    days = models.IntegerField(null=True, help_text="From filing to ruling, when both are known.")

    class Meta:
        indexes = [
            # Analytics filtered by court: WHERE court_id IN (...) GROUP BY ...
            models.Index(fields=["court"], name="motionoutcome_court_idx"),
            # Analytics filtered by judge: WHERE judge_id = %s GROUP BY ...
            models.Index(fields=["judge"], name="motionoutcome_judge_idx"),
        ]

    def __str__(self) -> str:
        return f"Motion {self.motion_id}: {self.outcome}"


class OutcomeGroup(models.Model):
    """The counts of one group of motions (one kind, court, judge, or all), unfiltered."""

    class Dimension(models.TextChoices):
        ALL = "all", "All motions"
        KIND = "kind", "By motion kind"
        COURT = "court", "By court"
        JUDGE = "judge", "By judge"
        JUDGE_KIND = "judge_kind", "By judge and motion kind"
        COURT_KIND = "court_kind", "By court and motion kind"
        COURT_JUDGE = "court_judge", "By court and judge"

    dimension = models.CharField(max_length=12, choices=Dimension.choices)
    kind = models.CharField(max_length=30, blank=True)
    court = _summary_key(Court, null=True)
    judge = _summary_key(Judge, null=True)
    motions = models.IntegerField()
    decided = models.IntegerField(help_text="Granted, granted in part, denied, moot or unknown.")
    pending = models.IntegerField()
    granted = models.IntegerField()
    granted_in_part = models.IntegerField()
    denied = models.IntegerField()
    moot = models.IntegerField()
    unknown = models.IntegerField()
    withdrawn = models.IntegerField()
    timed = models.IntegerField(help_text="Decided motions with a filing and a ruling date.")
    q1 = models.FloatField(null=True)
    median = models.FloatField(null=True)
    q3 = models.FloatField(null=True)

    class Meta:
        indexes = [
            # The unfiltered analytics page: WHERE dimension IN ('all', 'kind', 'court', 'judge'),
            # the groups with the most decided motions first (and how many have enough).
            models.Index(fields=["dimension", "-decided"], name="outcomegroup_dimension_idx"),
            # A judge's page: WHERE judge_id = %s AND dimension IN ('judge', 'judge_kind').
            models.Index(fields=["judge", "dimension"], name="outcomegroup_judge_idx"),
            # The page filtered by one court: WHERE court_id = %s AND dimension IN ('court', ...).
            models.Index(fields=["court", "dimension"], name="outcomegroup_court_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.dimension} {self.kind or self.court_id or self.judge_id or ''}".strip()


class AnalyticsRefresh(models.Model):
    """When the summary was last rebuilt (one row), and what the rebuild took."""

    refreshed_at = models.DateTimeField(help_text="The data is as of this time.")
    motions = models.IntegerField()
    seconds = models.FloatField()

    class Meta:
        verbose_name = "analytics refresh"

    def __str__(self) -> str:
        return f"Analytics as of {self.refreshed_at:%Y-%m-%d %H:%M}"
