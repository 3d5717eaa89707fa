"""The report of a merge: what it added, changed and flagged, and its summary line."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from cases.models import Case


@dataclass
class MergeReport:
    """What a merge did (or, in a dry run, would do), in counts and in sentences."""

    case: Case | None = None
    case_created: bool = False
    dry_run: bool = False
    changes: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(
        default_factory=lambda: dict.fromkeys(
            (
                "entries_added",
                "entries_changed",
                "entries_unchanged",
                "entries_flagged",
                "parties_added",
                "parties_changed",
                "attorneys_added",
                "counsel_added",
                "counsel_changed",
                "judges_added",
            ),
            0,
        )
    )

    def count(self, key: str, n: int = 1) -> None:
        self.counts[key] += n

    @property
    def changed_anything(self) -> bool:
        return (
            self.case_created
            or any(n for key, n in self.counts.items() if key != "entries_unchanged")
            or bool(self.changes)
        )

    def summary(self) -> str:
        """Return one line: 'created Balbo v. Tilton: 3 entries added, 3 parties added, ...'."""
        c = self.counts
        parts = [
            f"{_n(c['entries_added'], 'entry', 'entries')} added",
            f"{c['entries_changed']} changed",
            f"{c['entries_unchanged']} unchanged",
        ]
        if c["entries_flagged"]:
            parts.append(f"{c['entries_flagged']} no longer on the docket (kept, flagged)")
        parts += [
            f"{_n(c['parties_added'], 'party', 'parties')} added",
            f"{c['counsel_added']} counsel added",
        ]
        if c["parties_changed"] or c["counsel_changed"]:
            parts.append(f"{c['parties_changed'] + c['counsel_changed']} parties/counsel changed")
        name = self.case.short_name if self.case else "?"
        if not self.changed_anything:
            entries = _n(c["entries_unchanged"], "entry", "entries")
            return f"no change to {name} ({entries}, all already there)"
        if self.case_created:
            verb = "would create" if self.dry_run else "created"
        else:
            verb = "would update" if self.dry_run else "updated"
        return f"{verb} {name}: " + ", ".join(parts)

    def as_json(self) -> dict[str, Any]:
        return {"case_created": self.case_created, "changes": self.changes[:200], **self.counts}


def _n(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"
