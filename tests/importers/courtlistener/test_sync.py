"""The sync: a real HTTP server, rows in PostgreSQL."""

from __future__ import annotations

import pytest
from django.db import transaction

from alerts import services as alert_services
from cases.importers import courtlistener as cl
from cases.models import Case, CaseEvent, CaseJudge, DocketEntry, DocketImport, EventKind
from parties.models import CaseParty, PartyRole, Representation, RepresentationRole
from tests.importers.courtlistener.payloads import (
    API,
    AUTH,
    DOCKET_ID,
    ENTRIES,
    TOKEN,
    D,
    cl_docket,
    cl_entry,
)
from tests.importers.courtlistener.server import snapshot


def assert_entries_written(thornley: Case, events_before: int) -> None:
    """The five entries are the case's, each with its CourtListener id and an event."""
    entries = DocketEntry.objects.filter(case=thornley).order_by("filed_date", "pk")
    assert [(e.number, e.courtlistener_id, e.source) for e in entries] == [
        (1, 9001, "courtlistener"),
        (2, 9002, "courtlistener"),
        (3, 9003, "courtlistener"),
        (4, 9004, "courtlistener"),
        (None, 9005, "courtlistener"),
    ]
    assert entries[1].text == "CIVIL Cover Sheet"
    assert entries[0].document_url == (
        "https://www.courtlistener.com/docket/67890/1/thornley-v-clearview-ai-inc/"
    )
    assert (entries[0].pacer_doc_id, entries[0].pacer_seq_no) == ("0679001", "10")
    # Each new entry is an event (and so reaches the followers), as when an editor types it.
    new_events = CaseEvent.objects.filter(case=thornley).order_by("pk")[events_before:]
    assert [e.kind for e in new_events] == [EventKind.DOCKET_ENTRY_ADDED] * 5


def assert_parties_and_counsel_written(thornley: Case) -> None:
    """The two parties are the case's, with their three attorneys, roles and firms."""
    parties = {(cp.party.name, cp.role): cp for cp in CaseParty.objects.filter(case=thornley)}
    assert set(parties) == {
        ("Melissa Thornley", PartyRole.PLAINTIFF),
        ("Clearview AI, Inc.", PartyRole.DEFENDANT),
    }
    counsel = {
        r.attorney.name: r
        for r in Representation.objects.filter(case_party__case=thornley).select_related(
            "attorney", "firm", "case_party__party"
        )
    }
    assert set(counsel) == {"Scott R. Drury", "Lee Wolosky", "Precious S. Jacobs-Perry"}
    drury = counsel["Scott R. Drury"]
    assert drury.case_party.party.name == "Melissa Thornley"
    assert (drury.role, drury.docket_roles) == (
        RepresentationRole.LEAD,
        "ATTORNEY TO BE NOTICED; LEAD ATTORNEY",
    )
    assert drury.firm.name == "Loevy & Loevy"
    assert drury.attorney.email == "drury@loevy.com"
    assert counsel["Lee Wolosky"].role == RepresentationRole.PRO_HAC_VICE
    assert counsel["Lee Wolosky"].attorney.email == "lwolosky@jenner.com"
    assert counsel["Lee Wolosky"].firm.name == "Jenner & Block LLP"
    assert counsel["Precious S. Jacobs-Perry"].end_date == D(2021, 3, 4)


def assert_case_written(thornley: Case) -> None:
    """The judges, the case's own fields, its sync state and the import record."""
    assert sorted(CaseJudge.objects.filter(case=thornley).values_list("judge__name", "role")) == [
        ("Maria Valdez", "magistrate"),
        ("Sharon Johnson Coleman", "presiding"),
    ]
    thornley.refresh_from_db()
    assert (thornley.cause, thornley.nature_of_suit, thornley.jurisdiction) == (
        "28:1332 Diversity-Other Contract",
        "890 Other Statutory Actions",
        "Diversity",
    )
    assert thornley.courtlistener_synced_at is not None
    assert thornley.courtlistener_sync_error == ""
    assert DocketImport.objects.filter(case=thornley, source="courtlistener").count() == 1


@pytest.mark.django_db(transaction=True)
def test_a_sync_writes_the_docket_through_the_merge_and_again_changes_nothing(
    courtlistener, client_cl, thornley
):
    courtlistener.serve()
    events_before = CaseEvent.objects.filter(case=thornley).count()
    report = cl.courtlistener_docket_sync(case=thornley, client=client_cl)

    assert report.counts["entries_added"] == 5
    # Both pages of entries were read, the second through the first one's "next" cursor.
    pages = courtlistener.requests_to("docket-entries/")
    assert [r.args.get("cursor") for r in pages] == [None, "docket-entries-page-1"]
    assert all(r.headers["Authorization"] == f"Token {TOKEN}" for r, _ in courtlistener.server.log)
    assert_entries_written(thornley, events_before)
    assert_parties_and_counsel_written(thornley)
    assert_case_written(thornley)

    before = snapshot(thornley)
    again = cl.courtlistener_docket_sync(case=thornley, client=client_cl)
    assert not again.changed_anything, again.summary()
    assert again.counts["entries_unchanged"] == 5
    assert snapshot(thornley) == before


