"""Who follows which case, how they want to hear about it, and the record of every delivery."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.db.models import Q

from alerts.filters import validate_match_words, validate_motion_kinds
from cases.models import choices_check, validate_time_zone

MAX_LEAD_DAYS = 60
# The kinds of news a subscription chooses, and the filters that narrow them (copied together
# when a follower is subscribed to the case a followed case went to).
SUBSCRIPTION_CHOICES = (
    "deadline_reminders",
    "status_changes",
    "rulings",
    "motions",
    "docket_entries",
)
SUBSCRIPTION_FILTERS = ("match_words", "motion_kinds")


def parse_lead_days(value: str) -> list[int]:
    """ "7, 1" -> [7, 1] (distinct, largest first); raises ValueError on anything else."""
    days = sorted({int(part) for part in value.replace(" ", "").split(",") if part}, reverse=True)
    if not days or any(d < 0 or d > MAX_LEAD_DAYS for d in days):
        raise ValueError(value)
    return days


def validate_lead_days(value: str) -> None:
    try:
        parse_lead_days(value)
    except ValueError:
        raise ValidationError(
            "Give days before the deadline as whole numbers from 0 to %(max)s, separated by "
            "commas, e.g. 7, 1.",
            code="invalid_lead_days",
            params={"max": MAX_LEAD_DAYS},
        ) from None


class Delivery(models.TextChoices):
    IMMEDIATE = "immediate", "Each alert at once"
    DIGEST = "digest", "One daily digest"


class FollowOn(models.TextChoices):
    OFFER = "offer", "Offer me the new case in the alert"
    FOLLOW = "follow", "Follow the new case for me"


class AlertSettings(models.Model):
    """One person's alert preferences, for all the cases they follow."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="alert_settings"
    )
    time_zone = models.CharField(
        max_length=64, default="America/Chicago", validators=[validate_time_zone]
    )
    delivery = models.CharField(max_length=20, choices=Delivery.choices, default=Delivery.IMMEDIATE)
    digest_hour = models.PositiveSmallIntegerField(
        default=7,
        validators=[MaxValueValidator(23)],
        help_text="Hour of the day (0-23, in your time zone) the daily digest is sent.",
    )
    reminder_days = models.CharField(
        max_length=50,
        default="7, 1",
        validators=[validate_lead_days],
        help_text="Days before each deadline to send a reminder, e.g. 7, 1.",
    )
    email_rejected_at = models.DateTimeField(
        null=True, blank=True, help_text="Set when the mail server refused the address for good."
    )
    email_rejected_reason = models.CharField(max_length=500, blank=True)
    follow_on = models.CharField(
        max_length=10,
        choices=FollowOn.choices,
        default=FollowOn.OFFER,
        db_default=FollowOn.OFFER,
        help_text="When a case you follow is removed, remanded, transferred, sent to an MDL or "
        "appealed: what to do about the case it went to.",
    )

    class Meta:
        verbose_name = "alert settings"
        verbose_name_plural = "alert settings"
        constraints = [choices_check("follow_on", FollowOn, "alertsettings_follow_on_valid")]

    def __str__(self) -> str:
        return f"Alert settings of {self.user}"

    @property
    def lead_days(self) -> list[int]:
        return parse_lead_days(self.reminder_days)


