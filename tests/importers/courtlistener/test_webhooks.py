"""Webhooks: docket alerts through Django's test client and through a live server."""

from __future__ import annotations

import json

import httpx
import pytest

from alerts import services as alert_services
from cases import services
from cases.models import CaseEvent, DocketEntry, DocketSource, WebhookDelivery
from parties.models import CaseParty
from tests import factories
from tests.importers.courtlistener.payloads import DOCKET_ID, SECRET, D, cl_entry


def delivery(*entries: dict, event_type: int = 1) -> dict:
    return {
        "webhook": {
            "event_type": event_type,
            "version": 2,
            "date_created": "2026-12-02T13:00:00.000000-08:00",
            "deprecation_date": None,
        },
        "payload": {"results": list(entries)},
    }


def webhook_entry(entry_id: int, number: int, docket_id: int = DOCKET_ID, **fields) -> dict:
    # The webhook's docket entries name their docket by id.
    entry = cl_entry(entry_id, number, "2020-10-01", f"ORDER number {number}", docket_id=docket_id)
    return entry | {"docket": docket_id} | fields


def post(client, body, *, key: str | None = "key-1", secret: str = SECRET, **headers):
    if key is not None:
        headers["HTTP_IDEMPOTENCY_KEY"] = key
    raw = body if isinstance(body, bytes | str) else json.dumps(body)
    return client.post(
        f"/webhooks/courtlistener/{secret}/", raw, content_type="application/json", **headers
    )


def rows() -> tuple:
    return (
        list(DocketEntry.objects.order_by("pk").values_list("pk", "text")),
        CaseEvent.objects.count(),
        WebhookDelivery.objects.count(),
        CaseParty.objects.count(),
    )


@pytest.mark.django_db
def test_a_docket_alert_adds_its_entries_to_the_linked_case_once(client, webhook_secret, thornley):
    earlier = services.docket_entry_add(
        case=thornley,
        filed_date=D(2020, 6, 29),
        text="NOTICE of Removal",
        number=1,
        source=DocketSource.COURTLISTENER,
        courtlistener_id=9001,
    )
    events = CaseEvent.objects.count()
    body = delivery(webhook_entry(9010, 10), webhook_entry(9011, 11), webhook_entry(7, 3, 424242))

    response = post(client, body)

    assert response.status_code == 200, response.content
    assert response.json() == {
        "duplicate": False,
        "ignored_event": False,
        "entries_received": 3,
        "cases": 1,
        "entries_ignored": 1,  # docket 424242 is no case's
        "entries_added": 2,
        "entries_changed": 0,
        "entries_unchanged": 0,
    }
    added = DocketEntry.objects.filter(case=thornley, courtlistener_id__in=[9010, 9011])
    assert sorted(added.values_list("number", "text", "source")) == [
        (10, "ORDER number 10", "courtlistener"),
        (11, "ORDER number 11", "courtlistener"),
    ]
    assert CaseEvent.objects.count() == events + 2
    assert WebhookDelivery.objects.get().entries_added == 2
    assert WebhookDelivery.objects.get().event_type == 1
    # Not the whole docket: the entry it does not list is not flagged; no party changes.
    earlier.refresh_from_db()
    assert earlier.missing_from_source_since is None
    assert CaseParty.objects.count() == 0

    # CourtListener delivers again (same Idempotency-Key): nothing changes.
    before = rows()
    again = post(client, body)
    assert again.status_code == 200
    assert again.json()["duplicate"] is True
    assert rows() == before
    # The same entries in another delivery are matched by their CourtListener ids.
    other = post(client, body, key="key-2")
    assert other.json()["entries_unchanged"] == 2 and other.json()["entries_added"] == 0
    assert DocketEntry.objects.count() == 3


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("make_request", "status", "error"),
    [
        (lambda c: post(c, delivery(), secret="wrong-secret"), 403, "Wrong webhook secret."),
        (lambda c: post(c, delivery(), key=None), 400, "The Idempotency-Key header is missing."),
        (lambda c: post(c, delivery(), key="k" * 101), 400, "longer than 100 characters"),
        (lambda c: post(c, b"{not json"), 400, "The body is not JSON."),
        (lambda c: post(c, b"\xff\xfe"), 400, "The body is not JSON."),
        (lambda c: post(c, [1, 2]), 400, "it has no 'webhook' object"),
        (lambda c: post(c, {"webhook": {}}), 400, "event_type is not a number"),
        (
            lambda c: post(c, {"webhook": {"event_type": 1}, "payload": {"results": "x"}}),
            400,
            "payload.results is not a list of docket entries",
        ),
        (
            lambda c: post(c, delivery(webhook_entry(9010, 10) | {"docket": None})),
            400,
            "names no docket",
        ),
        (
            lambda c: post(
                c, b'{"webhook": {"event_type": 1}, "pad": "' + b"x" * (1 << 20) + b'"}'
            ),
            413,
            "larger than 1048576 bytes",
        ),
    ],
)
def test_bad_deliveries_are_refused_with_one_line_and_write_nothing(
    client, webhook_secret, thornley, make_request, status, error
):
    before = rows()
    response = make_request(client)
    assert response.status_code == status
    assert error in response.json()["error"]
    assert len(response.content.splitlines()) == 1
    assert rows() == before


