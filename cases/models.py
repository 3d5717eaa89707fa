"""Courts, judges, cases, the related-case graph and everything that happens in a case.

Writes that carry a rule (a status change, a ruling deciding motions, a deadline moved) go through
``cases.services``; the models hold the data, the database constraints and the read helpers.
"""

from __future__ import annotations

import zoneinfo

from django.conf import settings
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from tracker.fields import SourcesField, WebAddressField, source_list
from tracker.links import slug_url


def validate_time_zone(value: str) -> None:
    """Accept only IANA time zone names."""
    try:
        zoneinfo.ZoneInfo(value)
    # OSError: a folder of the zone database ("America"), or a name too long for a file name.
    except (zoneinfo.ZoneInfoNotFoundError, ValueError, OSError):
        raise ValidationError(
            "%(value)s is not a time zone name; use an IANA name such as America/Chicago.",
            code="invalid_time_zone",
            params={"value": value},
        ) from None


def choices_check(
    field: str, choices: type[models.TextChoices], name: str
) -> models.CheckConstraint:
    """Keep a choice column to its choices in the database too."""
    return models.CheckConstraint(
        condition=Q(**{f"{field}__in": choices.values}),
        name=name,
        violation_error_message=f"Unknown {field.replace('_', ' ')}.",
    )


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


class CaseType(models.TextChoices):
    CIVIL = "civil", "Civil action"
    CRIMINAL = "criminal", "Criminal case"
    CLASS_ACTION = "class_action", "Class action"
    MDL = "mdl", "Multidistrict litigation"
    APPEAL = "appeal", "Appeal"
    CERT_PETITION = "cert_petition", "Petition for certiorari"


class CaseStatus(models.TextChoices):
    FILED = "filed", "Filed"
    ACTIVE = "active", "Active"
    STAYED = "stayed", "Stayed"
    REMOVED = "removed", "Removed"
    REMANDED = "remanded", "Remanded"
    TRANSFERRED = "transferred", "Transferred"
    ON_APPEAL = "on_appeal", "On appeal"
    SETTLED = "settled", "Settled"
    DISMISSED = "dismissed", "Dismissed"
    JUDGMENT = "judgment", "Judgment entered"
    CLOSED = "closed", "Closed"


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


class LinkKind(models.TextChoices):
    REMOVED_TO = "removed_to", "removed to"
    REMANDED_TO = "remanded_to", "remanded to"
    TRANSFERRED_TO = "transferred_to", "transferred to"
    TRANSFERRED_INTO_MDL = "transferred_into_mdl", "transferred into MDL"
    CONSOLIDATED_INTO = "consolidated_into", "consolidated into"
    APPEAL_FROM = "appeal_from", "appeal from"
    CERT_PETITION_FROM = "cert_petition_from", "cert petition from"
    RELATED = "related", "related to"


# How a link reads from the other end ("Renderos (N.D. Cal.) was removed from ...").
LINK_INVERSE_LABELS = {
    LinkKind.REMOVED_TO: "removed from",
    LinkKind.REMANDED_TO: "remanded from",
    LinkKind.TRANSFERRED_TO: "transferred from",
    LinkKind.TRANSFERRED_INTO_MDL: "MDL member case",
    LinkKind.CONSOLIDATED_INTO: "consolidated case",
    LinkKind.APPEAL_FROM: "appealed to",
    LinkKind.CERT_PETITION_FROM: "cert petition",
    LinkKind.RELATED: "related to",
}


