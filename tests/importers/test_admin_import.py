"""The admin page "Import a PACER docket": upload, preview, confirm, one file per request.

Real PACER reports from /work/shared/data/pacer (see its README), posted as a browser would.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission, User
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import resolve, reverse

from cases import admin_imports
from cases.importers.pacer import pacer_import
from cases.models import Case, Court, DocketEntry, DocketImport
from parties.models import CaseParty, Party
from tests import factories

pytestmark = pytest.mark.django_db

DATA = Path("/work/shared/data/pacer")
UPLOAD = reverse("admin:cases_docketimport_pacer")
CONFIRM = reverse("admin:cases_docketimport_pacer_confirm")
LOG = reverse("admin:cases_docketimport_changelist")
_TOKEN_INPUT = re.compile(r'<input type="hidden" name="token" value="([^"]*)"')


@pytest.fixture(autouse=True)
def staging(settings, tmp_path) -> Path:
    """Uploads are staged under a VAR_DIR of the test's own."""
    settings.VAR_DIR = tmp_path
    return tmp_path / "imports"


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
    real = admin_imports.pacer_import

    def failing_on_cand(content, **options):
        if options["file_name"] == "district_cand.html":
            raise RuntimeError("boom")
        return real(content, **options)

    monkeypatch.setattr(admin_imports, "pacer_import", failing_on_cand)
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


# --- Bad input: a form error, a 4xx, never a 500, nothing written -----------------------------


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({}, "Choose at least one PACER docket report."),
        ({"files": [SimpleUploadedFile("empty.html", b"")]}, "empty.html: The file is empty."),
        (
            {"files": [SimpleUploadedFile("blank.html", b"  \n\n ")]},
            "blank.html: The file is empty.",
        ),
        ({"case": "no-such-case"}, "There is no case with the slug &#x27;no-such"),
        ({"court_id": "zzz"}, "&#x27;zzz&#x27; is not the id of a federal court in courts-db"),
    ],
)
def test_bad_input_is_a_form_error(editor_client, staging, data, error):
    if "case" in data or "court_id" in data:
        data = {**data, "files": [report("district_cand.html")]}
    before = rows()
    response = editor_client.post(UPLOAD, data)
    assert response.status_code == 400
    text = response.content.decode()
    assert error in text
    assert 'id="pacer-upload"' in text  # the form again
    assert rows() == before
    assert not staging.exists() or list(staging.iterdir()) == []


def test_a_staging_folder_that_cannot_be_written_is_a_message_not_a_500(editor_client, settings):
    blocked = Path(settings.VAR_DIR) / "not-a-folder"
    blocked.write_text("a file where the folder should be")
    settings.VAR_DIR = blocked
    response = editor_client.post(UPLOAD, {"files": [report("district_cand.html")]})
    assert response.status_code == 503
    assert "The files could not be kept for the preview" in response.content.decode()
    assert Case.objects.count() == 0


def test_an_oversize_file_is_refused(editor_client, monkeypatch):
    monkeypatch.setattr(admin_imports, "MAX_FILE_BYTES", 1024)
    response = editor_client.post(UPLOAD, {"files": [report("district_cand.html")]})
    assert response.status_code == 400
    assert "district_cand.html: the file is 7.0\xa0KB, larger than the 1.0\xa0KB" in (
        response.content.decode()
    )
    assert Case.objects.count() == 0


def test_too_many_files_are_refused(editor_client, monkeypatch):
    monkeypatch.setattr(admin_imports, "MAX_FILES", 2)
    files = [
        report("district_cand.html"),
        report("district_jpml.html"),
        report("district_jpml.html"),
    ]
    response = editor_client.post(UPLOAD, {"files": files})
    assert response.status_code == 400
    assert "Upload at most 2 files at a time (3 were chosen)." in response.content.decode()


@pytest.mark.parametrize(
    "token",
    [
        "",
        "../../../../etc/passwd",
        "..%2F..%2Fmanifest",
        "A" * 31,
        "A" * 32,  # the shape of a token, but no batch
        "A" * 31 + "/",
    ],
)
def test_a_bad_token_is_refused(editor_client, staging, token):
    response = editor_client.post(CONFIRM, {"token": token})
    assert response.status_code == 400
    assert "This upload is unknown or has expired" in response.content.decode()
    assert Case.objects.count() == 0


def test_another_users_batch_cannot_be_confirmed_or_run(editor_client, staging):
    response = editor_client.post(UPLOAD, {"files": [report("district_cand.html")]})
    token = token_of(response)
    bob = User.objects.create_user("bob", is_staff=True)
    bob.user_permissions.add(Permission.objects.get(codename="add_docketentry"))
    other = Client()
    other.force_login(bob)
    assert other.post(CONFIRM, {"token": token}).status_code == 400
    run = reverse("admin:cases_docketimport_pacer_run", args=[token])
    response = other.get(run)
    assert response.status_code == 302
    assert Case.objects.count() == 0
    assert (staging / token / "0.html").exists()


def test_run_before_confirm_imports_nothing(editor_client):
    response = editor_client.post(UPLOAD, {"files": [report("district_cand.html")]})
    run = reverse("admin:cases_docketimport_pacer_run", args=[token_of(response)])
    response = editor_client.get(run)
    assert response.status_code == 302 and response["Location"] == UPLOAD
    assert "This upload is unknown or has expired" in messages_of(response)[0]
    assert Case.objects.count() == 0


