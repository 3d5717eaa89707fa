"""The importers' tests use the alert tests' real SMTP server to see what new entries send."""

from pathlib import Path

import pytest

from tests.alerts.conftest import smtp  # noqa: F401 (the fixture, shared)


@pytest.fixture
def staging(settings, tmp_path) -> Path:
    """Stage uploads under a VAR_DIR of the test's own (the PACER upload tests use it)."""
    settings.VAR_DIR = tmp_path
    return tmp_path / "imports"
