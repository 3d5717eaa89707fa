"""Unique slugs for new rows."""

from __future__ import annotations

from django.db import models
from django.utils.text import slugify


def unique_slug(model: type[models.Model], text: str, *, max_length: int = 100) -> str:
    """Return a slug of ``text`` not yet used by ``model`` ("name", "name-2", "name-3", ...)."""
    base = slugify(text)[:max_length].strip("-") or "item"
    taken = set(model._default_manager.filter(slug__startswith=base).values_list("slug", flat=True))
    slug, counter = base, 2
    while slug in taken:
        suffix = f"-{counter}"
        slug = f"{base[: max_length - len(suffix)]}{suffix}"
        counter += 1
    return slug
