"""``reverse()`` for the links a page prints by the hundred.

Django's ``reverse()`` matches the arguments against every candidate pattern with regular
expressions, a large share of a table's rendering when every row has links
(docs/performance.md). ``slug_url()`` reverses each URL name once, with a
placeholder, and then only joins strings. The placeholder is keyed by what ``reverse()``
depends on (the URL name, the script prefix, the URLconf), and anything that is not a plain
ASCII slug goes through ``reverse()`` itself, so the result is always what ``reverse()`` gives.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse

_PLACEHOLDER = "0slug0placeholder0"
_SLUG = re.compile(r"[-a-zA-Z0-9_]+")


@functools.lru_cache(maxsize=128)
def _halves(name: str, prefix: str, urlconf: str | None, root: str) -> tuple[str, str]:
    url = reverse(name, args=[_PLACEHOLDER])
    head, _, tail = url.partition(_PLACEHOLDER)
    return head, tail


def slug_url(name: str, slug: str) -> str:
    """``reverse(name, args=[slug])`` for a URL whose one argument is a slug."""
    if not _SLUG.fullmatch(slug):
        return reverse(name, args=[slug])
    head, tail = _halves(name, get_script_prefix(), get_urlconf(), settings.ROOT_URLCONF)
    return head + slug + tail


def slug_urls(name: str) -> Callable[[str], str]:
    """Return ``slug_url`` for many slugs of one URL name.

    The script prefix and URLconf (thread locals) are read once, for a table that prints a link
    per row.
    """
    head, tail = _halves(name, get_script_prefix(), get_urlconf(), settings.ROOT_URLCONF)

    def url(slug: str) -> str:
        if not _SLUG.fullmatch(slug):
            return reverse(name, args=[slug])
        return head + slug + tail

    return url
