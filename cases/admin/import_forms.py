"""The forms of "Import a PACER docket": the upload (one or more reports) and the confirmation."""

from __future__ import annotations

from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat

from cases.importers.courts import federal_court_info
from cases.importers.pacer import MAX_BYTES
from cases.importers.staging import display_name, token_valid
from cases.models import Case

# What one upload may hold. Django itself only caps the number of files of a request
# (DATA_UPLOAD_MAX_NUMBER_FILES, 100: past it the request is refused with a 400); files larger
# than FILE_UPLOAD_MAX_MEMORY_SIZE (2.5 MB) are streamed to a temporary file, not kept in memory.
# The size of the request body as a whole is the front web server's to cap.
MAX_FILES = 50
MAX_FILE_BYTES = MAX_BYTES  # the importer's own limit: 50 MB
MAX_BATCH_BYTES = 200 * 1024 * 1024

UNKNOWN_BATCH = (
    "This upload is unknown or has expired (uploaded files are kept for a day): "
    "choose the files again."
)


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
            name = display_name(getattr(upload, "name", ""))
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
            raise ValidationError(UNKNOWN_BATCH)
        return token
