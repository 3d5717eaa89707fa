"""The admin page "Import a PACER docket": upload, preview, confirm, one file per request.

Real PACER reports from tests/data/pacer (see its README), posted as a browser would.
Refusals (bad input, who may import) and the import log are in ``test_admin_import_refusals``.
"""

from __future__ import annotations

import os
import re
import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cases.importers import staging as staged_files
from cases.models import Case, DocketImport
from parties.models import CaseParty
from tests import factories
from tests.importers.pacer_uploads import (
    CONFIRM,
    DATA,
    LOG,
    UPLOAD,
    confirm_and_run,
    messages_of,
    report,
    rows,
    token_of,
)

# Uploads are staged under a VAR_DIR of each test's own.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("staging")]


# --- One file: preview, confirm, again --------------------------------------------------------


def test_the_log_has_an_import_button_leading_to_the_form(editor_client):
    text = editor_client.get(LOG).content.decode()
    assert f'href="{UPLOAD}"' in text and "Import a PACER docket" in text
    response = editor_client.get(UPLOAD)
    assert response.status_code == 200
    text = response.content.decode()
    assert 'enctype="multipart/form-data"' in text
    assert re.search(r'<input type="file" name="files"[^>]* multiple', text)
    assert 'name="case"' in text and 'name="court_id"' in text


def test_preview_writes_nothing_then_confirm_imports_then_again_is_no_change(
    editor_client, alice, staging
):
    before = rows()
    response = editor_client.post(UPLOAD, {"files": [report("district_cand.html")]})
    assert response.status_code == 200
    text = response.content.decode()
    assert "nothing has been written yet" in text
    assert "Would create Balbo v. Tilton: 3 entries added" in text
    assert "New case Balbo v. Tilton" in text  # the list of changes
    assert "Import 1 file" in text
    assert rows() == before  # the dry run rolled everything back
    token = token_of(response)
    assert (staging / token / "0.html").read_bytes() == (DATA / "district_cand.html").read_bytes()

    progress, log = confirm_and_run(editor_client, token)
    assert progress == []  # one file: straight to the log
    case = Case.objects.get(docket_number="3:08-cv-00159")
    assert case.court.code == "cand"
    assert case.docket_entries.count() == 3
    assert CaseParty.objects.filter(case=case).count() == 3
    done = DocketImport.objects.get()
    assert (done.case, done.actor, done.file_name) == (case, alice, "district_cand.html")
    [message] = messages_of(log)
    assert message.startswith("File district_cand.html: created Balbo v. Tilton: 3 entries added")
    assert reverse("admin:cases_case_change", args=[case.pk]) in message
    assert case.get_absolute_url() in message
    text = log.content.decode()
    assert (
        f"<a href='{reverse('admin:cases_case_change', args=[case.pk])}'>Edit the case</a>" in text
    )
    assert "Balbo v. Tilton" in text and "case created; 3 entries added" in text
    assert not (staging / token).exists()  # staged files go once imported

    imported = rows()
    response = editor_client.post(UPLOAD, {"files": [report("district_cand.html")]})
    assert response.status_code == 200
    assert "No change to Balbo v. Tilton (3 entries, all already there)" in (
        response.content.decode()
    )
    _, log = confirm_and_run(editor_client, token_of(response))
    assert messages_of(log)[0].startswith("File district_cand.html: no change to Balbo v. Tilton")
    assert rows() == {**imported, "imports": imported["imports"] + 1}


def test_a_batch_of_three_shows_its_progress_and_imports_all(editor_client):
    names = ["district_cand.html", "district_jpml.html", "appellate_ca1.html"]
    response = editor_client.post(UPLOAD, {"files": [report(n) for n in names]})
    assert response.status_code == 200
    text = response.content.decode()
    assert text.count("Would create") == 3 and "Import 3 files" in text
    assert Case.objects.count() == 0

    progress, log = confirm_and_run(editor_client, token_of(response))
    assert progress == [
        '<progress class="import-progress" id="import-progress" value="1" max="3">',
        '<progress class="import-progress" id="import-progress" value="2" max="3">',
    ]
    assert Case.objects.count() == 3
    assert sorted(DocketImport.objects.values_list("file_name", flat=True)) == sorted(names)
    found = messages_of(log)
    assert [m.split(":")[0] for m in found] == [f"File {name}" for name in names]
    assert all(": created " in m for m in found)


