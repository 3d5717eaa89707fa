"""Functions called when a write to parties changes what some cases say about their parties.

The cases app registers its search refresh here (cases/apps.py), so parties/ never imports cases/.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

# Functions called with the ids of the changed cases, inside the transaction of the change.
_case_parties_changed_hooks: list[Callable[[Iterable[int]], None]] = []


def on_case_parties_changed(hook: Callable[[Iterable[int]], None]) -> None:
    """Register ``hook(case_ids)`` to run when a party's name or its roles in cases change."""
    if hook not in _case_parties_changed_hooks:
        _case_parties_changed_hooks.append(hook)


def case_parties_changed(case_ids: Iterable[int]) -> None:
    """Call each registered hook with the ids of the cases whose parties changed."""
    for hook in _case_parties_changed_hooks:
        hook(case_ids)
