"""The related-case graph: one case removed, transferred, appealed... to another."""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from simple_history.models import HistoricalRecords

from cases.models.case import Case
from cases.models.checks import choices_check
from tracker.fields import SourcesField


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
