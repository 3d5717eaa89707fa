"""Who may do what: every URL the site answers, for each role, by GET and by POST.

The roles: anonymous; a reader (signed in, not staff: follows cases and owns only their own
alerts); an editor (staff, in the Editors group: domain data in the admin as cases/roles.py
lists it, no users or groups); a superuser.

``ROUTES`` holds one entry per URL pattern of the URLconf (the admin's included). The admin's
per-model patterns come from ``ADMIN_MODELS``, one rule per (app label, model), and their
expected answers from the role rules: Editors get what EDITOR_PERMISSIONS grants, less what the
ModelAdmin refuses everyone; readers and anonymous visitors are sent to the admin's sign-in.
A pattern added to the URLconf without an entry here fails ``test_the_table_covers_every_url``.

POSTs carry empty bodies: the point is the status, and that nobody gets past the door. The test
client does not check CSRF tokens, so what stops an anonymous write below is the view itself.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.apps import apps
from django.contrib import admin
from django.contrib.auth.models import Group, User
from django.contrib.contenttypes.models import ContentType
from django.core import signing
from django.db import connection, models
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from alerts import services as alert_services
from alerts.emails import UNSUBSCRIBE_SALT, unsubscribe_token
from alerts.models import AlertSettings, Notification, Subscription
from cases import services
from cases.models import (
    Case,
    CaseEvent,
    CaseJudge,
    Court,
    DefaultPeriod,
    DocketEntry,
    DocketImport,
    Judge,
    JudgeRole,
    LinkKind,
    Outcome,
    RuleSetChoice,
    RulingKind,
    StatusChange,
)
from cases.roles import EDITOR_PERMISSIONS, EDITORS_GROUP
from parties import services as party_services
from parties.models import Party, RepresentationRole
from tests import factories

pytestmark = pytest.mark.django_db

D = datetime.date
GET, POST = "GET", "POST"
METHODS = (GET, POST)
ANONYMOUS, READER, EDITOR, SUPERUSER = "anonymous", "reader", "editor", "superuser"
ROLES = (ANONYMOUS, READER, EDITOR, SUPERUSER)
SIGNED_IN = (READER, EDITOR, SUPERUSER)
STAFF = (EDITOR, SUPERUSER)
ACTIONS = frozenset({"view", "add", "change", "delete"})


# --- What a request must answer ----------------------------------------------------------------


@dataclass(frozen=True)
class Expect:
    codes: frozenset[int]
    to: str | None = None  # a redirect's target; one ending in "?next=" is a prefix
    json: bool = False

    def problem(self, response: Any) -> str | None:
        """What is wrong with ``response``, or None."""
        if response.status_code not in self.codes:
            where = f" to {response['Location']}" if response.has_header("Location") else ""
            return f"expected {self}, got {response.status_code}{where}"
        if self.to is not None:
            location = response.get("Location", "")
            wrong = (
                not location.startswith(self.to)
                if self.to.endswith("?next=")
                else location != self.to
            )
            if wrong:
                return f"expected a redirect to {self.to}, got one to {location}"
        if self.json and response.get("Content-Type") != "application/json":
            return f"expected JSON, got {response.get('Content-Type')}"
        return None

    def __str__(self) -> str:
        codes = " or ".join(str(code) for code in sorted(self.codes))
        return f"{codes} to {self.to}" if self.to else codes


def answer(*codes: int, to: str | None = None, json: bool = False) -> Expect:
    return Expect(frozenset(codes), to, json)


OK = answer(200)
BAD_REQUEST = answer(400)
FORBIDDEN = answer(403)
NOT_FOUND = answer(404)
NOT_ALLOWED = answer(405)
SIGN_IN = answer(302, to="/accounts/login/?next=")
ADMIN_SIGN_IN = answer(302, to="/admin/login/?next=")

# role -> (the answer to GET, the answer to POST)
Grid = dict[str, tuple[Expect, Expect]]


def everyone(get: Expect, post: Expect) -> Grid:
    return {role: (get, post) for role in ROLES}


def signed_in(get: Expect, post: Expect, *, anonymous: tuple[Expect, Expect] | None = None) -> Grid:
    return {ANONYMOUS: anonymous or (SIGN_IN, SIGN_IN)} | {r: (get, post) for r in SIGNED_IN}


def staff(get: Expect, post: Expect, *, superuser: tuple[Expect, Expect] | None = None) -> Grid:
    """The admin's pages: staff only; readers and anonymous visitors go to its sign-in."""
    return {
        ANONYMOUS: (ADMIN_SIGN_IN, ADMIN_SIGN_IN),
        READER: (ADMIN_SIGN_IN, ADMIN_SIGN_IN),
        EDITOR: (get, post),
        SUPERUSER: superuser or (get, post),
    }


