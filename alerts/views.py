"""The reader's side of alerts: follow a case, choose what to hear about, unsubscribe from mail."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.views import redirect_to_login
from django.core import signing
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from alerts import services
from alerts.describe import filters_in_words, reasons
from alerts.forms import AlertSettingsForm, SubscriptionForm
from alerts.links import read_follow_on_token, read_unsubscribe_token, unsubscribe_token
from alerts.models import AlertSettings, Subscription
from cases.models import Case
from cases.selectors import CASE_TEXT

View = Callable[..., HttpResponse]


def signed_in(then: Callable[..., str]) -> Callable[[View], View]:
    """Like ``login_required``, but after signing in the reader lands on ``then(**kwargs)``.

    The views below only answer POST, so returning to their own address would end in a 405.
    """

    def decorator(view: View) -> View:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(then(**kwargs))
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def _case_url(slug: str) -> str:
    return reverse("case-detail", args=[slug])


def _my_alerts_url(**kwargs: Any) -> str:
    return reverse("my-alerts")


def _settings_of(user: Any) -> AlertSettings:
    """The user's settings, or unsaved defaults: showing the page writes nothing."""
    return AlertSettings.objects.filter(user=user).first() or AlertSettings(user=user)


def _subscription_forms(user: Any) -> list[SubscriptionForm]:
    subscriptions = Subscription.objects.filter(user=user, active=True).select_related(
        "case__court"
    )
    return [SubscriptionForm(instance=s, prefix=f"s{s.pk}") for s in subscriptions]


def _my_alerts_page(
    request: HttpRequest,
    *,
    settings_form: AlertSettingsForm | None = None,
    subscription_form: SubscriptionForm | None = None,
) -> HttpResponse:
    user_settings = settings_form.instance if settings_form else _settings_of(request.user)
    forms = _subscription_forms(request.user)
    if subscription_form is not None:  # show the invalid form in place of its row
        forms = [
            subscription_form if f.instance.pk == subscription_form.instance.pk else f
            for f in forms
        ]
    return render(
        request,
        "alerts/my_alerts.html",
        {
            "nav": "alerts",
            "subscription_forms": forms,
            "settings_form": settings_form or AlertSettingsForm(instance=user_settings),
            "alert_settings": user_settings,
        },
    )


@require_http_methods(["GET", "HEAD"])
@signed_in(then=_my_alerts_url)
def my_alerts(request: HttpRequest) -> HttpResponse:
    return _my_alerts_page(request)


@require_POST
@signed_in(then=_case_url)
def follow_case(request: HttpRequest, slug: str) -> HttpResponse:
    case = get_object_or_404(Case.objects.only("pk", "slug", "short_name"), slug=slug)
    services.subscription_follow(user=request.user, case=case)
    messages.success(request, f"You now follow {case.short_name}.")
    if not request.user.email:
        messages.warning(
            request, "Your account has no e-mail address, so no alerts can reach you yet."
        )
    return redirect(_case_url(case.slug))


@require_POST
@signed_in(then=_case_url)
def unfollow_case(request: HttpRequest, slug: str) -> HttpResponse:
    case = get_object_or_404(Case.objects.only("pk", "slug", "short_name"), slug=slug)
    subscription = Subscription.objects.filter(user=request.user, case=case, active=True).first()
    if subscription is None:
        messages.info(request, f"You were not following {case.short_name}.")
    else:
        services.subscription_unfollow(subscription=subscription)
        messages.success(request, f"You no longer follow {case.short_name}.")
    return HttpResponseRedirect(_next_url(request, default=_case_url(case.slug)))


def _next_url(request: HttpRequest, *, default: str) -> str:
    """The form's ``next`` field when it names a page of this site, else ``default``."""
    wanted = request.POST.get("next", "")
    if wanted and url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return wanted
    return default


