"""A user's API token: made (or replaced) and revoked on their token page."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from rest_framework.authtoken.models import Token


@transaction.atomic
def token_replace(*, user: AbstractBaseUser) -> Token:
    """Give the user a new token; the one they had, if any, stops working at once."""
    Token.objects.filter(user=user).delete()
    return Token.objects.create(user=user)


def token_revoke(*, user: AbstractBaseUser) -> bool:
    """Delete the user's token; return whether they had one."""
    deleted, _ = Token.objects.filter(user=user).delete()
    return bool(deleted)
