"""The API's settings: API_PUBLIC, API_ANON_RATE and API_USER_RATE, their defaults, and a bad
value stopping start-up with one line naming the variable."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.processes import clean_env, manage_run

PRINT = (
    "from django.conf import settings as s; print(s.API_PUBLIC, s.API_ANON_RATE, s.API_USER_RATE)"
)


def test_the_defaults(tmp_path: Path) -> None:
    result = manage_run(clean_env(tmp_path), "shell", "--no-imports", "-c", PRINT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["True", "60/minute", "600/minute"]


def test_values_from_the_environment(tmp_path: Path) -> None:
    env = clean_env(tmp_path, API_PUBLIC="false", API_ANON_RATE="10/hour", API_USER_RATE="5/second")
    result = manage_run(env, "shell", "--no-imports", "-c", PRINT)
    assert result.stdout.split() == ["False", "10/hour", "5/second"], result.stderr


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("API_PUBLIC", "maybe"),
        ("API_ANON_RATE", "lots"),
        ("API_ANON_RATE", "60/fortnight"),
        ("API_USER_RATE", "0/minute"),
        ("API_USER_RATE", "-5/minute"),
    ],
)
def test_a_bad_value_stops_start_up_naming_it(tmp_path: Path, variable: str, value: str) -> None:
    result = manage_run(clean_env(tmp_path, **{variable: value}), "check")
    assert result.returncode == 2, result.stderr
    assert result.stderr.startswith("Configuration error:") and variable in result.stderr
    assert "Traceback" not in result.stderr
