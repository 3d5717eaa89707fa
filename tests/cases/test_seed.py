"""The seed docket: `manage.py load_clearview` loads the sourced Clearview facts, once."""

from __future__ import annotations

import datetime
from io import StringIO
from pathlib import Path

import pytest
import yaml
from django.core.management import CommandError, call_command

from cases.models import (
    Case,
    CaseEvent,
    CaseLink,
    Court,
    DocketEntry,
    EventKind,
    Motion,
    Ruling,
    StatusChange,
)
from cases.seed.loader import DEFAULT_FILE
from parties.models import Attorney, CaseParty, Party, Representation

pytestmark = pytest.mark.django_db

D = datetime.date
MODELS = [
    Court,
    Case,
    CaseLink,
    DocketEntry,
    Motion,
    Ruling,
    StatusChange,
    CaseEvent,
    Party,
    CaseParty,
    Attorney,
    Representation,
]


def load(*args: str) -> str:
    out = StringIO()
    call_command("load_clearview", *args, stdout=out)
    return out.getvalue()


def counts() -> dict[str, int]:
    return {model.__name__: model.objects.count() for model in MODELS}


def test_it_loads_the_whole_docket_with_sources(db):
    # The real command, whatever the ``seeded`` fixture does to save time.
    out = StringIO()
    call_command("load_clearview", stdout=out)
    assert "Loaded clearview.yaml: created" in out.getvalue()
    assert counts() | {"CaseEvent": 0} == {
        "Court": 9,
        "Case": 11,
        "CaseLink": 11,
        "DocketEntry": 41,
        "Motion": 20,
        "Ruling": 21,
        "StatusChange": 25,  # 11 initial + 14 changes
        "CaseEvent": 0,
        "Party": 34,
        "CaseParty": 85,
        "Attorney": 27,
        "Representation": 99,
    }
    assert not Case.objects.filter(sources="").exists()
    assert not Motion.objects.filter(sources="").exists()
    assert not Ruling.objects.filter(sources="").exists()


def test_renderos_in_alameda(seeded):
    case = Case.objects.get(slug="renderos-v-clearview-alameda")
    assert case.docket_number == "RG21096898"
    assert case.court.code == "ca-alameda-superior"
    plaintiffs = set(
        case.case_parties.filter(role="plaintiff").values_list("party__name", flat=True)
    )
    assert {"Mijente Support Committee", "NorCal Resist Fund", "Steven Renderos"} <= plaintiffs
    assert len(plaintiffs) == 6
    assert "Clearview AI, Inc." in set(
        case.case_parties.filter(role="defendant").values_list("party__name", flat=True)
    )
    assert not case.case_judges.exists()  # the trial judge is unconfirmed: left empty
    firms = set(
        Representation.objects.filter(case_party__case=case).values_list("firm__name", flat=True)
    )
    assert {"BraunHagey & Borden LLP", "Just Futures Law"} <= firms
    # Removed, then back in Alameda after the remand; the anti-SLAPP motion was denied.
    assert list(case.status_changes.order_by("pk").values_list("to_status", flat=True))[:2] == [
        "filed",
        "removed",
    ]
    assert case.motions.get(kind="strike").status == "denied"


def test_thornley_stay_of_mandate_and_its_denial(seeded):
    case = Case.objects.get(slug="thornley-v-clearview-ca7")
    assert (case.court.code, case.docket_number) == ("ca7", "20-3249")
    stay = case.motions.get(kind="stay")
    assert stay.filed_date == D(2021, 2, 22)
    assert stay.docket_entry.number == 47
    assert stay.status == "denied"
    assert [m.party.name for m in stay.movants.all()] == ["Clearview AI, Inc."]
    ruling = stay.rulings.get()
    assert ruling.date is None  # exact date unconfirmed: left empty, never invented
    assert ruling.date_note
    assert "biometricupdate.com" in ruling.sources
    appeal_from = case.links_out.get(kind="appeal_from").to_case
    assert (appeal_from.court.code, appeal_from.docket_number) == ("ilnd", "1:20-cv-03843")
    assert Ruling.objects.filter(case=case, citation="984 F.3d 1241").exists()


def test_mdl_interim_lead_counsel(seeded):
    mdl = Case.objects.get(slug="in-re-clearview-mdl")
    assert (mdl.court.code, mdl.docket_number, mdl.case_type) == ("ilnd", "1:21-cv-00135", "mdl")
    assert set(mdl.judges.values_list("name", flat=True)) == {
        "Sharon Johnson Coleman",
        "Maria Valdez",
    }
    appointment = Ruling.objects.get(case=mdl, date=D(2021, 3, 10))
    assert appointment.judge.name == "Sharon Johnson Coleman"
    assert appointment.decisions.get().motion.kind == "appoint_counsel"
    lead = Representation.objects.filter(case_party__case=mdl, role="interim_lead")
    assert {(r.attorney.name, r.firm.name) for r in lead} == {("Scott R. Drury", "Loevy & Loevy")}


