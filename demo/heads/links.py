"""The related-case graph of the demo data: appeals, cert petitions, removals, remands, MDLs."""

from __future__ import annotations

import datetime

from demo.copyfiles import ISO
from demo.courts import FEDERAL_DISTRICT, STATE_TRIAL
from demo.heads.head import CaseHead
from demo.state import State
from demo.texts import CLOSING_STATUSES


class _Graph:
    """The links written so far, each once; what the choice of a linked case draws from."""

    def __init__(self, state: State) -> None:
        self.state = state
        self.table = state.tables["cases_caselink"]
        self.seen: set[tuple[int, int, str]] = set()
        courts = state.courts
        code_index = {c.code: i for i, c in enumerate(courts)}
        # The cases (not the MDLs) of each court, and of each state and level.
        self.cases_in: dict[int, list[int]] = {}
        self.by_state_level: dict[tuple[str, str], list[int]] = {}
        for head in state.heads:
            if not head.big:
                self.cases_in.setdefault(head.court, []).append(head.index)
                court = courts[head.court]
                self.by_state_level.setdefault((court.state, court.level), []).append(head.index)
        # The courts, with cases, that appeal to each court.
        self.lower: dict[int, list[int]] = {}
        for i, court in enumerate(courts):
            if court.appeals_to in code_index and i in self.cases_in:
                self.lower.setdefault(code_index[court.appeals_to], []).append(i)

    def link(self, source: int, target: int, kind: str, when: datetime.date) -> None:
        """Write a link from case ``source`` to case ``target`` unless it is there already."""
        heads = self.state.heads
        if source == target or (source, target, kind) in self.seen:
            return
        self.seen.add((source, target, kind))
        link_id = self.state.next_id("cases_caselink")
        self.table.add(
            str(link_id), kind, ISO[when], "", "", str(heads[source].case_id),
            str(heads[target].case_id),
        )  # fmt: skip
        heads[source].links.append((link_id, kind, target, when, True))
        heads[target].links.append((link_id, kind, source, when, False))


def _case_link(graph: _Graph, head: CaseHead) -> None:
    """Link a case to the case it appeals, was removed or remanded to, or (rarely) one related."""
    state = graph.state
    rng, heads = state.rng, state.heads
    court = state.courts[head.court]
    if head.case_type in ("appeal", "cert_petition") and head.court in graph.lower:
        candidates = graph.cases_in[rng.choice(graph.lower[head.court])]
        origin = rng.choice(candidates)
        if heads[origin].filed <= head.filed:
            kind = "appeal_from" if head.case_type == "appeal" else "cert_petition_from"
            graph.link(head.index, origin, kind, head.filed)
    elif head.status == "removed" and court.level == STATE_TRIAL:
        federal = graph.by_state_level.get((court.state, FEDERAL_DISTRICT))
        if federal:
            target = rng.choice(federal)
            if heads[target].filed >= head.filed:
                graph.link(head.index, target, "removed_to", heads[target].filed)
    elif head.status == "remanded" and court.level == FEDERAL_DISTRICT:
        in_state = graph.by_state_level.get((court.state, STATE_TRIAL))
        if in_state:
            target = rng.choice(in_state)
            graph.link(head.index, target, "remanded_to", state.between(head.filed, head.end))
    elif rng.random() < 0.01 and head.court in graph.cases_in:
        other = rng.choice(graph.cases_in[head.court])
        graph.link(head.index, other, "related", max(head.filed, heads[other].filed))


def _mdl_members(graph: _Graph) -> None:
    """Transfer cases of other federal districts into each MDL; they are "transferred" from
    then on (unless already closed)."""
    state = graph.state
    rng, heads, courts = state.rng, state.heads, state.courts
    districts = [h.index for h in heads if courts[h.court].level == FEDERAL_DISTRICT and not h.big]
    for head in heads:
        if head.case_type != "mdl" or courts[head.court].level != FEDERAL_DISTRICT:
            continue
        for _ in range(max(2, round((400 if head.big else 12) * state.plan.scale))):
            member = heads[rng.choice(districts)] if districts else head
            if member.case_type not in ("civil", "class_action") or member.court == head.court:
                continue
            if member.status not in CLOSING_STATUSES:
                member.status = "transferred"
            when = state.between(max(head.filed, member.filed), member.end)
            graph.link(member.index, head.index, "transferred_into_mdl", when)


def links_draw(state: State) -> None:
    """Write the related-case graph, and note each link on both its cases' heads."""
    graph = _Graph(state)
    for head in state.heads:
        _case_link(graph, head)
    _mdl_members(graph)
