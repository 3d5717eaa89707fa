"""Read-only querysets of parties and counsel."""

from __future__ import annotations

from django.db.models import QuerySet

from parties.models import Representation


def counsel() -> QuerySet[Representation]:
    """Representations with attorney and firm joined, in the order pages list them."""
    return Representation.objects.select_related("attorney", "firm").order_by(
        "role", "attorney__name"
    )