class Subscription(models.Model):
    """A person following a case, and which kinds of news they want about it."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="subscriptions"
    )
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="subscriptions")
    deadline_reminders = models.BooleanField(
        default=True, help_text="Reminders before deadlines, and notices when one moves."
    )
    status_changes = models.BooleanField(default=True, help_text="Status changes, related cases.")
    rulings = models.BooleanField(default=True, help_text="Rulings and decided motions.")
    motions = models.BooleanField(default=True, help_text="Motions filed.")
    docket_entries = models.BooleanField(default=False, help_text="Every new docket entry.")
    # Filters (empty: no limit). They narrow docket entries, motions and rulings only.
    match_words = models.TextField(
        blank=True,
        default="",
        db_default="",
        validators=[validate_match_words],
        help_text='Only entries, motions and rulings with one of these words or "quoted '
        'phrases" (any case, whole words), e.g. settlement "preliminary injunction".',
    )
    motion_kinds = models.JSONField(
        blank=True,
        default=list,
        db_default=[],
        validators=[validate_motion_kinds],
        help_text="Only motions of these kinds (none chosen: every kind).",
    )
    active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["case__short_name", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "case"],
                name="subscription_unique_user_case",
                violation_error_message="This person already follows this case.",
            )
        ]
        indexes = [
            # Dispatch and reminder scan: subscribers of a case, WHERE case_id = %s AND active.
            models.Index(fields=["case"], condition=Q(active=True), name="subscription_active_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.user} follows {self.case.short_name}"


class NotificationKind(models.TextChoices):
    EVENT = "event", "Case activity"
    REMINDER = "reminder", "Deadline reminder"
    DIGEST = "digest", "Daily digest"


class NotificationStatus(models.TextChoices):
    PENDING = "pending", "Waiting to be sent"
    SENDING = "sending", "Being sent"
    SENT = "sent", "Sent"
    FAILED = "failed", "Failed"
    SKIPPED = "skipped", "Not sent"


class Notice(models.TextChoices):
    """What an event notification tells besides the event, whatever the follower's choices."""

    FOLLOW_OFFERED = "follow_offered", "Offers the case the litigation went to"
    FOLLOWED = "followed", "Says the case the litigation went to is now followed"
    CASE_CLOSED = "case_closed", "Says the case is closed and the follow stays"


class Notification(models.Model):
    """The delivery record: one row per recipient and event, reminder or digest.

    A row is written before anything is sent; a sender claims it with a conditional UPDATE, so a
    retried or duplicated task, or a second worker, cannot send it twice.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(max_length=20, choices=NotificationKind.choices)
    delivery = models.CharField(max_length=20, choices=Delivery.choices)
    case = models.ForeignKey(
        "cases.Case", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    event = models.ForeignKey(
        "cases.CaseEvent", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    deadline = models.ForeignKey(
        "cases.Deadline", null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    # Reminders: "<deadline>:<due date>:<due time>:<days before>", so a moved deadline gets
    # new reminders; digests: "digest:<local date>".
    key = models.CharField(max_length=100, blank=True)
    lead_days = models.PositiveSmallIntegerField(null=True, blank=True)
    notice = models.CharField(
        max_length=20, choices=Notice.choices, blank=True, default="", db_default=""
    )
    other_case = models.ForeignKey(
        "cases.Case",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="The case the litigation went to (follow-on notices).",
        db_index=False,  # notification_other_case_idx: only the rows that have one
    )
    digest = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="items",
        help_text="The digest that carried this item.",
    )
    status = models.CharField(
        max_length=20, choices=NotificationStatus.choices, default=NotificationStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)
    subject = models.CharField(max_length=300, blank=True)
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "event"],
                condition=Q(event__isnull=False),
                name="notification_once_per_event",
            ),
            models.UniqueConstraint(
                fields=["user", "key"], condition=~Q(key=""), name="notification_once_per_key"
            ),
            models.CheckConstraint(
                condition=Q(notice__in=["", *Notice.values]),
                name="notification_notice_valid",
                violation_error_message="Unknown notice.",
            ),
        ]
        indexes = [
            # Deleting a case sets its follow-on notices' other_case to NULL: WHERE
            # other_case_id = %s. Partial, so the reminder scan's tens of thousands of rows
            # (other_case NULL) cost no index upkeep.
            models.Index(
                fields=["other_case"],
                condition=Q(other_case__isnull=False),
                name="notification_other_case_idx",
            ),
            # Sender: WHERE status = 'pending' AND delivery = 'immediate' ORDER BY id.
            models.Index(
                fields=["delivery", "id"],
                condition=Q(status="pending"),
                name="notification_pending_idx",
            ),
            # Lease sweep: WHERE status = 'sending' AND claimed_at < %s.
            models.Index(
                fields=["claimed_at"],
                condition=Q(status="sending"),
                name="notification_sending_idx",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} to {self.user}: {self.subject or self.key}"


class TaskRun(models.Model):
    """When each scheduled task last finished: the health check's proof that beat is running."""

    task = models.CharField(max_length=100, primary_key=True)
    finished_at = models.DateTimeField()

    class Meta:
        verbose_name = "scheduled task run"

    def __str__(self) -> str:
        return f"{self.task} at {self.finished_at:%Y-%m-%d %H:%M:%S}"
