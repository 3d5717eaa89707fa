"""The embedded default still works end to end: SQLite under VAR_DIR, no PostgreSQL.

With DATABASE_URL unset the app keeps its database in ``$VAR_DIR/db.sqlite3``. This module does
what ``make run`` does in a temporary VAR_DIR (migrate, load the Clearview docket twice, create the
admin login), starts ``runserver`` and signs in to the admin the way a browser does.

It uses no ``db`` fixture: everything happens in subprocesses against the temporary SQLite file.
"""

from __future__ import annotations

import html
import http.cookiejar
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.processes import ROOT, clean_env

pytestmark = pytest.mark.slow

ADMIN_USERNAME = "admin"
ADMIN_PASSWORD = "smoke-test-admin-password-7f3a"
STARTUP_TIMEOUT = 30.0
REQUEST_TIMEOUT = 10.0
LOGIN_ERROR = "Please enter the correct username and password for a staff account."


@dataclass
class Site:
    var_dir: Path
    env: dict[str, str]
    outputs: dict[str, str]
    base_url: str = ""


def manage(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, (
        f"manage.py {' '.join(args)} exited {result.returncode}\n"
        f"stdout:\n{result.stdout}\nstderr:\n{result.stderr}"
    )
    return result.stdout


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def prepared(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """A temporary VAR_DIR after migrate, load_clearview (twice) and ensure_admin."""
    var_dir = tmp_path_factory.mktemp("var")
    env = clean_env(var_dir)
    outputs = {
        "migrate": manage(env, "migrate", "--noinput"),
        "load_first": manage(env, "load_clearview"),
        "load_again": manage(env, "load_clearview"),
        "import_pacer": manage(
            env,
            "import_pacer",
            str(ROOT / "tests" / "data" / "pacer" / "district_casd.html"),
        ),
        "ensure_admin": manage(
            {**env, "DJANGO_SUPERUSER_PASSWORD": ADMIN_PASSWORD}, "ensure_admin"
        ),
    }
    return Site(var_dir=var_dir, env=env, outputs=outputs)


@pytest.fixture(scope="module")
def site(prepared: Site) -> Iterator[Site]:
    """``runserver`` on a free local port over the prepared SQLite database."""
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    log_path = prepared.var_dir / "runserver.log"
    with log_path.open("w") as log:
        server = subprocess.Popen(
            [sys.executable, "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
            cwd=ROOT,
            env=prepared.env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        deadline = time.monotonic() + STARTUP_TIMEOUT
        while True:
            if server.poll() is not None:
                pytest.fail(f"runserver exited with {server.returncode}:\n{log_path.read_text()}")
            try:
                with urllib.request.urlopen(f"{base_url}/admin/login/", timeout=2) as response:
                    if response.status == 200:
                        break
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            if time.monotonic() > deadline:
                pytest.fail(
                    f"runserver did not answer within {STARTUP_TIMEOUT:.0f} s:\n"
                    f"{log_path.read_text()}"
                )
            time.sleep(0.2)
        prepared.base_url = base_url
        yield prepared
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=10)


class Browser:
    """Just enough of a browser for the admin: cookies, redirects, CSRF token, Referer."""

    def __init__(self, base_url: str) -> None:
        self.base_url = base_url
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))

    def get(self, path: str) -> tuple[str, str]:
        """Return the final URL (after redirects) and the page's HTML."""
        with self.opener.open(self.base_url + path, timeout=REQUEST_TIMEOUT) as response:
            assert response.status == 200, f"GET {path}: HTTP {response.status}"
            return response.geturl(), response.read().decode()

    def cookie(self, name: str) -> str | None:
        return next((cookie.value for cookie in self.cookies if cookie.name == name), None)

    def log_in(self, username: str, password: str) -> tuple[str, str]:
        login_path = "/admin/login/?next=/admin/"
        _, form = self.get(login_path)
        match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form)
        assert match, "the login form has no csrfmiddlewaretoken"
        assert self.cookie("csrftoken"), "the login page set no csrftoken cookie"
        body = urllib.parse.urlencode(
            {
                "csrfmiddlewaretoken": match.group(1),
                "username": username,
                "password": password,
                "next": "/admin/",
            }
        ).encode()
        request = urllib.request.Request(
            self.base_url + login_path,
            data=body,
            method="POST",
            headers={
                "Referer": self.base_url + login_path,
                "Content-Type": "application/x-www-form-urlencoded",
            },
        )
        with self.opener.open(request, timeout=REQUEST_TIMEOUT) as response:
            assert response.status == 200, f"POST login: HTTP {response.status}"
            return response.geturl(), response.read().decode()


