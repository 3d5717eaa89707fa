"""A case's docket entries, the imports that bring them and CourtListener's webhooks."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from cases.models.case import Case
from cases.models.checks import choices_check
from tracker.fields import SourcesField, WebAddressField


class DocketSource(models.TextChoices):
    MANUAL = "manual", "Entered by an editor"
    PACER = "pacer", "PACER docket report"
    COURTLISTENER = "courtlistener", "CourtListener"


class DocketEntry(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="docket_entries")
    number = models.PositiveBigIntegerField(
        null=True, blank=True, help_text="The court's entry number; empty when it has none."
    )
    filed_date = models.DateField()
    date_entered = models.DateField(
        null=True, blank=True, help_text="When the clerk entered it on the docket."
    )
    text = models.TextField()
    document_url = WebAddressField(max_length=500, blank=True)
    sources = SourcesField()
    source = models.CharField(
        max_length=20,
        choices=DocketSource.choices,
        default=DocketSource.MANUAL,
        db_default=DocketSource.MANUAL,
        editable=False,
    )
    # Identifiers of the court's and CourtListener's systems, used to match a re-imported entry.
    pacer_doc_id = models.CharField(max_length=40, blank=True, db_default="", editable=False)
    pacer_seq_no = models.CharField(max_length=40, blank=True, db_default="", editable=False)
    courtlistener_id = models.PositiveBigIntegerField(
        null=True, blank=True, unique=True, editable=False
    )
    missing_from_source_since = models.DateField(
        null=True,
        blank=True,
        editable=False,
        help_text="Imported, then absent from a later report of its docket (kept, not deleted).",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["filed_date", "number", "pk"]
        verbose_name_plural = "docket entries"
        constraints = [
            models.UniqueConstraint(
                fields=["case", "number"],
                condition=Q(number__isnull=False),
                name="docketentry_unique_number_per_case",
                violation_error_message="This case already has a docket entry with this number.",
            ),
            choices_check("source", DocketSource, "docketentry_source_valid"),
        ]
        indexes = [
            # Case timeline and docket-entry changelist: WHERE case_id = %s ORDER BY filed_date.
            models.Index(fields=["case", "filed_date", "number"], name="docketentry_case_date_idx"),
        ]

    def __str__(self) -> str:
        number = f"#{self.number} " if self.number is not None else ""
        return f"{number}{self.filed_date}: {self.text[:80]}"

    @property
    def is_imported(self) -> bool:
        return self.source != DocketSource.MANUAL


class DocketImport(models.Model):
    """One import of a case's docket from its court or CourtListener: what came in, and when."""

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="docket_imports")
    source = models.CharField(max_length=20, choices=DocketSource.choices)
    report_date = models.DateField(
        null=True, blank=True, help_text="The date the court's report was run, when it says."
    )
    imported_at = models.DateTimeField(auto_now_add=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    file_name = models.CharField(max_length=255, blank=True)
    summary = models.JSONField(default=dict, blank=True, help_text="What was added and changed.")

    class Meta:
        ordering = ["-imported_at", "-pk"]
        constraints = [choices_check("source", DocketSource, "docketimport_source_valid")]
        indexes = [
            # Case page: the latest import, WHERE case_id = %s ORDER BY imported_at DESC LIMIT 1.
            models.Index(fields=["case", "-imported_at"], name="docketimport_case_latest_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.get_source_display()} import of {self.case.short_name}, {self.imported_at}"


class WebhookDelivery(models.Model):
    """A CourtListener webhook event received, by its idempotency key: a redelivery is ignored."""

    idempotency_key = models.CharField(max_length=100, unique=True)
    event_type = models.PositiveSmallIntegerField(null=True, blank=True)
    received_at = models.DateTimeField(auto_now_add=True)
    entries_added = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-received_at", "-pk"]
        verbose_name = "CourtListener webhook delivery"
        verbose_name_plural = "CourtListener webhook deliveries"

    def __str__(self) -> str:
        return f"{self.idempotency_key} ({self.received_at})"
