"""Tokens are each user's own business (their token page, /api/v1/token/): not in the admin."""

from __future__ import annotations

from django.contrib import admin
from rest_framework.authtoken.models import TokenProxy

admin.site.unregister(TokenProxy)