@pytest.mark.django_db(transaction=True)
def test_a_new_entry_on_a_later_sync_is_one_event_and_one_email(
    courtlistener, client_cl, thornley, smtp, django_user_model
):
    courtlistener.serve()
    cl.courtlistener_docket_sync(case=thornley, client=client_cl)
    bob = django_user_model.objects.create_user("bob", "bob@example.org", "pw")
    alert_services.subscription_follow(user=bob, case=thornley, docket_entries=True)
    events_before = CaseEvent.objects.filter(case=thornley).count()
    assert smtp.inbox.messages == []

    courtlistener.server.clear()
    later = cl_entry(9006, 5, "2020-10-01", "NOTICE of Appeal to the Seventh Circuit")
    courtlistener.serve(entry_pages=[ENTRIES[:3], [*ENTRIES[3:], later]])
    report = cl.courtlistener_docket_sync(case=thornley, client=client_cl)

    assert report.counts["entries_added"] == 1
    new = list(CaseEvent.objects.filter(case=thornley).order_by("pk")[events_before:])
    assert [(e.kind, e.docket_entry.courtlistener_id) for e in new] == [
        (EventKind.DOCKET_ENTRY_ADDED, 9006)
    ]
    mails = smtp.inbox.to("bob@example.org")
    assert len(mails) == 1
    assert str(mails[0]["Subject"]).startswith("[Thornley v. Clearview AI] Docket entry 5")

    cl.courtlistener_docket_sync(case=thornley, client=client_cl)
    assert len(smtp.inbox.messages) == 1
    assert CaseEvent.objects.filter(case=thornley).count() == events_before + 1


@pytest.mark.django_db(transaction=True)
def test_a_429_is_waited_out_for_its_retry_after(courtlistener, client_cl, sleeps, thornley):
    courtlistener.server.expect_oneshot_request(
        f"{API}dockets/{DOCKET_ID}/", headers=AUTH
    ).respond_with_json(
        {"detail": "Request was throttled."}, status=429, headers={"Retry-After": "7"}
    )
    courtlistener.serve()

    report = cl.courtlistener_docket_sync(case=thornley, client=client_cl)

    assert sleeps == [7.0]
    assert len(courtlistener.requests_to(f"dockets/{DOCKET_ID}/")) == 2
    assert report.counts["entries_added"] == 5
    thornley.refresh_from_db()
    assert thornley.courtlistener_sync_error == ""


@pytest.mark.django_db(transaction=True)
def test_a_429_asking_too_long_a_wait_is_recorded_and_nothing_is_written(
    courtlistener, client_cl, sleeps, thornley
):
    courtlistener.server.expect_oneshot_request(f"{API}parties/", headers=AUTH).respond_with_json(
        {"detail": "Throttled."}, status=429, headers={"Retry-After": "3600"}
    )
    courtlistener.serve()
    before = snapshot(thornley)

    with pytest.raises(cl.CourtListenerRateLimited):
        cl.courtlistener_docket_sync(case=thornley, client=client_cl)

    assert sleeps == []  # not waited (over the 60 s bound), not hammered
    thornley.refresh_from_db()
    assert "429 Too Many Requests for parties/" in thornley.courtlistener_sync_error
    assert "retry after 3600 s" in thornley.courtlistener_sync_error
    assert thornley.courtlistener_synced_at is None
    assert snapshot(thornley) == before


@pytest.mark.django_db(transaction=True)
def test_a_passing_5xx_is_retried_with_backoff(courtlistener, client_cl, sleeps, thornley):
    cursor = {"docket": str(DOCKET_ID), "page_size": "100", "cursor": "docket-entries-page-1"}
    courtlistener.server.expect_oneshot_request(
        f"{API}docket-entries/", query_string=cursor
    ).respond_with_data("upstream timeout", status=503)
    courtlistener.serve()

    report = cl.courtlistener_docket_sync(case=thornley, client=client_cl)

    assert sleeps == [1.0]
    assert report.counts["entries_added"] == 5


