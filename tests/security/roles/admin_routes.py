"""The table's entries for the admin: its own pages and every registered model's six."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType

from cases.models import Case
from cases.roles import EDITOR_PERMISSIONS
from tests.security.roles.expect import (
    ACTIONS,
    ANONYMOUS,
    BAD_REQUEST,
    EDITOR,
    FORBIDDEN,
    GET,
    NOT_ALLOWED,
    NOT_FOUND,
    OK,
    POST,
    READER,
    STAFF,
    SUPERUSER,
    Expect,
    Grid,
    answer,
    staff,
)
from tests.security.roles.site_routes import Route, at, case_url
from tests.security.roles.world import World


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
    ("cases", "tag"): AdminModel(),  # Notes and tags: tags only (notes are not in the admin)
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
