"""The checks the models share: a time zone name, a choice column kept to its choices."""

from __future__ import annotations

import zoneinfo

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q


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
