"""Helpers shared by the public pages: pagination that never fails, query strings for links."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Page, Paginator
from django.http import HttpRequest, QueryDict


def paginate(
    request: HttpRequest, rows: Any, per_page: int, *, param: str = "page"
) -> tuple[Page, str]:
    """The requested page of ``rows`` and a note when the page asked for does not exist.

    A page number that is not a number, or past the end, shows the nearest page instead of an
    error, and says so.
    """
    paginator = Paginator(rows, per_page)
    raw = request.GET.get(param, "1")
    page = paginator.get_page(raw)
    note = ""
    if raw not in ("", "1") and str(page.number) != raw.strip():
        shown = f"page {page.number} of {paginator.num_pages}"
        note = f"There is no page {raw[:20]!r}; showing {shown}."
    return page, note


def query_without(request: HttpRequest, *names: str) -> str:
    """The current query string without ``names`` (for links that change only those)."""
    query: QueryDict = request.GET.copy()
    for name in names:
        query.pop(name, None)
    return query.urlencode()
