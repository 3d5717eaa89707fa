"""Read the values of CourtListener's JSON: ids, references, dates, text and addresses."""

from __future__ import annotations

import datetime
import re
from typing import Any

SITE = "https://www.courtlistener.com"


def as_int(value: Any) -> int | None:
    """Return a positive id or number, from an int or a string of digits; anything else is None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        number = value
    elif isinstance(value, str) and value.strip().isdigit():
        number = int(value.strip())
    else:
        return None
    return number if 0 < number < 2**63 else None


def as_text(value: Any) -> str:
    """Return a value as text ('' for null)."""
    if value is None:
        return ""
    return value if isinstance(value, str) else str(value)


def as_date(value: Any) -> datetime.date | None:
    """Return a date from CourtListener's ``2020-06-29`` (or a timestamp starting with one)."""
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return datetime.date.fromisoformat(value[:10])
    except ValueError:
        return None


def as_dicts(value: Any) -> list[dict[str, Any]]:
    """Return the objects of a JSON list (none when it is not a list)."""
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


_RESOURCE_ID = re.compile(r"/(?P<kind>[a-z-]+)/(?P<id>\d+)/?(?:[?#].*)?$")


def resource_id(value: Any, kind: str) -> int | None:
    """Return the id in a reference: ``123``, ``"123"`` or ``.../api/rest/v4/<kind>/123/``."""
    number = as_int(value)
    if number is not None:
        return number
    if isinstance(value, str):
        match = _RESOURCE_ID.search(value.strip())
        if match and match["kind"] == kind:
            return as_int(match["id"])
    return None


def docket_ref(item: dict[str, Any]) -> int | None:
    """Return the docket an entry, party type or role names (``docket_id``, or ``docket``)."""
    return as_int(item.get("docket_id")) or resource_id(item.get("docket"), "dockets")


def on_docket(item: dict[str, Any], docket_id: int) -> bool:
    """Return whether a nested party type or role is of this docket (yes when it does not say)."""
    found = docket_ref(item)
    return found is None or found == docket_id


_DOCKET_ADDRESS = re.compile(
    r"^(?:https?://)?(?:www\.)?courtlistener\.com/(?:docket|api/rest/v\d+/dockets)/(\d+)(?:[/?#]|$)",
    re.IGNORECASE,
)


_ID_RANGE = f"A CourtListener docket id is a whole number from 1 to {2**63 - 1}."


def docket_id_parse(text: str) -> int:
    """Return a CourtListener docket id from ``67890`` or an address of the docket.

    The address is one like ``https://www.courtlistener.com/docket/67890/foo-v-bar/``; anything
    else raises ``ValueError``.
    """
    text = text.strip()
    if text.isdigit():
        number = as_int(text)
        if number is None:
            raise ValueError(_ID_RANGE)
        return number
    match = _DOCKET_ADDRESS.match(text)
    if match is None:
        raise ValueError(
            "Enter a CourtListener docket id (67890) or the docket's address "
            "(https://www.courtlistener.com/docket/67890/...)."
        )
    number = as_int(match.group(1))
    if number is None:
        raise ValueError(_ID_RANGE)
    return number


def site_url(path: Any) -> str:
    """Return the address of a CourtListener page from its path, or '' for no http(s) address."""
    text = as_text(path).strip()
    if text.startswith("/"):
        return SITE + text
    return text if re.match(r"^https?://", text, re.IGNORECASE) else ""
