"""Alert filters and notices (issue 16): markup in the words a reader types, and in the cases'
names typed into the admin, comes out as text on My alerts, in the follow-on page and in the
follow-on, closing and filtered alerts' e-mails."""

from __future__ import annotations

import email
import email.policy
import re
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils.html import escape

from alerts import services as alert_services
from alerts.models import Subscription
from tests.alerts.views.pages import post_form
from tests.security.xss.admin_entry import admin_post, admin_save
from tests.security.xss.escaping import assert_escaped_html, page, unsafe_links
from tests.security.xss.payloads import PAYLOADS
from tests.security.xss.world import enter_cases, enter_court_and_judge

pytestmark = pytest.mark.django_db


def reader_saves_words(payload: str, sub: Subscription) -> tuple[Client, bool]:
    """bob types the payload as his words on My alerts; (his client, whether it was saved)."""
    client = Client()
    client.force_login(sub.user)
    response = post_form(
        client,
        client.get("/alerts/"),
        f"subscription-{sub.pk}",
        **{f"s{sub.pk}-match_words": f"Entry {payload}", f"s{sub.pk}-docket_entries": "on"},
    )
    if response.status_code == 200:  # refused (a payload with an open quote): shown again
        assert_escaped_html(response.content.decode(), payload, "my alerts, refused words")
        return client, False
    assert response.status_code == 302
    return client, True


def mail_of(outbox: list[Any], address: str) -> list[email.message.EmailMessage]:
    return [
        email.message_from_bytes(m.message().as_bytes(), policy=email.policy.default)
        for m in outbox
        if address in m.to
    ]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_filters_and_notices_show_markup_as_text(
    payload, editor_client, django_capture_on_commit_callbacks, mailoutbox
):
    court, _ = enter_court_and_judge(editor_client, payload)
    case, other = enter_cases(editor_client, payload, court)
    bob = User.objects.create_user("bob", "bob@example.org", "pw")
    dan = User.objects.create_user("dan", "dan@example.org", "pw")
    alert_services.alert_settings_update(user=dan, follow_on="follow")
    sub = alert_services.subscription_follow(user=bob, case=case)
    alert_services.subscription_follow(user=dan, case=case)
    client, saved = reader_saves_words(payload, sub)
    if saved:
        text = page(client, "/alerts/")
        assert_escaped_html(text, payload, "my alerts")
        assert escape(f"Entry {payload}") in text
    with django_capture_on_commit_callbacks(execute=True):
        admin_save(
            editor_client,
            "cases/docketentry",
            {
                "case": case.pk,
                "number": "1",
                "filed_date": "2021-02-01",
                "text": f"Entry {payload}",
            },
        )
        admin_save(
            editor_client,
            "cases/caselink",
            {"from_case": case.pk, "to_case": other.pk, "kind": "removed_to"},
        )
        response = admin_post(
            editor_client,
            "cases/case",
            {"status": "closed", "status_effective_date": "2021-03-01"},
            obj=case,
        )
        assert response.status_code == 302
    # bob: the entry his words let through (when they were saved), the offer, the closing;
    # dan: the follow-on done for him, the closing.
    for address, count in (("bob@example.org", 3 if saved else 2), ("dan@example.org", 2)):
        messages = mail_of(mailoutbox, address)
        assert len(messages) == count, [m["Subject"] for m in messages]
        for message in messages:
            html_part = message.get_body(("html",)).get_content()
            plain = message.get_body(("plain",)).get_content()
            assert_escaped_html(html_part, payload, f"HTML part of {message['Subject']!r}")
            assert unsafe_links(html_part) == []
            assert payload in plain
    if saved:  # the words, said in the alert they let through
        entry = mail_of(mailoutbox, "bob@example.org")[0].get_body(("html",)).get_content()
        assert f"only with the words Entry {escape(payload)}" in entry
    # bob's offer: the page the link opens.
    offer = next(m for m in mail_of(mailoutbox, "bob@example.org") if "follow it" in m["Subject"])
    plain = offer.get_body(("plain",)).get_content()
    url = re.search(r"https://tracker\.example\.org(/alerts/follow-on/\S+/)", plain)
    text = page(Client(), url.group(1))
    assert_escaped_html(text, payload, "follow-on page")
    assert unsafe_links(text) == []
