"""The fuzzer: sends one test's requests, counts them for the whole run, checks each answer."""

from __future__ import annotations

import logging
import os
import re
import traceback
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import hypothesis
from django.apps import apps
from django.conf import settings as django_settings
from django.db import DatabaseError, connection, transaction
from django.http import HttpResponse
from django.test import Client
from django.utils.html import escape
from hypothesis import HealthCheck

from tests.security.fuzz.responses import (
    ERROR_NOTE,
    explained,
    forms_in,
    rejected_unless_redirected,
)

FUZZ = hypothesis.settings(
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
REQUIRED_REQUESTS = 10_000
SENT: Counter[str] = Counter()  # requests sent, per test
REPORT = Path(django_settings.BASE_DIR) / "var" / "fuzz-report.txt"
ANON, READER, ADMIN = "anon", "reader", "admin"  # who sends a request


class _Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def text(self) -> str:
        """The errors logged, each with where its exception was raised."""
        logged = []
        for record in self.records:
            line = record.getMessage()
            if record.exc_info and record.exc_info[1] is not None:
                frames = traceback.extract_tb(record.exc_info[2])
                ours = [f for f in frames if "site-packages" not in f.filename][-3:]
                shown = ours + [f for f in frames[-3:] if f not in ours]
                if os.environ.get("FUZZ_REPORT") == "full":
                    shown = frames
                where = [f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in shown]
                line += f" {record.exc_info[1]!r} at {' < '.join(reversed(where))}"
            logged.append(line)
        return "; ".join(logged)


class Fuzzer:
    """Sends the requests of one test, counts them, and checks every response."""

    def __init__(self, area: str, clients: dict[str, Client], capture: _Capture) -> None:
        self.area = area
        self.clients = clients
        self.capture = capture
        self.failures: dict[str, str] = {}
        self.last_counts: tuple[int, ...] | None = None
        labels = ("cases", "parties", "alerts", "auth", "admin")
        tables = {
            model._meta.db_table
            for label in labels
            for model in apps.get_app_config(label).get_models(include_auto_created=True)
        }
        self.tables = sorted(tables)
        # Table names from the models, quoted: nothing from a request goes into this query.
        quoted = [connection.ops.quote_name(table) for table in self.tables]
        counts = ", ".join(f"(SELECT COUNT(*) FROM {table})" for table in quoted)  # noqa: S608
        self.count_sql = f"SELECT {counts}"

    def counts(self) -> tuple[int, ...]:
        """Every table's row count, in one query."""
        with connection.cursor() as cursor:
            cursor.execute(self.count_sql)
            return tuple(cursor.fetchone())

    def send(
        self,
        method: str,
        path: str,
        *,
        query: bytes = b"",
        body: bytes = b"",
        content_type: str = "application/x-www-form-urlencoded",
        who: str = "anon",
        rejected: Callable[[HttpResponse], bool] = rejected_unless_redirected,
    ) -> HttpResponse:
        """One request, in a savepoint of its own: a statement that fails must not abort the
        transaction the next requests run in."""
        SENT[self.area] += 1
        client = self.clients[who]
        sent = f"{method} {path}?{query[:200]!r} body {body[:200]!r} ({content_type}) as {who}"
        del self.capture.records[:]
        before = None
        if method == "POST":
            before = self.last_counts or self.counts()
        self.last_counts = None
        response = None
        try:
            with transaction.atomic():
                extra = {"QUERY_STRING": query.decode("latin-1")}
                if method == "GET":
                    response = client.get(path, **extra)
                else:
                    response = client.generic(method, path, body, content_type, **extra)
                try:
                    content = (
                        b"".join(response.streaming_content)
                        if response.streaming
                        else response.content
                    )
                except Exception as exc:  # the download broke off: a server error
                    self.fail(f"{sent}: {response.status_code}, then {exc!r} while streaming")
                    return response
                after = self.counts() if before is not None else None
                self.last_counts = after  # what the next POST starts from
        except DatabaseError as exc:
            status = response.status_code if response is not None else "no response"
            self.fail(
                f"{sent}: {status}, and the transaction is aborted ({exc!r}); "
                f"logged: {self.capture.text()}"
            )
            raise
        client.cookies.pop("messages", None)  # messages nobody reads would pile up
        self.check(response, content, sent)
        if before != after and rejected(response):
            grew = [t for t, b, a in zip(self.tables, before, after, strict=True) if b != a]
            self.fail(f"{sent}: {response.status_code}, rejected, but rows changed in {grew}")
        return response

    def check(self, response: HttpResponse, content: bytes, sent: str) -> None:
        status = response.status_code
        if status >= 500:
            exc_info = getattr(response, "exc_info", None)
            raised = repr(exc_info[1]) if exc_info else "no exception"
            self.fail(f"{sent}: {status}: {raised}; logged: {self.capture.text()}")
        elif status >= 400:
            text = explained(content)
            if text is not None:
                self.fail(f"{sent}: {status} without a message saying why: {text[:200]!r}")
        elif status == 200 and response.get("Content-Type", "").startswith("text/html"):
            page = content.decode()
            for form in forms_in(response):
                for name, errors in form.errors.items():
                    if name in form.fields and form.fields[name].widget.is_hidden:
                        # A hidden field only a tampered form gets wrong: the admin says
                        # "Please correct the error below", not which.
                        if not ERROR_NOTE.search(page):
                            self.fail(f"{sent}: no error note for the hidden field {name!r}")
                        continue
                    for message in errors:
                        if escape(message) not in page:
                            self.fail(f"{sent}: the page does not show the error {message!r}")

    def fail(self, message: str) -> None:
        if not os.environ.get("FUZZ_REPORT"):
            raise AssertionError(message)
        key = re.sub(r"\?.*?\) as ", " as ", message)[:120] + message[-80:]
        self.failures.setdefault(key, message)
