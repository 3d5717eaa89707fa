"""PACER docket reports in: every shared real report imported and compared with juriscraper's JSON
beside it, re-imported (no change), followed by a later report (only its new entries become
events and e-mails), and bad files refused whole."""

from __future__ import annotations

import datetime
import json
import os
import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from lxml import html as lxml_html

from alerts import services as alert_services
from cases.models import (
    Case,
    CaseEvent,
    CaseType,
    Court,
    CourtLevel,
    DocketEntry,
    DocketImport,
    DocketSource,
    EventKind,
)
from parties.models import Attorney, CaseParty, Party, PartyRole, Representation
from tests.processes import ROOT

PACER_DIR = Path(os.environ.get("PACER_REPORTS_DIR", ROOT.parent / "shared" / "data" / "pacer"))
REPORTS = sorted(p.stem for p in PACER_DIR.glob("*.html"))

pytestmark = pytest.mark.django_db


def test_the_shared_reports_are_there():
    # Seven reports, each with juriscraper's JSON: a missing folder must fail, not skip.
    assert len(REPORTS) >= 7, f"no PACER reports found in {PACER_DIR}"
    assert all((PACER_DIR / f"{name}.json").exists() for name in REPORTS)


def expected(name: str) -> dict:
    return json.loads((PACER_DIR / f"{name}.json").read_text())


def run(*args: str | Path, **options) -> str:
    out, err = StringIO(), StringIO()
    call_command("import_pacer", *[str(a) for a in args], stdout=out, stderr=err, **options)
    return out.getvalue() + err.getvalue()


def clean(value: str | None) -> str:
    return " ".join((value or "").replace("\xa0", " ").split())


