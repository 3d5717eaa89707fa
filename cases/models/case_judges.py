"""The judges of a case, each in a role."""

from __future__ import annotations

from django.db import models

from cases.models.case import Case
from cases.models.courts import Judge


class JudgeRole(models.TextChoices):
    PRESIDING = "presiding", "Presiding judge"
    MAGISTRATE = "magistrate", "Magistrate judge"
    PANEL = "panel", "Panel member"


class CaseJudge(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="case_judges")
    judge = models.ForeignKey(Judge, on_delete=models.PROTECT, related_name="case_roles")
    role = models.CharField(max_length=20, choices=JudgeRole.choices, default=JudgeRole.PRESIDING)

    class Meta:
        ordering = ["role", "judge__name"]
        verbose_name = "case judge"
        constraints = [
            models.UniqueConstraint(
                fields=["case", "judge", "role"],
                name="casejudge_unique",
                violation_error_message="This judge already has this role in this case.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.judge.name}, {self.get_role_display()}"
