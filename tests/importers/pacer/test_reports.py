"""Each shared report imported as juriscraper reads it; its courts, roles and options."""

from __future__ import annotations

import datetime

import pytest
from django.core.management import CommandError

from cases.models import (
    Case,
    CaseEvent,
    CaseType,
    Court,
    CourtLevel,
    DocketEntry,
    DocketSource,
    EventKind,
)
from parties.models import Attorney, CaseParty, PartyRole, Representation
from tests.importers.pacer.reports import (
    PACER_DIR,
    REPORTS,
    clean,
    day,
    expected,
    run,
    snapshot,
    stored_case,
)

pytestmark = pytest.mark.django_db


def test_the_shared_reports_are_there():
    # Seven reports, each with juriscraper's JSON: a missing folder must fail, not skip.
    assert len(REPORTS) >= 7, f"no PACER reports found in {PACER_DIR}"
    assert all((PACER_DIR / f"{name}.json").exists() for name in REPORTS)


def assert_case_as_read(case: Case, data: dict) -> None:
    """The case's own fields and its judges are those juriscraper read."""
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


def assert_entries_as_read(case: Case, data: dict) -> None:
    """Every entry, in the report's order: number, dates, text, the court's ids."""
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


def assert_parties_as_read(case: Case, data: dict) -> None:
    """Every party, with the docket's own role, terminated date and description."""
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


@pytest.mark.parametrize("name", REPORTS)
def test_each_report_is_stored_as_juriscraper_reads_it_and_a_reimport_changes_nothing(name):
    data = expected(name)
    output = run(PACER_DIR / f"{name}.html")
    assert f"created {clean(data['case_name'])}" in output

    case = stored_case(data)
    assert_case_as_read(case, data)
    assert_entries_as_read(case, data)
    assert_parties_as_read(case, data)

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
