"""Import a PACER docket: bad input and bad tokens refused, who may import, the import log."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import resolve, reverse

from cases.admin import import_forms
from cases.importers.pacer import pacer_import
from cases.models import Case, DocketImport
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
    monkeypatch.setattr(import_forms, "MAX_FILE_BYTES", 1024)
    response = editor_client.post(UPLOAD, {"files": [report("district_cand.html")]})
    assert response.status_code == 400
    assert "district_cand.html: the file is 7.0\xa0KB, larger than the 1.0\xa0KB" in (
        response.content.decode()
    )
    assert Case.objects.count() == 0


def test_too_many_files_are_refused(editor_client, monkeypatch):
    monkeypatch.setattr(import_forms, "MAX_FILES", 2)
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
