"""Rulings: entered and corrected, with the outcome of each motion they decide."""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet

from cases import search
from cases.analytics.refresh import analytics_refresh_on_commit
from cases.models import Case, EventKind, Motion, MotionStatus, Outcome, Ruling, RulingMotion
from cases.services.cases import apply_changes
from cases.services.events import event_record

User = AbstractBaseUser
Decision = tuple[Motion, str]

# The outcome a ruling form gives a motion the ruling does not decide (it is left out).
NOT_DECIDED = ""


def ruling_motions(case: Case) -> QuerySet[Motion]:
    """Return the motions a ruling of ``case`` may decide, in the order they were filed."""
    return case.motions.order_by("filed_date", "pk")


def ruling_outcomes(ruling: Ruling) -> dict[int, str]:
    """Return the outcome this ruling gives each motion it decides, by the motion's id."""
    return dict(ruling.decisions.values_list("motion_id", "outcome"))


def ruling_decisions(
    *, case: Case, date: datetime.date | None, outcomes: Mapping[Motion, str]
) -> list[Decision]:
    """Return the decisions a ruling of ``case`` on ``date`` makes, checked before it is saved.

    ``outcomes`` gives each motion offered its outcome, ``NOT_DECIDED`` for one the ruling
    leaves alone; a ValidationError lists every decision that cannot be made.
    """
    decisions = [(motion, choice) for motion, choice in outcomes.items() if choice != NOT_DECIDED]
    ruling_check_decisions(Ruling(case=case, date=date), decisions)
    return decisions


def ruling_check_decisions(ruling: Ruling, decisions: Sequence[Decision]) -> None:
    """Check the decided motions against the ruling: same case, known outcomes, date order."""
    errors: list[str] = []
    seen: set[int] = set()
    for motion, outcome in decisions:
        if motion.pk in seen:
            errors.append(f"{motion.title} is listed twice.")
        seen.add(motion.pk)
        if outcome not in Outcome.values:
            errors.append(f"{motion.title}: unknown outcome {outcome!r}.")
        if motion.case_id != ruling.case_id:
            errors.append(f"{motion.title} is a motion of another case.")
        elif ruling.date and motion.filed_date and ruling.date < motion.filed_date:
            errors.append(
                f"The ruling date {ruling.date:%Y-%m-%d} is before {motion.title} was filed "
                f"({motion.filed_date:%Y-%m-%d})."
            )
    if errors:
        raise ValidationError(errors)


def _report_decision(ruling: Ruling, motion: Motion, outcome: str, actor: User | None) -> None:
    label = Outcome(outcome).label.upper()
    event_record(
        case=ruling.case,
        kind=EventKind.MOTION_DECIDED,
        summary=f"{motion.title}: {label}",
        occurred_on=ruling.date,
        actor=actor,
        detail={"outcome": outcome},
        motion=motion,
        ruling=ruling,
    )


@transaction.atomic
def ruling_record(
    *,
    case: Case,
    title: str,
    kind: str,
    date: datetime.date | None,
    decisions: Sequence[Decision] = (),
    actor: User | None = None,
    **fields: Any,
) -> Ruling:
    """Enter a ruling, set the status of each motion it decides, and report both.

    Everything happens in one transaction: if any motion cannot be decided (another case's
    motion, a ruling dated before the motion), nothing is written.
    """
    ruling = Ruling(case=case, title=title, kind=kind, date=date, **fields)
    ruling.full_clean()
    ruling_check_decisions(ruling, decisions)
    ruling.save()
    search.refresh([case.pk])
    event_record(
        case=case,
        kind=EventKind.RULING_ENTERED,
        summary=f"Ruling: {title}",
        occurred_on=date,
        actor=actor,
        ruling=ruling,
    )
    for motion, outcome in decisions:
        RulingMotion.objects.create(ruling=ruling, motion=motion, outcome=outcome)
        Motion.objects.filter(pk=motion.pk).update(status=outcome)
        _report_decision(ruling, motion, outcome, actor)
    analytics_refresh_on_commit()
    return ruling


def _motion_status_from_rulings(motion: Motion) -> str:
    """The outcome of the latest ruling deciding ``motion``, or pending when none does."""
    latest = (
        RulingMotion.objects.filter(motion=motion)
        .select_related("ruling")
        .order_by("ruling__date", "ruling__pk")
        .last()
    )
    return latest.outcome if latest else MotionStatus.PENDING


@transaction.atomic
def ruling_update(
    *,
    ruling: Ruling,
    decisions: Sequence[Decision] | None = None,
    actor: User | None = None,
    **changes: Any,
) -> Ruling:
    """Correct a ruling and, when ``decisions`` is given, the motions it decides.

    A motion no longer decided by this ruling falls back to the outcome of its latest other
    ruling, or to pending; a changed outcome is applied and reported.
    """
    ruling = Ruling.objects.select_for_update().get(pk=ruling.pk)
    if "case" in changes and changes["case"] != ruling.case:
        raise ValidationError({"case": "A ruling cannot be moved to another case."})
    apply_changes(ruling, changes)
    ruling.full_clean()
    current = {d.motion_id: d for d in ruling.decisions.select_related("motion")}
    if decisions is None:
        decisions = [(d.motion, d.outcome) for d in current.values()]
    ruling_check_decisions(ruling, decisions)
    ruling.save()
    search.refresh([ruling.case_id])
    wanted = {motion.pk: (motion, outcome) for motion, outcome in decisions}
    for motion_id, decision in current.items():
        if motion_id not in wanted:
            decision.delete()
            Motion.objects.filter(pk=motion_id).update(
                status=_motion_status_from_rulings(decision.motion)
            )
    for motion_id, (motion, outcome) in wanted.items():
        existing = current.get(motion_id)
        if existing and existing.outcome == outcome:
            continue
        if existing:
            existing.outcome = outcome
            existing.save(update_fields=["outcome"])
        else:
            RulingMotion.objects.create(ruling=ruling, motion=motion, outcome=outcome)
        Motion.objects.filter(pk=motion_id).update(status=_motion_status_from_rulings(motion))
        _report_decision(ruling, motion, outcome, actor)
    analytics_refresh_on_commit()
    return ruling
