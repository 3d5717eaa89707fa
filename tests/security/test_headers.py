"""Every response carries the security headers and the Content-Security-Policy; production
settings pass Django's deployment checklist with the documented variables."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.test import Client

from tests.processes import clean_env, manage_run

pytestmark = pytest.mark.django_db

# The policy's directives (tracker/settings.py): nothing inline, nothing from elsewhere.
POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "object-src": "'none'",
    "base-uri": "'none'",
    "frame-ancestors": "'none'",
    "form-action": "'self'",
}


def policy_of(header: str) -> dict[str, str]:
    directives = (part.strip().split(" ", 1) for part in header.split(";") if part.strip())
    return {name: value for name, value in directives}


@pytest.fixture
def superuser_client(db) -> Client:
    from django.contrib.auth.models import User

    client = Client()
    client.force_login(User.objects.create_superuser("root", "root@example.org", "x"))
    return client


def responses(client: Client, superuser_client: Client, slug: str) -> dict[str, object]:
    """One response of each kind the site gives: pages, files, errors, redirects, the admin."""
    return {
        "home": client.get("/"),
        "case list": client.get("/cases/?q=clearview"),
        "case page": client.get(f"/cases/{slug}/"),
        "bad filter": client.get("/cases/?filed_after=2024-02-30&page=-1"),
        "no CSRF token (403)": Client(enforce_csrf_checks=True).post("/accounts/login/"),
        "not found (404)": client.get("/no-such-page/"),
        "wrong method (405)": client.post("/cases/"),
        "atom feed": client.get("/activity.atom"),
        "calendar": client.get(f"/cases/{slug}/deadlines.ics"),
        "csv export": client.get("/cases/export.csv"),
        "sign-in page": client.get("/accounts/login/"),
        "redirect to sign-in": client.get("/alerts/"),
        "health": client.get("/healthz"),
        "static file": client.get("/static/css/site.css"),
        "favicon redirect": client.get("/favicon.ico"),
        "admin login": client.get("/admin/login/"),
        "admin change list": superuser_client.get("/admin/cases/case/"),
        "admin add form": superuser_client.get("/admin/cases/deadline/add/"),
    }


def test_every_kind_of_response_carries_the_security_headers(
    client: Client, superuser_client: Client, seeded: None
) -> None:
    from cases.models import Case

    slug = Case.objects.order_by("pk").values_list("slug", flat=True).first()
    seen = responses(client, superuser_client, slug)
    statuses = {name: response.status_code for name, response in seen.items()}
    assert statuses["no CSRF token (403)"] == 403 and statuses["not found (404)"] == 404, statuses
    assert statuses["wrong method (405)"] == 405, statuses
    for name, response in seen.items():
        assert response["X-Content-Type-Options"] == "nosniff", name
        assert response["Referrer-Policy"] == "same-origin", name
        assert response["X-Frame-Options"] == "DENY", name
        policy = policy_of(response["Content-Security-Policy"])
        for directive, value in POLICY.items():
            assert policy.get(directive) == value, (name, directive, policy)
        assert "unsafe-inline" not in response["Content-Security-Policy"], name


def test_no_page_of_the_site_carries_inline_script_or_style(
    client: Client, superuser_client: Client, seeded: None
) -> None:
    """What the policy would block in a browser (tests/browser checks a real one)."""
    import re

    from cases.models import Case

    slug = Case.objects.order_by("pk").values_list("slug", flat=True).first()
    for name, response in responses(client, superuser_client, slug).items():
        if "html" not in response.get("Content-Type", ""):
            continue
        page = response.content.decode()
        assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>\s*\S", page), name
        assert "<style" not in page, name
        assert not re.search(r"""\sstyle=["']""", page), name
        assert not re.search(r"""\son[a-z]+=["']""", page), name


PRODUCTION = {
    "DEBUG": "false",
    "SECRET_KEY": "a-long-random-key-for-the-deploy-checklist-0123456789-abcdefghijklmnopq",
    "ALLOWED_HOSTS": "tracker.example.org",
    "DATABASE_URL": "postgres://root@127.0.0.1:5432/test",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "EMAIL_URL": "smtp://mail.example.org:25",
}


def test_the_deploy_checklist_passes_with_the_documented_variables(tmp_path: Path) -> None:
    # README, "Deploying": HSTS for a year with subdomains, and preloading once the site is
    # ready to be listed; the rest (HTTPS redirect, secure and HttpOnly cookies) is the default.
    env = clean_env(tmp_path, **PRODUCTION, SECURE_HSTS_PRELOAD="true")
    result = manage_run(env, "check", "--deploy", "--fail-level", "WARNING")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_without_preload_the_checklist_names_only_that(tmp_path: Path) -> None:
    result = manage_run(clean_env(tmp_path, **PRODUCTION), "check", "--deploy")
    output = result.stdout + result.stderr
    assert "security.W021" in output, output
    assert "identified 1 issue" in output, output


def test_production_settings_are_secure_by_default(tmp_path: Path) -> None:
    code = (
        "from django.conf import settings as s; print(s.SECURE_SSL_REDIRECT, "
        "s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, s.SESSION_COOKIE_SECURE, "
        "s.CSRF_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, s.CSRF_COOKIE_HTTPONLY, "
        "s.SECURE_PROXY_SSL_HEADER)"
    )
    result = manage_run(clean_env(tmp_path, **PRODUCTION), "shell", "--no-imports", "-c", code)
    assert result.stdout.split() == [
        "True",
        "31536000",
        "True",
        "True",
        "True",
        "True",
        "True",
        "('HTTP_X_FORWARDED_PROTO',",
        "'https')",
    ], result.stderr


def test_a_bad_security_variable_stops_start_up(tmp_path: Path) -> None:
    result = manage_run(clean_env(tmp_path, **PRODUCTION, SECURE_HSTS_SECONDS="a year"), "check")
    assert result.returncode == 2
    assert "SECURE_HSTS_SECONDS must be a whole number of at least 0" in result.stderr
