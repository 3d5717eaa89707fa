"""URL fields: only http(s) addresses are accepted, and pages link no other."""

from __future__ import annotations

import datetime
import html
import re

import pytest
from django.apps import apps
from django.db import models

from cases import services as case_services
from cases.models import Case, DocketEntry, Ruling
from parties.models import Party
from tests.forms import form_data
from tests.security.xss.escaping import linked_urls, page, unsafe_links
from tests.security.xss.payloads import BAD_URLS
from tests.security.xss.url_fields import (
    BAD,
    SCHEMES,
    URL_ERRORS,
    URL_FIELDS,
    VARIED,
    snapshot,
    url_forms,
)
from tracker.fields import SourcesField

pytestmark = pytest.mark.django_db

D = datetime.date


def test_every_url_field_is_in_the_table(rows):
    assert list(url_forms(rows)) == URL_FIELDS
    # Every model field that holds addresses has a row above, but StatusChange.sources: status
    # changes are written by the services only, and their admin is read-only.
    holders = {
        (model.__name__, field.name)
        for label in ["cases", "parties", "alerts"]
        for model in apps.get_app_config(label).get_models()
        if not model.__name__.startswith("Historical")
        for field in model._meta.concrete_fields
        if isinstance(field, SourcesField | models.URLField)
    }
    assert holders == {
        ("Case", "sources"),
        ("CaseLink", "sources"),
        ("DocketEntry", "document_url"),
        ("DocketEntry", "sources"),
        ("Motion", "sources"),
        ("Ruling", "document_url"),
        ("Ruling", "sources"),
        ("Deadline", "sources"),
        ("StatusChange", "sources"),
        ("Party", "sources"),
        ("CaseParty", "sources"),
        ("Representation", "sources"),
    }


@pytest.mark.parametrize("field", URL_FIELDS)
def test_url_fields_refuse_addresses_that_are_not_http(field, rows, editor_client, subtests):
    form = url_forms(rows)[field]
    obj = form.get("obj")
    path, query = form["path"], form.get("query", "")
    url = (f"/admin/{path}/add/" if obj is None else f"/admin/{path}/{obj.pk}/change/") + query
    data = form_data(editor_client.get(url), f"{path.split('/')[1]}_form") | form["values"]
    (name,) = [key for key, value in data.items() if value == BAD]
    message = URL_ERRORS[name.rsplit("-", 1)[-1]]
    before = snapshot()
    tried = [url for key, url in BAD_URLS.items() if field in VARIED or key in SCHEMES]
    for bad in tried:
        with subtests.test(url=bad):
            response = editor_client.post(url, data | {name: bad})
            assert response.status_code == 200, "the form was accepted"
            text = response.content.decode()
            errors = re.search(
                rf'<ul class="errorlist" id="id_{re.escape(name)}_error">(.*?)</ul>', text, re.S
            )
            assert errors, f"no error next to {name}"
            assert message in html.unescape(errors.group(1)), errors.group(1)
            if "<" in bad:  # the error and the form show the address as text
                assert bad not in text
            assert snapshot() == before


def test_pages_never_link_stored_addresses_that_are_not_http(rows, client, editor_client):
    """Rows written around validation (an import, a shell, an old row): the pages show such an
    address as text at most, and link only http(s) ones."""
    bad = [*BAD_URLS.values(), " javascript:alert(1)", "\x01javascript:alert(1)"]
    good = "https://example.org/source"
    sources = "\n".join([*bad, good])
    Case.objects.filter(pk=rows.case.pk).update(sources=sources)
    Party.objects.filter(pk=rows.case_party.party_id).update(sources=sources)
    for number, address in enumerate([*bad, good], start=1):
        entry = case_services.docket_entry_add(
            case=rows.case, number=number, filed_date=D(2021, 2, 1), text=f"Entry {number}"
        )
        DocketEntry.objects.filter(pk=entry.pk).update(document_url=address)
    ruling = case_services.ruling_record(
        case=rows.case, title="Order", kind="order", date=D(2021, 3, 1), decisions=[]
    )
    Ruling.objects.filter(pk=ruling.pk).update(document_url=bad[0])
    public = [rows.case.get_absolute_url(), rows.case_party.party.get_absolute_url()]
    for url in public:
        text = page(client, url)
        assert unsafe_links(text) == [], url
        assert good in linked_urls(text), url  # the sound address is still linked
    admin = [
        f"/admin/cases/case/{rows.case.pk}/change/",
        f"/admin/cases/ruling/{ruling.pk}/change/",
        f"/admin/parties/party/{rows.case_party.party_id}/change/",
        *[
            f"/admin/cases/docketentry/{pk}/change/"
            for pk in DocketEntry.objects.values_list("pk", flat=True)
        ],
    ]
    for url in admin:
        assert unsafe_links(page(editor_client, url)) == [], url
