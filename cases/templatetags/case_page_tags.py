"""The case page's lists, each row built in ``cases.html``:

- ``{% timeline_items events %}``: a case's timeline (``<li>`` each);
- ``{% motion_rows motions %}``: the motions with their movants and decisions;
- ``{% related_items related %}``: related cases, each with how it relates;
- ``{% party_groups groups %}``: the parties by role, each group with its counsel.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django import template
from django.utils.safestring import SafeString

from cases.html.motions import motion_row
from cases.html.parties import party_group
from cases.html.parts import english
from cases.html.related import related_item
from cases.html.timeline import timeline_item
from cases.models import CaseEvent, Motion
from tracker.html import join
from tracker.links import slug_urls

register = template.Library()


@register.simple_tag
def timeline_items(events: Iterable[CaseEvent]) -> SafeString:
    plain = english()
    return join(timeline_item(event, plain) for event in events)


@register.simple_tag
def motion_rows(motions: Iterable[Motion]) -> SafeString:
    plain = english()
    return join(motion_row(motion, plain) for motion in motions)


@register.simple_tag
def related_items(related: Iterable[Any]) -> SafeString:
    """Return the related cases (``Related``), linked."""
    case_url, plain = slug_urls("case-detail"), english()
    return join(related_item(item, case_url, plain) for item in related)


@register.simple_tag
def party_groups(groups: Iterable[Any]) -> SafeString:
    """Return the parties of a case by role (``RoleGroup``s): the parties linked, with their
    notes and termination dates, then each group's counsel."""
    party_url, plain = slug_urls("party-detail"), english()
    return join(party_group(group, party_url, plain) for group in groups)
