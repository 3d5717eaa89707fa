"""The management commands that `make run` calls."""

from __future__ import annotations

from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command

pytestmark = pytest.mark.django_db


def test_ensure_admin_creates_one_admin_with_a_password_and_an_address(monkeypatch):
    monkeypatch.delenv("DJANGO_SUPERUSER_PASSWORD", raising=False)
    monkeypatch.delenv("DJANGO_SUPERUSER_EMAIL", raising=False)
    out = StringIO()
    call_command("ensure_admin", stdout=out)
    admin = User.objects.get(is_superuser=True)
    password = out.getvalue().split("with password '")[1].split("'")[0]
    assert admin.check_password(password) and len(password) >= 12
    assert admin.email == "admin@localhost"  # so alerts reach var/mail/ in development
    again = StringIO()
    call_command("ensure_admin", stdout=again)
    assert "exists; its password is unchanged" in again.getvalue()
    assert password not in again.getvalue()
    assert User.objects.filter(is_superuser=True).count() == 1


def test_ensure_admin_takes_password_and_address_from_the_environment(monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "a-long-chosen-password")
    monkeypatch.setenv("DJANGO_SUPERUSER_EMAIL", "ops@example.org")
    out = StringIO()
    call_command("ensure_admin", stdout=out)
    admin = User.objects.get(is_superuser=True)
    assert admin.check_password("a-long-chosen-password") and admin.email == "ops@example.org"
    assert "a-long-chosen-password" not in out.getvalue()