@pytest.fixture(scope="module")
def admin_browser(site: Site) -> Browser:
    browser = Browser(site.base_url)
    url, page = browser.log_in(ADMIN_USERNAME, ADMIN_PASSWORD)
    assert urllib.parse.urlsplit(url).path == "/admin/", f"login did not redirect: {url}"
    assert LOGIN_ERROR not in page
    assert "Log out" in page
    assert browser.cookie("sessionid")
    return browser


def test_commands_build_the_sqlite_database(prepared: Site) -> None:
    assert (prepared.var_dir / "db.sqlite3").is_file()
    assert "Applying cases.0001_initial... OK" in prepared.outputs["migrate"]
    assert re.search(r"\bcreated\b.*\b11 cases\b", prepared.outputs["load_first"]), (
        prepared.outputs["load_first"]
    )
    assert "Nothing to change" in prepared.outputs["load_again"]
    # A PACER report imports on SQLite too (the migrations rebuild the case table there).
    assert (
        "created United States v. Delatorre-Rivera: 45 entries added"
        in (prepared.outputs["import_pacer"])
    )
    assert f"Created admin login '{ADMIN_USERNAME}'" in prepared.outputs["ensure_admin"]
    assert ADMIN_PASSWORD not in prepared.outputs["ensure_admin"]


def test_case_changelist_lists_the_clearview_cases(admin_browser: Browser) -> None:
    _, page = admin_browser.get("/admin/cases/case/")
    text = html.unescape(page)

    for short_name in (
        "Renderos v. Clearview AI",
        "Thornley v. Clearview AI",
        "In re Clearview AI Consumer Privacy Litigation",
        "Mutnick v. Clearview AI",
        "ACLU v. Clearview AI",
    ):
        assert short_name in text, f"{short_name!r} is not on the case changelist"
    # The three matters of the seed article, by their docket numbers.
    for docket_number in ("RG21096898", "20-3249", "1:21-cv-00135"):
        assert docket_number in text, f"{docket_number!r} is not on the case changelist"
    assert "12 cases" in text  # the 11 of the seed and the one imported from PACER
    assert "United States v. Delatorre-Rivera" in text


def test_seventh_circuit_case_page_shows_the_stay_of_mandate_motion(
    admin_browser: Browser,
) -> None:
    _, results = admin_browser.get("/admin/cases/case/?q=thornley-v-clearview-ca7")
    change_urls = set(re.findall(r'href="(/admin/cases/case/\d+/change/)[^"]*"', results))
    assert len(change_urls) == 1, f"expected one search result, found {sorted(change_urls)}"

    _, page = admin_browser.get(change_urls.pop())
    text = html.unescape(page)

    assert "Thornley v. Clearview AI" in text
    assert "20-3249" in text
    assert "thornley-v-clearview-ca7" in text
    assert (
        "Motion to stay the mandate pending a petition for a writ of certiorari (FRAP 41(d))"
        in text
    )


def test_wrong_password_gets_the_login_form_back(site: Site) -> None:
    browser = Browser(site.base_url)

    url, page = browser.log_in(ADMIN_USERNAME, "not-the-password")

    assert urllib.parse.urlsplit(url).path == "/admin/login/"
    assert LOGIN_ERROR in html.unescape(page)
    assert 'name="csrfmiddlewaretoken"' in page
    assert browser.cookie("sessionid") is None


def test_public_pages_and_the_search_fallback_work_on_sqlite(site: Site) -> None:
    browser = Browser(site.base_url)
    _, page = browser.get("/cases/?q=biometric")
    assert "<mark>" in page.lower() and "Renderos v. Clearview AI" in page
    _, page = browser.get("/cases/thornley-v-clearview-ca7/")
    assert "Appeal from" in page and "Motion to stay the mandate" in page
    for path in ("/", "/deadlines/", "/parties/", "/courts/ilnd/", "/activity.atom"):
        browser.get(path)
