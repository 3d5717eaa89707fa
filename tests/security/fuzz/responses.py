"""What the responses must be: an explained error, every form error shown, nothing saved."""

from __future__ import annotations

import functools
import html
import re
from typing import Any
from urllib.parse import urlsplit

import django_filters
from django.contrib.admin.helpers import AdminForm, InlineAdminFormSet
from django.forms import BaseForm, BaseFormSet
from django.forms.formsets import ManagementForm
from django.http import HttpResponse

# Django's bodies when a project has no page of its own, and exception names shown as messages.
BARE = re.compile(
    r"Bad Request \(400\)|403 Forbidden|The requested resource was not found on this server"
    r"|\b(?:Resolver404|Http404|PermissionDenied|SuspiciousOperation|BadRequest|DoesNotExist"
    r"|TooManyFieldsSent|RequestDataTooBig|MultiPartParserError|Traceback)\b"
)


ERROR_NOTE = re.compile(r'class="(?:errornote|errorlist|problems)')


def visible_text(page: str) -> str:
    """What a reader sees in the page's main part (the whole body if it has none)."""
    page = re.sub(r"(?s)<(script|style|header|footer)\b.*?</\1>", " ", page)
    main = re.search(r"(?s)<main\b[^>]*>(.*)</main>", page)
    text = re.sub(r"<[^>]+>", " ", main.group(1) if main else page)
    return re.sub(r"\s+", " ", html.unescape(text)).strip()


@functools.lru_cache(maxsize=512)  # most error pages are the same few bodies
def explained(content: bytes) -> str | None:
    """None if the error page says in words what was wrong, else the text it shows."""
    text = visible_text(content.decode("utf-8", "replace"))
    return text if len(text) < 30 or BARE.search(text) else None


def forms_in(response: HttpResponse) -> list[BaseForm]:
    """The bound forms the page was rendered with: filter forms, admin forms, inline forms."""
    found: dict[int, BaseForm] = {}

    def visit(value: Any) -> None:
        if isinstance(value, BaseForm):
            if value.is_bound and not isinstance(value, ManagementForm):
                found[id(value)] = value
        elif isinstance(value, BaseFormSet):
            for form in value.forms:
                visit(form)
        elif isinstance(value, django_filters.FilterSet | AdminForm):
            visit(value.form)
        elif isinstance(value, InlineAdminFormSet):
            visit(value.formset)
        elif isinstance(value, list | tuple):
            for item in value:
                if isinstance(item, BaseForm | InlineAdminFormSet):
                    visit(item)

    for context in response.context or []:
        for layer in getattr(context, "dicts", []):
            for value in layer.values():
                visit(value)
    return list(found.values())


def rejected_unless_redirected(response: HttpResponse) -> bool:
    return response.status_code != 302


def admin_rejected(response: HttpResponse) -> bool:
    """The admin saved nothing: it showed the form again (errors, a preview) or sent the
    browser back to the same form (the service refused it)."""
    if response.status_code == 302:
        return urlsplit(response["Location"]).path == response.wsgi_request.path
    return not (response.context and "popup_response_data" in response.context)
