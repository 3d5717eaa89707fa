"""The case: its caption, court, docket facts, CourtListener link and search text."""

from __future__ import annotations

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from cases.models.case_choices import CaseStatus, CaseType
from cases.models.checks import choices_check
from cases.models.courts import Court, Judge
from tracker.fields import SourcesField, source_list
from tracker.links import slug_url


class Case(models.Model):
    caption = models.TextField(help_text="The full caption, as on the docket.")
    short_name = models.CharField(max_length=200, help_text="e.g. Renderos v. Clearview AI")
    slug = models.SlugField(max_length=120, unique=True)
    docket_number = models.CharField(max_length=60)
    court = models.ForeignKey(Court, on_delete=models.PROTECT, related_name="cases")
    judges = models.ManyToManyField(Judge, through="CaseJudge", related_name="cases", blank=True)
    case_type = models.CharField(max_length=20, choices=CaseType.choices, default=CaseType.CIVIL)
    status = models.CharField(
        max_length=20,
        choices=CaseStatus.choices,
        default=CaseStatus.FILED,
        help_text="Changing the status records a status change and notifies followers.",
    )
    causes_of_action = models.TextField(blank=True, help_text="One cause of action per line.")
    relief_sought = models.TextField(blank=True)
    filed_date = models.DateField(null=True, blank=True, help_text="Empty when not confirmed.")
    closed_date = models.DateField(null=True, blank=True)
    summary = models.TextField(blank=True)
    sources = SourcesField()
    # As a federal docket states them (filled by the PACER and CourtListener importers).
    cause = models.CharField(
        max_length=200,
        blank=True,
        db_default="",
        help_text="e.g. 28:1332 Diversity-Breach of Contract",
    )
    nature_of_suit = models.CharField(
        max_length=200, blank=True, db_default="", help_text="e.g. 890 Other"
    )
    jury_demand = models.CharField(
        max_length=60, blank=True, db_default="", help_text="e.g. Plaintiff, Both"
    )
    jurisdiction = models.CharField(
        max_length=100, blank=True, db_default="", help_text="e.g. Federal Question"
    )
    demand = models.CharField(
        max_length=100, blank=True, db_default="", help_text="e.g. $5,000,000"
    )
    # The case's docket on CourtListener (cases.importers.courtlistener): synced by a beat task
    # when COURTLISTENER_TOKEN is set, and updated by CourtListener's docket-alert webhooks.
    courtlistener_docket_id = models.PositiveBigIntegerField(
        null=True,
        blank=True,
        unique=True,
        verbose_name="CourtListener docket",
        help_text="The docket's id on CourtListener, or its address "
        "(https://www.courtlistener.com/docket/<id>/...).",
    )
    courtlistener_synced_at = models.DateTimeField(null=True, blank=True, editable=False)
    courtlistener_sync_error = models.TextField(blank=True, db_default="", editable=False)
    last_activity_on = models.DateField(
        null=True, blank=True, editable=False, help_text="Date of the latest event in the case."
    )
    # Full-text search (cases.search): the text of the case, its parties, motions, rulings and
    # docket entries, and on PostgreSQL its weighted tsvector. Its GIN index is made by
    # migration 0004 on PostgreSQL only (the SQLite default searches search_text instead).
    search_text = models.TextField(blank=True, default="", editable=False)
    search_vector = SearchVectorField(null=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    history = HistoricalRecords(
        excluded_fields=["search_text", "search_vector", "last_activity_on"]
    )

    class Meta:
        ordering = ["-filed_date", "short_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["court", "docket_number"],
                name="case_unique_docket_number_per_court",
                violation_error_message=(
                    "A case with this docket number already exists in this court."
                ),
            ),
            models.CheckConstraint(
                condition=Q(closed_date__isnull=True)
                | Q(filed_date__isnull=True)
                | Q(closed_date__gte=F("filed_date")),
                name="case_closed_on_or_after_filed",
                violation_error_message="The closed date cannot be before the filed date.",
            ),
            choices_check("status", CaseStatus, "case_status_valid"),
            choices_check("case_type", CaseType, "case_type_valid"),
        ]
        indexes = [
            # Case list filtered by court and status: WHERE court_id = %s AND status = %s.
            models.Index(fields=["court", "status"], name="case_court_status_idx"),
            # Case list filtered by status alone and the "open cases" counts.
            models.Index(fields=["status"], name="case_status_idx"),
            # Case list in its default order, ORDER BY filed_date DESC NULLS LAST, short_name, id
            # (the sort "-filed"), and filed-date range filters.
            models.Index(
                F("filed_date").desc(nulls_last=True),
                "short_name",
                "id",
                name="case_filed_idx",
            ),
            # Case list sorted by last activity: ORDER BY last_activity_on DESC NULLS LAST,
            # short_name, id (the sort "-activity").
            models.Index(
                F("last_activity_on").desc(nulls_last=True),
                "short_name",
                "id",
                name="case_activity_idx",
            ),
            # Party page: its roles ordered by their cases' filing dates, joined on id, read
            # from the index alone instead of the wide case rows (PostgreSQL INCLUDE).
            models.Index(fields=["id"], include=["filed_date"], name="case_id_filed_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.short_name} ({self.court}, {self.docket_number})"

    def get_absolute_url(self) -> str:
        return slug_url("case-detail", self.slug)

    @property
    def courtlistener_url(self) -> str:
        if self.courtlistener_docket_id is None:
            return ""
        return f"https://www.courtlistener.com/docket/{self.courtlistener_docket_id}/"

    @property
    def source_list(self) -> list[str]:
        return source_list(self.sources)

    @property
    def causes_of_action_list(self) -> list[str]:
        return [line.strip() for line in self.causes_of_action.splitlines() if line.strip()]