PAGE = everyone(OK, NOT_ALLOWED)  # a public page: read only


# --- The data the URLs are filled with -----------------------------------------------------------


@dataclass
class World:
    """A small docket, the three signed-in personas, and one row of every model the admin shows."""

    reader: User
    editor: User
    superuser: User
    case: Case
    court: Court
    judge: Judge
    party: Party
    subscription: Subscription  # the reader's, active
    stopped: Subscription  # the reader's, stopped already
    rows: dict[tuple[str, str], models.Model] = field(default_factory=dict)

    def user(self, role: str) -> User | None:
        return {READER: self.reader, EDITOR: self.editor, SUPERUSER: self.superuser}.get(role)


def build_world() -> World:
    reader = User.objects.create_user("bob", "bob@example.org")
    editor = User.objects.create_user("alice", "alice@example.org", is_staff=True)
    editors = Group.objects.get(name=EDITORS_GROUP)
    editor.groups.add(editors)
    superuser = User.objects.create_superuser("root", "root@example.org")

    court = factories.court()
    judge = factories.judge(court)
    case = factories.case(court, short_name="Renderos v. Clearview AI")
    other = factories.case(court, short_name="Thornley v. Clearview AI")
    case_judge = CaseJudge.objects.create(case=case, judge=judge, role=JudgeRole.PRESIDING)
    link = services.case_link_create(from_case=other, to_case=case, kind=LinkKind.REMANDED_TO)
    entry = services.docket_entry_add(case=case, filed_date=D(2020, 2, 1), text="Complaint.")
    motion = factories.motion(case)
    ruling = services.ruling_record(
        case=case,
        title="Order on the motion to dismiss",
        kind=RulingKind.ORDER,
        date=D(2020, 6, 1),
        decisions=[(motion, Outcome.DENIED)],
    )
    deadline = services.deadline_set(
        case=case, title="Answer due", kind="filing", due_date=D(2030, 1, 15)
    )
    period = DefaultPeriod.objects.create(
        rule_set=RuleSetChoice.FRCP, title="Opposition", period_days=21, rule="L.R. 7.1"
    )
    docket_import = DocketImport.objects.create(case=case, source="pacer", file_name="dkt.html")
    case_party = factories.case_party(case)
    firm = party_services.firm_create(name="BraunHagey & Borden LLP", city="San Francisco")
    attorney = party_services.attorney_create(name="Ellen V. Leonida", firm=firm)
    representation = party_services.representation_add(
        attorney=attorney, case_party=case_party, firm=firm, role=RepresentationRole.LEAD
    )
    settings_row = AlertSettings.objects.create(user=reader, time_zone="Europe/Paris")
    subscription = alert_services.subscription_follow(user=reader, case=case)
    stopped = alert_services.subscription_unfollow(
        subscription=alert_services.subscription_follow(user=reader, case=other)
    )
    notification = Notification.objects.create(
        user=reader, kind="event", delivery="immediate", case=case, subject="A new ruling"
    )
    rows: dict[tuple[str, str], models.Model] = {
        ("auth", "user"): reader,
        ("auth", "group"): editors,
        ("cases", "court"): court,
        ("cases", "judge"): judge,
        ("cases", "case"): case,
        ("cases", "casejudge"): case_judge,
        ("cases", "caselink"): link,
        ("cases", "docketentry"): entry,
        ("cases", "motion"): motion,
        ("cases", "ruling"): ruling,
        ("cases", "rulingmotion"): ruling.decisions.get(),
        ("cases", "deadline"): deadline,
        ("cases", "defaultperiod"): period,
        ("cases", "statuschange"): StatusChange.objects.filter(case=case).first(),
        ("cases", "caseevent"): CaseEvent.objects.filter(case=case).first(),
        ("cases", "docketimport"): docket_import,
        ("parties", "party"): case_party.party,
        ("parties", "caseparty"): case_party,
        ("parties", "lawfirm"): firm,
        ("parties", "attorney"): attorney,
        ("parties", "representation"): representation,
        ("alerts", "alertsettings"): settings_row,
        ("alerts", "subscription"): subscription,
        ("alerts", "notification"): notification,
    }
    if apps.is_installed("axes"):  # django-axes' sign-in records, listed in the admin
        access = {
            "user_agent": "test",
            "ip_address": "192.0.2.1",
            "username": "mallory",  # not a persona: signing in clears one's own failures
            "http_accept": "text/html",
            "path_info": "/accounts/login/",
        }
        for model, extra in [
            ("accessattempt", {"get_data": "", "post_data": "", "failures_since_start": 1}),
            ("accesslog", {}),
            ("accessfailurelog", {}),
        ]:
            rows[("axes", model)] = apps.get_model("axes", model).objects.create(**access, **extra)
    return World(
        reader=reader,
        editor=editor,
        superuser=superuser,
        case=case,
        court=court,
        judge=judge,
        party=case_party.party,
        subscription=subscription,
        stopped=stopped,
        rows=rows,
    )


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


