"""ETags for the API's answers: a hash of the body, and 304 to a matching If-None-Match.

Django's ConditionalGetMiddleware does exactly this, for the API's views only (the HTML pages do
without: they are benchmarked, and their feeds and calendars have ETags of their own).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.middleware.http import ConditionalGetMiddleware
from django.utils.decorators import decorator_from_middleware

conditional_get: Callable[[Callable[..., Any]], Callable[..., Any]] = decorator_from_middleware(
    ConditionalGetMiddleware
)


class ETagMixin:
    """For an API view class: wrap its view function in ``conditional_get``."""

    @classmethod
    def as_view(cls, *args: Any, **kwargs: Any) -> Callable[..., Any]:
        return conditional_get(super().as_view(*args, **kwargs))  # type: ignore[misc]
