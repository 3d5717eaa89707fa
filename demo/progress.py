"""The progress bars of a demo data load: one per table, one for the search vectors."""

from __future__ import annotations

from tqdm import tqdm

from demo.plan import Plan


class Bars:
    """One progress bar per table (its total known where the plan fixes it), one for search."""

    def __init__(self, plan: Plan, progress: bool) -> None:
        self.progress = progress
        self.totals = {
            "cases_court": plan.courts,
            "parties_party": plan.parties,
            "auth_user": plan.users,
            "alerts_alertsettings": plan.users,
            "cases_case": plan.cases,
            "cases_docketentry": plan.docket_entries,
            "cases_motion": plan.motions,
            "cases_motion_movants": plan.motions,
            "cases_ruling": plan.rulings,
            "cases_deadline": plan.deadlines,
            "alerts_subscription": plan.subscriptions,
        }
        self.bars: dict[str, tqdm] = {}
        self.search = tqdm(
            total=plan.cases, desc="search vectors", unit=" cases", disable=not progress
        )

    def table(self, name: str) -> tqdm:
        if name not in self.bars:
            self.bars[name] = tqdm(
                total=self.totals.get(name),
                desc=f"copy {name}",
                unit=" rows",
                unit_scale=True,
                mininterval=1,
                disable=not self.progress,
            )
        return self.bars[name]

    def close(self) -> None:
        for bar in [*self.bars.values(), self.search]:
            bar.close()