def view_on_site_url(w: World) -> str:
    return f"/admin/r/{ContentType.objects.get_for_model(Case).pk}/{w.case.pk}/"


def autocomplete(app: str, model: str, field_name: str) -> str:
    return f"/admin/autocomplete/?app_label={app}&model_name={model}&field_name={field_name}&term=a"


ADMIN_SITE_ROUTES: dict[str, Route] = {
    "admin/": at("/admin/", staff(OK, OK)),
    "admin/login/": at(
        "/admin/login/",
        {
            ANONYMOUS: (OK, OK),
            READER: (OK, OK),  # "You are not authorized to access this page": sign in as staff
            EDITOR: (answer(302, to="/admin/"), OK),
            SUPERUSER: (answer(302, to="/admin/"), OK),
        },
    ),
    # Signing out is a POST. Whoever is not staff is sent to the admin's index (and from there
    # to its sign-in) before the method is looked at.
    "admin/logout/": at(
        "/admin/logout/",
        {
            **dict.fromkeys([ANONYMOUS, READER], (answer(302, to="/admin/"),) * 2),
            **dict.fromkeys(STAFF, (NOT_ALLOWED, answer(302, to="/"))),
        },
        signs_out=True,
    ),
    "admin/password_change/": at("/admin/password_change/", staff(OK, OK)),
    "admin/password_change/done/": at("/admin/password_change/done/", staff(OK, NOT_ALLOWED)),
    # The search behind autocomplete fields: only over rows the user may view. Editors may
    # search courts, but not the users (a subscription's or alert settings' user field).
    "admin/autocomplete/": Route(
        lambda w: [
            (autocomplete("cases", "case", "court"), staff(OK, NOT_ALLOWED)),
            (
                autocomplete("alerts", "alertsettings", "user"),
                staff(FORBIDDEN, NOT_ALLOWED, superuser=(OK, NOT_ALLOWED)),
            ),
            ("/admin/autocomplete/", staff(FORBIDDEN, NOT_ALLOWED)),  # no field named
        ]
    ),
    "admin/jsi18n/": at("/admin/jsi18n/", staff(OK, NOT_ALLOWED)),
    # "View on site": to the row's public page, on this host.
    "admin/r/<path:content_type_id>/<path:object_id>/": at(
        view_on_site_url, lambda w: staff(*[answer(302, to=f"http://testserver{case_url(w)}")] * 2)
    ),
    # An app's index: Editors see the apps they may use; auth (users, groups) is not one.
    "admin/^(?P<app_label>auth|axes|cases|parties|alerts)/$": Route(
        lambda w: [
            ("/admin/cases/", staff(OK, OK)),
            ("/admin/parties/", staff(OK, OK)),
            ("/admin/auth/", staff(NOT_FOUND, NOT_FOUND, superuser=(OK, OK))),
            ("/admin/alerts/", staff(NOT_FOUND, NOT_FOUND, superuser=(OK, OK))),
        ]
    ),
    # Any other address under /admin/: not found, once signed in (no probing before).
    "admin/(?P<url>.*)$": at("/admin/no-such-page/", staff(NOT_FOUND, NOT_FOUND)),
}

# The admin's own pages beyond a ModelAdmin's standard six.
ADMIN_CUSTOM_ROUTES: dict[str, Route] = {
    # Django's "change password" form for a user: user management, the superuser's alone.
    "admin/auth/user/<id>/password/": at(
        lambda w: f"/admin/auth/user/{w.reader.pk}/password/",
        staff(FORBIDDEN, FORBIDDEN, superuser=(OK, OK)),
    ),
    # Deadlines proposed by a motion's filing (change the motion, add deadlines): an empty POST
    # chooses none and is refused with 400.
    "admin/cases/motion/<path:object_id>/deadlines/": at(
        lambda w: f"/admin/cases/motion/{w.rows['cases', 'motion'].pk}/deadlines/",
        staff(OK, BAD_REQUEST),
    ),
    # Importing PACER dockets (who may add docket entries may import): the upload form, its
    # confirmation (POST only; GET goes back to the form) and the run of a batch (an unknown
    # batch goes to the import log).
    "admin/cases/docketimport/pacer/": at(
        "/admin/cases/docketimport/pacer/", staff(OK, BAD_REQUEST)
    ),
    "admin/cases/docketimport/pacer/confirm/": at(
        "/admin/cases/docketimport/pacer/confirm/",
        staff(answer(302, to="/admin/cases/docketimport/pacer/"), BAD_REQUEST),
    ),
    "admin/cases/docketimport/^pacer/(?P<token>[A-Za-z0-9_-]{32})/$": at(
        "/admin/cases/docketimport/pacer/" + "A" * 32 + "/",
        staff(*[answer(302, to="/admin/cases/docketimport/")] * 2),
    ),
}


