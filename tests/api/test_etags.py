"""Every GET of the API carries an ETag, a hash of its body; a matching If-None-Match is a 304."""

from __future__ import annotations

import pytest

from cases import services
from cases.models import Case
from tests.api.conftest import token_client

pytestmark = pytest.mark.django_db

URLS = [
    "/api/v1/courts/",
    "/api/v1/courts/ilnd/",
    "/api/v1/cases/?court=ilnd",
    "/api/v1/cases/thornley-v-clearview-ca7/",
    "/api/v1/cases/thornley-v-clearview-ca7/motions/",
    "/api/v1/parties/clearview-ai-inc/",
    "/api/v1/schema/",
]


@pytest.mark.parametrize("url", URLS)
def test_a_get_has_an_etag_and_a_match_is_not_modified(client, seeded, url):
    first = client.get(url)
    assert first.status_code == 200
    etag = first["ETag"]
    assert etag.startswith('"') and len(etag) > 10
    assert client.get(url)["ETag"] == etag  # the same body, the same tag
    again = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == etag
    other = client.get(url, HTTP_IF_NONE_MATCH='"something-else"')
    assert other.status_code == 200 and other.content == first.content


def test_the_etag_changes_with_the_data(client, seeded):
    url = "/api/v1/cases/thornley-v-clearview-ca7/"
    etag = client.get(url)["ETag"]
    case = Case.objects.get(slug="thornley-v-clearview-ca7")
    services.case_update(case=case, summary="A new summary.")
    changed = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200 and changed["ETag"] != etag
    assert changed.json()["summary"] == "A new summary."


def test_the_subscriptions_etag_is_each_owners(seeded, bob, carol):
    from alerts.services import subscription_follow

    subscription_follow(user=bob, case=Case.objects.get(slug="thornley-v-clearview-ca7"))
    bobs, carols = token_client(bob), token_client(carol)
    etag = bobs.get("/api/v1/subscriptions/")["ETag"]
    assert bobs.get("/api/v1/subscriptions/", HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert carols.get("/api/v1/subscriptions/", HTTP_IF_NONE_MATCH=etag).status_code == 200


def test_the_html_pages_have_no_etag_of_this_kind(client, seeded):
    """The ETags are the API's: the site's pages are left as they were (they are benchmarked)."""
    assert not client.get("/cases/").has_header("ETag")
    assert not client.get("/courts/ilnd/").has_header("ETag")


def test_an_error_is_never_not_modified(client, seeded):
    answer = client.get("/api/v1/cases/?court=nowhere")
    assert answer.status_code == 400
    again = client.get("/api/v1/cases/?court=nowhere", HTTP_IF_NONE_MATCH=answer["ETag"])
    assert again.status_code == 400
