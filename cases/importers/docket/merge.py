"""The one merge that writes a docket into the tracker, whole or not at all."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from cases import search
from cases.importers.courts import court_for_federal_id
from cases.importers.docket.data import DocketData
from cases.importers.docket.matching import case_find, docket_number_key, docket_number_normalize
from cases.importers.docket.merge_case import (
    appeal_link,
    case_from_docket,
    case_update_from_docket,
    judges_merge,
)
from cases.importers.docket.merge_entries import entries_merge
from cases.importers.docket.merge_parties import parties_merge
from cases.importers.docket.report import MergeReport
from cases.importers.errors import DocketImportError
from cases.models import Case, Court, DocketImport, DocketSource


class _Rollback(Exception):  # noqa: N818 (control flow, never seen outside this module)
    """Raised at the end of a dry run to undo everything it wrote."""


def docket_merge(
    data: DocketData,
    *,
    case: Case | None = None,
    actor: AbstractBaseUser | None = None,
    dry_run: bool = False,
    file_name: str = "",
) -> MergeReport:
    """Write ``data`` into the tracker (into ``case`` when given) and say what changed.

    One transaction: any problem raises ``DocketImportError`` and nothing is written. A dry run
    does everything, reports it, and rolls it back.
    """
    report = MergeReport(dry_run=dry_run)
    try:
        with transaction.atomic(), search.deferred():
            _merge(data, case=case, actor=actor, report=report, file_name=file_name)
            if dry_run:
                raise _Rollback
    except _Rollback:
        pass
    except ValidationError as error:
        raise DocketImportError(f"The docket could not be saved: {_sentence(error)}") from None
    except IntegrityError as error:
        raise DocketImportError(
            f"The docket could not be saved: {str(error).splitlines()[0]}"
        ) from None
    return report


def _sentence(error: ValidationError) -> str:
    """Return a validation error's messages as one sentence, each after its field's name."""
    if hasattr(error, "error_dict"):
        return " ".join(
            f"{name}: {' '.join(m for e in errors for m in e.messages)}"
            for name, errors in error.error_dict.items()
        )
    return " ".join(error.messages)


def _merge(
    data: DocketData,
    *,
    case: Case | None,
    actor: AbstractBaseUser | None,
    report: MergeReport,
    file_name: str,
) -> None:
    """Find or create the case, merge the docket into it and log the import."""
    docket_number = docket_number_normalize(data.docket_number)
    if not docket_number:
        raise DocketImportError("The docket gives no docket number.")
    court = court_for_federal_id(data.court_id)
    if case is not None:
        _check_target(case, court, docket_number)
    else:
        case = case_find(court, docket_number)
    if case is None:
        case = case_from_docket(data, court, docket_number, actor)
        report.case_created = True
        report.changes.append(f"New case {case.short_name} ({court}, {docket_number}).")
    else:
        case = case_update_from_docket(case, data, actor, report)
    report.case = case
    judges_merge(case, data, report)
    if data.parties is not None:
        parties_merge(case, data.parties, report)
    entries_merge(case, data, actor, report)
    if data.appeal_from:
        appeal_link(case, *data.appeal_from, actor=actor, report=report)
    if data.source == DocketSource.COURTLISTENER and not report.changed_anything:
        return  # the hourly sync that found nothing new: the case's synced-at says it ran
    DocketImport.objects.create(
        case=case,
        source=data.source,
        report_date=data.report_date,
        actor=actor if actor is not None and actor.is_authenticated else None,
        file_name=file_name[:255],
        summary=report.as_json(),
    )


def _check_target(case: Case, court: Court, docket_number: str) -> None:
    """Refuse a docket of another court or another number than the case it is imported into."""
    if case.court_id != court.pk:
        raise DocketImportError(
            f"This docket is from {court}, but {case.short_name} is a case of {case.court}."
        )
    if docket_number_key(case.docket_number) != docket_number_key(docket_number):
        raise DocketImportError(
            f"This docket is No. {docket_number}, but {case.short_name} is No. "
            f"{case.docket_number}."
        )
