"""The dataset, built once for the package, and each test's fuzzer with its clients."""

from __future__ import annotations

import logging
from collections.abc import Iterator

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import User
from django.db import transaction
from django.test import Client, override_settings

from tests.security.fuzz.fuzzer import REPORT, Fuzzer, _Capture
from tests.security.fuzz.world import World, _build_world


@pytest.fixture(scope="package")
def world(django_db_setup, django_db_blocker) -> Iterator[World]:
    """The dataset, built once in a transaction rolled back after the package; each test runs
    in a savepoint of it (pytest-django's ``db``). Passwords hash fast (sign-in is fuzzed)."""
    fast = override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"])
    with django_db_blocker.unblock():
        fast.enable()
        outer = transaction.atomic()
        outer.__enter__()
        try:
            yield _build_world()
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            fast.disable()


@pytest.fixture
def fuzz(request: pytest.FixtureRequest, world: World, db) -> Iterator[Fuzzer]:
    """Clients for a visitor, a reader (bob) and a superuser (root). Server errors are
    captured, not printed, and 4xx warnings are not logged at all (thousands of them)."""
    assert not django_settings.DEBUG, "the error pages are those of DEBUG=False"
    clients = {who: Client(raise_request_exception=False) for who in ("anon", "reader", "admin")}
    clients["reader"].force_login(User.objects.get(username="bob"))
    clients["admin"].force_login(User.objects.get(username="root"))
    capture = _Capture()
    loggers = [logging.getLogger(name) for name in ("django.request", "django.security", "axes")]
    saved = [(logger.level, logger.propagate) for logger in loggers]
    for logger in loggers:
        logger.setLevel(logging.ERROR)
        logger.propagate = False
        logger.addHandler(capture)
    fuzzer = Fuzzer(request.node.name, clients, capture)
    try:
        yield fuzzer
    finally:
        for logger, (level, propagate) in zip(loggers, saved, strict=True):
            logger.removeHandler(capture)
            logger.setLevel(level)
            logger.propagate = propagate
        if fuzzer.failures:
            REPORT.parent.mkdir(exist_ok=True)
            with REPORT.open("a") as report:
                for failure in fuzzer.failures.values():
                    report.write(f"{fuzzer.area}: {failure[:2000]}\n")