@pytest.mark.django_db(transaction=True)
def test_a_persistent_500_gives_up_records_the_error_and_writes_nothing(
    courtlistener, client_cl, sleeps, thornley, editor_client
):
    cursor = {"docket": str(DOCKET_ID), "page_size": "100", "cursor": "docket-entries-page-1"}
    courtlistener.server.expect_request(
        f"{API}docket-entries/", query_string=cursor
    ).respond_with_data("Internal Server Error", status=500)
    courtlistener.serve()  # the first page, the docket and the parties would all be fine
    before = snapshot(thornley)

    with pytest.raises(cl.CourtListenerError, match="500 Internal Server Error"):
        cl.courtlistener_docket_sync(case=thornley, client=client_cl)

    assert sleeps == [1.0, 2.0, 4.0]
    assert len(courtlistener.requests_to("docket-entries/")) == 1 + 4
    assert courtlistener.requests_to("parties/") == []  # it stopped there
    thornley.refresh_from_db()
    assert thornley.courtlistener_sync_error.endswith(
        "CourtListener answered 500 Internal Server Error for docket-entries/?docket=67890&"
        "page_size=100&cursor=docket-entries-page-1, 4 times in a row; gave up (the next sync "
        "tries again)."
    )
    assert thornley.courtlistener_synced_at is None
    assert snapshot(thornley) == before
    assert DocketImport.objects.count() == 0
    # The admin shows it.
    page = editor_client.get(f"/admin/cases/case/{thornley.pk}/change/").content.decode()
    assert "4 times in a row; gave up" in page


@pytest.mark.django_db(transaction=True)
def test_a_refused_token_and_a_missing_docket_are_clear_errors(courtlistener, client_cl, thornley):
    courtlistener.server.expect_request(f"{API}dockets/{DOCKET_ID}/").respond_with_json(
        {"detail": "Invalid token."}, status=401
    )
    with pytest.raises(cl.CourtListenerError, match="check COURTLISTENER_TOKEN"):
        cl.courtlistener_docket_sync(case=thornley, client=client_cl)
    thornley.refresh_from_db()
    assert "(401: Invalid token.)" in thornley.courtlistener_sync_error

    courtlistener.server.clear()
    courtlistener.server.expect_request(f"{API}dockets/{DOCKET_ID}/").respond_with_json(
        {"detail": "No Docket matches the given query."}, status=404
    )
    with pytest.raises(cl.CourtListenerError, match="nothing at dockets/67890/"):
        cl.courtlistener_docket_sync(case=thornley, client=client_cl)


@pytest.mark.django_db(transaction=True)
def test_a_docket_of_another_court_is_refused_whole(courtlistener, client_cl, thornley):
    courtlistener.serve(docket=cl_docket(court_id="cand"))
    before = snapshot(thornley)
    with pytest.raises(Exception, match="is a case of"):
        cl.courtlistener_docket_sync(case=thornley, client=client_cl)
    thornley.refresh_from_db()
    assert "This docket is from" in thornley.courtlistener_sync_error
    assert snapshot(thornley) == before


@pytest.mark.django_db(transaction=True)
def test_a_next_page_on_another_site_is_not_followed(courtlistener, client_cl, thornley):
    elsewhere = "http://198.51.100.7/api/rest/v4/docket-entries/?cursor=x"
    courtlistener.serve()
    courtlistener.server.clear()
    courtlistener.server.expect_request(f"{API}dockets/{DOCKET_ID}/").respond_with_json(cl_docket())
    courtlistener.server.expect_request(f"{API}docket-entries/").respond_with_json(
        {"next": elsewhere, "previous": None, "results": ENTRIES[:1]}
    )
    with pytest.raises(cl.CourtListenerError, match="points to another site"):
        cl.courtlistener_docket_sync(case=thornley, client=client_cl)
    assert DocketEntry.objects.count() == 0


@pytest.mark.django_db(transaction=True)
def test_no_request_is_made_inside_a_transaction(courtlistener, client_cl, thornley):
    courtlistener.serve()
    with transaction.atomic(), pytest.raises(RuntimeError, match="inside a database transaction"):
        cl.courtlistener_docket_sync(case=thornley, client=client_cl)
    assert courtlistener.server.log == []


@pytest.mark.django_db(transaction=True)
def test_a_network_timeout_is_retried_then_recorded(settings, thornley, sleeps):
    # A server that accepts the connection and never answers.
    import socket

    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(8)
        settings.COURTLISTENER_TOKEN = TOKEN
        settings.COURTLISTENER_API_URL = f"http://127.0.0.1:{listener.getsockname()[1]}{API}"
        settings.COURTLISTENER_TIMEOUT = 0.2
        with cl.CourtListenerClient.from_settings(sleep=sleeps) as client:
            client.retries = 1
            with pytest.raises(cl.CourtListenerError, match="did not answer within 0.2 s"):
                cl.courtlistener_docket_sync(case=thornley, client=client)
    assert sleeps == [1.0]
    thornley.refresh_from_db()
    assert "did not answer within 0.2 s for dockets/67890/, 2 times" in (
        thornley.courtlistener_sync_error
    )
