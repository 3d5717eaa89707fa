"""The admin's log of docket imports, and its page "Import a PACER docket".

An editor uploads one or more PACER docket reports; each is staged on disk under
``VAR_DIR/imports/<token>/`` and previewed with a dry run of the importer (what it would create or
change, or the one sentence saying why it cannot be imported). Confirming imports the staged
files for real, one file per request, each in its own transaction: the page shows a ``<progress>``
bar and reloads itself (``<meta http-equiv="refresh">``, no JavaScript) until every file is done,
then lists one message per file on the import log. Staged files are deleted when the batch is
done; batches left behind are removed after a day, when the next upload is staged.
"""

from __future__ import annotations

import datetime
import json
import logging
import os
import re
import secrets
import shutil
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.template.defaultfilters import filesizeformat
from django.urls import path, re_path, reverse
from django.utils.html import format_html, format_html_join

from cases.importers.courts import federal_court_info
from cases.importers.docket import MergeReport
from cases.importers.errors import DocketImportError
from cases.importers.pacer import MAX_BYTES, pacer_import
from cases.models import Case, DocketImport
from tracker.admin_tools import ReadOnlyAdmin, RelatedIdFilter

logger = logging.getLogger(__name__)

IMPORT_PERMISSION = "cases.add_docketentry"
# What one upload may hold. Django itself only caps the number of files of a request
# (DATA_UPLOAD_MAX_NUMBER_FILES, 100: past it the request is refused with a 400); files larger
# than FILE_UPLOAD_MAX_MEMORY_SIZE (2.5 MB) are streamed to a temporary file, not kept in memory.
# The size of the request body as a whole is the front web server's to cap.
MAX_FILES = 50
MAX_FILE_BYTES = MAX_BYTES  # the importer's own limit: 50 MB
MAX_BATCH_BYTES = 200 * 1024 * 1024
STAGED_FOR = datetime.timedelta(days=1)
# A file claimed by a request that never finished it (its worker was killed) is taken again.
CLAIM_STALE_SECONDS = 15 * 60
MAX_CHANGES_SHOWN = 200

TOKEN_BYTES = 24  # secrets.token_urlsafe(24): 32 characters of [A-Za-z0-9_-]
TOKEN_PATTERN = r"[A-Za-z0-9_-]{32}"  # noqa: S105 (the shape of a batch id, not a secret)
_TOKEN = re.compile(TOKEN_PATTERN)
_UNEXPECTED = "The file could not be imported because of an unexpected error (it was logged)."
_UNKNOWN_BATCH = (
    "This upload is unknown or has expired (uploaded files are kept for a day): "
    "choose the files again."
)


def can_import(request: HttpRequest) -> bool:
    """Editors (who may add docket entries) and superusers may import dockets."""
    user = request.user
    return bool(user.is_active and (user.is_superuser or user.has_perm(IMPORT_PERMISSION)))


# --- Staging the uploaded files ----------------------------------------------------------------


def staging_root() -> Path:
    return Path(settings.VAR_DIR) / "imports"


def token_valid(token: Any) -> bool:
    return isinstance(token, str) and _TOKEN.fullmatch(token) is not None


def sweep_staged(now: float | None = None) -> int:
    """Remove batches untouched for a day (abandoned previews); returns how many went."""
    root = staging_root()
    if not root.is_dir():
        return 0
    limit = (now if now is not None else time.time()) - STAGED_FOR.total_seconds()
    removed = 0
    for entry in root.iterdir():
        if not token_valid(entry.name) or entry.is_symlink() or not entry.is_dir():
            continue
        try:
            touched = entry.stat().st_mtime
        except OSError:
            continue
        if touched < limit:
            shutil.rmtree(entry, ignore_errors=True)
            removed += 1
    return removed


def _write_json(target: Path, data: dict[str, Any]) -> None:
    temporary = target.with_name(f".{target.name}.{secrets.token_hex(4)}")
    temporary.write_text(json.dumps(data), encoding="utf-8")
    os.replace(temporary, target)


