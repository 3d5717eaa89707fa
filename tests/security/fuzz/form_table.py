"""The forms fuzzed with junk bodies: where their fields come from, who posts them."""

from __future__ import annotations

from dataclasses import dataclass

from tests.security.fuzz.fuzzer import ADMIN, ANON, READER
from tests.security.fuzz.world import READER_PASSWORD


@dataclass(frozen=True)
class Form:
    """A form to post junk to: where its fields come from (a page, a form on it), or fixed
    fields; who posts it; and how many examples."""

    name: str
    action: str
    who: str
    examples: int
    page: str = ""
    form_id: str | None = None
    fields: tuple[tuple[str, str], ...] = ()
    extra: tuple[str, ...] = ()
    valid: tuple[str, ...] = ()
    admin: bool = False


# The buttons and switches the admin's change form reads besides the fields.
ADMIN_BUTTONS = ("_continue", "_addanother", "_saveasnew", "_preview", "_popup", "_to_field")
BOTH = ("add", "change")
ADMIN_FORMS = [
    ("case", "cases/case", BOTH),
    ("docketentry", "cases/docketentry", BOTH),
    ("motion", "cases/motion", BOTH),
    ("ruling", "cases/ruling", BOTH),
    ("deadline", "cases/deadline", BOTH),
    ("party", "parties/party", BOTH),
    ("caseparty", "parties/caseparty", ("change",)),  # its counsel inline
    ("court", "cases/court", ("add",)),  # its time zone
]


def admin_address(name: str, path: str, view: str) -> str:
    return f"/admin/{path}/add/" if view == "add" else f"/admin/{path}/{{w.pks[{name}]}}/change/"


ADMIN_VALID = ("1", "2020-01-22", "2020-06-01", "09:30", "filed", "order", "granted", "computed")

FORMS = [
    Form(
        "subscription",
        "/alerts/subscriptions/{w.subscription}/",
        READER,
        100,
        page="/alerts/",
        form_id="subscription-{w.subscription}",
    ),
    Form(
        "alert-settings", "/alerts/settings/", READER, 6, page="/alerts/", form_id="alert-settings"
    ),
    Form("follow", "/cases/{w.alpha}/follow/", READER, 100, fields=(("next", "/alerts/"),)),
    Form("unfollow", "/cases/{w.gamma}/unfollow/", READER, 100, fields=(("next", "/alerts/"),)),
    Form("unsubscribe", "/alerts/unsubscribe/{w.token}/", ANON, 80, fields=(("u", "1"),)),
    Form(
        "sign-in",
        "/accounts/login/",
        ANON,
        150,
        fields=(("username", "bob"), ("password", "wrong"), ("next", "/alerts/")),
        valid=("bob", READER_PASSWORD, "root", "/alerts/"),
    ),
    Form(
        "password-reset",
        "/accounts/password_reset/",
        ANON,
        150,
        fields=(("email", "bob@example.org"),),
        valid=("bob@example.org", "BOB@EXAMPLE.ORG", "nobody@example.org"),
    ),
    Form(
        "set-password",
        "/accounts/reset/MQ/set-password/",
        ANON,
        50,
        fields=(("new_password1", "a long new passphrase"), ("new_password2", "x")),
    ),
] + [
    Form(
        f"admin-{name}-{view}",
        admin_address(name, path, view),
        ADMIN,
        2,
        page=admin_address(name, path, view)
        + ("?case={w.pks[case]}" if (name, view) == ("ruling", "add") else ""),
        form_id=f"{name}_form",
        extra=ADMIN_BUTTONS,
        valid=ADMIN_VALID,
        admin=True,
    )
    for name, path, views in ADMIN_FORMS
    for view in views
]


URLENCODED = "application/x-www-form-urlencoded"
KEPT_FIELDS = ("csrfmiddlewaretoken", "TOTAL_FORMS", "INITIAL_FORMS", "MIN_NUM_FORMS")
KEPT_FIELDS += ("MAX_NUM_FORMS",)