@pytest.mark.django_db
def test_only_post_is_accepted(client, webhook_secret):
    response = client.get(f"/webhooks/courtlistener/{SECRET}/")
    assert response.status_code == 405
    assert response["Allow"] == "POST"


@pytest.mark.django_db
def test_without_a_secret_setting_the_endpoint_is_not_there(client, settings, thornley):
    settings.COURTLISTENER_WEBHOOK_SECRET = ""
    before = rows()
    assert post(client, delivery(webhook_entry(9010, 10)), secret="").status_code == 404
    assert post(client, delivery(webhook_entry(9010, 10)), secret="anything").status_code == 404
    assert rows() == before


@pytest.mark.django_db
def test_the_secret_may_come_in_a_header(client, webhook_secret, thornley):
    body = json.dumps(delivery(webhook_entry(9010, 10)))

    def send(**headers):
        return client.post(
            "/webhooks/courtlistener/",
            body,
            content_type="application/json",
            HTTP_IDEMPOTENCY_KEY="header-key",
            **headers,
        )

    assert send().status_code == 403
    assert send(HTTP_X_WEBHOOK_SECRET="nope").status_code == 403
    response = send(HTTP_X_WEBHOOK_SECRET=SECRET)
    assert response.status_code == 200 and response.json()["entries_added"] == 1


@pytest.mark.django_db
def test_other_event_types_are_acknowledged_and_ignored(client, webhook_secret, thornley):
    before = CaseEvent.objects.count()
    response = post(client, delivery(event_type=2) | {"payload": {"results": [{"q": "x"}]}})
    assert response.status_code == 200
    assert response.json()["ignored_event"] is True
    assert WebhookDelivery.objects.get().event_type == 2
    assert CaseEvent.objects.count() == before


@pytest.mark.django_db
def test_a_delivery_that_cannot_be_merged_writes_nothing_not_even_its_key(
    client, webhook_secret, thornley
):
    other = factories.case(
        court_=thornley.court, docket_number="1:20-cv-04444", courtlistener_docket_id=11111
    )
    services.docket_entry_add(
        case=thornley, filed_date=D(2020, 6, 29), text="x", number=1, courtlistener_id=7001
    )
    before = rows()
    # A new entry for Thornley, then one for the other case carrying an id Thornley's entry has.
    body = delivery(webhook_entry(8001, 20), webhook_entry(7001, 2, other.courtlistener_docket_id))
    response = post(client, body)
    assert response.status_code == 422
    assert response.json()["error"].startswith("Nothing was written: The docket could not be")
    assert rows() == before
    assert not DocketEntry.objects.filter(courtlistener_id=8001).exists()


@pytest.mark.slow
@pytest.mark.django_db(transaction=True)
def test_a_delivery_over_http_to_a_live_server_reaches_a_follower(
    live_server, webhook_secret, thornley, smtp, django_user_model
):
    bob = django_user_model.objects.create_user("bob", "bob@example.org", "pw")
    alert_services.subscription_follow(user=bob, case=thornley, docket_entries=True)
    url = f"{live_server.url}/webhooks/courtlistener/{SECRET}/"
    body = delivery(webhook_entry(9020, 20), webhook_entry(9021, 21, 424242))
    key = {"Idempotency-Key": "0d3c2a1e-5b7f-4e0a-9a51-5d1c1e7f4b21"}

    with httpx.Client(timeout=10) as http:
        response = http.post(url, json=body, headers=key)
        assert response.status_code == 200, response.text
        assert response.json()["entries_added"] == 1
        assert response.json()["entries_ignored"] == 1
        assert DocketEntry.objects.get(courtlistener_id=9020).case == thornley
        mails = smtp.inbox.to("bob@example.org")
        assert [str(m["Subject"]) for m in mails] == [
            "[Thornley v. Clearview AI] Docket entry 20: ORDER number 20"
        ]

        redelivered = http.post(url, json=body, headers=key)
        assert redelivered.status_code == 200 and redelivered.json()["duplicate"] is True
        assert DocketEntry.objects.filter(courtlistener_id=9020).count() == 1
        assert len(smtp.inbox.messages) == 1

        assert http.post(url.replace(SECRET, "guess"), json=body, headers=key).status_code == 403
        assert http.get(url).status_code == 405
        big = http.post(url, content=b"x" * (1024 * 1024 + 1), headers=key)
        assert big.status_code == 413
    assert WebhookDelivery.objects.count() == 1
