"""Merge a docket's case into the tracker: a new case, or the facts, judges and links it adds."""

from __future__ import annotations

import datetime
from typing import Any

from django.contrib.auth.models import AbstractBaseUser

from cases import services
from cases.importers.docket.data import DocketData
from cases.importers.docket.matching import case_find, docket_number_normalize
from cases.importers.docket.report import MergeReport
from cases.importers.docket.text import clean_text
from cases.models import (
    Case,
    CaseJudge,
    CaseLink,
    CaseStatus,
    Court,
    DocketSource,
    Judge,
    JudgeRole,
    LinkKind,
)

# Statuses that a termination on the court's docket closes; the others already say how it ended.
OPEN_STATUSES = {CaseStatus.FILED, CaseStatus.ACTIVE, CaseStatus.STAYED}


_CASE_FIELDS = ("cause", "nature_of_suit", "jury_demand", "jurisdiction", "demand")


def case_from_docket(
    data: DocketData, court: Court, docket_number: str, actor: AbstractBaseUser | None
) -> Case:
    """Create the case a docket is of, open or closed as the docket says."""
    name = clean_text(data.case_name) or f"No. {docket_number}"
    closed = data.date_terminated
    if closed and data.date_filed and closed < data.date_filed:
        closed = None
    fields: dict[str, Any] = {f: clean_text(getattr(data, f))[: _max(f)] for f in _CASE_FIELDS}
    return services.case_create(
        caption=name,
        short_name=name[:200],
        docket_number=docket_number[:60],
        court=court,
        case_type=data.case_type,
        status=CaseStatus.CLOSED if closed else CaseStatus.ACTIVE,
        filed_date=data.date_filed,
        closed_date=closed,
        courtlistener_docket_id=data.courtlistener_docket_id,
        actor=actor,
        **fields,
    )


def _max(field_name: str) -> int:
    """Return the length a case's text field takes."""
    return Case._meta.get_field(field_name).max_length


def case_update_from_docket(
    case: Case, data: DocketData, actor: AbstractBaseUser | None, report: MergeReport
) -> Case:
    """Take the docket's facts the case lacks or has older, and close it when terminated."""
    changes: dict[str, Any] = {}
    for name in _CASE_FIELDS:
        value = clean_text(getattr(data, name))[: _max(name)]
        if value and value != getattr(case, name):
            changes[name] = value
    if data.date_filed and case.filed_date is None:
        changes["filed_date"] = data.date_filed
    elif data.date_filed and case.filed_date != data.date_filed:
        report.changes.append(
            f"The docket gives {data.date_filed:%Y-%m-%d} as the filing date; the tracker's "
            f"{case.filed_date:%Y-%m-%d} is kept."
        )
    filed = changes.get("filed_date", case.filed_date)
    terminated = data.date_terminated
    if terminated and filed and terminated < filed:
        terminated = None
    if terminated and case.closed_date is None:
        changes["closed_date"] = terminated
    if data.courtlistener_docket_id and case.courtlistener_docket_id is None:
        changes["courtlistener_docket_id"] = data.courtlistener_docket_id
    for name, value in changes.items():
        report.changes.append(f"{Case._meta.get_field(name).verbose_name.capitalize()}: {value}.")
    if changes:
        case = services.case_update(case=case, actor=actor, **changes)
    if terminated and case.status in OPEN_STATUSES:
        case = services.case_status_change(
            case=case,
            status=CaseStatus.CLOSED,
            effective_date=terminated,
            actor=actor,
            note=f"Terminated on the court's docket ({DocketSource(data.source).label}).",
        )
        report.changes.append(f"Status: closed (terminated {terminated:%Y-%m-%d}).")
    return case


_NO_JUDGE = {"", "not assigned", "unassigned", "none", "n/a"}


def judges_merge(case: Case, data: DocketData, report: MergeReport) -> None:
    """Add the docket's judges the case does not have yet, in their roles."""
    for raw_name, role in data.judges:
        name = clean_text(raw_name)[:200]
        if name.lower() in _NO_JUDGE:
            continue
        judge, _ = Judge.objects.get_or_create(court=case.court, name=name)
        _, created = CaseJudge.objects.get_or_create(case=case, judge=judge, role=role)
        if created:
            report.count("judges_added")
            report.changes.append(f"Judge: {name} ({JudgeRole(role).label.lower()}).")


def appeal_link(
    case: Case,
    court_id: str,
    docket_number: str,
    date: datetime.date | None,
    *,
    actor: AbstractBaseUser | None,
    report: MergeReport,
) -> None:
    """Link an appeal to the case it comes from, when the tracker follows that case too."""
    court = Court.objects.filter(code=court_id).first()
    lower = case_find(court, docket_number_normalize(docket_number)) if court else None
    if lower is None or lower.pk == case.pk:
        return
    if CaseLink.objects.filter(from_case=case, to_case=lower, kind=LinkKind.APPEAL_FROM).exists():
        return
    services.case_link_create(
        from_case=case, to_case=lower, kind=LinkKind.APPEAL_FROM, date=date, actor=actor
    )
    report.changes.append(f"Related case: appeal from {lower.court} {lower.docket_number}.")
