"""Entering data through the admin, as an editor posting the forms it renders."""

from __future__ import annotations

import re
from typing import Any

from django.test import Client

from tests.forms import form_data


def admin_errors(response: Any) -> str:
    """The errors the admin shows next to the fields (to explain a failed save)."""
    found = re.findall(r'<ul class="errorlist[^"]*"[^>]*>(.*?)</ul>', response.content.decode())
    return " | ".join(re.sub(r"<[^>]+>", " ", item).strip() for item in found) or "(none)"


def admin_post(
    client: Client, path: str, values: dict[str, Any], *, obj: Any = None, query: str = ""
) -> Any:
    """Fill in the admin's add (or change) form of ``path`` ("cases/case") as rendered, with
    ``values`` typed over it, and post it."""
    url = f"/admin/{path}/add/" if obj is None else f"/admin/{path}/{obj.pk}/change/"
    page = client.get(url + query)
    assert page.status_code == 200, (url, page.status_code)
    form_id = f"{path.split('/')[1]}_form"
    return client.post(url + query, form_data(page, form_id) | values)


def admin_save(client: Client, path: str, values: dict[str, Any], **kwargs: Any) -> None:
    response = admin_post(client, path, values, **kwargs)
    assert response.status_code == 302, (path, admin_errors(response))


def web_address(payload: str) -> str:
    """A valid https address that carries the payload (spaces encoded, quotes and brackets
    kept: Django's URLValidator accepts them in the path and query)."""
    return "https://example.org/doc?q=" + payload.replace(" ", "%20")
