"""Builders for test data. Rows that carry rules are made through the services."""

from __future__ import annotations

import datetime
import itertools
from typing import Any

from cases import services
from cases.models import Case, Court, CourtLevel, Judge, Motion
from parties import services as party_services
from parties.models import CaseParty, Party, PartyKind

_seq = itertools.count(1)


def court(**fields: Any) -> Court:
    n = next(_seq)
    values = {
        "code": f"court-{n}",
        "name": f"Test District Court {n}",
        "short_name": f"T.D. {n}",
        "level": CourtLevel.FEDERAL_DISTRICT,
        "state": "IL",
        "time_zone": "America/Chicago",
    }
    return Court.objects.create(**(values | fields))


def judge(court_: Court | None = None, **fields: Any) -> Judge:
    return Judge.objects.create(
        court=court_ or court(), **({"name": f"Judge {next(_seq)}"} | fields)
    )


def case(court_: Court | None = None, **fields: Any) -> Case:
    n = next(_seq)
    values = {
        "caption": f"Plaintiff {n} v. Defendant {n}",
        "short_name": f"Plaintiff {n} v. Defendant",
        # Year 99: no seeded docket number can collide, however many cases the suite makes.
        "docket_number": f"1:99-cv-{n:05d}",
        "filed_date": datetime.date(2020, 1, 22),
    }
    return services.case_create(court=court_ or court(), **(values | fields))


def party(**fields: Any) -> Party:
    n = next(_seq)
    return party_services.party_create(
        **({"name": f"Party {n}", "kind": PartyKind.ORGANIZATION} | fields)
    )


def case_party(case_: Case, role: str = "plaintiff", **fields: Any) -> CaseParty:
    return party_services.case_party_add(
        case=case_, party=fields.pop("party", None) or party(), role=role, **fields
    )


def motion(case_: Case, **fields: Any) -> Motion:
    values = {
        "title": f"Motion {next(_seq)}",
        "kind": "dismiss",
        "filed_date": datetime.date(2020, 3, 1),
    }
    return services.motion_file(case=case_, **(values | fields))
