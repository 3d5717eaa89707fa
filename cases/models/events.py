"""The activity log of a case, which feeds its timeline, the feeds and the alerts."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q

from cases.models.case import Case
from cases.models.checks import choices_check
from cases.models.deadlines import Deadline
from cases.models.docket import DocketEntry
from cases.models.motions import Motion, Ruling
from cases.models.status_changes import StatusChange


class EventKind(models.TextChoices):
    CASE_OPENED = "case_opened", "Case added"
    STATUS_CHANGED = "status_changed", "Status changed"
    DOCKET_ENTRY_ADDED = "docket_entry_added", "Docket entry added"
    MOTION_FILED = "motion_filed", "Motion filed"
    MOTION_DECIDED = "motion_decided", "Motion decided"
    RULING_ENTERED = "ruling_entered", "Ruling entered"
    DEADLINE_SET = "deadline_set", "Deadline set"
    DEADLINE_MOVED = "deadline_moved", "Deadline moved"
    DEADLINE_VACATED = "deadline_vacated", "Deadline vacated"
    DEADLINE_MET = "deadline_met", "Deadline met"
    CASE_LINKED = "case_linked", "Related case linked"


class CaseEvent(models.Model):
    """The activity log: one row per change a follower may want to hear about.

    Written by the services in the same transaction as the change itself; it feeds the case
    timeline, the Atom feeds and the e-mail alerts.
    """

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=30, choices=EventKind.choices)
    occurred_on = models.DateField(
        null=True, blank=True, help_text="When it happened in court; empty when not confirmed."
    )
    recorded_at = models.DateTimeField(auto_now_add=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    summary = models.CharField(max_length=500)
    detail = models.JSONField(default=dict, blank=True)
    status_change = models.ForeignKey(
        StatusChange, null=True, blank=True, on_delete=models.SET_NULL, related_name="events"
    )
    docket_entry = models.ForeignKey(
        DocketEntry, null=True, blank=True, on_delete=models.SET_NULL, related_name="events"
    )
    motion = models.ForeignKey(
        Motion, null=True, blank=True, on_delete=models.SET_NULL, related_name="events"
    )
    ruling = models.ForeignKey(
        Ruling, null=True, blank=True, on_delete=models.SET_NULL, related_name="events"
    )
    deadline = models.ForeignKey(
        Deadline, null=True, blank=True, on_delete=models.SET_NULL, related_name="events"
    )
    dispatched_at = models.DateTimeField(
        null=True,
        blank=True,
        editable=False,
        help_text="When the alerts were written for this event (empty: not yet, or never).",
    )

    class Meta:
        ordering = ["-recorded_at", "-pk"]
        constraints = [choices_check("kind", EventKind, "caseevent_kind_valid")]
        indexes = [
            # Alerts sweep: events committed but never dispatched, WHERE dispatched_at IS NULL.
            models.Index(
                fields=["recorded_at"],
                condition=Q(dispatched_at__isnull=True),
                name="caseevent_undispatched_idx",
            ),
            # Case timeline: WHERE case_id = %s ORDER BY occurred_on.
            models.Index(fields=["case", "-occurred_on"], name="caseevent_case_occurred_idx"),
            # Per-case Atom feed: WHERE case_id = %s ORDER BY recorded_at DESC, id DESC LIMIT n.
            models.Index(
                fields=["case", "-recorded_at", "-id"], name="caseevent_case_recorded_idx"
            ),
            # Site-wide activity feed: ORDER BY recorded_at DESC LIMIT n.
            models.Index(fields=["-recorded_at"], name="caseevent_recorded_idx"),
        ]

    def __str__(self) -> str:
        return f"[{self.case.short_name}] {self.summary}"
