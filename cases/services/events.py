"""The case event log: written in the same transaction as the change it reports."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import Value
from django.db.models.functions import Coalesce, Greatest

from cases.models import Case, CaseEvent, EventKind

# Functions called with each event's id once the transaction that wrote it commits. The alerts app
# registers its dispatcher here, so cases/ never imports alerts/.
_committed_event_hooks: list[Callable[[int], None]] = []


def on_event_committed(hook: Callable[[int], None]) -> None:
    """Register ``hook(event_id)`` to run after each recorded event's transaction commits."""
    if hook not in _committed_event_hooks:
        _committed_event_hooks.append(hook)


def event_record(
    *,
    case: Case,
    kind: EventKind,
    summary: str,
    occurred_on: datetime.date | None,
    actor: AbstractBaseUser | None = None,
    detail: dict[str, Any] | None = None,
    **refs: Any,
) -> CaseEvent:
    """Write one event; it must be called inside the transaction of the change it reports."""
    event = CaseEvent.objects.create(
        case=case,
        kind=kind,
        summary=summary[:500],
        occurred_on=occurred_on,
        actor=actor if actor is not None and actor.is_authenticated else None,
        detail=detail or {},
        **refs,
    )
    if occurred_on is not None:
        Case.objects.filter(pk=case.pk).update(
            last_activity_on=Greatest(
                Coalesce("last_activity_on", Value(occurred_on)), Value(occurred_on)
            )
        )
    for hook in _committed_event_hooks:
        transaction.on_commit(lambda hook=hook: hook(event.pk))
    return event
