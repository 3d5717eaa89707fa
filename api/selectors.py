"""The rows each list of the API reads, each in its order, with what its serializer prints
joined or prefetched: a constant number of queries a page, however many rows."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.db.models import Count, F, Prefetch, Q, QuerySet

from alerts.models import Subscription
from cases.models import (
    Case,
    CaseJudge,
    CaseLink,
    Court,
    Deadline,
    DocketEntry,
    Judge,
    Motion,
    Ruling,
    RulingMotion,
)
from parties.models import CaseParty, Party, Representation


def courts() -> QuerySet[Court]:
    return Court.objects.select_related("appeals_to").order_by("name", "pk")


def judges() -> QuerySet[Judge]:
    return Judge.objects.select_related("court").order_by("name", "pk")


def cases() -> QuerySet[Case]:
    """Every case with its judges (the case filters choose the order and join the court)."""
    judges = CaseJudge.objects.select_related("judge").order_by("role", "judge__name", "pk")
    return Case.objects.prefetch_related(Prefetch("case_judges", queryset=judges))


def case_detail() -> QuerySet[Case]:
    history = "status_changes"
    return (
        cases()
        .select_related("court")
        .defer("search_text", "search_vector")
        .prefetch_related(history)
    )


def case_by_slug(slug: str) -> Case:
    """The case a nested list is of, with no more than its key (``Case.DoesNotExist``)."""
    return Case.objects.only("pk", "slug").get(slug=slug)


def parties() -> QuerySet[Party]:
    return Party.objects.all()


def party_detail() -> QuerySet[Party]:
    return Party.objects.annotate(case_count=Count("case_roles__case", distinct=True))


def case_parties(case: Case) -> QuerySet[CaseParty]:
    counsel = Representation.objects.select_related("attorney", "firm").order_by(
        "role", "attorney__name", "pk"
    )
    return (
        CaseParty.objects.filter(case=case)
        .select_related("party")
        .prefetch_related(Prefetch("representations", queryset=counsel))
        .order_by("role", "party__name", "pk")
    )


def docket_entries(case: Case) -> QuerySet[DocketEntry]:
    return DocketEntry.objects.filter(case=case).order_by("filed_date", "number", "pk")


def motions(case: Case) -> QuerySet[Motion]:
    movants = CaseParty.objects.select_related("party").order_by("party__name", "pk")
    decisions = RulingMotion.objects.order_by("pk")
    return (
        Motion.objects.filter(case=case)
        .prefetch_related(
            Prefetch("movants", queryset=movants), Prefetch("decisions", queryset=decisions)
        )
        .order_by("filed_date", "pk")
    )


def rulings(case: Case) -> QuerySet[Ruling]:
    decisions = RulingMotion.objects.select_related("motion").only(
        "ruling_id", "motion_id", "outcome", "motion__title"
    )
    return (
        Ruling.objects.filter(case=case)
        .select_related("judge")
        .prefetch_related(Prefetch("decisions", queryset=decisions.order_by("pk")))
        .order_by("date", "pk")
    )


def deadlines(case: Case) -> QuerySet[Deadline]:
    return Deadline.objects.filter(case=case).order_by("due_date", "due_time", "pk")


def case_links(case: Case) -> QuerySet[CaseLink]:
    """The links from and to the case, oldest first (undated last), both cases joined."""
    return (
        CaseLink.objects.filter(Q(from_case=case) | Q(to_case=case))
        .select_related("from_case__court", "to_case__court")
        .defer(*(f"{end}__{column}" for end in ("from_case", "to_case") for column in _WIDE))
        .order_by(F("date").asc(nulls_last=True), "pk")
    )


# A linked case's columns that a link does not print (large text).
_WIDE = ("search_text", "search_vector", "summary", "caption", "causes_of_action")


def subscriptions(user: AbstractBaseUser) -> QuerySet[Subscription]:
    """The user's own subscriptions that are on (a stopped one is as good as none)."""
    return (
        Subscription.objects.filter(user=user, active=True)
        .select_related("case__court")
        .defer(*(f"case__{column}" for column in _WIDE))
        .order_by("pk")
    )
