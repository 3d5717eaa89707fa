"""What an event tells every follower whatever their choices: where the case went, that it closed.

A link that moves the litigation on (removal, remand, transfer, into an MDL, an appeal, a cert
petition) is announced on the case it left with a follow-on notice: each follower is offered the
new case, or (``AlertSettings.follow_on`` = follow) subscribed to it with the same choices and
filters. A status change to closed tells each follower that their follow stays.
"""

from __future__ import annotations

from dataclasses import dataclass

from alerts.models import FollowOn, Notice, Subscription
from alerts.services.followers import Follower, copy_for
from cases.models import CaseEvent, CaseLink, CaseStatus, EventKind, LinkKind

# "<from_case> was <kind> <to_case>": the litigation leaves from_case for to_case...
LEAVES_FROM_CASE = {
    LinkKind.REMOVED_TO,
    LinkKind.REMANDED_TO,
    LinkKind.TRANSFERRED_TO,
    LinkKind.TRANSFERRED_INTO_MDL,
}
# ...or leaves to_case (the lower court's) for from_case (the appeal, the cert petition).
LEAVES_TO_CASE = {LinkKind.APPEAL_FROM, LinkKind.CERT_PETITION_FROM}


@dataclass(frozen=True)
class EventNotice:
    """The notice an event carries: what it says, and the case the litigation went to."""

    notice: str
    went_to: int | None = None


def notice_of(event: CaseEvent) -> EventNotice | None:
    """The notice every follower of the event's case gets with it (None: none)."""
    if event.kind == EventKind.STATUS_CHANGED:
        if (event.detail or {}).get("to") == CaseStatus.CLOSED:
            return EventNotice(Notice.CASE_CLOSED)
        return None
    if event.kind != EventKind.CASE_LINKED:
        return None
    link_id = (event.detail or {}).get("link")
    if not isinstance(link_id, int):
        return None
    link = (
        CaseLink.objects.filter(pk=link_id)
        .values_list("from_case_id", "to_case_id", "kind")
        .first()
    )
    if link is None:  # removed since
        return None
    from_case, to_case, kind = link
    if kind in LEAVES_FROM_CASE and event.case_id == from_case:
        return EventNotice(Notice.FOLLOW_OFFERED, went_to=to_case)
    if kind in LEAVES_TO_CASE and event.case_id == to_case:
        return EventNotice(Notice.FOLLOW_OFFERED, went_to=from_case)
    return None


def follow_on(notice: EventNotice, followers: list[Follower]) -> dict[int, EventNotice]:
    """user id -> the follow-on notice of each follower told where the case went.

    Those who chose to be subscribed are, here, with the choices and filters of their
    subscription to the case left behind. Someone with any subscription to the new case is left
    alone: an active one needs nothing, and one they stopped was stopped on purpose, so it is
    neither revived nor offered again. Two queries whatever the number of followers; running it
    again for the same event finds the subscriptions it wrote and adds nothing.
    """
    went_to = notice.went_to
    taken = set(
        Subscription.objects.filter(case_id=went_to, user_id__in=[f.user_id for f in followers])
        .order_by()
        .values_list("user_id", flat=True)
    )
    told: dict[int, EventNotice] = {}
    new: list[Subscription] = []
    for follower in followers:
        if follower.user_id in taken or follower.user_id in told:
            continue
        if follower.follow_on == FollowOn.FOLLOW:
            new.append(copy_for(follower, went_to))
            told[follower.user_id] = EventNotice(Notice.FOLLOWED, went_to)
        else:
            told[follower.user_id] = EventNotice(Notice.FOLLOW_OFFERED, went_to)
    if new:
        Subscription.objects.bulk_create(new, ignore_conflicts=True)
    return told
