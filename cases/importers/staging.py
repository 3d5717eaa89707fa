"""Uploaded docket reports staged on disk between their preview and their import.

An upload is a batch: its files are kept under ``VAR_DIR/imports/<token>/`` as 0.html, 1.html...
with a manifest (who uploaded them, into which case, from which court). Each file is imported by
one request at a time (a claim file marks it taken) and its result is written next to it. Batches
left behind are removed after a day, when the next upload is staged.
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
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile

from cases.importers.docket import MergeReport
from cases.importers.errors import DocketImportError
from cases.importers.pacer import pacer_import
from cases.models import Case

logger = logging.getLogger(__name__)

STAGED_FOR = datetime.timedelta(days=1)
# A file claimed by a request that never finished it (its worker was killed) is taken again.
CLAIM_STALE_SECONDS = 15 * 60

TOKEN_BYTES = 24  # secrets.token_urlsafe(24): 32 characters of [A-Za-z0-9_-]
TOKEN_PATTERN = r"[A-Za-z0-9_-]{32}"  # noqa: S105 (the shape of a batch id, not a secret)
_TOKEN = re.compile(TOKEN_PATTERN)
UNEXPECTED = "The file could not be imported because of an unexpected error (it was logged)."


def staging_root() -> Path:
    return Path(settings.VAR_DIR) / "imports"


def token_valid(token: Any) -> bool:
    return isinstance(token, str) and _TOKEN.fullmatch(token) is not None


def sweep_staged(now: float | None = None) -> int:
    """Remove batches untouched for a day (abandoned previews); return how many went."""
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


def _create_file(target: Path) -> int:
    """Open a new file for writing, only for this user; fail if it exists."""
    return os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)


def display_name(name: str | None) -> str:
    """Return the uploaded file's name, for display only (files are stored as 0.html...)."""
    base = os.path.basename((name or "").replace("\\", "/"))
    base = "".join(ch for ch in base if ch.isprintable()).strip()
    return base[:255] or "(unnamed file)"


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
        """Stage the uploaded files as a new batch of this user's."""
        sweep_staged()
        root = staging_root()
        root.mkdir(parents=True, exist_ok=True)
        token = secrets.token_urlsafe(TOKEN_BYTES)
        directory = root / token
        directory.mkdir(mode=0o700)
        files = []
        try:
            for index, upload in enumerate(uploads):
                with os.fdopen(_create_file(directory / f"{index}.html"), "wb") as out:
                    for chunk in upload.chunks():
                        out.write(chunk)
                files.append({"name": display_name(upload.name), "size": upload.size})
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
        """Return the batch this token names, if it is one of this user's; else None."""
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
                os.close(_create_file(marker))
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

    def claim_next(self) -> StagedFile | None:
        """Take the first file that has no result and no other request importing it."""
        for staged, result in self.results():
            if result is None and self.claim(staged):
                return staged
        return None

    def claim_report(self) -> bool:
        """Return True for the one request that reports the finished batch."""
        try:
            os.close(_create_file(self.root / "reported"))
        except OSError:
            return False
        return True


def staged_import(
    batch: Batch, staged: StagedFile, *, case: Case | None, actor: Any, dry_run: bool
) -> MergeReport | str:
    """Import (or preview) one staged file: return its report, or the sentence saying why not."""
    try:
        return pacer_import(
            batch.content(staged),
            case=case,
            court_id=batch.court_id,
            actor=actor,
            dry_run=dry_run,
            file_name=staged.name,
        )
    except DocketImportError as error:
        return str(error)
    # One file's bug must not stop the batch nor show the editor an error page: it is
    # logged with its traceback and the file is reported as not imported.
    except Exception:
        logger.exception("The PACER import of %r failed", staged.name)
        return UNEXPECTED