@dataclass(frozen=True)
class AdminModel:
    """How one model's admin behaves beyond the permissions the user holds."""

    history_form: bool = False  # django-simple-history's page of one past version
    refuses: frozenset[str] = frozenset()  # actions its ModelAdmin refuses everyone
    empty_change_saves: bool = False  # every field optional: an empty change form is valid


READ_ONLY = frozenset({"add", "change", "delete"})  # rows written by services only
HISTORY = AdminModel(history_form=True)

ADMIN_MODELS: dict[tuple[str, str], AdminModel] = {
    ("auth", "user"): AdminModel(),
    ("auth", "group"): AdminModel(),
    ("axes", "accessattempt"): AdminModel(refuses=frozenset({"add"}), empty_change_saves=True),
    ("axes", "accesslog"): AdminModel(refuses=frozenset({"add"}), empty_change_saves=True),
    ("axes", "accessfailurelog"): AdminModel(refuses=frozenset({"add"}), empty_change_saves=True),
    ("cases", "court"): AdminModel(),
    ("cases", "judge"): AdminModel(),
    ("cases", "case"): HISTORY,
    ("cases", "casejudge"): AdminModel(),
    ("cases", "caselink"): HISTORY,
    ("cases", "docketentry"): HISTORY,
    ("cases", "motion"): HISTORY,
    ("cases", "ruling"): HISTORY,
    ("cases", "rulingmotion"): AdminModel(refuses=frozenset({"add", "change"})),
    ("cases", "deadline"): HISTORY,
    ("cases", "defaultperiod"): AdminModel(),
    ("cases", "statuschange"): AdminModel(refuses=READ_ONLY),
    ("cases", "caseevent"): AdminModel(refuses=READ_ONLY),
    ("cases", "docketimport"): AdminModel(refuses=READ_ONLY),
    ("parties", "party"): AdminModel(),
    ("parties", "caseparty"): HISTORY,
    ("parties", "lawfirm"): AdminModel(),
    ("parties", "attorney"): AdminModel(),
    ("parties", "representation"): HISTORY,
    ("alerts", "alertsettings"): AdminModel(),
    # Every field of a subscription's change form is a tick box, so an empty form is valid.
    ("alerts", "subscription"): AdminModel(empty_change_saves=True),
    ("alerts", "notification"): AdminModel(refuses=READ_ONLY),
}

# A ModelAdmin's URL pattern, after admin/<app>/<model>/, and the view it names.
ADMIN_VIEWS = {
    "": "changelist",
    "add/": "add",
    "<path:object_id>/history/": "history",
    "<path:object_id>/delete/": "delete",
    "<path:object_id>/change/": "change",
    "<path:object_id>/": "redirect",  # the old address of the change page
}
HISTORY_FORM = "^([^/]+)/history/([^/]+)/$"


def granted(role: str, app: str, model: str) -> frozenset[str]:
    if role == SUPERUSER:
        return ACTIONS
    if role == EDITOR:
        return frozenset(EDITOR_PERMISSIONS.get(app, {}).get(model, ()))
    return frozenset()


def model_view_answer(view: str, can: frozenset[str], method: str, rule: AdminModel) -> Expect:
    """What a staff member who may do ``can`` gets from one view of a model's admin."""
    sees = bool(can & {"view", "change"})
    allowed = {
        "changelist": sees,
        "history": sees,
        "add": "add" in can,
        "delete": "delete" in can,  # an empty POST asks again, it deletes nothing
        "change": sees if method == GET else "change" in can,  # view-only: shown, not saved
        "history_form": sees if method == GET else "change" in can,
    }[view]
    if not allowed:
        return FORBIDDEN
    if view == "change" and method == POST and rule.empty_change_saves:
        return answer(302)
    return OK  # an empty POST is a form refused and shown again


