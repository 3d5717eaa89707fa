"""What the tests of "Import a PACER docket" share: real reports, and the upload's steps.

Real PACER reports from tests/data/pacer (see its README), posted as a browser would.
"""

from __future__ import annotations

import re

from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from cases.models import Case, Court, DocketEntry, DocketImport
from parties.models import CaseParty, Party
from tests.importers.pacer.reports import PACER_DIR

DATA = PACER_DIR
UPLOAD = reverse("admin:cases_docketimport_pacer")
CONFIRM = reverse("admin:cases_docketimport_pacer_confirm")
LOG = reverse("admin:cases_docketimport_changelist")
_TOKEN_INPUT = re.compile(r'<input type="hidden" name="token" value="([^"]*)"')


def report(name: str) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, (DATA / name).read_bytes(), content_type="text/html")


def rows() -> dict[str, int]:
    return {
        "courts": Court.objects.count(),
        "cases": Case.objects.count(),
        "entries": DocketEntry.objects.count(),
        "parties": Party.objects.count(),
        "case parties": CaseParty.objects.count(),
        "imports": DocketImport.objects.count(),
    }


def token_of(response) -> str:
    match = _TOKEN_INPUT.search(response.content.decode())
    assert match, "the preview has no confirm form"
    return match.group(1)


def messages_of(response) -> list[str]:
    return [str(m) for m in get_messages(response.wsgi_request)]


def confirm_and_run(client: Client, token: str) -> tuple[list[str], object]:
    """Confirm the batch, then reload the progress page as the browser's meta refresh does.

    Returns the progress pages' <progress> tags, in order, and the final page (the import log).
    """
    response = client.post(CONFIRM, {"token": token})
    assert response.status_code == 302, response.content.decode()[:2000]
    run_url = response["Location"]
    assert run_url == reverse("admin:cases_docketimport_pacer_run", args=[token])
    progress = []
    for _ in range(60):
        response = client.get(run_url)
        if response.status_code == 302:
            break
        assert response.status_code == 200
        text = response.content.decode()
        assert '<meta http-equiv="refresh" content="0">' in text
        progress.append(re.search(r"<progress[^>]*>", text).group(0))
    assert response["Location"] == LOG
    return progress, client.get(LOG)
