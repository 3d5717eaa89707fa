"""A case's related cases: one ``<li>`` each, read from this case's side of the link."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from cases.html.parts import time_tag
from tracker.html import escape


def related_item(item: Any, case_url: Callable[[str], str], english: bool = True) -> str:
    """Return one related case (a ``Related``): how it relates, its court and docket number
    linked, its name, and the link's date and note."""
    case, link = item.case, item.link
    relation = escape(item.label[:1].upper() + item.label[1:])  # |capfirst
    when = f" · {time_tag(link.date, english)}" if link.date else ""
    note = f' <span class="meta">— {escape(link.note)}</span>' if link.note else ""
    return (
        f"<li><strong>{relation}</strong> "
        f'<a href="{escape(case_url(case.slug))}">{escape(case.court.short_name)} '
        f"{escape(case.docket_number)}</a> ({escape(case.short_name)}){when}{note}</li>\n"
    )
