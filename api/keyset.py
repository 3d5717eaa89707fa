"""Keyset ("seek") paging over any ordering of a queryset: the cursor is the last row's keys.

A page after a cursor is ``WHERE (the rows that sort after those keys)``, so it costs the same
however deep it is, and rows added or removed meanwhile neither repeat nor skip one. Each key
knows where its NULLs sort (PostgreSQL's default unless the ordering says: last ascending,
first descending), and the ordering is applied again with that made explicit, so SQLite sorts
the same way. The primary key ends every ordering, so the keys of a row are unique.
"""

from __future__ import annotations

import base64
import binascii
import datetime
import json
import math
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models
from django.db.models import F, Q, QuerySet, Value
from django.db.models.expressions import OrderBy
from django.db.models.functions import Cast


class InvalidCursor(ValueError):
    """The cursor was not made by this paginator for this ordering."""


@dataclass(frozen=True)
class Key:
    """One column of an ordering: a field (``party__name`` across a relation) or annotation."""

    name: str
    descending: bool
    nulls_last: bool

    def flipped(self) -> Key:
        return Key(self.name, not self.descending, not self.nulls_last)

    def order_by(self) -> OrderBy:
        nulls = {"nulls_last": True} if self.nulls_last else {"nulls_first": True}
        return OrderBy(F(self.name), descending=self.descending, **nulls)


def _key(item: str | OrderBy) -> Key:
    if isinstance(item, str):
        descending = item.startswith("-")
        name = item.lstrip("-")
        return Key(name, descending, nulls_last=not descending)
    if isinstance(item, OrderBy) and isinstance(item.expression, F):
        nulls_last = item.nulls_last if (item.nulls_last or item.nulls_first) else None
        if nulls_last is None:
            nulls_last = not item.descending
        return Key(item.expression.name, item.descending, nulls_last=bool(nulls_last))
    raise TypeError(f"Cannot page by {item!r}: order by field names or F() expressions.")


def keys_of(queryset: QuerySet) -> list[Key]:
    """Return the queryset's ordering as keys, ending with the primary key."""
    ordering = list(queryset.query.order_by) or list(queryset.model._meta.ordering)
    keys = [_key(item) for item in ordering]
    keys = [Key("pk", k.descending, k.nulls_last) if k.name == "id" else k for k in keys]
    if not any(key.name == "pk" for key in keys):
        keys.append(Key("pk", descending=False, nulls_last=True))
    return keys[: [key.name for key in keys].index("pk") + 1]


def ordered(queryset: QuerySet, keys: list[Key]) -> QuerySet:
    return queryset.order_by(*(key.order_by() for key in keys))


class _Real(models.FloatField):
    def db_type(self, connection: Any) -> str:
        return "real"


# Annotations that are PostgreSQL reals: the search rank (ts_rank). A real read into Python and
# sent back is a double that is not equal to it; cast back to a real, it is.
REAL_ANNOTATIONS = frozenset({"rank"})


def _param(key: Key, value: Any) -> Any:
    return Cast(Value(value), output_field=_Real()) if key.name in REAL_ANNOTATIONS else value


def _beyond(key: Key, value: Any) -> Q | None:
    """Rows whose ``key`` sorts strictly after ``value`` (None: no row does)."""
    if value is None:
        return None if key.nulls_last else Q(**{f"{key.name}__isnull": False})
    after = Q(**{f"{key.name}__{'lt' if key.descending else 'gt'}": _param(key, value)})
    return after | Q(**{f"{key.name}__isnull": True}) if key.nulls_last else after


def after(keys: list[Key], values: list[Any]) -> Q:
    """Rows that sort after the row with these key values: the first key beyond it, or equal
    to it and the second beyond, and so on (the primary key settles the last tie)."""
    condition = Q(pk__in=[])
    equal = Q()
    for key, value in zip(keys, values, strict=True):
        beyond = _beyond(key, value)
        if beyond is not None:
            condition |= equal & beyond
        if value is None:
            equal &= Q(**{f"{key.name}__isnull": True})
        else:
            equal &= Q(**{key.name: _param(key, value)})
    return condition


def values_of(row: models.Model, keys: list[Key]) -> list[Any]:
    """The key values of ``row`` (a relation's field through its joined row)."""
    found = []
    for key in keys:
        value: Any = row
        for part in key.name.split("__"):
            value = getattr(value, part)
        found.append(value)
    return found


def _field(model: type[models.Model], name: str) -> models.Field | None:
    """The model field a key names (through relations), or None for an annotation."""
    field: Any = None
    for part in name.split("__"):
        try:
            field = model._meta.pk if part == "pk" else model._meta.get_field(part)
        except FieldDoesNotExist:
            return None
        model = field.related_model or model
    return field


def _plain(value: Any) -> Any:
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    return value


def encode(values: list[Any], *, backwards: bool) -> str:
    text = json.dumps({"k": [_plain(v) for v in values], "b": backwards}, separators=(",", ":"))
    return base64.urlsafe_b64encode(text.encode()).decode().rstrip("=")


def _encodable(text: str) -> bool:
    try:
        text.encode()
    except UnicodeEncodeError:
        return False
    return True


def _read(model: type[models.Model], key: Key, value: Any) -> Any:
    if value is None:
        return None
    field = _field(model, key.name)
    if field is None:  # an annotation: the search rank, a float
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise InvalidCursor(key.name)
        if not math.isfinite(value):
            raise InvalidCursor(key.name)
        return float(value)
    if not isinstance(value, str | int) or isinstance(value, bool):
        raise InvalidCursor(key.name)
    if isinstance(value, str) and ("\x00" in value or not _encodable(value)):
        raise InvalidCursor(key.name)  # PostgreSQL takes neither NUL nor a lone surrogate
    try:
        return field.to_python(value)
    except (ValidationError, ValueError, TypeError):
        raise InvalidCursor(key.name) from None


def decode(cursor: str, model: type[models.Model], keys: list[Key]) -> tuple[list[Any], bool]:
    """Return the key values and direction a cursor holds; ``InvalidCursor`` if it is not one
    of ours for these keys."""
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        data = json.loads(text)
    except (binascii.Error, ValueError):
        raise InvalidCursor(cursor) from None
    if not isinstance(data, dict) or not isinstance(data.get("b"), bool):
        raise InvalidCursor(cursor)
    raw = data.get("k")
    if not isinstance(raw, list) or len(raw) != len(keys):
        raise InvalidCursor(cursor)
    values = [_read(model, key, value) for key, value in zip(keys, raw, strict=True)]
    if values[-1] is None:  # the primary key
        raise InvalidCursor(cursor)
    return values, data["b"]
