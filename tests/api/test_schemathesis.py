"""Schemathesis against a live server: every operation of the schema, with data that fits it
and data that does not, must give no 5xx and only answers the schema describes (status code,
content type, body, headers).

The server holds the Clearview docket, so the answers are not all empty. The requests carry a
reader's token (the subscriptions need one; the reads take it alike), and the rates are raised
so that throttling does not answer in their place. Schemathesis's own command runs it, in a
process of its own, against the test's live server: its pytest plugin's lazy schemas do not
work with this pytest. Bounded: a few examples per operation, deterministic generation (the
same cases every run), no shrinking: about a minute here.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client

from alerts.services import subscription_follow
from cases.models import Case
from tests.api.conftest import token_of

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

SCHEMATHESIS = Path(sys.executable).with_name("schemathesis")
CHECKS = [
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_schema_conformance",
    "response_headers_conformance",
]


def schemathesis_run(url: str, *options: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(  # noqa: S603 (the venv's own schemathesis, on our live server)
        [
            str(SCHEMATHESIS),
            "run",
            f"{url}/api/v1/schema/?format=json",
            f"--checks={','.join(CHECKS)}",
            "--phases=examples,coverage,fuzzing",
            "--mode=all",
            "--max-examples=15",
            "--generation-deterministic",
            "--no-shrink",
            "--workers=1",
            "--request-timeout=20",
            "--no-color",
            *options,
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_the_api_answers_as_its_schema_says(live_server, seeded, bob):
    for slug in ("in-re-clearview-mdl", "renderos-v-clearview-alameda"):
        subscription_follow(user=bob, case=Case.objects.get(slug=slug))
    token = token_of(bob).key
    result = schemathesis_run(live_server.url, f"--header=Authorization: Token {token}")
    report = result.stdout[-20_000:] + result.stderr[-5_000:]
    assert result.returncode == 0, report
    counts = re.search(r"Test cases:\s+(\d+) generated, (\d+) passed\s", result.stdout)
    assert counts, report
    assert int(counts[1]) == int(counts[2]) > 500, report  # each operation was reached
    schema = Client().get("/api/v1/schema/?format=json").json()
    operations = sum(len(methods) for methods in schema["paths"].values())
    assert f"Tested: {operations}\n" in result.stdout, report
