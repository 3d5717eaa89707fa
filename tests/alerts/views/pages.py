"""Reading the alert pages as a reader does, and submitting their forms."""

from __future__ import annotations

import html
import re

from django.test import Client

from tests.forms import form_data

CHOICES = ["deadline_reminders", "status_changes", "rulings", "motions", "docket_entries"]


def text_of(response) -> str:
    """The page as a reader sees it: tags dropped, entities decoded, spaces collapsed."""
    body = re.sub(r"<[^>]+>", " ", response.content.decode())
    return re.sub(r"\s+", " ", html.unescape(body))


def post_form(client: Client, response, form_id: str, **changes):
    """Submit the rendered form ``form_id`` to its action, with some fields changed.

    A change of None drops the field, as unticking a checkbox does.
    """
    page = response.content.decode()
    tag = re.search(rf'<form[^>]*\bid="{re.escape(form_id)}"[^>]*>', page)
    assert tag, f"no form {form_id!r} on the page"
    action = re.search(r'\baction="([^"]*)"', tag.group(0))
    data = form_data(response, form_id)
    for name, value in changes.items():
        if value is None:
            data.pop(name, None)
        else:
            data[name] = value
    return client.post(
        html.unescape(action.group(1)) if action else response.request["PATH_INFO"], data
    )


def messages_of(response) -> list[str]:
    return [str(m) for m in response.context["messages"]]