class CaseLink(models.Model):
    """An edge of the related-case graph: "<from_case> was <kind> <to_case>"."""

    from_case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="links_out")
    to_case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="links_in")
    kind = models.CharField(max_length=30, choices=LinkKind.choices)
    date = models.DateField(null=True, blank=True)
    note = models.CharField(max_length=300, blank=True)
    sources = SourcesField()

    history = HistoricalRecords()

    class Meta:
        ordering = ["date", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(from_case=F("to_case")),
                name="caselink_not_to_itself",
                violation_error_message="A case cannot be linked to itself.",
            ),
            models.UniqueConstraint(
                fields=["from_case", "to_case", "kind"],
                name="caselink_unique",
                violation_error_message="These two cases are already linked this way.",
            ),
            choices_check("kind", LinkKind, "caselink_kind_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.from_case.short_name} {self.get_kind_display()} {self.to_case}"

    @property
    def inverse_label(self) -> str:
        return LINK_INVERSE_LABELS[LinkKind(self.kind)]


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


class MotionKind(models.TextChoices):
    DISMISS = "dismiss", "Motion to dismiss"
    DEMURRER = "demurrer", "Demurrer"
    STRIKE = "strike", "Motion to strike (anti-SLAPP)"
    STAY = "stay", "Motion to stay"
    REMAND = "remand", "Motion to remand"
    PRELIMINARY_INJUNCTION = "preliminary_injunction", "Motion for preliminary injunction"
    CLASS_CERTIFICATION = "class_certification", "Motion for class certification"
    APPOINT_COUNSEL = "appoint_counsel", "Motion to appoint counsel"
    TRANSFER = "transfer", "Motion to transfer"
    SUMMARY_JUDGMENT = "summary_judgment", "Motion for summary judgment"
    RECONSIDERATION = "reconsideration", "Motion for reconsideration"
    REHEARING = "rehearing", "Petition for rehearing"
    CERTIFY_APPEAL = "certify_appeal", "Motion to certify interlocutory appeal"
    SETTLEMENT_APPROVAL = "settlement_approval", "Motion for settlement approval"
    OTHER = "other", "Other motion"


class MotionStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    GRANTED = "granted", "Granted"
    DENIED = "denied", "Denied"
    GRANTED_IN_PART = "granted_in_part", "Granted in part"
    WITHDRAWN = "withdrawn", "Withdrawn"
    MOOT = "moot", "Moot"
    UNKNOWN = "unknown", "Decided; outcome unknown"


class Outcome(models.TextChoices):
    """What a ruling did to one motion; recording it sets the motion's status to the same value."""

    GRANTED = "granted", "Granted"
    DENIED = "denied", "Denied"
    GRANTED_IN_PART = "granted_in_part", "Granted in part"
    MOOT = "moot", "Moot"


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


class RulingKind(models.TextChoices):
    ORDER = "order", "Order"
    OPINION = "opinion", "Opinion"
    JUDGMENT = "judgment", "Judgment"
    MINUTE_ORDER = "minute_order", "Minute order"


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


class DeadlineKind(models.TextChoices):
    RESPONSE = "response", "Response / opposition"
    REPLY = "reply", "Reply"
    HEARING = "hearing", "Hearing"
    FILING = "filing", "Filing"
    DISCOVERY = "discovery", "Discovery"
    APPEAL = "appeal", "Notice of appeal / petition"
    OTHER = "other", "Other"


class DeadlineBasis(models.TextChoices):
    COMPUTED = "computed", "Computed from a court rule"
    SET_BY_ORDER = "set_by_order", "Set by order"
    OTHER = "other", "Other"


class RuleSetChoice(models.TextChoices):
    FRCP = "frcp", "Federal Rules of Civil Procedure (FRCP 6)"
    FRAP = "frap", "Federal Rules of Appellate Procedure (FRAP 26)"
    CALIFORNIA = "california", "California Code of Civil Procedure (CCP 12-12c, 1013, 1010.6)"


class PeriodUnit(models.TextChoices):
    CALENDAR = "calendar", "calendar days"
    COURT = "court", "court days"


class PeriodDirection(models.TextChoices):
    AFTER = "after", "after the trigger"
    BEFORE = "before", "before the trigger (e.g. a hearing)"


class ServiceMethod(models.TextChoices):
    NONE = "none", "Not triggered by service (filing, order, hearing)"
    PERSONAL = "personal", "Personal delivery"
    ELECTRONIC = "electronic", "Electronic service"
    MAIL = "mail", "Mail (California: mailed within California)"
    MAIL_OUT_OF_STATE = "mail_us", "Mail to an address elsewhere in the United States"
    MAIL_INTERNATIONAL = "mail_intl", "Mail to an address outside the United States"
    OVERNIGHT = "overnight", "Express mail or overnight delivery"
    FAX = "fax", "Fax"
    CLERK = "clerk", "Left with the court clerk (FRCP 5(b)(2)(D))"
    CONSENTED = "consented", "Other means the person consented to (FRCP 5(b)(2)(F))"


class DeadlineStatus(models.TextChoices):
    OPEN = "open", "Open"
    MET = "met", "Met"
    EXTENDED = "extended", "Extended"
    VACATED = "vacated", "Vacated"


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
    period_unit = models.CharField(
        max_length=10, choices=PeriodUnit.choices, default=PeriodUnit.CALENDAR
    )
    direction = models.CharField(
        max_length=10, choices=PeriodDirection.choices, default=PeriodDirection.AFTER
    )
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


class PeriodTrigger(models.TextChoices):
    FILED = "filed", "the motion's filing (and service)"
    HEARING = "hearing", "the motion's hearing date"
    RESPONSE = "response", "the response deadline proposed with it"


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
    period_unit = models.CharField(
        max_length=10, choices=PeriodUnit.choices, default=PeriodUnit.CALENDAR
    )
    direction = models.CharField(
        max_length=10, choices=PeriodDirection.choices, default=PeriodDirection.AFTER
    )
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


class StatusChange(models.Model):
    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="status_changes")
    from_status = models.CharField(max_length=20, choices=CaseStatus.choices, blank=True)
    to_status = models.CharField(max_length=20, choices=CaseStatus.choices)
    effective_date = models.DateField(null=True, blank=True, help_text="Empty when not confirmed.")
    recorded_at = models.DateTimeField(auto_now_add=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    note = models.CharField(max_length=300, blank=True)
    sources = SourcesField()

    class Meta:
        ordering = ["effective_date", "recorded_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(from_status=F("to_status")),
                name="statuschange_changes_status",
                violation_error_message="A status change must change the status.",
            ),
            choices_check("to_status", CaseStatus, "statuschange_to_status_valid"),
        ]
        indexes = [
            # Home page "latest status changes": WHERE from_status <> '' AND effective_date IS
            # NOT NULL ORDER BY effective_date DESC, recorded_at DESC, id DESC LIMIT n.
            models.Index(
                F("effective_date").desc(),
                F("recorded_at").desc(),
                F("id").desc(),
                condition=~Q(from_status="") & Q(effective_date__isnull=False),
                name="statuschange_latest_idx",
            ),
        ]

    def __str__(self) -> str:
        before = self.get_from_status_display() or "(new)"
        return f"{self.case.short_name}: {before} -> {self.get_to_status_display()}"


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