def model_route(app: str, model: str, view: str, rule: AdminModel) -> Route:
    def samples(w: World) -> list[tuple[str, Grid]]:
        row = w.rows[app, model]
        base = f"/admin/{app}/{model}/"
        change = f"{base}{row.pk}/change/"
        if view == "redirect":
            return [(f"{base}{row.pk}/", staff(*[answer(302, to=change)] * 2))]
        if view == "history_form":
            version = row.history.order_by("history_id").first()
            url = f"{base}{row.pk}/history/{version.history_id}/"
        else:
            url = base + {"changelist": "", "add": "add/"}.get(view, f"{row.pk}/{view}/")
        grid = staff(OK, OK)
        for role in STAFF:
            can = granted(role, app, model) - rule.refuses
            grid[role] = (
                model_view_answer(view, can, GET, rule),
                model_view_answer(view, can, POST, rule),
            )
        return [(url, grid)]

    return Route(samples)


def admin_model_routes() -> dict[str, Route]:
    routes = {}
    for (app, model), rule in ADMIN_MODELS.items():
        views = dict(ADMIN_VIEWS) | ({HISTORY_FORM: "history_form"} if rule.history_form else {})
        for suffix, view in views.items():
            routes[f"admin/{app}/{model}/{suffix}"] = model_route(app, model, view, rule)
    return routes


ROUTES: dict[str, Route] = (
    SITE_ROUTES | ADMIN_SITE_ROUTES | ADMIN_CUSTOM_ROUTES | admin_model_routes()
)


# --- Walking the URLconf -------------------------------------------------------------------------


def url_patterns(resolver: URLResolver | None = None, prefix: str = "") -> Iterator[str]:
    """Every pattern of the URLconf, included ones and the admin's, as its full route."""
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            yield from url_patterns(pattern, prefix + str(pattern.pattern))
        else:
            assert isinstance(pattern, URLPattern)
            yield prefix + str(pattern.pattern)


def test_the_table_covers_every_url():
    patterns = list(url_patterns())
    assert len(patterns) == len(set(patterns)), "a route is in the URLconf twice"
    missing = sorted(set(patterns) - set(ROUTES))
    extra = sorted(set(ROUTES) - set(patterns))
    assert not missing, "URL patterns with no entry in ROUTES (add one):\n" + "\n".join(missing)
    assert not extra, "ROUTES entries the URLconf does not have:\n" + "\n".join(extra)


def test_the_admin_rules_name_every_registered_model():
    registered = {(m._meta.app_label, m._meta.model_name) for m in admin.site._registry}
    assert registered == set(ADMIN_MODELS)


def sign_in(client: Client, user: User | None) -> Client:
    if user is not None:
        client.force_login(user)
    return client


def table_fingerprints() -> dict[str, tuple[int, str]]:
    """Each model table's row count and a digest of its rows."""
    tables = sorted(
        {
            m._meta.db_table
            for m in apps.get_models(include_auto_created=True)
            if m._meta.managed and not m._meta.proxy
        }
    )
    fingerprints = {}
    with connection.cursor() as cursor:
        for table in tables:
            name = connection.ops.quote_name(table)
            cursor.execute(
                # The table names come from the model registry, not from input.
                f"SELECT count(*), md5(coalesce(string_agg(t::text, ',' ORDER BY t::text), '')) "  # noqa: S608
                f"FROM {name} AS t"
            )
            fingerprints[table] = cursor.fetchone()
    return fingerprints


def consume(response: Any) -> None:
    """Read a streamed body (the CSV exports), so that an error while streaming shows.

    (The test client closes the response itself; closing it here would fire request_finished
    and close the database connection in the middle of the test's transaction.)
    """
    if response.streaming:
        b"".join(response.streaming_content)


def walk(role: str, w: World) -> tuple[list[str], int]:
    """Every pattern, as ``role``, by GET then POST: (what was wrong, how many requests)."""
    client = sign_in(Client(), w.user(role))
    problems: list[str] = []
    requests = 0
    for key in url_patterns():
        route = ROUTES.get(key)
        if route is None:
            problems.append(f"{key!r}: no entry in ROUTES")
            continue
        try:
            samples = route.samples(w)
        except KeyError as error:
            problems.append(f"{key!r}: no row to open for {error}")
            continue
        for url, grid in samples:
            for method, expected in zip(METHODS, grid[role], strict=True):
                requests += 1
                try:
                    response = client.generic(method, url)
                    consume(response)
                except Exception as error:  # reported with the other failures, at the end
                    problems.append(f"{method} {url} as {role}: raised {error!r}")
                    continue
                problem = expected.problem(response)
                if problem:
                    problems.append(f"{method} {url} as {role} [{key}]: {problem}")
                if route.signs_out:
                    sign_in(client, w.user(role))
    return problems, requests


