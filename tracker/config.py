"""Read and check the settings that come from the environment.

Every problem is raised as ``ImproperlyConfigured`` with a message that names the variable, so that
``manage.py`` and the WSGI server stop with one readable line instead of a traceback from deep
inside Django or a database driver.
"""

from __future__ import annotations

import warnings
import zoneinfo
from typing import Any

import environ
from django.core.exceptions import ImproperlyConfigured

SUPPORTED_DATABASE_ENGINES = {
    "django.db.backends.postgresql": "postgres://USER:PASSWORD@HOST:5432/NAME",
    "django.db.backends.sqlite3": "sqlite:///path/to/file.sqlite3",
}


def database_config(url: str) -> dict[str, Any]:
    """Return Django's DATABASES entry for ``url`` or fail naming DATABASE_URL."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # environ warns and carries on; we fail instead
        try:
            config = environ.Env.db_url_config(url)
        except (ValueError, ImproperlyConfigured) as exc:
            raise ImproperlyConfigured(f"DATABASE_URL could not be parsed ({exc}).") from None
    engine = config.get("ENGINE")
    if engine not in SUPPORTED_DATABASE_ENGINES:
        examples = " or ".join(SUPPORTED_DATABASE_ENGINES.values())
        raise ImproperlyConfigured(
            f"DATABASE_URL {redact(url)!r} is not a supported database URL; expected {examples}."
        )
    if not config.get("NAME"):
        raise ImproperlyConfigured(f"DATABASE_URL {redact(url)!r} names no database.")
    return config


def email_config(url: str) -> dict[str, Any]:
    """Return the EMAIL_* settings for ``url`` or fail naming EMAIL_URL."""
    try:
        config = environ.Env.email_url_config(url)
    except (ValueError, ImproperlyConfigured) as exc:
        raise ImproperlyConfigured(f"EMAIL_URL could not be parsed ({exc}).") from None
    if config["EMAIL_BACKEND"].endswith("smtp.EmailBackend") and not config.get("EMAIL_HOST"):
        raise ImproperlyConfigured(f"EMAIL_URL {redact(url)!r} names no SMTP host.")
    return {key: value for key, value in config.items() if value not in (None, "")}


def redis_url(url: str) -> str:
    """Return ``url`` if it is a Redis URL, else fail naming REDIS_URL."""
    if not url.startswith(("redis://", "rediss://", "unix://")):
        raise ImproperlyConfigured(
            f"REDIS_URL {redact(url)!r} is not a Redis URL; expected redis://HOST:6379/0."
        )
    return url


def time_zone(name: str) -> str:
    """Return ``name`` if it is an IANA time zone, else fail naming TIME_ZONE."""
    try:
        zoneinfo.ZoneInfo(name)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ImproperlyConfigured(
            f"TIME_ZONE {name!r} is not a known time zone; "
            "use an IANA name such as America/Chicago."
        ) from None
    return name


def redact(url: str) -> str:
    """Hide the password of a URL before it goes into an error message."""
    if "@" not in url or "://" not in url:
        return url
    scheme, rest = url.split("://", 1)
    credentials, host = rest.rsplit("@", 1)
    user = credentials.split(":", 1)[0]
    return f"{scheme}://{user}:***@{host}" if ":" in credentials else url


def read_bool(env: environ.Env, name: str, default: bool) -> bool:
    """Read a boolean variable, refusing values that are not clearly true or false."""
    raw = env.str(name, default="")
    if raw == "":
        return default
    lowered = raw.strip().lower()
    if lowered in {"1", "true", "yes", "on"}:
        return True
    if lowered in {"0", "false", "no", "off"}:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}.")


def read_number(
    env: environ.Env, name: str, default: float, *, minimum: float, whole: bool = True
) -> float:
    """Read a number of at least ``minimum`` (a whole one unless ``whole`` is false)."""
    raw = env.str(name, default="").strip()
    if raw == "":
        return default
    kind = "a whole number" if whole else "a number"
    try:
        value = int(raw) if whole else float(raw)
    except ValueError:
        value = None
    if value is None or not minimum <= value < float("inf"):
        raise ImproperlyConfigured(f"{name} must be {kind} of at least {minimum:g}, not {raw!r}.")
    return value
