"""Fields shared by the serializers: links to a row's page and API address, its sources."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from tracker.fields import source_list
from tracker.links import slug_url


@extend_schema_field(OpenApiTypes.URI)
class LinkField(serializers.Field):
    """The absolute address of a row, from ``address(row)``: its public page or its API one."""

    def __init__(self, address: Callable[[Any], str], **kwargs: Any) -> None:
        self.address = address
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, value: Any) -> str:
        return self.context["request"].build_absolute_uri(self.address(value))


def slug_link(name: str, attribute: str = "slug", **kwargs: Any) -> LinkField:
    """A ``LinkField`` to the URL ``name`` of the row's ``attribute`` (a slug or code)."""
    return LinkField(lambda row: slug_url(name, getattr(row, attribute)), **kwargs)


@extend_schema_field({"type": "array", "items": {"type": "string", "format": "uri"}})
class SourcesField(serializers.Field):
    """The web addresses that support a fact (a model's ``sources``, one per line)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value: str) -> list[str]:
        return source_list(value)


@extend_schema_field({"type": "array", "items": {"type": "string"}})
class LinesField(serializers.Field):
    """A text field of one item per line (a case's causes of action)."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value: str) -> list[str]:
        return [line.strip() for line in value.splitlines() if line.strip()]
