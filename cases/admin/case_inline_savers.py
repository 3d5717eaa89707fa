"""How each row a case's page edits is saved: (request, case, row form) -> the saved row."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.db.models import Model
from django.http import HttpRequest

from cases import services
from cases.models import Case, CaseLink, Deadline, Motion
from parties.models import CaseParty
from parties.services import case_party_add, case_party_update
from tracker.admin_tools import form_changes, form_values


def _new(row: forms.ModelForm, parent_field: str) -> dict[str, Any]:
    return form_values(row, exclude=(parent_field, "id"))


def party_add(request: HttpRequest, case: Case, row: forms.ModelForm) -> CaseParty:
    return case_party_add(case=case, **_new(row, "case"))


def party_update(request: HttpRequest, case: Case, row: forms.ModelForm) -> CaseParty:
    return case_party_update(case_party=row.instance, **form_changes(row))


def motion_add(request: HttpRequest, case: Case, row: forms.ModelForm) -> Motion:
    return services.motion_file(case=case, actor=request.user, **_new(row, "case"))


def motion_update(request: HttpRequest, case: Case, row: forms.ModelForm) -> Motion:
    return services.motion_update(motion=row.instance, actor=request.user, **form_changes(row))


def deadline_add(request: HttpRequest, case: Case, row: forms.ModelForm) -> Deadline:
    return services.deadline_set(case=case, actor=request.user, **_new(row, "case"))


def deadline_update(request: HttpRequest, case: Case, row: forms.ModelForm) -> Deadline:
    changes = form_changes(row)
    return services.deadline_update(deadline=row.instance, actor=request.user, **changes)


def link_add(request: HttpRequest, case: Case, row: forms.ModelForm) -> CaseLink:
    return services.case_link_create(from_case=case, actor=request.user, **_new(row, "from_case"))


def link_update(request: HttpRequest, case: Case, row: forms.ModelForm) -> CaseLink:
    return services.case_link_update(link=row.instance, actor=request.user, **form_changes(row))


INLINE_SAVERS: dict[type[Model], tuple[Callable[..., Any], Callable[..., Any]]] = {
    CaseParty: (party_add, party_update),
    Motion: (motion_add, motion_update),
    Deadline: (deadline_add, deadline_update),
    CaseLink: (link_add, link_update),
}
