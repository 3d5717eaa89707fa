"""The pages of "Import a PACER docket": upload, preview, confirm, then one file per request.

An editor uploads one or more PACER docket reports; each is staged (``cases.importers.staging``)
and previewed with a dry run of the importer (what it would create or change, or the one
sentence saying why it cannot be imported). Confirming imports the staged files for real, one
file per request, each in its own transaction: the page shows a ``<progress>`` bar and reloads
itself (``<meta http-equiv="refresh">``, no JavaScript) until every file is done, then lists one
message per file on the import log. Staged files are deleted when the batch is done.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.html import format_html

from cases.admin.import_forms import UNKNOWN_BATCH, ConfirmForm, PacerUploadForm
from cases.importers.staging import Batch, StagedFile, staged_import, staging_root
from cases.models import Case

logger = logging.getLogger(__name__)

IMPORT_PERMISSION = "cases.add_docketentry"
MAX_CHANGES_SHOWN = 200
_UPLOAD_PAGE = "admin/cases/docketimport/pacer_upload.html"


def can_import(request: HttpRequest) -> bool:
    """Tell whether the user may import dockets: editors (who add docket entries), superusers."""
    user = request.user
    return bool(user.is_active and (user.is_superuser or user.has_perm(IMPORT_PERMISSION)))


def _preview(request: HttpRequest, batch: Batch, staged: StagedFile, case: Case | None) -> dict:
    """Preview one staged file: what importing it would do, or why it cannot be imported."""
    preview: dict[str, Any] = {"name": staged.name, "size": staged.size, "error": ""}
    report = staged_import(batch, staged, case=case, actor=request.user, dry_run=True)
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


def _import(request: HttpRequest, batch: Batch, staged: StagedFile) -> dict[str, Any]:
    """Import one staged file for real; return the result the batch keeps for it."""
    case = None
    if batch.manifest.get("case"):
        case = batch.case()
        if case is None:
            return {"ok": False, "message": "The case chosen for the import was deleted."}
    report = staged_import(batch, staged, case=case, actor=request.user, dry_run=False)
    if isinstance(report, str):
        return {"ok": False, "message": report}
    imported = report.case
    return {
        "ok": True,
        "message": report.summary(),
        "case_url": reverse("admin:cases_case_change", args=[imported.pk]) if imported else "",
        "case_page": imported.get_absolute_url() if imported else "",
    }


class PacerImportPages(admin.ModelAdmin):
    """The import pages, for the import log's admin (its ``get_urls`` routes to them)."""

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
        self, request: HttpRequest, form: PacerUploadForm, *, status: int = 200, **extra: Any
    ) -> HttpResponse:
        context = self._context(request, "Import a PACER docket", form=form, **extra)
        return render(request, _UPLOAD_PAGE, context, status=status)

    def pacer_view(self, request: HttpRequest) -> HttpResponse:
        """Show step 1 (the form) and step 2 (the preview of every uploaded file)."""
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
        previews = [_preview(request, batch, staged, case) for staged in batch.files]
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

    def pacer_confirm_view(self, request: HttpRequest) -> HttpResponse:
        """Begin step 3: confirm (or drop) the previewed batch, by a POST."""
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
            return self._form_page(request, upload, status=400, batch_error=UNKNOWN_BATCH)
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
            self.message_user(request, UNKNOWN_BATCH, messages.ERROR)
            return HttpResponseRedirect(reverse("admin:cases_docketimport_pacer"))
        staged = batch.claim_next()
        if staged is not None:
            batch.set_result(staged, _import(request, batch, staged))
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
                refresh=0 if staged is not None else 2,
            )
            return render(request, "admin/cases/docketimport/pacer_progress.html", context)
        if batch.claim_report():
            self._report(request, results)
            batch.delete()
        return HttpResponseRedirect(self._done_url(request))

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
