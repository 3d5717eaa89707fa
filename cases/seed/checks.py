"""Parse a docket file and check it whole: its keys, choices, dates and references."""

from __future__ import annotations

import datetime
from pathlib import Path
from typing import Any

import yaml

from cases.seed.errors import SeedError
from cases.seed.references import check_references
from cases.seed.specs import TOP, Spec


def _check_value(path: str, value: Any, kind: Any, errors: list[str]) -> None:
    if value is None:
        return
    if isinstance(kind, dict):
        if not isinstance(value, list):
            errors.append(f"{path}: expected a list.")
            return
        for index, item in enumerate(value):
            _check_mapping(f"{path}[{index}]", item, kind, errors)
    elif isinstance(kind, type) and issubclass(kind, str) and hasattr(kind, "values"):
        if value not in kind.values:
            errors.append(f"{path}: {value!r} is not one of {', '.join(kind.values)}.")
    elif kind == "date" and not isinstance(value, datetime.date):
        errors.append(f"{path}: {value!r} is not a date (write YYYY-MM-DD).")
    elif kind == "int" and (not isinstance(value, int) or isinstance(value, bool) or value < 0):
        errors.append(f"{path}: {value!r} is not a whole number.")
    elif kind == "bool" and not isinstance(value, bool):
        errors.append(f"{path}: {value!r} is not true or false.")
    elif kind == "str" and not isinstance(value, str):
        errors.append(f"{path}: {value!r} is not text.")
    elif kind in ("list", "tags") and not (
        isinstance(value, list) and all(isinstance(v, str) for v in value)
    ):
        errors.append(f"{path}: expected a list of text values.")
    elif kind == "map" and not isinstance(value, dict):
        errors.append(f"{path}: expected a mapping.")


def _check_mapping(path: str, item: Any, spec: Spec, errors: list[str]) -> None:
    if not isinstance(item, dict):
        errors.append(f"{path}: expected a mapping of keys to values.")
        return
    for key in item:
        if key not in spec:
            errors.append(f"{path}: unknown key {key!r}.")
    for key, (required, kind) in spec.items():
        value = item.get(key)
        if required and value in (None, "", []):
            errors.append(f"{path}.{key}: required.")
        _check_value(f"{path}.{key}", value, kind, errors)


def read(path: Path) -> dict[str, Any]:
    """Parse and check a docket file; raise ``SeedError`` listing every problem."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise SeedError([f"{path}: cannot be read ({exc.strerror})."]) from None
    except yaml.YAMLError as exc:
        raise SeedError([f"{path}: not valid YAML: {exc}"]) from None
    errors: list[str] = []
    _check_mapping("(top)", data, TOP, errors)
    if not errors:
        check_references(data, errors)
    if errors:
        raise SeedError(errors)
    return data
