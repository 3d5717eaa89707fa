"""The schema and its two docs pages: served from our static files, under the site's
Content-Security-Policy (Redoc's page alone allowing inline styles and blob: workers)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from django.contrib.staticfiles import finders

from tests.security.test_headers import POLICY, policy_of

pytestmark = pytest.mark.django_db

PROBE = Path(__file__).with_name("docs_probe.py")
REDOC_LOGO = "https://cdn.redoc.ly/redoc/logo-mini.svg"
EXTERNAL = re.compile(r'(?:src|href)="(?!/)[^"]*"')


def test_the_schema_as_yaml_and_as_json(client):
    answer = client.get("/api/v1/schema/")
    assert answer.status_code == 200
    assert answer["Content-Type"].startswith("application/vnd.oai.openapi")
    schema = yaml.safe_load(answer.content)
    assert schema == client.get("/api/v1/schema/?format=json").json()
    assert schema["info"]["title"] == "Docket tracker API"
    paths = set(schema["paths"])
    assert {
        "/api/v1/cases/",
        "/api/v1/cases/{slug}/motions/",
        "/api/v1/subscriptions/{id}/",
    } <= paths
    assert not [path for path in paths if "token" in path or "docs" in path or "schema" in path]


def test_every_operation_says_what_it_answers(client):
    schema = client.get("/api/v1/schema/?format=json").json()
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            codes = set(operation["responses"])
            assert {"401", "429"} <= codes, (method, path)
            if method == "get":
                assert {"200", "304"} <= codes, path
            if "{" in path:
                assert "404" in codes, path
            if [p for p in operation.get("parameters", []) if p["in"] == "query"]:
                assert "400" in codes, path


@pytest.mark.parametrize("url", ["/api/v1/docs/", "/api/v1/redoc/"])
def test_the_docs_pages_load_nothing_from_elsewhere(client, url):
    page = client.get(url)
    assert page.status_code == 200
    html = page.content.decode()
    assert EXTERNAL.findall(html) == []
    assert "<style" not in html and "<script>" not in html  # no inline style or script
    assets = re.findall(r'(?:src|href)="/static/([^"]+)"', html)
    assert len(assets) >= 2
    for asset in assets:
        assert finders.find(asset), asset  # collected with the site's own (collectstatic)


def test_swagger_ui_runs_under_the_sites_policy(client):
    assert policy_of(client.get("/api/v1/docs/")["Content-Security-Policy"]).items() >= (
        POLICY.items()
    )
    script = client.get("/api/v1/docs/?script=")
    assert script.status_code == 200
    assert script["Content-Type"].startswith("application/javascript")
    assert "SwaggerUIBundle" in script.content.decode()


def test_only_redocs_page_allows_inline_styles_and_blob_workers(client, seeded):
    redoc = policy_of(client.get("/api/v1/redoc/")["Content-Security-Policy"])
    assert redoc["style-src"] == "'self' 'unsafe-inline'"
    assert redoc["worker-src"] == "blob:"
    assert {k: v for k, v in redoc.items() if k not in {"style-src", "worker-src"}}.items() >= {
        k: v for k, v in POLICY.items() if k != "style-src"
    }.items()
    for url in ("/api/v1/docs/", "/api/v1/cases/", "/api/v1/schema/", "/cases/", "/"):
        policy = policy_of(client.get(url)["Content-Security-Policy"])
        assert policy["style-src"] == "'self'" and "worker-src" not in policy, url


def probe(url: str) -> dict:
    result = subprocess.run(  # noqa: S603 (our own script, the test's interpreter)
        [sys.executable, str(PROBE), url], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout)


@pytest.mark.browser
@pytest.mark.slow
def test_both_docs_pages_work_in_a_browser_under_the_policy(live_server, seeded):
    swagger = probe(f"{live_server.url}/api/v1/docs/")
    assert swagger["shown"] >= 15, swagger  # an operation of each endpoint
    assert swagger["blocked"] == [] and swagger["errors"] == [], swagger
    redoc = probe(f"{live_server.url}/api/v1/redoc/")
    assert redoc["shown"] >= 15, redoc
    # Redoc's own footer logo is on its CDN: blocked (and hidden by Redoc), nothing else is.
    assert set(redoc["blocked"]) <= {f"img-src {REDOC_LOGO}"}, redoc
    ours = (live_server.url, f"blob:{live_server.url}")
    elsewhere = [u for u in swagger["requests"] + redoc["requests"] if not u.startswith(ours)]
    assert set(elsewhere) <= {REDOC_LOGO}