def _read_json(source: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(source.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


@dataclass
class StagedFile:
    index: int
    name: str
    size: int
    preview_error: str = ""


class Batch:
    """Files uploaded together, staged under ``VAR_DIR/imports/<token>/`` as 0.html, 1.html..."""

    def __init__(self, token: str, manifest: dict[str, Any]) -> None:
        self.token = token
        self.root = staging_root() / token
        self.manifest = manifest
        self.files = [
            StagedFile(
                index=i, name=f["name"], size=f["size"], preview_error=f.get("preview_error", "")
            )
            for i, f in enumerate(manifest["files"])
        ]

    @classmethod
    def create(
        cls,
        uploads: list[UploadedFile],
        *,
        user_id: int,
        case_id: int | None,
        court_id: str,
    ) -> Batch:
        sweep_staged()
        root = staging_root()
        root.mkdir(parents=True, exist_ok=True)
        token = secrets.token_urlsafe(TOKEN_BYTES)
        directory = root / token
        directory.mkdir(mode=0o700)
        files = []
        try:
            for index, upload in enumerate(uploads):
                descriptor = os.open(
                    directory / f"{index}.html", os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600
                )
                with os.fdopen(descriptor, "wb") as out:
                    for chunk in upload.chunks():
                        out.write(chunk)
                files.append({"name": _display_name(upload.name), "size": upload.size})
            manifest = {
                "user": user_id,
                "case": case_id,
                "court_id": court_id,
                "created": time.time(),
                "confirmed": False,
                "files": files,
            }
            _write_json(directory / "manifest.json", manifest)
        except OSError:
            shutil.rmtree(directory, ignore_errors=True)
            raise
        return cls(token, manifest)

    @classmethod
    def load(cls, token: Any, *, user_id: int) -> Batch | None:
        """The batch this token names, if it is one of this user's; else None."""
        if not token_valid(token):
            return None
        directory = staging_root() / token
        if directory.is_symlink() or not directory.is_dir():
            return None
        manifest = _read_json(directory / "manifest.json")
        if manifest is None or manifest.get("user") != user_id:
            return None
        return cls(token, manifest)

    def save(self) -> None:
        for staged, data in zip(self.files, self.manifest["files"], strict=True):
            data["preview_error"] = staged.preview_error
        _write_json(self.root / "manifest.json", self.manifest)

    def delete(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)

    @property
    def confirmed(self) -> bool:
        return bool(self.manifest.get("confirmed"))

    def content(self, staged: StagedFile) -> bytes:
        return (self.root / f"{staged.index}.html").read_bytes()

    def case(self) -> Case | None:
        case_id = self.manifest.get("case")
        return Case.objects.filter(pk=case_id).first() if case_id else None

    @property
    def court_id(self) -> str | None:
        return self.manifest.get("court_id") or None

    # Results, one file per staged file, written once it is imported (or skipped).

    def result(self, staged: StagedFile) -> dict[str, Any] | None:
        return _read_json(self.root / f"{staged.index}.result.json")

    def set_result(self, staged: StagedFile, result: dict[str, Any]) -> None:
        _write_json(self.root / f"{staged.index}.result.json", result)

    def results(self) -> list[tuple[StagedFile, dict[str, Any] | None]]:
        return [(staged, self.result(staged)) for staged in self.files]

    def claim(self, staged: StagedFile) -> bool:
        """Take this file for this request: False when another request is importing it."""
        marker = self.root / f"{staged.index}.claim"
        for _ in range(2):
            try:
                os.close(os.open(marker, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
            except FileExistsError:
                try:
                    stale = time.time() - marker.stat().st_mtime > CLAIM_STALE_SECONDS
                except FileNotFoundError:
                    continue
                if not stale:
                    return False
                marker.unlink(missing_ok=True)
                continue
            return True
        return False

    def claim_report(self) -> bool:
        """True for the one request that reports the finished batch."""
        try:
            os.close(os.open(self.root / "reported", os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        except OSError:
            return False
        return True


def _display_name(name: str | None) -> str:
    """The uploaded file's name, for display only (files are stored as 0.html, 1.html...)."""
    base = os.path.basename((name or "").replace("\\", "/"))
    base = "".join(ch for ch in base if ch.isprintable()).strip()
    return base[:255] or "(unnamed file)"


# --- The upload form ---------------------------------------------------------------------------


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """One or more files; each is checked, and every problem is reported with its file's name."""

    widget = MultipleFileInput

    def clean(self, data: Any, initial: Any = None) -> list[UploadedFile]:
        uploads = [d for d in (data if isinstance(data, list | tuple) else [data]) if d]
        if not uploads:
            raise ValidationError("Choose at least one PACER docket report.", code="required")
        if len(uploads) > MAX_FILES:
            raise ValidationError(
                f"Upload at most {MAX_FILES} files at a time ({len(uploads)} were chosen).",
                code="too_many",
            )
        errors: list[ValidationError] = []
        cleaned: list[UploadedFile] = []
        for upload in uploads:
            name = _display_name(getattr(upload, "name", ""))
            try:
                cleaned.append(super().clean(upload, initial))
            except ValidationError as error:
                errors.extend(ValidationError(f"{name}: {m}") for m in error.messages)
                continue
            if upload.size > MAX_FILE_BYTES:
                errors.append(
                    ValidationError(
                        f"{name}: the file is {filesizeformat(upload.size)}, larger than the "
                        f"{filesizeformat(MAX_FILE_BYTES)} a docket report can be."
                    )
                )
        total = sum(upload.size for upload in cleaned)
        if not errors and total > MAX_BATCH_BYTES:
            errors.append(
                ValidationError(
                    f"The files come to {filesizeformat(total)}, more than the "
                    f"{filesizeformat(MAX_BATCH_BYTES)} one upload may hold: upload them in "
                    "smaller batches."
                )
            )
        if errors:
            raise ValidationError(errors)
        return cleaned


class PacerUploadForm(forms.Form):
    files = MultipleFileField(
        label="Docket reports",
        widget=MultipleFileInput(attrs={"accept": ".html,.htm,text/html"}),
        help_text=(
            f"The PACER docket report pages, saved as HTML (district courts' Docket Report, the "
            f"JPML's, the courts of appeals' General Docket): up to {MAX_FILES} files of "
            f"{filesizeformat(MAX_FILE_BYTES)} each."
        ),
        error_messages={"empty": "The file is empty."},
    )
    case = forms.CharField(
        required=False,
        max_length=255,
        label="Into case (slug)",
        help_text=(
            "Optional: the slug of the tracker's case the reports belong to (as in "
            "/cases/<slug>/). Left empty, each report is matched by its court and docket number, "
            "and a new case is created when there is none."
        ),
    )
    court_id = forms.CharField(
        required=False,
        max_length=20,
        label="Court id",
        help_text=(
            "Optional: the court's courts-db id (ilnd, cand, jpml, ca7), when a report's heading "
            "and links do not say which court it is from."
        ),
    )

    def clean_case(self) -> Case | None:
        slug = self.cleaned_data["case"].strip()
        if not slug:
            return None
        case = Case.objects.filter(slug=slug).first()
        if case is None:
            raise ValidationError(f"There is no case with the slug {slug!r}.")
        return case

    def clean_court_id(self) -> str:
        court_id = self.cleaned_data["court_id"].strip().lower()
        if court_id and federal_court_info(court_id) is None:
            raise ValidationError(
                f"{court_id!r} is not the id of a federal court in courts-db "
                "(for example ilnd, cand, jpml or ca7)."
            )
        return court_id


class ConfirmForm(forms.Form):
    token = forms.CharField(max_length=64, widget=forms.HiddenInput)

    def clean_token(self) -> str:
        token = self.cleaned_data["token"]
        if not token_valid(token):
            raise ValidationError(_UNKNOWN_BATCH)
        return token


# --- The import log ------------------------------------------------------------------------------


class ImportCaseFilter(RelatedIdFilter):
    title = "case"
    parameter_name = "case"
    related_model = Case
    field = "case"


_COUNT_LABELS = [
    ("entries_added", "entries added"),
    ("entries_changed", "entries changed"),
    ("entries_flagged", "entries no longer on the docket"),
    ("parties_added", "parties added"),
    ("parties_changed", "parties changed"),
    ("attorneys_added", "attorneys added"),
    ("counsel_added", "counsel added"),
    ("counsel_changed", "counsel changed"),
    ("judges_added", "judges added"),
]


def summary_counts(summary: dict[str, Any]) -> str:
    """'case created; 12 entries added, 3 parties added; 40 unchanged' from a DocketImport."""
    if not isinstance(summary, dict):
        return ""
    counts = [
        f"{summary[key]} {label}"
        for key, label in _COUNT_LABELS
        if isinstance(summary.get(key), int) and summary[key]
    ]
    parts = ["case created"] if summary.get("case_created") else []
    parts.append(", ".join(counts) if counts else "no change")
    unchanged = summary.get("entries_unchanged")
    if isinstance(unchanged, int) and unchanged:
        parts.append(f"{unchanged} entries unchanged")
    return "; ".join(parts)


@admin.register(DocketImport)
class DocketImportAdmin(ReadOnlyAdmin):
    """Every import of a docket, written by the importers only; and the PACER import page."""

    list_display = [
        "imported_at",
        "case",
        "source",
        "report_date",
        "actor",
        "file_name",
        "counts",
    ]
    list_display_links = ["imported_at"]
    list_filter = ["source", ImportCaseFilter]
    list_select_related = ["case__court", "actor"]
    search_fields = ["file_name", "case__short_name", "case__docket_number"]
    fields = [
        "case",
        "source",
        "report_date",
        "imported_at",
        "actor",
        "file_name",
        "counts",
        "changes",
    ]
    readonly_fields = fields
    change_list_template = "admin/cases/docketimport/change_list.html"

    @admin.display(description="summary")
    def counts(self, obj: DocketImport) -> str:
        return summary_counts(obj.summary)

    @admin.display(description="changes")
    def changes(self, obj: DocketImport) -> str:
        lines = obj.summary.get("changes") if isinstance(obj.summary, dict) else None
        if not lines:
            return "—"
        return format_html(
            "<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((line,) for line in lines))
        )

    def get_queryset(self, request: HttpRequest) -> QuerySet[DocketImport]:
        return super().get_queryset(request).select_related("case__court", "actor")

    def changelist_view(
        self, request: HttpRequest, extra_context: dict[str, Any] | None = None
    ) -> HttpResponse:
        extra = {"import_url": reverse("admin:cases_docketimport_pacer")}
        extra["can_import"] = can_import(request)
        return super().changelist_view(request, {**extra, **(extra_context or {})})

    def get_urls(self) -> list[Any]:
        view = self.admin_site.admin_view
        return [
            path("pacer/", view(self.pacer_view), name="cases_docketimport_pacer"),
            path(
                "pacer/confirm/",
                view(self.pacer_confirm_view),
                name="cases_docketimport_pacer_confirm",
            ),
            re_path(
                rf"^pacer/(?P<token>{TOKEN_PATTERN})/$",
                view(self.pacer_run_view),
                name="cases_docketimport_pacer_run",
            ),
            *super().get_urls(),
        ]

    # --- The pages --------------------------------------------------------------------------

    def _context(self, request: HttpRequest, title: str, **extra: Any) -> dict[str, Any]:
        return {
            **self.admin_site.each_context(request),
            "title": title,
            "opts": self.opts,
            "has_view_permission": self.has_view_permission(request),
            **extra,
        }

    def _check(self, request: HttpRequest) -> None:
        if not can_import(request):
            raise PermissionDenied

    def _form_page(
        self, request: HttpRequest, form: PacerUploadForm, *, status: int = 200
    ) -> HttpResponse:
        context = self._context(request, "Import a PACER docket", form=form)
        return render(request, "admin/cases/docketimport/pacer_upload.html", context, status=status)

    def pacer_view(self, request: HttpRequest) -> HttpResponse:
        """Step 1 (the form) and step 2 (the preview of every uploaded file)."""
        self._check(request)
        if request.method != "POST":
            return self._form_page(request, PacerUploadForm())
        form = PacerUploadForm(request.POST, request.FILES)
        if not form.is_valid():
            return self._form_page(request, form, status=400)
        case = form.cleaned_data["case"]
        try:
            batch = Batch.create(
                form.cleaned_data["files"],
                user_id=request.user.pk,
                case_id=case.pk if case else None,
                court_id=form.cleaned_data["court_id"],
            )
        except OSError as error:
            logger.exception("Staging an upload under %s failed", staging_root())
            form.add_error(
                None,
                f"The files could not be kept for the preview ({error.strerror or error}); "
                "nothing was imported. Try again, or tell the site's administrator.",
            )
            return self._form_page(request, form, status=503)
        previews = [self._preview(request, batch, staged, case) for staged in batch.files]
        batch.save()
        importable = [p for p in previews if not p["error"]]
        if not importable:
            batch.delete()
            for preview in previews:
                form.add_error("files", f"{preview['name']}: {preview['error']}")
            return self._form_page(request, form, status=400)
        context = self._context(
            request,
            "Import a PACER docket: preview",
            previews=previews,
            importable=len(importable),
            skipped=len(previews) - len(importable),
            confirm_form=ConfirmForm(initial={"token": batch.token}),
            target=case,
            court_id=batch.court_id,
        )
        return render(request, "admin/cases/docketimport/pacer_preview.html", context)

    def _preview(
        self, request: HttpRequest, batch: Batch, staged: StagedFile, case: Case | None
    ) -> dict[str, Any]:
        preview: dict[str, Any] = {"name": staged.name, "size": staged.size, "error": ""}
        report = self._run(request, batch, staged, case, dry_run=True)
        if isinstance(report, str):
            staged.preview_error = report
        else:
            preview.update(
                summary=report.summary(),
                changed=report.changed_anything,
                case_created=report.case_created,
                changes=report.changes[:MAX_CHANGES_SHOWN],
                more_changes=max(0, len(report.changes) - MAX_CHANGES_SHOWN),
            )
        preview["error"] = staged.preview_error
        return preview

    def pacer_confirm_view(self, request: HttpRequest) -> HttpResponse:
        """Step 3 begins: the previewed batch is confirmed (or dropped) by a POST."""
        self._check(request)
        if request.method != "POST":
            return HttpResponseRedirect(reverse("admin:cases_docketimport_pacer"))
        form = ConfirmForm(request.POST)
        batch = Batch.load(form.data.get("token"), user_id=request.user.pk)
        if form.is_valid() and batch is not None and batch.confirmed:  # sent twice
            return HttpResponseRedirect(
                reverse("admin:cases_docketimport_pacer_run", args=[batch.token])
            )
        if not form.is_valid() or batch is None:
            upload = PacerUploadForm()
            context = self._context(
                request, "Import a PACER docket", form=upload, batch_error=_UNKNOWN_BATCH
            )
            return render(
                request, "admin/cases/docketimport/pacer_upload.html", context, status=400
            )
        if "_cancel" in request.POST:
            batch.delete()
            self.message_user(request, "Nothing was imported.", messages.INFO)
            return HttpResponseRedirect(reverse("admin:cases_docketimport_pacer"))
        for staged in batch.files:
            if staged.preview_error:
                batch.set_result(staged, {"ok": False, "message": staged.preview_error})
        batch.manifest["confirmed"] = True
        batch.save()
        return HttpResponseRedirect(
            reverse("admin:cases_docketimport_pacer_run", args=[batch.token])
        )

    def pacer_run_view(self, request: HttpRequest, token: str) -> HttpResponse:
        """Import the next file of a confirmed batch; show the progress, or report the end."""
        self._check(request)
        batch = Batch.load(token, user_id=request.user.pk)
        if batch is None:
            self.message_user(
                request,
                "This import has finished or has expired: its results are in the import log.",
                messages.WARNING,
            )
            return HttpResponseRedirect(self._done_url(request))
        if not batch.confirmed:
            self.message_user(request, _UNKNOWN_BATCH, messages.ERROR)
            return HttpResponseRedirect(reverse("admin:cases_docketimport_pacer"))
        imported = False
        for staged, result in batch.results():
            if result is None and batch.claim(staged):
                batch.set_result(staged, self._import(request, batch, staged))
                imported = True
                break
        results = batch.results()
        done = sum(1 for _, result in results if result is not None)
        if done < len(results):
            context = self._context(
                request,
                "Importing PACER dockets",
                results=results,
                done=done,
                total=len(results),
                run_url=request.path,
                # Straight on to the next file; a little later when another request has it.
                refresh=0 if imported else 2,
            )
            return render(request, "admin/cases/docketimport/pacer_progress.html", context)
        if batch.claim_report():
            self._report(request, results)
            batch.delete()
        return HttpResponseRedirect(self._done_url(request))

    def _run(
        self,
        request: HttpRequest,
        batch: Batch,
        staged: StagedFile,
        case: Case | None,
        *,
        dry_run: bool,
    ) -> MergeReport | str:
        """Import (or preview) one staged file: its report, or the sentence saying why not."""
        try:
            return pacer_import(
                batch.content(staged),
                case=case,
                court_id=batch.court_id,
                actor=request.user,
                dry_run=dry_run,
                file_name=staged.name,
            )
        except DocketImportError as error:
            return str(error)
        # One file's bug must not stop the batch nor show the editor an error page: it is
        # logged with its traceback and the file is reported as not imported.
        except Exception:
            logger.exception("The PACER import of %r failed", staged.name)
            return _UNEXPECTED

    def _import(self, request: HttpRequest, batch: Batch, staged: StagedFile) -> dict[str, Any]:
        case = None
        if batch.manifest.get("case"):
            case = batch.case()
            if case is None:
                return {"ok": False, "message": "The case chosen for the import was deleted."}
        report = self._run(request, batch, staged, case, dry_run=False)
        if isinstance(report, str):
            return {"ok": False, "message": report}
        imported = report.case
        return {
            "ok": True,
            "message": report.summary(),
            "case_url": reverse("admin:cases_case_change", args=[imported.pk]) if imported else "",
            "case_page": imported.get_absolute_url() if imported else "",
        }

    def _report(
        self, request: HttpRequest, results: Iterable[tuple[StagedFile, dict[str, Any] | None]]
    ) -> None:
        for staged, result in results:
            if result is None:
                continue
            if result.get("ok"):
                message = format_html(
                    "File {}: {}. <a href='{}'>Edit the case</a> · <a href='{}'>public page</a>",
                    staged.name,
                    result["message"],
                    result.get("case_url") or "#",
                    result.get("case_page") or "#",
                )
                self.message_user(request, message, messages.SUCCESS)
            else:
                self.message_user(
                    request, f"File {staged.name} not imported: {result['message']}", messages.ERROR
                )

    def _done_url(self, request: HttpRequest) -> str:
        if self.has_view_permission(request):
            return reverse("admin:cases_docketimport_changelist")
        return reverse("admin:cases_docketimport_pacer")
