"""Retriggering: a motion's computed deadlines follow its filing and hearing dates."""

from __future__ import annotations

import datetime

from django.contrib.auth.models import AbstractBaseUser

from cases.models import Deadline, DeadlineBasis, DeadlineStatus, Motion, PeriodDirection
from cases.services.deadlines import deadline_update

User = AbstractBaseUser


def deadlines_retrigger(
    *,
    motion: Motion,
    old_date: datetime.date | None,
    new_date: datetime.date | None,
    direction: str,
    actor: User | None = None,
    _depth: int = 0,
) -> list[Deadline]:
    """Recompute a motion's open computed deadlines that count from ``old_date``.

    Called when the motion's filing or hearing date changes: each deadline counting from the
    old date (after the filing, before the hearing) now counts from the new one, and a deadline
    counting from a moved deadline's due date (a reply after the response) follows it in turn.
    """
    if old_date is None or new_date is None or old_date == new_date or _depth > 5:
        return []
    moved = []
    candidates = Deadline.objects.filter(
        motion=motion,
        basis=DeadlineBasis.COMPUTED,
        status=DeadlineStatus.OPEN,
        trigger_date=old_date,
        direction=direction,
    ).order_by("pk")
    for deadline in candidates:
        old_due = deadline.due_date
        deadline = deadline_update(deadline=deadline, actor=actor, trigger_date=new_date)
        moved.append(deadline)
        moved += deadlines_retrigger(
            motion=motion,
            old_date=old_due,
            new_date=deadline.due_date,
            direction=PeriodDirection.AFTER,
            actor=actor,
            _depth=_depth + 1,
        )
    return moved
