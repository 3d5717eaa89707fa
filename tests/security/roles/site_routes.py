"""The table's entries for the site's own URL patterns (accounts, pages, feeds, alerts)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from alerts.emails import unsubscribe_token
from alerts.links import follow_on_token
from tests.security.roles.expect import (
    ANONYMOUS,
    BAD_REQUEST,
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


# Alert follow-on (issue 16): the offer of a case the reader follows already, from the
# subscription they stopped. Following it (even by POST) changes nothing, so the anonymous walk
# writes nothing; tests/alerts/views/test_follow_on_page.py follows live ones.
def follow_on_url(w: World) -> str:
    token = follow_on_token(user_id=w.reader.pk, subscription_id=w.stopped.pk, case_id=w.case.pk)
    return f"/alerts/follow-on/{token}/"


# --- The REST API (api/; issue 16): reads for anyone while API_PUBLIC (the default), JSON
# answers throughout; another method is a 405. A user's own subscriptions need a token or a
# session (anonymous: 401); anyone else's is not found. An empty POST to the subscriptions
# names no case (400). The token page is the signed-in user's own; an empty POST chooses nothing.
API_READ = everyone(answer(200, json=True), answer(405, json=True))
API_CASE_ROWS = ("parties", "docket-entries", "motions", "rulings", "deadlines", "links")
API_READS: dict[str, Callable[[World], str]] = {
    "api/v1/courts/": lambda w: "/api/v1/courts/",
    "api/v1/courts/<slug:code>/": lambda w: f"/api/v1/courts/{w.court.code}/",
    "api/v1/judges/": lambda w: "/api/v1/judges/",
    "api/v1/judges/<int:pk>/": lambda w: f"/api/v1/judges/{w.judge.pk}/",
    "api/v1/cases/": lambda w: "/api/v1/cases/",
    "api/v1/cases/<slug:slug>/": lambda w: f"/api/v1/cases/{w.case.slug}/",
    **{
        f"api/v1/cases/<slug:slug>/{rows}/": (
            lambda w, rows=rows: f"/api/v1/cases/{w.case.slug}/{rows}/"
        )
        for rows in API_CASE_ROWS
    },
    "api/v1/parties/": lambda w: "/api/v1/parties/",
    "api/v1/parties/<slug:slug>/": lambda w: f"/api/v1/parties/{w.party.slug}/",
}
API_UNAUTHORIZED = answer(401, json=True)
API_ROUTES: dict[str, Route] = {
    **{key: at(url, API_READ) for key, url in API_READS.items()},
    "api/v1/subscriptions/": at(
        "/api/v1/subscriptions/",
        signed_in(
            answer(200, json=True),
            answer(400, json=True),
            anonymous=(API_UNAUTHORIZED, API_UNAUTHORIZED),
        ),
    ),
    "api/v1/subscriptions/<int:pk>/": at(
        lambda w: f"/api/v1/subscriptions/{w.subscription.pk}/",
        {
            ANONYMOUS: (API_UNAUTHORIZED, API_UNAUTHORIZED),
            READER: (answer(200, json=True), answer(405, json=True)),
            EDITOR: (answer(404, json=True), answer(405, json=True)),
            SUPERUSER: (answer(404, json=True), answer(405, json=True)),
        },
    ),
    "api/v1/token/": at("/api/v1/token/", signed_in(OK, BAD_REQUEST)),
    "api/v1/schema/": at("/api/v1/schema/", everyone(OK, NOT_ALLOWED)),
    "api/v1/docs/": at("/api/v1/docs/", everyone(OK, NOT_ALLOWED)),
    "api/v1/redoc/": at("/api/v1/redoc/", everyone(OK, NOT_ALLOWED)),
    # Any other address under /api/v1/: a JSON 404, whatever the method.
    "api/v1/^(?P<rest>.*)$": at(
        "/api/v1/nothing/", everyone(answer(404, json=True), answer(404, json=True))
    ),
}

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
    # Alert follow-on (issue 16): the signed link is the credential, signed in or not; the POST
    # needs the page's CSRF token (the walk's client does not check it).
    "alerts/follow-on/<str:token>/": at(follow_on_url, everyone(OK, OK)),
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
    # --- Notes and tags (cases/views_notes.py): signed-in users, POST forms from the case page.
    # An empty form is refused with 400 (an empty note, no tag name, no tag named).
    "cases/<slug:slug>/notes/": at(
        lambda w: case_url(w, "notes/"),
        signed_in(NOT_ALLOWED, BAD_REQUEST, anonymous=(NOT_ALLOWED, SIGN_IN)),
    ),
    # The reader's own note: the edit page is theirs; anyone else's note is not found, an
    # editor's and a superuser's requests included.
    "cases/<slug:slug>/notes/<int:pk>/": at(
        lambda w: case_url(w, f"notes/{w.notes['edit'].pk}/"),
        {
            ANONYMOUS: (SIGN_IN, SIGN_IN),
            READER: (OK, BAD_REQUEST),
            EDITOR: (NOT_FOUND, NOT_FOUND),
            SUPERUSER: (NOT_FOUND, NOT_FOUND),
        },
    ),
    "cases/<slug:slug>/notes/<int:pk>/delete/": at(
        lambda w: case_url(w, f"notes/{w.notes['delete'].pk}/delete/"),
        lambda w: {
            ANONYMOUS: (NOT_ALLOWED, SIGN_IN),
            READER: (NOT_ALLOWED, answer(302, to=case_url(w, "#notes"))),
            EDITOR: (NOT_ALLOWED, NOT_FOUND),
            SUPERUSER: (NOT_ALLOWED, NOT_FOUND),
        },
    ),
    "cases/<slug:slug>/tags/": at(
        lambda w: case_url(w, "tags/"),
        signed_in(NOT_ALLOWED, BAD_REQUEST, anonymous=(NOT_ALLOWED, SIGN_IN)),
    ),
    "cases/<slug:slug>/tags/remove/": at(
        lambda w: case_url(w, "tags/remove/"),
        signed_in(NOT_ALLOWED, BAD_REQUEST, anonymous=(NOT_ALLOWED, SIGN_IN)),
    ),
    **API_ROUTES,
}