@require_POST
@signed_in(then=_my_alerts_url)
def subscription_update(request: HttpRequest, pk: int) -> HttpResponse:
    subscription = get_object_or_404(
        Subscription.objects.select_related("case"), pk=pk, user=request.user
    )
    form = SubscriptionForm(request.POST, instance=subscription, prefix=f"s{subscription.pk}")
    if not form.is_valid():
        messages.error(request, f"Your choices for {subscription.case.short_name} were not saved.")
        return _my_alerts_page(request, subscription_form=form)
    services.subscription_update(subscription=subscription, **form.cleaned_data)
    messages.success(request, f"Saved your alerts for {subscription.case.short_name}.")
    return redirect("my-alerts")


@require_POST
@signed_in(then=_my_alerts_url)
def alert_settings(request: HttpRequest) -> HttpResponse:
    form = AlertSettingsForm(request.POST, instance=_settings_of(request.user))
    if not form.is_valid():
        messages.error(request, "Your settings were not saved: please correct the errors below.")
        return _my_alerts_page(request, settings_form=form)
    services.alert_settings_update(user=request.user, **form.cleaned_data)
    messages.success(request, "Saved your alert settings.")
    return redirect("my-alerts")


@csrf_exempt  # protected by the token's signature; RFC 8058 one-click posts carry no CSRF token
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    """GET asks to confirm (mail scanners follow links); POST, or a one-click POST, stops."""
    try:
        data = read_unsubscribe_token(token)
    except signing.BadSignature:
        return _bad_unsubscribe_link(request)
    user = get_user_model().objects.filter(pk=data["u"]).first()
    if user is None:
        return _bad_unsubscribe_link(request)
    subscriptions = Subscription.objects.filter(user=user).select_related("case")
    if data["s"] is not None:
        subscriptions = subscriptions.filter(pk=data["s"])
        if not subscriptions:
            return _bad_unsubscribe_link(request)
    else:
        subscriptions = subscriptions.filter(active=True)
    subscriptions = list(subscriptions)
    if request.method == "POST":
        for subscription in subscriptions:
            services.subscription_unfollow(subscription=subscription)
    return render(
        request,
        "alerts/unsubscribe.html",
        {
            "done": request.method == "POST",
            "everything": data["s"] is None,
            "subscriptions": subscriptions,
            "email": user.email,
        },
    )


def _bad_unsubscribe_link(request: HttpRequest) -> HttpResponse:
    return render(request, "alerts/unsubscribe_invalid.html", status=400)


@require_http_methods(["GET", "HEAD", "POST"])
def follow_on(request: HttpRequest, token: str) -> HttpResponse:
    """The offer of an alert to follow the case the litigation went to.

    The signed token is the reader's credential (no sign-in needed). GET only asks (mail
    scanners follow links); POST, with the page's CSRF token, follows with the choices and
    filters of the subscription named in the token. Someone who follows the case already keeps
    their own choices.
    """
    offer = _follow_on_offer(token)
    if offer is None:
        return render(request, "alerts/follow_on_invalid.html", status=400)
    like, case = offer
    current = Subscription.objects.filter(user_id=like.user_id, case=case).first()
    following = current is not None and current.active
    if request.method == "POST" and not following:
        current, _ = services.subscription_follow_like(user=like.user, case=case, like=like)
    return render(
        request,
        "alerts/follow_on.html",
        {
            "case": case,
            "like": like,
            "email": like.user.email,
            "state": "already" if following else "done" if request.method == "POST" else "ask",
            "reasons": reasons(like),
            "filters": filters_in_words(like),
            "unsubscribe_url": (
                reverse(
                    "unsubscribe",
                    args=[unsubscribe_token(user_id=like.user_id, subscription_id=current.pk)],
                )
                if current is not None and current.active
                else ""
            ),
        },
    )


def _follow_on_offer(token: str) -> tuple[Subscription, Case] | None:
    """(the subscription whose choices are copied, the case offered), or None if the link is bad."""
    try:
        link = read_follow_on_token(token)
    except signing.BadSignature:
        return None
    like = (
        Subscription.objects.select_related("user", "case")
        .defer(*CASE_TEXT)
        .filter(pk=link.subscription_id, user_id=link.user_id, user__is_active=True)
        .first()
    )
    case = (
        Case.objects.select_related("court")
        .defer("search_text", "search_vector")
        .filter(pk=link.case_id)
        .first()
    )
    if like is None or case is None or case.pk == like.case_id:
        return None
    return like, case
