"""Bad settings stop start-up with one readable line naming the variable, and no traceback.

Each case runs ``manage.py check`` in a fresh interpreter, because settings are read once per
process. The environment is the test runner's minus every variable the settings read, plus
``VAR_DIR`` in a temporary directory so that nothing is written under the repository's ``var/``.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.processes import clean_env, manage_run


def manage_check(tmp_path: Path, **variables: str) -> subprocess.CompletedProcess[str]:
    return manage_run(clean_env(tmp_path, **variables), "check")


def assert_configuration_error(result: subprocess.CompletedProcess[str], variable: str) -> None:
    output = f"exit {result.returncode}\nstdout:\n{result.stdout}\nstderr:\n{result.stderr}"
    assert result.returncode == 2, output
    assert result.stderr.startswith("Configuration error:"), output
    assert variable in result.stderr, output
    assert "Traceback" not in result.stderr, output


@pytest.mark.parametrize(
    ("variables", "named"),
    [
        pytest.param({"DEBUG": "false"}, "SECRET_KEY", id="production-without-secret-key"),
        pytest.param(
            {"DEBUG": "false", "SECRET_KEY": "a-long-random-test-key"},
            "ALLOWED_HOSTS",
            id="production-without-allowed-hosts",
        ),
        pytest.param({"DATABASE_URL": "garbage"}, "DATABASE_URL", id="database-url-garbage"),
        pytest.param({"DATABASE_URL": "oracle://u@h/db"}, "DATABASE_URL", id="database-url-oracle"),
        pytest.param({"DATABASE_URL": "http://foo/bar"}, "DATABASE_URL", id="database-url-http"),
        pytest.param({"DATABASE_URL": "postgres://"}, "DATABASE_URL", id="database-url-no-name"),
        pytest.param({"EMAIL_URL": "bogus://x"}, "EMAIL_URL", id="email-url-bogus-scheme"),
        pytest.param({"REDIS_URL": "http://localhost:6379"}, "REDIS_URL", id="redis-url-not-redis"),
        pytest.param({"TIME_ZONE": "Mars/Olympus"}, "TIME_ZONE", id="time-zone-unknown"),
        pytest.param({"DEBUG": "maybe"}, "DEBUG", id="debug-not-boolean"),
    ],
)
def test_bad_setting_stops_start_up_naming_the_variable(
    tmp_path: Path, variables: dict[str, str], named: str
) -> None:
    assert_configuration_error(manage_check(tmp_path, **variables), named)


def test_database_password_is_not_shown_in_the_message(tmp_path: Path) -> None:
    result = manage_check(tmp_path, DATABASE_URL="oracle://u:s3cret@h/db")

    assert_configuration_error(result, "DATABASE_URL")
    assert "s3cret" not in result.stderr
    assert "s3cret" not in result.stdout


def test_nothing_set_runs_on_embedded_defaults(tmp_path: Path) -> None:
    result = manage_check(tmp_path)

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout
    assert "Traceback" not in result.stderr


def test_full_production_settings_pass(tmp_path: Path) -> None:
    result = manage_check(
        tmp_path,
        DEBUG="false",
        SECRET_KEY="a-long-random-test-key-for-the-production-settings-check",
        ALLOWED_HOSTS="tracker.example.org",
        DATABASE_URL="postgres://root@127.0.0.1:5432/test",
        REDIS_URL="redis://127.0.0.1:6379/0",
        EMAIL_URL="smtp://mail.example.org:25",
        TIME_ZONE="America/Chicago",
    )

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout
    assert "Traceback" not in result.stderr