def test_run_urls_take_only_a_token(editor_client):
    for path in ("../../etc/", "..%2F..%2F/", "short/", "A" * 33 + "/", "A" * 31 + "./"):
        # Anything else falls through to the admin's own "<object_id>/" redirect.
        assert resolve(UPLOAD + path).url_name != "cases_docketimport_pacer_run"
    assert resolve(UPLOAD + "A" * 32 + "/").url_name == "cases_docketimport_pacer_run"
    finished = reverse("admin:cases_docketimport_pacer_run", args=["B" * 32])
    response = editor_client.get(finished)
    assert response.status_code == 302 and response["Location"] == LOG


def test_cancel_drops_the_upload(editor_client, staging):
    response = editor_client.post(UPLOAD, {"files": [report("district_cand.html")]})
    token = token_of(response)
    response = editor_client.post(CONFIRM, {"token": token, "_cancel": "Cancel"})
    assert response.status_code == 302 and response["Location"] == UPLOAD
    assert not (staging / token).exists()
    assert Case.objects.count() == 0


def test_uploads_older_than_a_day_are_removed_by_the_next_preview(editor_client, staging):
    old = staging / ("C" * 32)
    old.mkdir(parents=True)
    (old / "0.html").write_text("old")
    day_ago = time.time() - 24 * 3600 - 60
    os.utime(old, (day_ago, day_ago))
    unrelated = staging / "not-a-token"
    unrelated.mkdir()
    os.utime(unrelated, (day_ago, day_ago))
    response = editor_client.post(UPLOAD, {"files": [report("district_cand.html")]})
    assert not old.exists()
    assert unrelated.exists()
    assert (staging / token_of(response)).exists()


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
    stale = time.time() - admin_imports.CLAIM_STALE_SECONDS - 60
    os.utime(staging / token / "0.claim", (stale, stale))  # the other request died
    response = editor_client.get(run)
    assert response.status_code == 302
    assert Case.objects.count() == 2


# --- Who may import -----------------------------------------------------------------------------


def test_anonymous_users_are_sent_to_log_in(client):
    for url in (UPLOAD, CONFIRM, reverse("admin:cases_docketimport_pacer_run", args=["D" * 32])):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    response = client.post(UPLOAD, {"files": [report("district_cand.html")]})
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    assert Case.objects.count() == 0


def test_staff_without_the_permission_are_refused(staging):
    viewer = User.objects.create_user("viewer", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_docketimport"))
    client = Client()
    client.force_login(viewer)
    assert client.get(UPLOAD).status_code == 403
    assert client.post(UPLOAD, {"files": [report("district_cand.html")]}).status_code == 403
    assert client.post(CONFIRM, {"token": "E" * 32}).status_code == 403
    run = reverse("admin:cases_docketimport_pacer_run", args=["E" * 32])
    assert client.get(run).status_code == 403
    log = client.get(LOG)
    assert log.status_code == 200 and "Import a PACER docket" not in log.content.decode()
    assert Case.objects.count() == 0
    assert not staging.exists()

    nobody = User.objects.create_user("nobody", is_staff=True)
    client.force_login(nobody)
    assert client.get(UPLOAD).status_code == 403
    assert client.get(LOG).status_code == 403


def test_superusers_may_import():
    admin = User.objects.create_superuser("root", "root@example.org", "pw")
    client = Client()
    client.force_login(admin)
    response = client.post(UPLOAD, {"files": [report("district_jpml.html")]})
    assert response.status_code == 200
    confirm_and_run(client, token_of(response))
    assert DocketImport.objects.get().actor == admin


# --- The import log ----------------------------------------------------------------------------


def test_the_log_is_read_only_and_takes_a_fixed_number_of_queries(
    editor_client, alice, django_assert_max_num_queries
):
    names = ["district_cand.html", "district_jpml.html", "appellate_ca1.html", "district_nysd.html"]
    for name in names:
        pacer_import((DATA / name).read_bytes(), actor=alice, file_name=name)
    pacer_import((DATA / "district_cand.html").read_bytes(), file_name="district_cand.html")
    # session, user, permissions; the filtered and the total count; the page of rows with their
    # cases, courts and actors joined.
    with django_assert_max_num_queries(7):
        response = editor_client.get(LOG)
    assert response.status_code == 200
    assert response.context["cl"].result_count == 5
    text = response.content.decode()
    assert "district_nysd.html" in text and "no change; 3 entries unchanged" in text
    with django_assert_max_num_queries(7):
        assert editor_client.get(LOG + "?source=pacer").context["cl"].result_count == 5
    case = Case.objects.get(docket_number="3:08-cv-00159")
    assert editor_client.get(LOG + f"?case={case.pk}").context["cl"].result_count == 2

    row = DocketImport.objects.filter(case=case).order_by("pk").first()
    page = editor_client.get(reverse("admin:cases_docketimport_change", args=[row.pk]))
    assert page.status_code == 200
    assert "New case Balbo v. Tilton" in page.content.decode()
    assert 'name="_save"' not in page.content.decode()
    assert editor_client.get(reverse("admin:cases_docketimport_add")).status_code == 403
    delete = reverse("admin:cases_docketimport_delete", args=[row.pk])
    assert editor_client.post(delete, {"post": "yes"}).status_code == 403
    change = reverse("admin:cases_docketimport_change", args=[row.pk])
    editor_client.post(change, {"file_name": "edited.html"})
    assert DocketImport.objects.get(pk=row.pk).file_name == "district_cand.html"
