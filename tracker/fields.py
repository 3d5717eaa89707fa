"""Model fields shared by the apps."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models

_url = URLValidator(schemes=["http", "https"])


def validate_source_lines(value: str) -> None:
    """Accept one http(s) URL per line; name the first line that is not one."""
    for number, line in enumerate(value.splitlines(), start=1):
        line = line.strip()
        if not line:
            continue
        try:
            _url(line)
        except ValidationError:
            raise ValidationError(
                "Line %(number)s of the sources is not a web address: %(line)s",
                code="invalid_source",
                params={"number": number, "line": line[:200]},
            ) from None


class SourcesField(models.TextField):
    """The web addresses that support a fact, one per line."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", "")
        kwargs.setdefault("help_text", "Web addresses of the sources for this fact, one per line.")
        kwargs.setdefault("validators", [validate_source_lines])
        super().__init__(*args, **kwargs)

    def deconstruct(self) -> tuple[str, str, list[Any], dict[str, Any]]:
        name, path, args, kwargs = super().deconstruct()
        kwargs.pop("validators", None)
        return name, path, args, kwargs


def source_list(value: str) -> list[str]:
    """Split a sources value into its addresses."""
    return [line.strip() for line in value.splitlines() if line.strip()]


class WebAddressField(models.URLField):
    """An http(s) address (no ftp: pages link it); a bare host is taken as https."""

    default_validators = [_url]

    def formfield(self, **kwargs: Any) -> Any:
        kwargs.setdefault("assume_scheme", "https")
        return super().formfield(**kwargs)
