"""The table's entries for the site's own URL patterns (accounts, pages, feeds, alerts)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from alerts.emails import unsubscribe_token
from tests.security.roles.expect import (
    ANONYMOUS,
    EDITOR,
    NOT_ALLOWED,
    NOT_FOUND,
    OK,
    PAGE,
    READER,
    SIGN_IN,
    SUPERUSER,
    Grid,
    answer,
    everyone,
    signed_in,
)
from tests.security.roles.world import World

# --- The table: one entry per URL pattern --------------------------------------------------------


@dataclass(frozen=True)
class Route:
    """The concrete addresses a pattern is tried at, each with what every role must get."""

    samples: Callable[[World], list[tuple[str, Grid]]]
    signs_out: bool = False  # a signed-in role is signed in again after it


def at(
    url: str | Callable[[World], str],
    grid: Grid | Callable[[World], Grid],
    *,
    signs_out: bool = False,
) -> Route:
    """One address (or a function of the data) and what each role gets there."""

    def samples(w: World) -> list[tuple[str, Grid]]:
        return [
            (url if isinstance(url, str) else url(w), grid if isinstance(grid, dict) else grid(w))
        ]

    return Route(samples, signs_out=signs_out)


def case_url(w: World, suffix: str = "") -> str:
    return f"{w.case.get_absolute_url()}{suffix}"


def unsubscribe_url(w: World) -> str:
    # The link of a subscription already stopped: following it (even by POST) changes nothing,
    # so the anonymous walk writes nothing; the IDOR tests below use live ones.
    token = unsubscribe_token(user_id=w.reader.pk, subscription_id=w.stopped.pk)
    return f"/alerts/unsubscribe/{token}/"


SITE_ROUTES: dict[str, Route] = {
    "favicon.ico": at("/favicon.ico", everyone(answer(301), answer(301))),
    "healthz": at("/healthz", everyone(answer(200, 503, json=True), NOT_ALLOWED)),
    # Accounts (django.contrib.auth.urls). An empty POST is a form refused and shown again.
    "accounts/login/": at("/accounts/login/", everyone(OK, OK)),
    "accounts/logout/": at(
        "/accounts/logout/", everyone(NOT_ALLOWED, answer(302, to="/")), signs_out=True
    ),
    "accounts/password_change/": at("/accounts/password_change/", signed_in(OK, OK)),
    "accounts/password_change/done/": at(
        "/accounts/password_change/done/", signed_in(OK, NOT_ALLOWED)
    ),
    "accounts/password_reset/": at("/accounts/password_reset/", everyone(OK, OK)),
    "accounts/password_reset/done/": at(
        "/accounts/password_reset/done/", everyone(OK, NOT_ALLOWED)
    ),
    # A link that does not work: the page says so, to GET and POST alike, and sets nothing.
    "accounts/reset/<uidb64>/<token>/": at("/accounts/reset/Mg/no-such-token/", everyone(OK, OK)),
    "accounts/reset/done/": at("/accounts/reset/done/", everyone(OK, NOT_ALLOWED)),
    # CourtListener's webhooks do not exist while no secret is configured.
    "webhooks/courtlistener/<str:secret>/": at(
        "/webhooks/courtlistener/guess/", everyone(answer(404, json=True), answer(404, json=True))
    ),
    "webhooks/courtlistener/": at(
        "/webhooks/courtlistener/", everyone(answer(404, json=True), answer(404, json=True))
    ),
    # Feeds and exports. Django's Feed view answers any method with the feed.
    "activity.atom": at("/activity.atom", everyone(OK, OK)),
    "cases/<slug:slug>/feed.atom": at(lambda w: case_url(w, "feed.atom"), everyone(OK, OK)),
    "cases/deadlines.ics": at("/cases/deadlines.ics", PAGE),
    "cases/<slug:slug>/deadlines.ics": at(lambda w: case_url(w, "deadlines.ics"), PAGE),
    "cases/export.csv": at("/cases/export.csv", PAGE),
    "cases/<slug:slug>/timeline.csv": at(lambda w: case_url(w, "timeline.csv"), PAGE),
    # The researchers' pages.
    "": at("/", PAGE),
    "cases/": at("/cases/", PAGE),
    "cases/<slug:slug>/": at(case_url, PAGE),
    "cases/<slug:slug>/related/": at(lambda w: case_url(w, "related/"), PAGE),
    "deadlines/": at("/deadlines/", PAGE),
    "courts/": at("/courts/", PAGE),
    "courts/<slug:code>/": at(lambda w: f"/courts/{w.court.code}/", PAGE),
    "judges/<int:pk>/": at(lambda w: f"/judges/{w.judge.pk}/", PAGE),
    "analytics/": at("/analytics/", PAGE),
    "analytics/<slug:table>.csv": at("/analytics/judges.csv", PAGE),
    "parties/": at("/parties/", PAGE),
    "parties/<slug:slug>/": at(lambda w: w.party.get_absolute_url(), PAGE),
    # Alerts: the reader's own. The method is checked before the sign-in.
    "alerts/": at("/alerts/", signed_in(OK, NOT_ALLOWED, anonymous=(SIGN_IN, NOT_ALLOWED))),
    # An empty settings form is refused and shown again on the "My alerts" page.
    "alerts/settings/": at(
        "/alerts/settings/", signed_in(NOT_ALLOWED, OK, anonymous=(NOT_ALLOWED, SIGN_IN))
    ),
    # The reader's subscription: theirs to change (an empty form unticks every choice); anyone
    # else's is not found, staff and superusers included.
    "alerts/subscriptions/<int:pk>/": at(
        lambda w: f"/alerts/subscriptions/{w.subscription.pk}/",
        {
            ANONYMOUS: (NOT_ALLOWED, SIGN_IN),
            READER: (NOT_ALLOWED, answer(302, to="/alerts/")),
            EDITOR: (NOT_ALLOWED, NOT_FOUND),
            SUPERUSER: (NOT_ALLOWED, NOT_FOUND),
        },
    ),
    # The signed link is the credential (mail scanners GET it; the one-click POST has no CSRF).
    "alerts/unsubscribe/<str:token>/": at(unsubscribe_url, everyone(OK, OK)),
    "cases/<slug:slug>/follow/": at(
        lambda w: case_url(w, "follow/"),
        lambda w: signed_in(
            NOT_ALLOWED, answer(302, to=case_url(w)), anonymous=(NOT_ALLOWED, SIGN_IN)
        ),
    ),
    "cases/<slug:slug>/unfollow/": at(
        lambda w: case_url(w, "unfollow/"),
        lambda w: signed_in(
            NOT_ALLOWED, answer(302, to=case_url(w)), anonymous=(NOT_ALLOWED, SIGN_IN)
        ),
    ),
}
