"""Every surface, for each payload: markup typed into the admin comes out as text."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from alerts import tasks as alert_tasks
from tests.security.xss.documents import check_calendar, check_feed, check_mail, sent_mail
from tests.security.xss.html_surfaces import (
    admin_pages,
    check_admin_page,
    check_html_page,
    check_my_alerts,
    check_search_snippets,
    html_pages,
)
from tests.security.xss.payloads import PAYLOADS
from tests.security.xss.world import World, build_world

pytestmark = pytest.mark.django_db


def surfaces(
    w: World, client: Client, editor: Client, outbox: list[Any]
) -> Iterator[tuple[str, Callable[[], None]]]:
    """(surface, check) for every place the payload is shown."""
    for name, (url, labels) in html_pages(w).items():
        yield name, lambda url=url, labels=labels: check_html_page(w, client, url, labels)
    yield "my alerts", lambda: check_my_alerts(w)
    yield "search snippets", lambda: check_search_snippets(w, client)
    for name, url in admin_pages(w).items():
        yield name, lambda url=url: check_admin_page(w, editor, url)
    for url in ["/activity.atom", f"/cases/{w.case.slug}/feed.atom"]:
        yield url, lambda url=url: check_feed(w, client, url)
    for url in ["/cases/deadlines.ics", f"/cases/{w.case.slug}/deadlines.ics"]:
        yield url, lambda url=url: check_calendar(w, client, url)
    mail = sent_mail(outbox)
    event_texts = [
        w.case.short_name,
        w.court.short_name,
        w.entry.text,
        w.motion.title,
        w.party.name,
        w.deadline.title,
    ]
    yield "event e-mails", lambda: check_mail(w, mail.get("event", []), event_texts)
    reminder_texts = [w.case.short_name, w.deadline.title, w.deadline.rule]
    yield "reminder e-mail", lambda: check_mail(w, mail.get("reminder", []), reminder_texts)
    digest_texts = [w.case.short_name, w.entry.text, w.motion.title, w.deadline.title]
    yield "digest e-mail", lambda: check_mail(w, mail.get("digest", []), digest_texts)


@pytest.mark.parametrize("payload", PAYLOADS)
def test_markup_typed_into_the_admin_is_text_on_every_surface(
    payload, editor_client, client, django_capture_on_commit_callbacks, mailoutbox, subtests
):
    # The alerts of each change go out as they would once its transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        w = build_world(editor_client, payload, today=timezone.localdate())
    alert_tasks.scan_reminders()  # the deadline is 5 days away: its 7-day reminder is due
    alert_tasks.send_digests()  # carol's digest hour (0) has come
    for label, value in w.texts.items():
        assert payload in value, label  # stored as typed (the admin strips the ends only)
    for surface, check in surfaces(w, client, editor_client, mailoutbox):
        with subtests.test(surface=surface):
            check()
