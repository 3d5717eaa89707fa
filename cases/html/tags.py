"""A case's tags as the case list prints them in each row, for signed-in users only."""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import quote

from django.urls import reverse

from cases.models import Case, Tag
from tracker.html import escape


def tag_links(tags: Iterable[Tag], list_url: str) -> str:
    """Return ``<ul class="tags">`` with a link to the case list of each tag, or nothing."""
    items = [
        f'<li><a href="{escape(list_url)}?tag={escape(quote(tag.slug))}">{escape(tag.name)}</a>'
        "</li>"
        for tag in tags
    ]
    return f'<ul class="tags" aria-label="Tags">{"".join(items)}</ul>' if items else ""


def with_row_tags(rows: Iterable[Case], tags_by_case: dict[int, list[Tag]]) -> None:
    """Give each row its ``tags_html``, which ``cases.html.case_rows`` prints under its name."""
    list_url = reverse("case-list")
    for case in rows:
        case.tags_html = tag_links(tags_by_case.get(case.pk, ()), list_url)
