"""Nothing private in any answer of the API, anonymous or staff: no users, no e-mail addresses,
no contact lines, no staff notes or tags, no sync errors, no one else's subscriptions."""

from __future__ import annotations

import json
import re

import pytest
from django.test import Client

from alerts.services import subscription_follow
from cases.models import Case, StatusChange
from cases.services.notes import case_tag_add, note_add
from parties.models import Attorney, Representation
from tests.api.conftest import get_json, token_client, walk

pytestmark = pytest.mark.django_db

SECRETS = [
    "leonida@example.org",
    "contact-line-secret",
    "SECRET-NOTE-TEXT",
    "Zebra Strategy Tag",
    "zebra-strategy-tag",
    "SYNC-ERROR-SECRET",
    "statusrecorder",
]
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.]+")


@pytest.fixture
def secrets(seeded, alice, carol) -> None:
    case = Case.objects.get(slug="renderos-v-clearview-alameda")
    Attorney.objects.filter(name="Ellen V. Leonida").update(email="leonida@example.org")
    Representation.objects.update(contact="Phone 555-0100 contact-line-secret")
    Case.objects.filter(pk=case.pk).update(courtlistener_sync_error="SYNC-ERROR-SECRET")
    recorder = type(alice).objects.create_user("statusrecorder", "recorder@example.org")
    StatusChange.objects.filter(case=case).update(recorded_by=recorder)
    note_add(case=case, author=alice, body="SECRET-NOTE-TEXT", visibility="editors")
    case_tag_add(case=case, name="Zebra Strategy Tag", user=alice)
    subscription_follow(user=carol, case=case)


def every_answer(client: Client, *, signed_in: bool) -> str:
    """Every list walked to its end and every detail, as one text."""
    seen = []
    for url in ("/api/v1/courts/", "/api/v1/judges/", "/api/v1/parties/", "/api/v1/cases/"):
        rows = walk(client, url)
        seen.append(rows)
        for row in rows:
            seen.append(get_json(client, row["api_url"]))
    for slug in Case.objects.values_list("slug", flat=True):
        for rows in ("parties", "docket-entries", "motions", "rulings", "deadlines", "links"):
            seen.append(walk(client, f"/api/v1/cases/{slug}/{rows}/"))
    if signed_in:
        seen.append(walk(client, "/api/v1/subscriptions/"))
    else:
        assert client.get("/api/v1/subscriptions/").status_code == 401
    return json.dumps(seen, ensure_ascii=False)


def test_nothing_private_in_any_answer(secrets, alice, bob):
    staff = Client()
    staff.force_login(alice)
    everything = {
        "anonymous": every_answer(Client(), signed_in=False),
        "bob by token": every_answer(token_client(bob), signed_in=True),
        "alice, staff": every_answer(staff, signed_in=True),
    }
    for who, text in everything.items():
        assert len(text) > 50_000, who
        for secret in SECRETS:
            assert secret not in text, (who, secret)
        assert EMAIL.findall(text) == [], who


def test_the_schema_names_no_private_field(client, db):
    schema = client.get("/api/v1/schema/?format=json").json()
    properties = {
        name
        for component in schema["components"]["schemas"].values()
        for name in component.get("properties", {})
    }
    private = {"email", "contact", "user", "username", "notes", "tags", "tag", "password"}
    private |= {"courtlistener_sync_error", "courtlistener_synced_at", "recorded_by", "key"}
    assert properties & private == set()
    parameters = {
        parameter["name"]
        for path in schema["paths"].values()
        for operation in path.values()
        for parameter in operation.get("parameters", [])
    }
    assert "tag" not in parameters
