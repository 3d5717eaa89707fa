"""Parties, their roles in cases, law firms, attorneys and who represents whom."""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from tracker.fields import SourcesField, source_list
from tracker.links import slug_url


class PartyKind(models.TextChoices):
    PERSON = "person", "Person"
    ORGANIZATION = "organization", "Organization"
    GOVERNMENT = "government", "Government body"


class Party(models.Model):
    name = models.CharField(max_length=300, unique=True)
    slug = models.SlugField(max_length=120, unique=True)
    kind = models.CharField(max_length=20, choices=PartyKind.choices)
    description = models.TextField(blank=True)
    sources = SourcesField()

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "parties"
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=PartyKind.values),
                name="party_kind_valid",
                violation_error_message="Unknown kind of party.",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return slug_url("party-detail", self.slug)

    @property
    def source_list(self) -> list[str]:
        return source_list(self.sources)


class PartyRole(models.TextChoices):
    PLAINTIFF = "plaintiff", "Plaintiff"
    DEFENDANT = "defendant", "Defendant"
    PETITIONER = "petitioner", "Petitioner"
    RESPONDENT = "respondent", "Respondent"
    APPELLANT = "appellant", "Appellant"
    APPELLEE = "appellee", "Appellee"
    INTERVENOR = "intervenor", "Intervenor"
    AMICUS = "amicus", "Amicus curiae"
    OBJECTOR = "objector", "Objector"
    INTERESTED_PARTY = "interested_party", "Interested party"
    MOVANT = "movant", "Movant"
    CLAIMANT = "claimant", "Claimant"
    OTHER = "other", "Other party"


class CaseParty(models.Model):
    case = models.ForeignKey("cases.Case", on_delete=models.CASCADE, related_name="case_parties")
    party = models.ForeignKey(Party, on_delete=models.PROTECT, related_name="case_roles")
    role = models.CharField(max_length=20, choices=PartyRole.choices)
    joined_date = models.DateField(null=True, blank=True)
    terminated_date = models.DateField(null=True, blank=True)
    note = models.CharField(
        max_length=300, blank=True, help_text="e.g. 'Erroneously sued as the District Attorney'"
    )
    docket_role = models.CharField(
        max_length=100,
        blank=True,
        db_default="",
        help_text="The role as the court's docket names it.",
    )
    extra_info = models.TextField(
        blank=True,
        db_default="",
        help_text="What the docket says under the party's name (title, capacity).",
    )
    sources = SourcesField()

    history = HistoricalRecords()

    class Meta:
        ordering = ["role", "party__name"]
        verbose_name = "case party"
        verbose_name_plural = "case parties"
        constraints = [
            models.UniqueConstraint(
                fields=["case", "party", "role"],
                name="caseparty_unique_role",
                violation_error_message="This party already has this role in this case.",
            ),
            models.CheckConstraint(
                condition=Q(terminated_date__isnull=True)
                | Q(joined_date__isnull=True)
                | Q(terminated_date__gte=F("joined_date")),
                name="caseparty_terminated_on_or_after_joined",
                violation_error_message="A party cannot be terminated before it joined the case.",
            ),
            models.CheckConstraint(
                condition=Q(role__in=PartyRole.values),
                name="caseparty_role_valid",
                violation_error_message="Unknown party role.",
            ),
        ]
        indexes = [
            # Party page: every case of a party, WHERE party_id = %s (the unique index leads
            # by case, so it cannot serve this). Covering: the page's ordering subquery reads
            # its keys from the index alone (PostgreSQL; SQLite ignores INCLUDE).
            models.Index(
                fields=["party", "case"], include=["role", "id"], name="caseparty_party_case_idx"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.party.name} ({self.get_role_display()})"


class LawFirm(models.Model):
    name = models.CharField(max_length=300, unique=True)
    slug = models.SlugField(max_length=120, unique=True)
    city = models.CharField(max_length=100, blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name = "law firm"

    def __str__(self) -> str:
        return self.name


class Attorney(models.Model):
    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=120, unique=True)
    firm = models.ForeignKey(
        LawFirm,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="attorneys",
        help_text="Current firm; each representation records the firm at that time.",
    )
    email = models.EmailField(blank=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class RepresentationRole(models.TextChoices):
    LEAD = "lead", "Lead counsel"
    INTERIM_LEAD = "interim_lead", "Interim lead counsel"
    LIAISON = "liaison", "Liaison counsel"
    COUNSEL_OF_RECORD = "counsel_of_record", "Counsel of record"
    PRO_HAC_VICE = "pro_hac_vice", "Pro hac vice"
    COUNSEL = "counsel", "Counsel"


class Representation(models.Model):
    attorney = models.ForeignKey(Attorney, on_delete=models.PROTECT, related_name="representations")
    case_party = models.ForeignKey(
        CaseParty, on_delete=models.CASCADE, related_name="representations"
    )
    firm = models.ForeignKey(
        LawFirm, null=True, blank=True, on_delete=models.PROTECT, related_name="representations"
    )
    role = models.CharField(
        max_length=20, choices=RepresentationRole.choices, default=RepresentationRole.COUNSEL
    )
    start_date = models.DateField(null=True, blank=True)
    end_date = models.DateField(null=True, blank=True)
    docket_roles = models.CharField(
        max_length=300,
        blank=True,
        db_default="",
        help_text="As the docket lists them, e.g. LEAD ATTORNEY.",
    )
    contact = models.TextField(
        blank=True, db_default="", help_text="The contact lines the docket gives."
    )
    sources = SourcesField()

    history = HistoricalRecords()

    class Meta:
        ordering = ["role", "attorney__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["attorney", "case_party", "role"],
                name="representation_unique",
                violation_error_message="This attorney already represents this party in this role.",
            ),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True)
                | Q(start_date__isnull=True)
                | Q(end_date__gte=F("start_date")),
                name="representation_end_on_or_after_start",
                violation_error_message="A representation cannot end before it started.",
            ),
            models.CheckConstraint(
                condition=Q(role__in=RepresentationRole.values),
                name="representation_role_valid",
                violation_error_message="Unknown counsel role.",
            ),
        ]
        indexes = [
            # Counsel of a case's parties (case page): WHERE case_party_id IN (...).
            models.Index(fields=["case_party", "role"], name="representation_caseparty_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.attorney.name} for {self.case_party}"
