"""The Editors group: exactly the permissions needed to enter dockets, and no user management."""

from __future__ import annotations

from typing import Any

from django.apps import AppConfig, apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.db.models import Q

EDITORS_GROUP = "Editors"

# app label -> model name -> actions. Editors enter and correct docket data; they cannot delete
# courts, judges, cases or parties (a mistake there cascades), and they only read the event log
# and status history, which the services write.
EDITOR_PERMISSIONS: dict[str, dict[str, tuple[str, ...]]] = {
    "cases": {
        "court": ("view", "add", "change"),
        "judge": ("view", "add", "change"),
        "case": ("view", "add", "change"),
        "casejudge": ("view", "add", "change", "delete"),
        "caselink": ("view", "add", "change", "delete"),
        "docketentry": ("view", "add", "change", "delete"),
        "motion": ("view", "add", "change", "delete"),
        "ruling": ("view", "add", "change", "delete"),
        "rulingmotion": ("view", "add", "change", "delete"),
        "deadline": ("view", "add", "change", "delete"),
        "defaultperiod": ("view", "add", "change", "delete"),
        "statuschange": ("view",),
        "caseevent": ("view",),
        "docketimport": ("view",),  # the import log; its rows are written by the importers only
        # Tags: renamed, merged and deleted in the admin (staff tag cases on the case pages).
        # Notes have no rights here: they are their authors' (cases/views_notes.py).
        "tag": ("view", "add", "change", "delete"),
    },
    "parties": {
        "party": ("view", "add", "change"),
        "caseparty": ("view", "add", "change", "delete"),
        "lawfirm": ("view", "add", "change"),
        "attorney": ("view", "add", "change"),
        "representation": ("view", "add", "change", "delete"),
    },
}


def editor_permission_query() -> Q:
    query = Q(pk__in=[])
    for app_label, models in EDITOR_PERMISSIONS.items():
        for model, actions in models.items():
            query |= Q(
                content_type__app_label=app_label,
                content_type__model=model,
                codename__in=[f"{action}_{model}" for action in actions],
            )
    return query


def ensure_editors_group() -> Group:
    """Create the Editors group or reset its permissions to exactly the list above."""
    for label in EDITOR_PERMISSIONS:
        create_permissions(apps.get_app_config(label), verbosity=0)
    group, _ = Group.objects.get_or_create(name=EDITORS_GROUP)
    wanted = list(Permission.objects.filter(editor_permission_query()))
    expected = sum(
        len(actions) for models in EDITOR_PERMISSIONS.values() for actions in models.values()
    )
    if len(wanted) != expected:
        raise RuntimeError(f"Editors group: found {len(wanted)} of {expected} permissions.")
    group.permissions.set(wanted)
    return group


def ensure_editors_group_after_migrate(sender: AppConfig, **kwargs: Any) -> None:
    """Run after each ``migrate`` (and each test-database flush), once the permissions exist."""
    if sender.label == "cases":
        ensure_editors_group()
