"""Walking the URLconf: every pattern, as one role, by GET then POST."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from django.apps import apps
from django.contrib.auth.models import User
from django.db import connection
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from tests.security.roles.admin_routes import (
    ADMIN_CUSTOM_ROUTES,
    ADMIN_SITE_ROUTES,
    admin_model_routes,
)
from tests.security.roles.expect import METHODS
from tests.security.roles.site_routes import SITE_ROUTES, Route
from tests.security.roles.world import World

ROUTES: dict[str, Route] = (
    SITE_ROUTES | ADMIN_SITE_ROUTES | ADMIN_CUSTOM_ROUTES | admin_model_routes()
)


def url_patterns(resolver: URLResolver | None = None, prefix: str = "") -> Iterator[str]:
    """Every pattern of the URLconf, included ones and the admin's, as its full route."""
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            yield from url_patterns(pattern, prefix + str(pattern.pattern))
        else:
            assert isinstance(pattern, URLPattern)
            yield prefix + str(pattern.pattern)


def sign_in(client: Client, user: User | None) -> Client:
    if user is not None:
        client.force_login(user)
    return client


def table_fingerprints() -> dict[str, tuple[int, str]]:
    """Each model table's row count and a digest of its rows."""
    tables = sorted(
        {
            m._meta.db_table
            for m in apps.get_models(include_auto_created=True)
            if m._meta.managed and not m._meta.proxy
        }
    )
    fingerprints = {}
    with connection.cursor() as cursor:
        for table in tables:
            name = connection.ops.quote_name(table)
            cursor.execute(
                # The table names come from the model registry, not from input.
                f"SELECT count(*), md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) "  # noqa: S608
                f"FROM {name} AS t"
            )
            fingerprints[table] = cursor.fetchone()
    return fingerprints


def consume(response: Any) -> None:
    """Read a streamed body (the CSV exports), so that an error while streaming shows.

    (The test client closes the response itself; closing it here would fire request_finished
    and close the database connection in the middle of the test's transaction.)
    """
    if response.streaming:
        b"".join(response.streaming_content)


def walk(role: str, w: World) -> tuple[list[str], int]:
    """Every pattern, as ``role``, by GET then POST: (what was wrong, how many requests)."""
    client = sign_in(Client(), w.user(role))
    problems: list[str] = []
    requests = 0
    for key in url_patterns():
        route = ROUTES.get(key)
        if route is None:
            problems.append(f"{key!r}: no entry in ROUTES")
            continue
        try:
            samples = route.samples(w)
        except KeyError as error:
            problems.append(f"{key!r}: no row to open for {error}")
            continue
        for url, grid in samples:
            for method, expected in zip(METHODS, grid[role], strict=True):
                requests += 1
                try:
                    response = client.generic(method, url)
                    consume(response)
                except Exception as error:  # reported with the other failures, at the end
                    problems.append(f"{method} {url} as {role}: raised {error!r}")
                    continue
                problem = expected.problem(response)
                if problem:
                    problems.append(f"{method} {url} as {role} [{key}]: {problem}")
                if route.signs_out:
                    sign_in(client, w.user(role))
    return problems, requests
