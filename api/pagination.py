"""Cursor pagination for every list of the API: ``next`` and ``previous`` carry the cursor.

The cursor holds the keys of the page's last (or first) row in the list's own ordering
(``api.keyset``), so a case list sorted by filing date, or ranked by a search, pages in that
order. One query a page, however deep; a cursor that was not made here is a 400.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.db.models import QuerySet
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import BasePagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

from api import keyset

PAGE_SIZE = 50
MAX_PAGE_SIZE = 200
BAD_CURSOR = "This cursor is not valid: follow the next or previous address of a page."
BAD_PAGE_SIZE = f"Give page_size as a whole number from 1 to {MAX_PAGE_SIZE}."


class KeysetPagination(BasePagination):
    cursor_query_param = "cursor"
    page_size_query_param = "page_size"

    def _page_size(self, request: Request) -> int:
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return PAGE_SIZE
        if not (raw.isascii() and raw.isdigit() and 1 <= int(raw) <= MAX_PAGE_SIZE):
            raise ValidationError({self.page_size_query_param: [BAD_PAGE_SIZE]})
        return int(raw)

    def _cursor(self, request: Request, queryset: QuerySet, keys: list[keyset.Key]) -> Any:
        raw = request.query_params.get(self.cursor_query_param)
        if raw is None:
            return None, False
        try:
            return keyset.decode(raw, queryset.model, keys)
        except keyset.InvalidCursor:
            raise ValidationError({self.cursor_query_param: [BAD_CURSOR]}) from None

    def paginate_queryset(
        self, queryset: QuerySet, request: Request, view: Any = None
    ) -> Sequence[Any]:
        self.base_url = request.build_absolute_uri()
        size = self._page_size(request)
        keys = keyset.keys_of(queryset)
        values, backwards = self._cursor(request, queryset, keys)
        walk = [key.flipped() for key in keys] if backwards else keys
        rows_qs = keyset.ordered(queryset, walk)
        if values is not None:
            rows_qs = rows_qs.filter(keyset.after(walk, values))
        rows = list(rows_qs[: size + 1])
        more = len(rows) > size
        rows = rows[:size]
        if backwards:
            rows.reverse()
        self.next_url = self.previous_url = None
        if rows and (backwards or more):
            self.next_url = self._url(keyset.values_of(rows[-1], keys), backwards=False)
        if rows and (more if backwards else values is not None):
            self.previous_url = self._url(keyset.values_of(rows[0], keys), backwards=True)
        if not rows and backwards:  # nothing before the cursor: its row begins the list
            self.next_url = remove_query_param(self.base_url, self.cursor_query_param)
        return rows

    def _url(self, values: list[Any], *, backwards: bool) -> str:
        cursor = keyset.encode(values, backwards=backwards)
        return replace_query_param(self.base_url, self.cursor_query_param, cursor)

    def get_paginated_response(self, data: Any) -> Response:
        return Response({"next": self.next_url, "previous": self.previous_url, "results": data})

    def get_paginated_response_schema(self, schema: dict) -> dict:
        link = {"type": "string", "format": "uri", "nullable": True}
        return {
            "type": "object",
            "required": ["next", "previous", "results"],
            "properties": {
                "next": {**link, "description": "The next page, or null on the last one."},
                "previous": {**link, "description": "The page before, or null on the first."},
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view: Any) -> list[dict]:
        return [
            {
                "name": self.cursor_query_param,
                "required": False,
                "in": "query",
                "description": "The page's cursor, from the next or previous address of a page.",
                "schema": {"type": "string"},
            },
            {
                "name": self.page_size_query_param,
                "required": False,
                "in": "query",
                "description": f"Rows a page (default {PAGE_SIZE}, at most {MAX_PAGE_SIZE}).",
                "schema": {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE},
            },
        ]