@pytest.mark.parametrize("role", ROLES)
def test_every_url_answers_each_role_as_the_rules_say(role):
    w = build_world()
    before = table_fingerprints() if role == ANONYMOUS else None
    problems, requests = walk(role, w)
    assert not problems, f"{len(problems)} of {requests} answers are wrong:\n" + "\n".join(problems)
    if role == ANONYMOUS:
        # Nothing an anonymous visitor asked for, by GET or POST, wrote a row anywhere.
        after = table_fingerprints()
        counts = {table: count for table, (count, _) in before.items()}
        assert {table: count for table, (count, _) in after.items()} == counts
        assert [t for t in before if before[t] != after[t]] == []


# --- The Editors group with real bodies ----------------------------------------------------------


@pytest.fixture
def world() -> World:
    return build_world()


@pytest.fixture
def editor(world: World) -> Client:
    return sign_in(Client(), world.editor)


@pytest.mark.parametrize(
    ("model", "app_model"),
    [
        (Court, ("cases", "court")),
        (Judge, ("cases", "judge")),
        (Case, ("cases", "case")),
        (Party, ("parties", "party")),
    ],
)
def test_editors_cannot_delete_courts_judges_cases_or_parties(editor, world, model, app_model):
    row = world.rows[app_model]
    app, name = app_model
    confirmed = editor.post(f"/admin/{app}/{name}/{row.pk}/delete/", {"post": "yes"})
    assert confirmed.status_code == 403
    bulk = editor.post(
        f"/admin/{app}/{name}/",
        {"action": "delete_selected", "_selected_action": [row.pk], "post": "yes"},
    )
    assert bulk.status_code in {200, 302}  # the action is not offered: "No action selected"
    assert model.objects.filter(pk=row.pk).exists()


