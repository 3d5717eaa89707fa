"""Courts, their levels and holiday calendars, and their judges."""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from cases.models.checks import choices_check, validate_time_zone
from tracker.links import slug_url


class CourtLevel(models.TextChoices):
    STATE_TRIAL = "state_trial", "State trial court"
    STATE_APPELLATE = "state_appellate", "State appellate court"
    STATE_SUPREME = "state_supreme", "State supreme court"
    FEDERAL_DISTRICT = "federal_district", "Federal district court"
    FEDERAL_APPELLATE = "federal_appellate", "Federal court of appeals"
    FEDERAL_SUPREME = "federal_supreme", "U.S. Supreme Court"
    JPML = "jpml", "Judicial Panel on Multidistrict Litigation"


class HolidayCalendar(models.TextChoices):
    US_FEDERAL = "us_federal", "U.S. federal holidays (FRCP 6(a)(6), FRAP 26(a)(6))"
    CA_JUDICIAL = "ca_judicial", "California judicial holidays (CCP 135, CRC 1.11)"
    IL_JUDICIAL = "il_judicial", "Illinois court holidays"


class Court(models.Model):
    code = models.SlugField(
        max_length=40, unique=True, help_text="Short identifier, e.g. ilnd, ca7, jpml."
    )
    name = models.CharField(max_length=200)
    short_name = models.CharField(max_length=60, help_text="Citation form, e.g. N.D. Ill.")
    level = models.CharField(max_length=20, choices=CourtLevel.choices)
    state = models.CharField(
        max_length=2, blank=True, help_text="Two-letter state; empty for national courts."
    )
    time_zone = models.CharField(
        max_length=64, default="America/Chicago", validators=[validate_time_zone]
    )
    holiday_calendar = models.CharField(
        max_length=20, choices=HolidayCalendar.choices, default=HolidayCalendar.US_FEDERAL
    )
    appeals_to = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="appeals_from"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(appeals_to=F("pk")),
                name="court_not_appeals_to_itself",
                violation_error_message="A court cannot hear appeals from itself.",
            ),
            choices_check("level", CourtLevel, "court_level_valid"),
        ]

    def __str__(self) -> str:
        return self.short_name or self.name

    def get_absolute_url(self) -> str:
        return slug_url("court-detail", self.code)


class Judge(models.Model):
    name = models.CharField(max_length=200)
    court = models.ForeignKey(Court, on_delete=models.PROTECT, related_name="judges")
    title = models.CharField(max_length=100, blank=True, help_text="e.g. District Judge")

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["court", "name"],
                name="judge_unique_name_per_court",
                violation_error_message="This court already has a judge with this name.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.court})"

    def get_absolute_url(self) -> str:
        return reverse("judge-detail", args=[self.pk])
