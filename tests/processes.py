"""Run the project's own commands in a subprocess with a controlled environment."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Every variable the settings read: a test sets the ones it means, the runner's own never leak in.
SETTINGS_VARIABLES = (
    "DATABASE_URL",
    "REDIS_URL",
    "EMAIL_URL",
    "SECRET_KEY",
    "DEBUG",
    "ALLOWED_HOSTS",
    "TIME_ZONE",
    "DJANGO_SUPERUSER_USERNAME",
    "DJANGO_SUPERUSER_PASSWORD",
    "SECURE_COOKIES",
    "SECURE_SSL_REDIRECT",
    "SECURE_PROXY_SSL_HEADER",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "LOGIN_FAILURE_LIMIT",
    "LOGIN_LOCKOUT_HOURS",
    "SESSION_DAYS",
    "LOG_FORMAT",
    "REDIS_KEY_PREFIX",
)


def clean_env(var_dir: Path, **variables: str) -> dict[str, str]:
    """The runner's environment without the settings variables, files under ``var_dir``."""
    env = {key: value for key, value in os.environ.items() if key not in SETTINGS_VARIABLES}
    env["VAR_DIR"] = str(var_dir)
    env["ENV_FILE"] = os.devnull  # a developer's .env must not change what is under test
    env.update(variables)
    return env


def manage_run(env: dict[str, str], *args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    """``python manage.py ARGS`` in the project with exactly ``env``; output captured as text."""
    return subprocess.run(  # noqa: S603 (the project's own manage.py)
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
