"""Who may read: everyone while the site is public (API_PUBLIC), else a token or a session."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from rest_framework.permissions import BasePermission
from rest_framework.request import Request


class PublicRead(BasePermission):
    """Anyone while ``API_PUBLIC`` is true; only signed-in users (token or session) otherwise."""

    def has_permission(self, request: Request, view: Any) -> bool:
        return bool(settings.API_PUBLIC or (request.user and request.user.is_authenticated))