def test_editors_delete_what_the_group_lists(editor, world):
    entry = world.rows["cases", "docketentry"]
    response = editor.post(f"/admin/cases/docketentry/{entry.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    assert not DocketEntry.objects.filter(pk=entry.pk).exists()


def test_editors_cannot_manage_users_or_groups(editor, world):
    password = "a long enough passphrase"
    add = editor.post(
        "/admin/auth/user/add/",
        {"username": "mallory", "password1": password, "password2": password},
    )
    assert add.status_code == 403
    promote = editor.post(
        f"/admin/auth/user/{world.editor.pk}/change/",
        {"username": "alice", "is_staff": "on", "is_superuser": "on", "is_active": "on"},
    )
    assert promote.status_code == 403
    group = Group.objects.get(name=EDITORS_GROUP)
    granted_before = set(group.permissions.values_list("pk", flat=True))
    grab = editor.post(
        f"/admin/auth/group/{group.pk}/change/",
        {"name": EDITORS_GROUP, "permissions": list(range(1, 200))},
    )
    assert grab.status_code == 403
    assert not User.objects.filter(username="mallory").exists()
    world.editor.refresh_from_db()
    assert not world.editor.is_superuser
    assert set(group.permissions.values_list("pk", flat=True)) == granted_before


# --- One reader's alerts kept from another (IDOR) ------------------------------------------------

# alice follows two cases (one of them only she follows) with her own choices and settings; bob,
# a reader, follows the shared case and one of his own. Every attempt below is bob's, changing an
# id in an address or a form; none may read or change anything of alice's.


@dataclass
class Alerts:
    alice: User
    bob: User
    shared: Case  # both follow it
    hers: Case  # only alice follows it
    his: Case
    her_sub: Subscription  # alice's subscription to ``hers``
    her_shared_sub: Subscription
    his_sub: Subscription  # bob's subscription to ``shared``
    her_settings: AlertSettings


@pytest.fixture
def bob(db) -> User:
    return User.objects.create_user("bob", "bob@example.org", "bobs own long passphrase")


@pytest.fixture
def alerts(alice: User, bob: User) -> Alerts:
    shared = factories.case(short_name="Thornley v. Clearview")
    hers = factories.case(short_name="Mutnick v. Clearview")
    his = factories.case(short_name="Hall v. Clearview")
    her_sub = alert_services.subscription_follow(user=alice, case=hers, docket_entries=True)
    her_shared_sub = alert_services.subscription_follow(user=alice, case=shared, rulings=False)
    his_sub = alert_services.subscription_follow(user=bob, case=shared)
    alert_services.subscription_follow(user=bob, case=his)
    her_settings = alert_services.alert_settings_update(
        user=alice,
        time_zone="Asia/Kolkata",
        delivery="digest",
        digest_hour=18,
        reminder_days="9, 23",
    )
    return Alerts(alice, bob, shared, hers, his, her_sub, her_shared_sub, his_sub, her_settings)


def alerts_of(user: User) -> dict[str, Any]:
    """Everything of ``user``'s alerts as stored in PostgreSQL."""
    return {
        "subscriptions": list(Subscription.objects.filter(user=user).order_by("pk").values()),
        "settings": list(AlertSettings.objects.filter(user=user).values()),
    }


def her_marks(a: Alerts) -> list[str]:
    """Text that would only appear on a page showing alice's alerts."""
    return [
        a.alice.email,
        f"s{a.her_sub.pk}-",
        f"s{a.her_shared_sub.pk}-",
        'value="Asia/Kolkata" selected',
        'value="9, 23"',
    ]


def token_for(user: User, subscription: Subscription | None) -> str:
    return unsubscribe_token(
        user_id=user.pk, subscription_id=subscription.pk if subscription else None
    )


def his_token_with_her_ids(a: Alerts) -> str:
    """bob's signed link with its payload swapped for one naming alice's subscription."""
    hers = signing.dumps({"u": a.alice.pk, "s": a.her_sub.pk}, salt=UNSUBSCRIBE_SALT, compress=True)
    his = token_for(a.bob, a.his_sub)
    return ":".join([hers.split(":")[0], *his.split(":")[1:]])


SETTINGS = {"time_zone": "Europe/Lisbon", "delivery": "immediate", "digest_hour": "5"}

# (what bob tries, method, address, form, the answer, what of bob's changes: None for nothing)
ATTEMPTS: list[tuple[str, str, Callable, Callable, int, Callable | None]] = [
    (
        "read her subscription's address",
        GET,
        lambda a: f"/alerts/subscriptions/{a.her_sub.pk}/",
        lambda a: {},
        405,
        None,
    ),
    (
        "post choices to her subscription's address",
        POST,
        lambda a: f"/alerts/subscriptions/{a.her_sub.pk}/",
        lambda a: {f"s{a.her_sub.pk}-motions": "on", f"s{a.her_sub.pk}-docket_entries": ""},
        404,
        None,
    ),
    (
        "post his own choices to her subscription's address",
        POST,
        lambda a: f"/alerts/subscriptions/{a.her_sub.pk}/",
        lambda a: {f"s{a.his_sub.pk}-motions": "on"},
        404,
        None,
    ),
    (
        "post her subscription's fields to his own subscription's address",
        POST,
        lambda a: f"/alerts/subscriptions/{a.his_sub.pk}/?pk={a.her_sub.pk}",
        lambda a: {"pk": a.her_sub.pk, "user": a.alice.pk, f"s{a.her_sub.pk}-rulings": "on"},
        302,
        lambda a: Subscription.objects.get(pk=a.his_sub.pk).rulings is False,
    ),
    (
        "name her as the user in the settings form",
        POST,
        lambda a: "/alerts/settings/",
        lambda a: SETTINGS | {"reminder_days": "2", "user": a.alice.pk, "user_id": a.alice.pk},
        302,
        lambda a: AlertSettings.objects.get(user=a.bob).time_zone == "Europe/Lisbon",
    ),
    (
        "name her settings row in the address and the form",
        POST,
        lambda a: f"/alerts/settings/?user={a.alice.pk}&pk={a.her_settings.pk}",
        lambda a: SETTINGS | {"reminder_days": "2", "id": a.her_settings.pk},
        302,
        lambda a: AlertSettings.objects.get(user=a.bob).reminder_days == "2",
    ),
    (
        "send invalid settings naming her (the page is shown again)",
        POST,
        lambda a: f"/alerts/settings/?user={a.alice.pk}",
        lambda a: SETTINGS | {"reminder_days": "soon", "user": a.alice.pk},
        200,
        None,
    ),
    (
        "open My alerts with her id",
        GET,
        lambda a: f"/alerts/?user={a.alice.pk}&user_id={a.alice.pk}",
        lambda a: {},
        200,
        None,
    ),
    (
        "unfollow the case only she follows",
        POST,
        lambda a: f"/cases/{a.hers.slug}/unfollow/",
        lambda a: {"user": a.alice.pk, "subscription": a.her_sub.pk},
        302,
        None,
    ),
    (
        "unfollow the shared case naming her subscription",
        POST,
        lambda a: f"/cases/{a.shared.slug}/unfollow/",
        lambda a: {"subscription": a.her_shared_sub.pk, "pk": a.her_shared_sub.pk},
        302,
        lambda a: not Subscription.objects.get(pk=a.his_sub.pk).active,
    ),
    (
        "follow her case naming her, with other choices",
        POST,
        lambda a: f"/cases/{a.hers.slug}/follow/",
        lambda a: {"user": a.alice.pk, "docket_entries": "", "rulings": ""},
        302,
        lambda a: Subscription.objects.filter(user=a.bob, case=a.hers, active=True).exists(),
    ),
    (
        "unsubscribe with his own link, naming her in the form",
        POST,
        lambda a: f"/alerts/unsubscribe/{token_for(a.bob, a.his_sub)}/",
        lambda a: {"u": a.alice.pk, "s": a.her_sub.pk, "subscription": a.her_shared_sub.pk},
        200,
        lambda a: not Subscription.objects.get(pk=a.his_sub.pk).active,
    ),
    (
        "unsubscribe from everything with his own link",
        POST,
        lambda a: f"/alerts/unsubscribe/{token_for(a.bob, None)}/?u={a.alice.pk}",
        lambda a: {"u": a.alice.pk},
        200,
        lambda a: not Subscription.objects.filter(user=a.bob, active=True).exists(),
    ),
    (
        "open his own link for everything (it lists his cases only)",
        GET,
        lambda a: f"/alerts/unsubscribe/{token_for(a.bob, None)}/",
        lambda a: {},
        200,
        None,
    ),
    (
        "swap her ids into his signed link, GET",
        GET,
        lambda a: f"/alerts/unsubscribe/{his_token_with_her_ids(a)}/",
        lambda a: {},
        400,
        None,
    ),
    (
        "swap her ids into his signed link, POST",
        POST,
        lambda a: f"/alerts/unsubscribe/{his_token_with_her_ids(a)}/",
        lambda a: {},
        400,
        None,
    ),
    (
        "open her subscription in the admin",
        GET,
        lambda a: f"/admin/alerts/subscription/{a.her_sub.pk}/change/",
        lambda a: {},
        302,
        None,
    ),
    (
        "change her alert settings in the admin",
        POST,
        lambda a: f"/admin/alerts/alertsettings/{a.her_settings.pk}/change/",
        lambda a: SETTINGS | {"user": a.alice.pk, "reminder_days": "2"},
        302,
        None,
    ),
]


@pytest.mark.parametrize(
    ("attempt", "method", "url", "data", "status", "his_change"),
    ATTEMPTS,
    ids=[attempt for attempt, *_ in ATTEMPTS],
)
def test_bob_cannot_reach_alices_alerts(alerts, attempt, method, url, data, status, his_change):
    a = alerts
    hers_before, his_before = alerts_of(a.alice), alerts_of(a.bob)
    bob = sign_in(Client(), a.bob)
    response = bob.get(url(a)) if method == GET else bob.post(url(a), data(a))
    assert response.status_code == status, attempt
    if status == 302 and url(a).startswith("/admin/"):
        assert response["Location"].startswith("/admin/login/?next=")

    assert alerts_of(a.alice) == hers_before, "alice's alerts changed"
    if his_change is None:
        assert alerts_of(a.bob) == his_before, "bob's alerts changed"
    else:
        assert his_change(a), "bob's own alerts did not change as asked"
    # What bob saw, and his own page afterwards, show nothing of alice's.
    pages = [response, bob.get("/alerts/")]
    if response.status_code == 302 and not response["Location"].startswith("/admin/"):
        pages.append(bob.get(response["Location"]))
    for page in pages:
        text = page.content.decode()
        shown = [mark for mark in her_marks(a) if mark in text]
        assert not shown, f"{attempt}: bob's page {page.request['PATH_INFO']} shows {shown}"
        listed = {int(pk) for pk in re.findall(r'id="(?:subscription|unfollow)-(\d+)"', text)}
        assert listed <= set(Subscription.objects.filter(user=a.bob).values_list("pk", flat=True))


def test_alice_still_sees_and_changes_her_own(alerts, alice):
    """The attempts above fail for bob, not for everyone: alice's own page and forms work."""
    client = sign_in(Client(), alice)
    page = client.get("/alerts/").content.decode()
    assert f'id="subscription-{alerts.her_sub.pk}"' in page and alerts.hers.short_name in page
    assert [mark for mark in her_marks(alerts) if mark not in page] == []  # the marks are real
    assert "Hall v. Clearview" not in page and "bob@example.org" not in page
    response = client.post(
        f"/alerts/subscriptions/{alerts.her_sub.pk}/", {f"s{alerts.her_sub.pk}-motions": "on"}
    )
    assert response.status_code == 302
    changed = Subscription.objects.get(pk=alerts.her_sub.pk)
    assert (changed.motions, changed.docket_entries, changed.rulings) == (True, False, False)
