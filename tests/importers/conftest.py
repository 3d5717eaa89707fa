"""The importers' tests use the alert tests' real SMTP server to see what new entries send."""

from tests.alerts.conftest import smtp  # noqa: F401 (the fixture, shared)