def test_a_garbage_file_shows_its_sentence_and_writes_nothing(editor_client, staging):
    before = rows()
    garbage = SimpleUploadedFile("notes.html", b"<html><body>Lunch at noon.</body></html>")
    response = editor_client.post(UPLOAD, {"files": [garbage]})
    assert response.status_code == 400
    text = response.content.decode()
    assert "notes.html: The file is not a PACER docket report" in text
    assert "Nothing was imported" in text
    assert rows() == before
    assert list(staging.iterdir()) == []  # the rejected upload is not kept


def test_a_binary_file_is_refused(editor_client):
    png = SimpleUploadedFile("scan.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 64)
    response = editor_client.post(UPLOAD, {"files": [png]})
    assert response.status_code == 400
    assert "scan.png: The file is not a PACER docket report (it is not text)." in (
        response.content.decode()
    )
    assert Case.objects.count() == 0


def test_a_bad_file_in_a_batch_is_left_out_and_the_others_are_imported(editor_client):
    garbage = SimpleUploadedFile("garbage.html", b"not a docket at all")
    files = [garbage, report("district_cand.html")]
    response = editor_client.post(UPLOAD, {"files": files})
    assert response.status_code == 200
    text = response.content.decode()
    assert "Cannot be imported: The file is not a PACER docket report" in text
    assert "1 file cannot be imported and is left out" in text and "Import 1 file" in text
    progress, log = confirm_and_run(editor_client, token_of(response))
    assert progress == []  # the left-out file counts as done at once
    first, second = messages_of(log)
    assert first.startswith("File garbage.html not imported: The file is not a PACER docket report")
    assert second.startswith("File district_cand.html: created Balbo v. Tilton")
    assert Case.objects.count() == 1 and DocketImport.objects.count() == 1


def test_a_file_that_fails_at_import_does_not_stop_the_others(editor_client, monkeypatch):
    response = editor_client.post(
        UPLOAD, {"files": [report("district_cand.html"), report("district_jpml.html")]}
    )
    token = token_of(response)
    real = staged_files.pacer_import

    def failing_on_cand(content, **options):
        if options["file_name"] == "district_cand.html":
            raise RuntimeError("boom")
        return real(content, **options)

    monkeypatch.setattr(staged_files, "pacer_import", failing_on_cand)
    progress, log = confirm_and_run(editor_client, token)
    assert len(progress) == 1
    first, second = messages_of(log)
    assert first == (
        "File district_cand.html not imported: The file could not be imported because of an "
        "unexpected error (it was logged)."
    )
    assert second.startswith("File district_jpml.html: created")
    assert list(Case.objects.values_list("docket_number", flat=True)) == ["MDL No. 2168"]


def test_into_a_case_whose_docket_differs_is_refused(editor_client):
    other = factories.case(slug="some-other-case")
    before = rows()
    response = editor_client.post(
        UPLOAD, {"files": [report("district_cand.html")], "case": other.slug}
    )
    assert response.status_code == 400
    assert "district_cand.html: This docket is from" in response.content.decode()
    assert rows() == before


def test_into_the_case_named_by_its_slug(editor_client):
    response = editor_client.post(UPLOAD, {"files": [report("district_cand.html")]})
    confirm_and_run(editor_client, token_of(response))
    case = Case.objects.get()
    response = editor_client.post(
        UPLOAD, {"files": [report("district_cand.html")], "case": case.slug, "court_id": "CAND"}
    )
    assert response.status_code == 200
    text = response.content.decode()
    assert f"imported into {case.short_name}" in text and "Court: cand." in text
    assert "No change to Balbo v. Tilton" in text


def test_a_claimed_file_is_not_imported_twice(editor_client, staging):
    response = editor_client.post(
        UPLOAD, {"files": [report("district_cand.html"), report("district_jpml.html")]}
    )
    token = token_of(response)
    editor_client.post(CONFIRM, {"token": token})
    (staging / token / "0.claim").touch()  # another request is importing the first file
    run = reverse("admin:cases_docketimport_pacer_run", args=[token])
    response = editor_client.get(run)
    assert response.status_code == 200
    assert 'value="1" max="2"' in response.content.decode()
    assert list(Case.objects.values_list("docket_number", flat=True)) == ["MDL No. 2168"]
    response = editor_client.get(run)  # still claimed: nothing else to do, wait a little
    assert '<meta http-equiv="refresh" content="2">' in response.content.decode()
    stale = time.time() - staged_files.CLAIM_STALE_SECONDS - 60
    os.utime(staging / token / "0.claim", (stale, stale))  # the other request died
    response = editor_client.get(run)
    assert response.status_code == 302
    assert Case.objects.count() == 2
