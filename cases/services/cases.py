"""Cases: creation, edits, status changes and the related-case graph."""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction

from cases import search
from cases.models import Case, CaseLink, CaseStatus, EventKind, LinkKind, StatusChange
from cases.services.events import event_record
from tracker.slugs import unique_slug

User = AbstractBaseUser


def apply_changes(instance: Any, changes: dict[str, Any]) -> None:
    """Set the changed fields on a locked, freshly read row (validation and saving follow)."""
    for field, value in changes.items():
        setattr(instance, field, value)


@transaction.atomic
def case_create(
    *,
    caption: str,
    short_name: str,
    docket_number: str,
    court: Any,
    slug: str = "",
    status: str = CaseStatus.FILED,
    actor: User | None = None,
    **fields: Any,
) -> Case:
    """Create a case, its first status record and a "case added" event."""
    case = Case(
        caption=caption,
        short_name=short_name,
        docket_number=docket_number,
        court=court,
        slug=slug or unique_slug(Case, f"{short_name} {court.code} {docket_number}"),
        status=status,
        **fields,
    )
    case.full_clean()
    case.save()
    search.refresh([case.pk])
    change = StatusChange.objects.create(
        case=case,
        from_status="",
        to_status=status,
        effective_date=case.filed_date,
        recorded_by=actor if actor is not None and actor.is_authenticated else None,
        note="Case added to the tracker.",
    )
    event_record(
        case=case,
        kind=EventKind.CASE_OPENED,
        summary=f"Case added: {case.short_name}, {court} {docket_number}",
        occurred_on=case.filed_date,
        actor=actor,
        status_change=change,
    )
    return case


@transaction.atomic
def case_update(
    *,
    case: Case,
    actor: User | None = None,
    status_effective_date: datetime.date | None = None,
    status_note: str = "",
    **changes: Any,
) -> Case:
    """Edit a case; a new status goes through ``case_status_change`` and is reported."""
    case = Case.objects.select_for_update().get(pk=case.pk)
    new_status = changes.pop("status", case.status)
    apply_changes(case, changes)
    case.full_clean()
    case.save()
    search.refresh([case.pk])
    if new_status != case.status:
        case = case_status_change(
            case=case,
            status=new_status,
            effective_date=status_effective_date,
            note=status_note,
            actor=actor,
        )
    return case


@transaction.atomic
def case_status_change(
    *,
    case: Case,
    status: str,
    effective_date: datetime.date | None,
    actor: User | None = None,
    note: str = "",
    sources: str = "",
) -> Case:
    """Change a case's status, recording a ``StatusChange`` and a ``CaseEvent`` with it."""
    case = Case.objects.select_for_update().get(pk=case.pk)
    if status not in CaseStatus.values:
        raise ValidationError({"status": f"Unknown status {status!r}."})
    if status == case.status:
        raise ValidationError({"status": f"The case is already {case.get_status_display()}."})
    before = case.status
    change = StatusChange(
        case=case,
        from_status=before,
        to_status=status,
        effective_date=effective_date,
        recorded_by=actor if actor is not None and actor.is_authenticated else None,
        note=note,
        sources=sources,
    )
    change.full_clean()
    change.save()
    case.status = status
    case.save(update_fields=["status", "updated_at"])
    event_record(
        case=case,
        kind=EventKind.STATUS_CHANGED,
        summary=(
            f"Status: {CaseStatus(before).label.lower()} -> {CaseStatus(status).label.lower()}"
        ),
        occurred_on=effective_date,
        actor=actor,
        detail={"from": before, "to": status, "note": note},
        status_change=change,
    )
    return case


@transaction.atomic
def case_link_create(
    *,
    from_case: Case,
    to_case: Case,
    kind: str,
    date: datetime.date | None = None,
    note: str = "",
    sources: str = "",
    actor: User | None = None,
) -> CaseLink:
    """Add an edge to the related-case graph and report it on both cases."""
    link = CaseLink(
        from_case=from_case, to_case=to_case, kind=kind, date=date, note=note, sources=sources
    )
    link.full_clean()
    link.save()
    label = LinkKind(kind).label
    detail = {"link": link.pk, "kind": kind}
    event_record(
        case=from_case,
        kind=EventKind.CASE_LINKED,
        summary=f"{label.capitalize()} {to_case.court} {to_case.docket_number}",
        occurred_on=date,
        actor=actor,
        detail=detail | {"other_case": to_case.pk},
    )
    event_record(
        case=to_case,
        kind=EventKind.CASE_LINKED,
        summary=f"{link.inverse_label.capitalize()} {from_case.court} {from_case.docket_number}",
        occurred_on=date,
        actor=actor,
        detail=detail | {"other_case": from_case.pk},
    )
    return link


@transaction.atomic
def case_link_update(*, link: CaseLink, actor: User | None = None, **changes: Any) -> CaseLink:
    """Correct a link (date, note, sources, kind)."""
    link = CaseLink.objects.select_for_update().get(pk=link.pk)
    apply_changes(link, changes)
    link.full_clean()
    link.save()
    return link
