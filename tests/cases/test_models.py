"""The package cases.models: the order its models are declared in, and the names it exposes."""

from __future__ import annotations

from django.apps import apps

import cases.models


def test_the_models_are_declared_in_the_order_of_their_concepts() -> None:
    # The order of each model's reverse relations, and so of the admin's delete pages.
    names = [model.__name__ for model in apps.get_app_config("cases").get_models()]
    assert [name for name in names if not name.startswith("Historical")] == [
        "Court",
        "Judge",
        "Case",
        "CaseJudge",
        "CaseLink",
        "DocketEntry",
        "DocketImport",
        "WebhookDelivery",
        "Motion",
        "Ruling",
        "RulingMotion",
        "Deadline",
        "DefaultPeriod",
        "StatusChange",
        "CaseEvent",
        "Tag",
        "CaseTag",
        "CaseNote",
        "MotionOutcome",
        "OutcomeGroup",
        "AnalyticsRefresh",
    ]


def test_the_migrations_find_the_time_zone_validator() -> None:
    # cases/migrations/0001_initial.py and alerts/migrations/0001_initial.py name it so.
    court_zone = cases.models.Court._meta.get_field("time_zone")
    assert cases.models.validate_time_zone in court_zone.validators
