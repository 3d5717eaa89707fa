"""Write one case of a docket file with everything in it, through the services."""

from __future__ import annotations

from typing import Any

from cases import services
from cases.models import (
    Case,
    CaseJudge,
    Deadline,
    DeadlineBasis,
    DeadlineStatus,
    Motion,
    StatusChange,
)
from cases.seed.case_parties import case_parties_load
from cases.seed.docket import entries_load, motions_load, rulings_load
from cases.seed.writer import Named, Writer


def _case(writer: Writer, row: dict[str, Any], named: Named) -> Case:
    return writer.get_or_create(
        Case,
        {"slug": row["slug"]},
        lambda: services.case_create(
            slug=row["slug"],
            caption=row["caption"].strip(),
            short_name=row["short_name"],
            docket_number=row["docket_number"],
            court=named.courts[row["court"]],
            case_type=row["case_type"],
            filed_date=row.get("filed_date"),
            closed_date=row.get("closed_date"),
            summary=writer.text(row, "summary"),
            causes_of_action="\n".join(row.get("causes_of_action") or []),
            relief_sought=writer.text(row, "relief_sought"),
            sources=writer.urls(row),
        ),
    )


def _judges_and_status(writer: Writer, case: Case, row: dict[str, Any], named: Named) -> None:
    """Write the case's judges and its status history."""
    judges = named.judges
    for judge in row.get("judges") or []:
        writer.get_or_create(
            CaseJudge,
            {"case": case, "judge": judges[judge["name"]], "role": judge["role"]},
            lambda judge=judge: CaseJudge.objects.create(
                case=case, judge=judges[judge["name"]], role=judge["role"]
            ),
        )
    for change in row.get("status_history") or []:
        writer.get_or_create(
            StatusChange,
            {"case": case, "to_status": change["status"], "effective_date": change.get("date")},
            lambda change=change: services.case_status_change(
                case=case,
                status=change["status"],
                effective_date=change.get("date"),
                note=writer.text(change, "note"),
                sources=writer.urls(change),
            ).status_changes.latest("pk"),
        )


def _deadlines(writer: Writer, case: Case, row: dict[str, Any], motions: dict[str, Motion]) -> None:
    for deadline in row.get("deadlines") or []:
        writer.get_or_create(
            Deadline,
            {"case": case, "title": deadline["title"]},
            lambda d=deadline: services.deadline_set(
                case=case,
                title=d["title"],
                kind=d["kind"],
                due_date=d["due_date"],
                basis=d.get("basis") or DeadlineBasis.SET_BY_ORDER,
                status=d.get("status") or DeadlineStatus.OPEN,
                motion=motions.get(d.get("motion")),
                sources=writer.urls(d),
                occurred_on=None,
            ),
        )


def case_load(writer: Writer, row: dict[str, Any], named: Named) -> Case:
    """Write the case, its judges, status history, parties, docket and deadlines."""
    case = _case(writer, row, named)
    _judges_and_status(writer, case, row, named)
    case_parties = case_parties_load(writer, case, row, named)
    entries = entries_load(writer, case, row)
    motions = motions_load(writer, case, row, case_parties, entries)
    rulings_load(writer, case, row, named.judges, entries, motions)
    _deadlines(writer, case, row, motions)
    return Case.objects.get(pk=case.pk)
