"""What a request must answer: the expected status codes and redirects, per role."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

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
