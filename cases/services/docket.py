"""Docket entries and motions (rulings, which decide motions, are in ``rulings``)."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction

from cases import search
from cases.analytics.refresh import analytics_refresh_on_commit
from cases.models import Case, DocketEntry, EventKind, Motion, MotionStatus
from cases.services.cases import apply_changes
from cases.services.events import event_record
from cases.services.retrigger import deadlines_retrigger

User = AbstractBaseUser


@transaction.atomic
def docket_entry_add(
    *,
    case: Case,
    filed_date: datetime.date,
    text: str,
    number: int | None = None,
    document_url: str = "",
    sources: str = "",
    actor: User | None = None,
    **imported: Any,
) -> DocketEntry:
    """Add a docket entry and report it.

    ``imported`` carries what an importer knows besides (``source``, ``date_entered``, the
    court's and CourtListener's ids of the entry).
    """
    entry = DocketEntry(
        case=case,
        number=number,
        filed_date=filed_date,
        text=text,
        document_url=document_url,
        sources=sources,
        **imported,
    )
    # An importer has already kept its entries' numbers unique (and the database checks the
    # constraints again): the per-row constraint queries would double an import's time.
    entry.full_clean(validate_constraints=not imported)
    entry.save()
    search.refresh([case.pk])
    prefix = f"Docket entry {number}: " if number is not None else "Docket entry: "
    event_record(
        case=case,
        kind=EventKind.DOCKET_ENTRY_ADDED,
        summary=prefix + text,
        occurred_on=filed_date,
        actor=actor,
        docket_entry=entry,
    )
    return entry


@transaction.atomic
def docket_entry_update(
    *, entry: DocketEntry, actor: User | None = None, **changes: Any
) -> DocketEntry:
    """Correct a docket entry."""
    entry = DocketEntry.objects.select_for_update().get(pk=entry.pk)
    apply_changes(entry, changes)
    entry.full_clean()
    entry.save()
    search.refresh([entry.case_id])
    return entry


def motion_check_movants(case: Case, movants: Iterable[Any]) -> list[Any]:
    movants = list(movants)
    strangers = [str(m) for m in movants if m.case_id != case.pk]
    if strangers:
        raise ValidationError(
            {"movants": f"Not parties of {case.short_name}: {', '.join(strangers)}."}
        )
    return movants


@transaction.atomic
def motion_file(
    *,
    case: Case,
    title: str,
    kind: str,
    filed_date: datetime.date | None,
    hearing_date: datetime.date | None = None,
    movants: Iterable[Any] = (),
    docket_entry: DocketEntry | None = None,
    summary: str = "",
    sources: str = "",
    actor: User | None = None,
) -> Motion:
    """Record a motion as filed (pending) and report it."""
    motion = Motion(
        case=case,
        title=title,
        kind=kind,
        filed_date=filed_date,
        hearing_date=hearing_date,
        docket_entry=docket_entry,
        summary=summary,
        sources=sources,
        status=MotionStatus.PENDING,
    )
    motion.full_clean()
    motion.save()
    movants = motion_check_movants(case, movants)
    motion.movants.set(movants)
    search.refresh([case.pk])
    by = f" by {', '.join(m.party.name for m in movants)}" if movants else ""
    event_record(
        case=case,
        kind=EventKind.MOTION_FILED,
        summary=f"Motion filed{by}: {title}",
        occurred_on=filed_date,
        actor=actor,
        motion=motion,
    )
    return motion


@transaction.atomic
def motion_update(
    *,
    motion: Motion,
    actor: User | None = None,
    movants: Iterable[Any] | None = None,
    **changes: Any,
) -> Motion:
    """Correct a motion's details; its status belongs to rulings and ``motion_set_status``."""
    if "status" in changes:
        raise ValidationError(
            {"status": "A motion's status is set by the ruling that decides it, or by withdrawal."}
        )
    motion = Motion.objects.select_for_update().get(pk=motion.pk)
    before = {"filed_date": motion.filed_date, "hearing_date": motion.hearing_date}
    apply_changes(motion, changes)
    motion.full_clean()
    motion.save()
    if movants is not None:
        motion.movants.set(motion_check_movants(motion.case, movants))
    # Deadlines computed from the filing or the hearing follow them (and report the move).
    for field, direction in (("filed_date", "after"), ("hearing_date", "before")):
        deadlines_retrigger(
            motion=motion,
            old_date=before[field],
            new_date=getattr(motion, field),
            direction=direction,
            actor=actor,
        )
    search.refresh([motion.case_id])
    return motion


# Statuses that are not the outcome of a ruling.
MANUAL_STATUSES = {MotionStatus.WITHDRAWN, MotionStatus.MOOT, MotionStatus.UNKNOWN}


@transaction.atomic
def motion_set_status(
    *,
    motion: Motion,
    status: str,
    occurred_on: datetime.date | None,
    actor: User | None = None,
    note: str = "",
) -> Motion:
    """Mark a motion withdrawn, moot, or decided with an unknown outcome, and report it."""
    if status not in MANUAL_STATUSES:
        raise ValidationError(
            {"status": "Only withdrawn, moot or unknown can be set here; record a ruling instead."}
        )
    motion = Motion.objects.select_for_update().get(pk=motion.pk)
    if motion.status == status:
        return motion
    motion.status = status
    motion.save(update_fields=["status"])
    label = MotionStatus(status).label
    event_record(
        case=motion.case,
        kind=EventKind.MOTION_DECIDED,
        summary=f"{motion.title}: {label.upper()}" + (f" ({note})" if note else ""),
        occurred_on=occurred_on,
        actor=actor,
        detail={"status": status, "note": note},
        motion=motion,
    )
    analytics_refresh_on_commit()
    return motion
