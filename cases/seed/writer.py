"""Write a checked docket file's rows: each matched on its natural key, created when missing."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError

from cases.models import Court, Judge
from cases.seed.errors import SeedError
from parties.models import Attorney, LawFirm, Party


@dataclass
class Writer:
    """The file being written, and how many rows of each kind were created."""

    data: dict[str, Any]
    created: Counter[str] = field(default_factory=Counter)

    def urls(self, row: dict[str, Any]) -> str:
        return "\n".join(self.data["sources"][tag] for tag in row.get("sources") or [])

    def text(self, row: dict[str, Any], key: str) -> str:
        return (row.get(key) or "").strip()

    def get_or_create(self, model: type, lookup: dict[str, Any], create: Callable[[], Any]) -> Any:
        """Return the row ``lookup`` finds, else the one ``create`` makes (and count it)."""
        row = model._default_manager.filter(**lookup).first()
        if row is None:
            try:
                row = create()
            except ValidationError as exc:
                where = ", ".join(f"{key}={value}" for key, value in lookup.items())
                raise SeedError(
                    [f"{model._meta.verbose_name} ({where}): {m}" for m in exc.messages]
                ) from None
            self.created[model._meta.verbose_name_plural] += 1
        return row


@dataclass
class Named:
    """The rows the cases refer to, by the name (or code) the file gives them."""

    courts: dict[str, Court]
    judges: dict[str, Judge]
    firms: dict[str, LawFirm]
    attorneys: dict[str, Attorney]
    parties: dict[str, Party]