def test_the_related_case_graph(seeded):
    def link(slug: str, kind: str) -> str:
        return CaseLink.objects.get(from_case__slug=slug, kind=kind).to_case.slug

    assert link("renderos-v-clearview-alameda", "removed_to") == "renderos-v-clearview-ndcal"
    assert link("renderos-v-clearview-ndcal", "transferred_into_mdl") == "in-re-clearview-mdl"
    assert link("renderos-v-clearview-ndill", "remanded_to") == "renderos-v-clearview-alameda"
    assert link("thornley-v-clearview-cook", "removed_to") == "thornley-v-clearview-ndill"
    assert link("thornley-v-clearview-ndill", "remanded_to") == "thornley-v-clearview-cook"
    assert link("renderos-v-clearview-calctapp", "appeal_from") == "renderos-v-clearview-alameda"
    assert CaseLink.objects.filter(from_case__slug="mutnick-v-clearview-ndill").exists()
    assert Case.objects.filter(slug="aclu-v-clearview-cook", status="settled").exists()


def test_loading_twice_changes_nothing(seeded):
    before = counts()
    history_before = Case.history.count() + Motion.history.count() + Ruling.history.count()
    assert load().strip() == "Nothing to change: the docket is already loaded."
    assert counts() == before
    assert Case.history.count() + Motion.history.count() + Ruling.history.count() == history_before


def test_every_seed_event_was_written_through_the_services(seeded):
    renderos = Case.objects.get(slug="renderos-v-clearview-ndill")
    events = set(renderos.events.values_list("kind", flat=True))
    assert {
        EventKind.CASE_OPENED,
        EventKind.STATUS_CHANGED,
        EventKind.MOTION_FILED,
        EventKind.RULING_ENTERED,
        EventKind.MOTION_DECIDED,
        EventKind.CASE_LINKED,
    } <= events


def _broken_copy(tmp_path: Path, change) -> Path:
    data = yaml.safe_load(DEFAULT_FILE.read_text())
    change(data)
    path = tmp_path / "broken.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False))
    return path


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda d: d["cases"][0].update(colour="red"), "cases[0]: unknown key 'colour'."),
        (lambda d: d["cases"][0].update(status_history=[{"status": "asleep"}]), "'asleep' is not"),
        (
            lambda d: d["cases"][1].update(court="nowhere"),
            "cases[1].court: 'nowhere' is not a court",
        ),
        (lambda d: d["cases"][0].update(filed_date="March 2021"), "is not a date"),
        (lambda d: d["cases"][0].pop("docket_number"), "cases[0].docket_number: required."),
        (
            lambda d: d["cases"][0]["motions"][0].update(movants=["Nobody"]),
            "'Nobody' is not a party of this case",
        ),
        (lambda d: d["links"][0].update(to="no-such-case"), "'no-such-case' is not a case slug"),
        (lambda d: d["cases"][0].update(sources=["X99"]), "'X99' is not a source tag"),
    ],
)
def test_a_bad_file_is_refused_whole_with_its_problems_listed(tmp_path, change, message):
    path = _broken_copy(tmp_path, change)
    with pytest.raises(CommandError) as info:
        load("--file", str(path))
    assert "nothing was written" in str(info.value)
    assert message in str(info.value)
    assert counts() == dict.fromkeys(counts(), 0)


def test_a_rule_broken_while_writing_rolls_everything_back(tmp_path):
    def ruling_before_motion(data):
        thornley = next(c for c in data["cases"] if c["slug"] == "thornley-v-clearview-ca7")
        stay = next(
            r
            for r in thornley["rulings"]
            if r.get("decides", [{}])[0].get("motion") == "stay-mandate"
        )
        stay["date"] = datetime.date(2021, 2, 1)

    path = _broken_copy(tmp_path, ruling_before_motion)
    with pytest.raises(CommandError, match="is before Motion to stay the mandate"):
        load("--file", str(path))
    assert counts() == dict.fromkeys(counts(), 0)


def test_unparseable_and_missing_files(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("cases: [unclosed\n")
    with pytest.raises(CommandError, match="not valid YAML"):
        load("--file", str(bad))
    with pytest.raises(CommandError, match="cannot be read"):
        load("--file", str(tmp_path / "missing.yaml"))


def test_the_seed_alerts_nobody(seeded):
    assert not CaseEvent.objects.filter(dispatched_at__isnull=True).exists()
