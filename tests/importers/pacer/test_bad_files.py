"""Files that are not whole docket reports: refused with one sentence, nothing written."""

from __future__ import annotations

import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from cases.models import Case
from parties.models import Party
from tests.importers.pacer.reports import PACER_DIR, run, snapshot

pytestmark = pytest.mark.django_db


def broken_files(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    nysd = (PACER_DIR / "district_nysd.html").read_bytes()
    cand = (PACER_DIR / "district_cand.html").read_text()
    files = {
        "empty": (b"", "The file is empty."),
        "article": (
            b"<html><body><h1>News</h1><p>Clearview AI was sued.</p></body></html>",
            "not a PACER docket report",
        ),
        "binary": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "not text"),
        "truncated": (nysd[: len(nysd) // 2], "cut off"),
        "garbled": (
            b"<html><body>U.S. District Court Northern District of Illinois "
            b"CIVIL DOCKET FOR CASE #: <table><tr><td>%%%</td></tr></table></body></html>",
            "could not be read",
        ),
        "no court": (
            re.sub(r"ecf\.cand\.uscourts\.gov", "example.org", cand)
            .replace("California Northern District", "Somewhere")
            .replace("CAND-ECF", "ECF")
            .encode(),
            "cannot be identified",
        ),
    }
    paths = {}
    for key, (content, message) in files.items():
        path = tmp_path / f"{key.replace(' ', '-')}.html"
        path.write_bytes(content)
        paths[key] = (path, message)
    return paths


def test_a_file_that_is_not_a_whole_docket_report_gets_one_sentence_and_writes_nothing(tmp_path):
    before = snapshot()
    for key, (path, _message) in broken_files(tmp_path).items():
        with pytest.raises(CommandError) as error:
            run(path)
        assert "1 of 1 files were not imported" in str(error.value), key
        assert snapshot() == before, key
    # The messages, one per file, name what is wrong.
    out = StringIO()
    files = broken_files(tmp_path)
    with pytest.raises(CommandError):
        call_command("import_pacer", *[str(p) for p, _ in files.values()], stderr=out, stdout=out)
    text = out.getvalue()
    for key, (path, message) in files.items():
        start = text.index(f"{path}: not imported.")
        line = text[start : text.index("\n", start)]
        assert message in line, (key, line)
        assert line.count(". ") <= 2, line  # one sentence after "not imported."
    assert snapshot() == before


def test_a_bad_file_in_a_batch_does_not_stop_the_good_ones(tmp_path):
    bad = tmp_path / "bad.html"
    bad.write_bytes(b"<html>nothing</html>")
    with pytest.raises(CommandError, match="1 of 3 files were not imported: bad.html"):
        run(PACER_DIR / "district_cand.html", bad, PACER_DIR / "district_jpml.html")
    assert set(Case.objects.values_list("court__code", flat=True)) == {"cand", "jpml"}
    assert Party.objects.count() == 5


def test_a_bankruptcy_appellate_panel_docket_is_not_taken_for_its_circuit(tmp_path):
    """A BAP's pages link to the court of appeals' server; the links must not name the court."""
    text = (PACER_DIR / "appellate_ca1.html").read_text(errors="replace")
    bap = tmp_path / "bap.html"
    bap.write_text(
        text.replace(
            "United States Court of Appeals for the First Circuit",
            "U. S. Bankruptcy Appellate Panel for the First Circuit",
        )
    )
    before = snapshot()
    with pytest.raises(CommandError):
        output = StringIO()
        call_command("import_pacer", str(bap), stdout=output, stderr=output)
    assert snapshot() == before
