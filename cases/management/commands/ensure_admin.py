"""python manage.py ensure_admin: make sure an administrator login exists."""

from __future__ import annotations

import os
import secrets
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    help = (
        "Create the superuser 'admin' if no superuser exists. The password is taken from "
        "DJANGO_SUPERUSER_PASSWORD, or generated and printed once; the e-mail address from "
        "DJANGO_SUPERUSER_EMAIL (default admin@localhost)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--username", default=os.environ.get("DJANGO_SUPERUSER_USERNAME", "admin")
        )

    def handle(self, *args: Any, username: str, **options: Any) -> None:
        User = get_user_model()
        existing = User.objects.filter(is_superuser=True).order_by("pk").first()
        if existing is not None:
            self.stdout.write(
                f"Admin login: {existing.get_username()} (exists; its password is unchanged)."
            )
            return
        password = os.environ.get("DJANGO_SUPERUSER_PASSWORD") or ""
        generated = not password
        if generated:
            password = secrets.token_urlsafe(12)
        # An address, so that alerts reach the admin's mailbox (var/mail/ on the defaults).
        email = os.environ.get("DJANGO_SUPERUSER_EMAIL") or f"{username}@localhost"
        User.objects.create_superuser(username=username, email=email, password=password)
        if generated:
            self.stdout.write(
                self.style.WARNING(
                    f"Created admin login {username!r} with password {password!r}. "
                    "It is shown only this once: write it down, or set DJANGO_SUPERUSER_PASSWORD."
                )
            )
        else:
            self.stdout.write(
                f"Created admin login {username!r} (password from DJANGO_SUPERUSER_PASSWORD)."
            )
