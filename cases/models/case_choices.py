"""What a case is and where it stands: its type and status choices."""

from __future__ import annotations

from django.db import models


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
