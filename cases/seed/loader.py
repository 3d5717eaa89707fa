"""Load a docket file (see SCHEMA.md) through the services.

The whole file is checked before anything is written (``checks``), then written in one
transaction (``shared``, ``case``). Rows are matched on natural keys and only missing rows are
created, so loading the same file twice changes nothing the second time.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from django.db import transaction
from django.utils import timezone

from cases import services
from cases.models import CaseEvent, CaseLink
from cases.seed.case import case_load
from cases.seed.checks import read
from cases.seed.shared import shared_rows_load
from cases.seed.writer import Writer

DEFAULT_FILE = Path(__file__).with_name("clearview.yaml")


def _links(writer: Writer, cases: dict[str, Any]) -> None:
    for link in writer.data.get("links") or []:
        writer.get_or_create(
            CaseLink,
            {
                "from_case": cases[link["from"]],
                "to_case": cases[link["to"]],
                "kind": link["kind"],
            },
            lambda link=link: services.case_link_create(
                from_case=cases[link["from"]],
                to_case=cases[link["to"]],
                kind=link["kind"],
                date=link.get("date"),
                note=writer.text(link, "note"),
                sources=writer.urls(link),
            ),
        )


def _write(data: dict[str, Any]) -> Counter[str]:
    """Write a checked file's rows; return how many of each kind were created."""
    writer = Writer(data)
    named = shared_rows_load(writer)
    cases = {row["slug"]: case_load(writer, row, named) for row in data["cases"]}
    _links(writer, cases)
    return writer.created


def load(path: Path = DEFAULT_FILE) -> Counter[str]:
    """Check and load a docket file; return how many rows of each kind were created."""
    data = read(path)
    with transaction.atomic():
        last_event = CaseEvent.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
        created = _write(data)
        # The seed records history, not news: nobody is alerted about it, now or by the sweep.
        CaseEvent.objects.filter(pk__gt=last_event, dispatched_at__isnull=True).update(
            dispatched_at=timezone.now()
        )
        return created
