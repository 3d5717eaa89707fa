"""Later reports: only their new entries become events and e-mails; changes are kept."""

from __future__ import annotations

import datetime

import pytest

from alerts import services as alert_services
from cases.models import Case, CaseEvent, DocketImport, EventKind
from tests.importers.pacer.reports import PACER_DIR, edited_report, expected, run

pytestmark = pytest.mark.django_db


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
