"""Following cases: a person's alert settings, and their subscriptions with choices and filters."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from alerts.models import SUBSCRIPTION_CHOICES, SUBSCRIPTION_FILTERS, AlertSettings, Subscription
from cases.models import Case


def alert_settings_for(user: AbstractBaseUser) -> AlertSettings:
    """The user's alert settings, created with the defaults on first use."""
    found, _ = AlertSettings.objects.get_or_create(user=user)
    return found


def alert_settings_update(*, user: AbstractBaseUser, **values: Any) -> AlertSettings:
    """Save a person's alert preferences (only the fields given: never the bounce record)."""
    found, _ = AlertSettings.objects.update_or_create(user=user, defaults=values)
    return found


@transaction.atomic
def subscription_follow(*, user: AbstractBaseUser, case: Case, **choices: Any) -> Subscription:
    """Follow a case (or follow it again), with the default choices unless given."""
    subscription, created = Subscription.objects.select_for_update().get_or_create(
        user=user, case=case, defaults=choices | {"active": True}
    )
    if not created:
        for name, value in (choices | {"active": True}).items():
            setattr(subscription, name, value)
        subscription.save()
    alert_settings_for(user)
    return subscription


def choices_of(subscription: Subscription) -> dict[str, Any]:
    """A subscription's choices and filters, to give another subscription the same."""
    return {
        name: getattr(subscription, name) for name in (*SUBSCRIPTION_CHOICES, *SUBSCRIPTION_FILTERS)
    }


@transaction.atomic
def subscription_follow_like(
    *, user: AbstractBaseUser, case: Case, like: Subscription
) -> tuple[Subscription, bool]:
    """Follow ``case`` with the choices and filters of ``like`` (the follow-on offer accepted).

    Someone who follows ``case`` already keeps their own choices: (their subscription, False).
    """
    current = Subscription.objects.select_for_update().filter(user=user, case=case).first()
    if current is not None and current.active:
        return current, False
    return subscription_follow(user=user, case=case, **choices_of(like)), True


@transaction.atomic
def subscription_update(*, subscription: Subscription, **choices: Any) -> Subscription:
    """Change which kinds of news a subscription brings, and its filters."""
    subscription = Subscription.objects.select_for_update().get(pk=subscription.pk)
    for name, value in choices.items():
        setattr(subscription, name, value)
    subscription.full_clean()
    subscription.save()
    return subscription


def subscription_unfollow(*, subscription: Subscription) -> Subscription:
    """Stop a subscription (kept, inactive, so following again restores its choices)."""
    Subscription.objects.filter(pk=subscription.pk).update(active=False)
    subscription.active = False
    return subscription
