"""The choices of motions and rulings: their kinds, a motion's status, an outcome."""

from __future__ import annotations

from django.db import models


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


class RulingKind(models.TextChoices):
    ORDER = "order", "Order"
    OPINION = "opinion", "Opinion"
    JUDGMENT = "judgment", "Judgment"
    MINUTE_ORDER = "minute_order", "Minute order"