def day(value: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(value) if value else None


def snapshot() -> dict[str, int]:
    """Row counts of every table of the tracker, history tables included."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
            "AND (table_name LIKE 'cases\\_%' OR table_name LIKE 'parties\\_%')"
        )
        tables = sorted(row[0] for row in cursor.fetchall())
        counts = {}
        for table in tables:
            cursor.execute(f'SELECT count(*) FROM "{table}"')  # noqa: S608 (catalogue names)
            counts[table] = cursor.fetchone()[0]
    return counts


def stored_case(data: dict) -> Case:
    return Case.objects.get(court__code=data["court_id"], docket_number=data["docket_number"])


@pytest.mark.parametrize("name", REPORTS)
def test_each_report_is_stored_as_juriscraper_reads_it_and_a_reimport_changes_nothing(name):
    data = expected(name)
    output = run(PACER_DIR / f"{name}.html")
    assert f"created {clean(data['case_name'])}" in output

    case = stored_case(data)
    assert case.short_name == clean(data["case_name"])[:200]
    assert case.filed_date == day(data["date_filed"])
    assert case.closed_date == day(data["date_terminated"])
    assert case.status == ("closed" if data["date_terminated"] else "active")
    for field in ("cause", "nature_of_suit", "demand"):
        assert getattr(case, field) == clean(data.get(field)), field
    assert case.jury_demand == (
        "" if data.get("jury_demand") in (None, "None") else clean(data.get("jury_demand"))
    )
    judges = {(cj.judge.name, cj.role) for cj in case.case_judges.select_related("judge")}
    wanted_judges = set()
    if data.get("assigned_to_str") and data["assigned_to_str"] != "Not Assigned":
        wanted_judges.add((data["assigned_to_str"], "presiding"))
    if data.get("referred_to_str"):
        wanted_judges.add((data["referred_to_str"], "magistrate"))
    wanted_judges |= {(judge, "panel") for judge in data.get("panel") or []}
    assert judges == wanted_judges

    # Every entry, in the report's order: number, dates, text, the court's ids.
    entries = list(DocketEntry.objects.filter(case=case).order_by("pk"))
    assert [
        (e.number, e.filed_date, e.date_entered, e.text, e.pacer_doc_id, e.pacer_seq_no)
        for e in entries
    ] == [
        (
            int(item["document_number"]) if item.get("document_number") else None,
            day(item["date_filed"]),
            day(item.get("date_entered")),
            item["description"].replace("\xa0", " ").strip(),
            item.get("pacer_doc_id") or "",
            item.get("pacer_seq_no") or "",
        )
        for item in data["docket_entries"]
    ]
    assert all(e.source == DocketSource.PACER for e in entries)
    # Each entry is on the timeline (one event each), like an entry typed in the admin.
    assert CaseEvent.objects.filter(case=case, kind=EventKind.DOCKET_ENTRY_ADDED).count() == len(
        entries
    )

    # Every party, with the docket's own role, terminated date and description.
    stored = {(cp.party.name, cp.docket_role): cp for cp in CaseParty.objects.filter(case=case)}
    assert len(stored) == len(data["parties"])
    for party in data["parties"]:
        case_party = stored[(clean(party["name"]), clean(party["type"]))]
        assert case_party.terminated_date == day(party.get("date_terminated"))
        assert case_party.extra_info == (party.get("extra_info") or "").strip()
        # Every attorney of that party, with the role lines and contact the docket gives.
        reps = {r.attorney.name: r for r in case_party.representations.select_related("attorney")}
        assert sorted(reps) == sorted({clean(a["name"]) for a in party.get("attorneys", [])})
        for attorney in party.get("attorneys", []):
            rep = reps[clean(attorney["name"])]
            assert rep.docket_roles == "; ".join(clean(r) for r in attorney["roles"])
            assert rep.contact == attorney["contact"].replace("\xa0", " ").strip()

    # The same report again changes nothing at all, history included.
    before = snapshot()
    output = run(PACER_DIR / f"{name}.html")
    assert "no change to" in output
    after = snapshot()
    assert after.pop("cases_docketimport") == before.pop("cases_docketimport") + 1
    assert after == before


def test_the_courts_come_from_courts_db_with_level_state_zone_and_the_court_above():
    run(PACER_DIR / "appellate_ca1.html", PACER_DIR / "district_casd.html")
    run(PACER_DIR / "district_jpml.html")
    ca1 = Court.objects.get(code="ca1")
    assert (ca1.level, ca1.state, ca1.time_zone) == (
        CourtLevel.FEDERAL_APPELLATE,
        "MA",
        "America/New_York",
    )
    assert ca1.appeals_to.code == "scotus"
    assert ca1.appeals_to.level == CourtLevel.FEDERAL_SUPREME
    casd = Court.objects.get(code="casd")
    assert (casd.short_name, casd.state, casd.time_zone) == (
        "S.D. Cal.",
        "CA",
        "America/Los_Angeles",
    )
    assert casd.appeals_to.code == "ca9"
    assert Court.objects.get(code="jpml").level == CourtLevel.JPML
    assert Case.objects.get(court__code="jpml").case_type == CaseType.MDL
    assert Case.objects.get(court__code="ca1").case_type == CaseType.APPEAL
    assert Case.objects.get(court__code="casd").case_type == CaseType.CRIMINAL


def test_the_docket_roles_map_onto_the_trackers_roles():
    run(PACER_DIR / "appellate_ca1.html", PACER_DIR / "district_casd.html")
    roles = dict(CaseParty.objects.values_list("docket_role", "role"))
    assert roles["Appellant"] == PartyRole.APPELLANT
    assert roles["Interested Party"] == PartyRole.INTERESTED_PARTY
    assert roles["Material Witness"] == PartyRole.OTHER
    lead = Representation.objects.filter(docket_roles__contains="LEAD ATTORNEY")
    assert lead.exists() and all(r.role == "lead" for r in lead)
    # "TERMINATED: 11/02/2016" ends the representation on that day.
    federal_defenders = Representation.objects.get(attorney__name="Federal Defenders")
    assert federal_defenders.end_date == datetime.date(2016, 11, 2)
    assert federal_defenders.firm.name == "Federal Defenders of San Diego"
    assert Attorney.objects.get(name="Benjamin L Coleman").email == "blc@colemanbalogh.com"


def test_a_report_on_a_case_the_tracker_has_updates_it_in_place(seeded):
    """The seeded MDL member in N.D. Ill. is matched however its number is spelled."""
    court = Court.objects.get(code="ilnd")
    case = Case.objects.create(
        caption="Pursley v. Williams",
        short_name="Pursley",
        slug="pursley",
        docket_number="15-cv-4313",
        court=court,
    )
    run(PACER_DIR / "district_ilnd_310470.html")
    case.refresh_from_db()
    assert Case.objects.filter(court=court, short_name__startswith="Pursley").count() == 1
    assert case.short_name == "Pursley"  # an editor's name is kept
    assert case.cause == "42:1983 Prisoner Civil Rights"
    assert case.docket_entries.count() == 1
    assert case.case_parties.count() == 12


def test_case_option_must_match_the_report(seeded):
    renderos = Case.objects.get(docket_number="4:21-cv-04572")
    before = snapshot()
    with pytest.raises(CommandError) as error:
        run(PACER_DIR / "district_cand.html", case=renderos.slug)
    assert snapshot() == before
    assert "No. 3:08-cv-00159" in str(error.value) or "not imported" in str(error.value)


def test_case_option_names_an_unknown_slug():
    with pytest.raises(CommandError, match="no case with the slug 'nope'"):
        run(PACER_DIR / "district_cand.html", case="nope")


def test_a_dry_run_says_what_it_would_do_and_writes_nothing():
    before = snapshot()
    output = run(PACER_DIR / "district_cand.html", dry_run=True)
    assert "would create Balbo v. Tilton: 3 entries added" in output
    assert "Party: John Michael Balbo (Petitioner)." in output
    assert "Dry run: nothing was written." in output
    assert snapshot() == before


# --- Later reports ----------------------------------------------------------------------------


def entry_rows(tree) -> list:
    """The rows of the docket-entries table (those with a date cell and a text cell)."""
    table = next(t for t in tree.iter("table") if "docket text" in t.text_content().lower()[:400])
    return [row for row in table.iter("tr") if re.search(r"\d+/\d+/\d{4}", row.text_content())]


def edited_report(tmp_path: Path, name: str, edit) -> Path:
    tree = lxml_html.fromstring((PACER_DIR / f"{name}.html").read_bytes())
    edit(entry_rows(tree))
    path = tmp_path / f"{name}-edited.html"
    path.write_bytes(lxml_html.tostring(tree, encoding="utf-8", doctype="<!DOCTYPE html>"))
    return path


@pytest.mark.django_db(transaction=True)
def test_a_later_report_mails_only_its_new_entries_once(tmp_path, smtp, django_user_model):
    def cut_last_three(rows):
        for row in rows[-3:]:
            row.getparent().remove(row)

    earlier = edited_report(tmp_path, "district_casd", cut_last_three)
    assert "42 entries added" in run(earlier)
    case = Case.objects.get(court__code="casd")
    bob = django_user_model.objects.create_user("bob", "bob@example.org", "pw")
    alert_services.subscription_follow(user=bob, case=case, docket_entries=True)
    events_before = CaseEvent.objects.filter(case=case).count()

    assert "3 entries added, 0 changed, 42 unchanged" in run(PACER_DIR / "district_casd.html")
    new = CaseEvent.objects.filter(case=case).order_by("pk")[events_before:]
    assert [e.kind for e in new] == [EventKind.DOCKET_ENTRY_ADDED] * 3
    last_three = [
        int(e["document_number"]) for e in expected("district_casd")["docket_entries"][-3:]
    ]
    assert [e.docket_entry.number for e in new] == last_three
    mails = smtp.inbox.to("bob@example.org")
    assert len(mails) == 3
    assert all(
        str(m["Subject"]).startswith("[United States v. Delatorre-Rivera] Docket entry 4")
        for m in mails
    )

    run(PACER_DIR / "district_casd.html")
    assert len(smtp.inbox.to("bob@example.org")) == 3
    assert CaseEvent.objects.filter(case=case).count() == events_before + 3


def test_a_changed_text_is_kept_in_history_and_a_vanished_entry_is_flagged(tmp_path, client):
    run(PACER_DIR / "district_cand.html")
    case = Case.objects.get(court__code="cand")

    def edit(rows):
        cell = rows[0].findall("td")[-1]
        for child in list(cell):
            cell.remove(child)
        cell.text = "PETITION for Writ of Habeas Corpus, as corrected by the clerk."
        rows[1].getparent().remove(rows[1])

    output = run(edited_report(tmp_path, "district_cand", edit), verbosity=2)
    assert "1 changed, 1 unchanged, 1 no longer on the docket (kept, flagged)" in output
    first = case.docket_entries.get(number=1)
    assert first.text == "PETITION for Writ of Habeas Corpus, as corrected by the clerk."
    history = list(first.history.order_by("history_date"))
    assert history[0].text.startswith("PETITION for Writ of Habeas Corpus (ifpp).")
    assert history[-1].text == first.text
    assert history[-1].history_change_reason.startswith("Text changed in the PACER docket report")
    second = case.docket_entries.get(number=2)  # kept, flagged with the report's date
    assert second.missing_from_source_since is not None
    page = client.get(case.get_absolute_url()).content.decode()
    assert "no longer on the docket since" in page

    run(PACER_DIR / "district_cand.html")  # back in the full report: no longer flagged
    second.refresh_from_db()
    assert second.missing_from_source_since is None
    assert case.docket_entries.count() == 3


def test_the_case_page_says_where_its_docket_comes_from(client, django_assert_max_num_queries):
    run(PACER_DIR / "district_nysd.html")
    case = Case.objects.get(court__code="nysd")
    assert DocketImport.objects.filter(case=case).first().report_date == datetime.date(2017, 6, 30)
    with django_assert_max_num_queries(13):
        page = client.get(case.get_absolute_url()).content.decode()
    assert "Imported from PACER, report of" in page and "30 June 2017" in page
    assert page.count('<span class="imported">from PACER</span>') == 20
    assert "470 Racketeer/Corrupt Organization" in page
    assert "Sarah Netburn" in page


# --- Files that are not docket reports --------------------------------------------------------


def broken_files(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    nysd = (PACER_DIR / "district_nysd.html").read_bytes()
    cand = (PACER_DIR / "district_cand.html").read_text()
    files = {
        "empty": (b"", "The file is empty."),
        "article": (
            (ROOT.parent / "shared" / "data" / "seed-article.txt").read_bytes()[:20000]
            if (ROOT.parent / "shared" / "data" / "seed-article.txt").exists()
            else b"<html><body><h1>News</h1><p>Clearview AI was sued.</p></body></html>",
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


def test_an_appeal_is_linked_to_the_lower_courts_case_the_tracker_has(client):
    from cases.importers.courts import court_for_federal_id
    from cases.models import CaseLink
    from tests import factories

    lower = factories.case(court_for_federal_id("mad"), docket_number="1:09-cv-11783")
    output = run(PACER_DIR / "appellate_ca1.html", verbosity=2)
    assert "Related case: appeal from D. Mass. 1:09-cv-11783." in output
    link = CaseLink.objects.get(to_case=lower)
    assert (link.kind, link.from_case.docket_number) == ("appeal_from", "10-1095")
    assert link.date == datetime.date(2010, 1, 20)  # the notice of appeal
    page = client.get(lower.get_absolute_url()).content.decode()
    assert "Appealed to" in page and "10-1095" in page
    run(PACER_DIR / "appellate_ca1.html")  # again: no second link
    assert CaseLink.objects.filter(to_case=lower).count() == 1


def test_a_report_run_for_some_documents_flags_only_what_it_should_have_listed(tmp_path):
    """PACER's "Starting with document: 44": entries before 44 are not gone, only unlisted."""
    run(PACER_DIR / "district_casd.html")
    case = Case.objects.get(court__code="casd")
    last_numbers = [int(e["document_number"]) for e in expected("district_casd")["docket_entries"]]
    first_kept = last_numbers[-3]

    def keep_last_three_but_one(rows):
        for row in rows[:-3] + [rows[-2]]:
            row.getparent().remove(row)

    partial = edited_report(tmp_path, "district_casd", keep_last_three_but_one)
    text = partial.read_text().replace(
        "Starting with document: 1", f"Starting with document: {first_kept}"
    )
    partial.write_text(text)
    output = run(partial)
    assert "0 entries added, 0 changed, 2 unchanged, 1 no longer on the docket" in output
    flagged = case.docket_entries.exclude(missing_from_source_since=None)
    assert list(flagged.values_list("number", flat=True)) == [last_numbers[-2]]


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
