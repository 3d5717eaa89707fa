"""Write the rows a docket file's cases refer to: courts, judges, firms, attorneys, parties."""

from __future__ import annotations

from typing import Any

from cases.models import Court, Judge
from cases.seed.writer import Named, Writer
from parties import services as party_services
from parties.models import Attorney, LawFirm, Party


def _courts(writer: Writer) -> dict[str, Court]:
    courts: dict[str, Court] = {}
    for row in writer.data["courts"]:
        values = {k: row.get(k) or "" for k in ("name", "short_name", "level", "state")}
        values |= {"time_zone": row["time_zone"], "holiday_calendar": row["holiday_calendar"]}

        def create(row: dict[str, Any] = row, values: dict[str, Any] = values) -> Court:
            court = Court(code=row["code"], **values)
            court.full_clean(exclude=["appeals_to"])
            court.save()
            return court

        courts[row["code"]] = writer.get_or_create(Court, {"code": row["code"]}, create)
    for row in writer.data["courts"]:
        court = courts[row["code"]]
        target = courts.get(row.get("appeals_to") or "")
        if target is not None and court.appeals_to_id is None:
            court.appeals_to = target
            court.save(update_fields=["appeals_to"])
    return courts


def _judges(writer: Writer, courts: dict[str, Court]) -> dict[str, Judge]:
    return {
        j["name"]: writer.get_or_create(
            Judge,
            {"court": courts[j["court"]], "name": j["name"]},
            lambda j=j: Judge.objects.create(
                court=courts[j["court"]], name=j["name"], title=writer.text(j, "title")
            ),
        )
        for j in writer.data.get("judges") or []
    }


def _firms(writer: Writer) -> dict[str, LawFirm]:
    return {
        f["name"]: writer.get_or_create(
            LawFirm,
            {"name": f["name"]},
            lambda f=f: party_services.firm_create(name=f["name"], city=writer.text(f, "city")),
        )
        for f in writer.data.get("firms") or []
    }


def _attorneys(writer: Writer, firms: dict[str, LawFirm]) -> dict[str, Attorney]:
    return {
        a["name"]: writer.get_or_create(
            Attorney,
            {"name": a["name"]},
            lambda a=a: party_services.attorney_create(
                name=a["name"], firm=firms.get(a.get("firm"))
            ),
        )
        for a in writer.data.get("attorneys") or []
    }


def _parties(writer: Writer) -> dict[str, Party]:
    return {
        p["name"]: writer.get_or_create(
            Party,
            {"name": p["name"]},
            lambda p=p: party_services.party_create(
                name=p["name"],
                kind=p["kind"],
                description=writer.text(p, "description"),
                sources=writer.urls(p),
            ),
        )
        for p in writer.data.get("parties") or []
    }


def shared_rows_load(writer: Writer) -> Named:
    """Write the courts, judges, firms, attorneys and parties; return them by name."""
    courts = _courts(writer)
    judges = _judges(writer, courts)
    firms = _firms(writer)
    return Named(courts, judges, firms, _attorneys(writer, firms), _parties(writer))
