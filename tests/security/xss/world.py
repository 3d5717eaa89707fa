"""The world of the XSS tests: every free-text field a reader sees, typed into the admin."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.test import Client

from alerts import services as alert_services
from alerts.models import AlertSettings
from cases.models import Case, CaseLink, Court, Deadline, DocketEntry, Judge, Motion, Ruling
from parties.models import Attorney, CaseParty, LawFirm, Party, Representation
from tests.security.xss.admin_entry import admin_save, web_address


@dataclass
class World:
    payload: str
    court: Court
    judge: Judge
    case: Case
    other: Case
    party: Party
    firm: LawFirm
    attorney: Attorney
    entry: DocketEntry
    motion: Motion
    ruling: Ruling
    deadline: Deadline
    reader: User  # follows the case, alerts at once
    digest_reader: User  # follows the case, one daily digest

    @property
    def texts(self) -> dict[str, str]:
        """Label -> value of what was typed (``payload`` in each)."""
        return {
            "court name": self.court.name,
            "court short name": self.court.short_name,
            "judge name": self.judge.name,
            "case short name": self.case.short_name,
            "case caption": self.case.caption,
            "party name": self.party.name,
            "law firm name": self.firm.name,
            "attorney name": self.attorney.name,
            "docket entry text": self.entry.text,
            "motion title": self.motion.title,
            "ruling title": self.ruling.title,
            "ruling summary": self.ruling.summary,
            "deadline title": self.deadline.title,
        }


def days_from(today: datetime.date, days: int) -> str:
    return (today + datetime.timedelta(days=days)).isoformat()


def enter_court_and_judge(client: Client, p: str) -> tuple[Court, Judge]:
    """Type the court and its judge into the admin."""
    admin_save(
        client,
        "cases/court",
        {
            "code": "xss-court",
            "name": f"Court {p}",
            "short_name": f"Ct {p}",
            "level": "federal_district",
            "state": "IL",
            "time_zone": "America/Chicago",
            "holiday_calendar": "us_federal",
        },
    )
    court = Court.objects.get(code="xss-court")
    admin_save(
        client, "cases/judge", {"name": f"Judge {p}", "court": court.pk, "title": f"Title {p}"}
    )
    return court, Judge.objects.get(court=court)


def enter_cases(client: Client, p: str, court: Court) -> tuple[Case, Case]:
    """Type the case and the other case (the one it links to) into the admin."""
    case_values = {
        "court": court.pk,
        "case_type": "civil",
        "status": "filed",
        "filed_date": "2021-01-04",
    }
    admin_save(
        client,
        "cases/case",
        case_values
        | {
            "caption": f"Caption {p}",
            "short_name": f"Case {p}",
            "slug": "xss-case",
            "docket_number": f"No. {p}",
            "summary": f"Summary {p}",
            "causes_of_action": f"Cause {p}",
            "relief_sought": f"Relief {p}",
            "sources": web_address(p),
        },
    )
    admin_save(
        client,
        "cases/case",
        case_values
        | {
            "caption": f"Other caption {p}",
            "short_name": f"Other {p}",
            "slug": "xss-other",
            "docket_number": f"No. 2 {p}",
        },
    )
    return Case.objects.get(slug="xss-case"), Case.objects.get(slug="xss-other")


def follow(case: Case) -> tuple[User, User]:
    """Create the two readers who follow the case: one alerted at once, one by daily digest."""
    reader = User.objects.create_user("bob", "bob@example.org", "pw")
    alert_services.subscription_follow(user=reader, case=case, docket_entries=True)
    digest_reader = User.objects.create_user("carol", "carol@example.org", "pw")
    AlertSettings.objects.create(
        user=digest_reader, delivery="digest", digest_hour=0, time_zone="UTC"
    )
    alert_services.subscription_follow(user=digest_reader, case=case, docket_entries=True)
    return reader, digest_reader


def enter_status_and_judge(
    client: Client, p: str, case: Case, judge: Judge, today: datetime.date
) -> None:
    """Type a status change with a note, and the presiding judge, into the case's admin."""
    admin_save(
        client,
        "cases/case",
        {
            "status": "active",
            "status_effective_date": days_from(today, -2),
            "status_note": f"Status note {p}",
        },
        obj=case,
    )
    admin_save(client, "cases/casejudge", {"case": case.pk, "judge": judge.pk, "role": "presiding"})


def enter_parties(client: Client, p: str, case: Case) -> tuple[Party, LawFirm, Attorney, CaseParty]:
    """Type a party, a firm and an attorney, and the party's role in the case with its counsel."""
    url = web_address(p)
    admin_save(
        client,
        "parties/party",
        {
            "name": f"Party {p}",
            "kind": "organization",
            "description": f"Description {p}",
            "sources": url,
        },
    )
    party = Party.objects.get(name=f"Party {p}")
    admin_save(client, "parties/lawfirm", {"name": f"Firm {p}", "city": f"City {p}"})
    firm = LawFirm.objects.get(name=f"Firm {p}")
    admin_save(
        client,
        "parties/attorney",
        {"name": f"Attorney {p}", "firm": firm.pk, "email": "counsel@example.org"},
    )
    attorney = Attorney.objects.get(name=f"Attorney {p}")
    admin_save(
        client,
        "parties/caseparty",
        {
            "case": case.pk,
            "party": party.pk,
            "role": "plaintiff",
            "note": f"Role note {p}",
            "extra_info": f"Extra info {p}",
            "representations-TOTAL_FORMS": "1",
            "representations-0-attorney": attorney.pk,
            "representations-0-firm": firm.pk,
            "representations-0-role": "lead",
            "representations-0-sources": url,
        },
    )
    case_party = CaseParty.objects.get(case=case, party=party)
    assert Representation.objects.filter(case_party=case_party).exists()
    return party, firm, attorney, case_party


def enter_entry_and_motion(
    client: Client, p: str, case: Case, case_party: CaseParty, today: datetime.date
) -> tuple[DocketEntry, Motion]:
    """Type a docket entry, and the party's motion filed with it."""
    url = web_address(p)
    admin_save(
        client,
        "cases/docketentry",
        {
            "case": case.pk,
            "number": "1",
            "filed_date": days_from(today, -3),
            "text": f"Entry {p}",
            "document_url": url,
            "sources": url,
        },
    )
    entry = DocketEntry.objects.get(case=case)
    admin_save(
        client,
        "cases/motion",
        {
            "case": case.pk,
            "title": f"Motion {p}",
            "kind": "other",
            "filed_date": days_from(today, -3),
            "movants": [case_party.pk],
            "docket_entry": entry.pk,
            "summary": f"Motion summary {p}",
            "sources": url,
        },
    )
    return entry, Motion.objects.get(case=case)


def enter_ruling(
    client: Client, p: str, case: Case, judge: Judge, motion: Motion, today: datetime.date
) -> Ruling:
    """Type the judge's ruling granting the motion."""
    url = web_address(p)
    admin_save(
        client,
        "cases/ruling",
        {
            "case": case.pk,
            "title": f"Ruling {p}",
            "kind": "order",
            "date": days_from(today, -1),
            "judge": judge.pk,
            "summary": f"Ruling summary zebrafish {p}",
            "citation": f"Cit {p}",
            "document_url": url,
            "sources": url,
            f"outcome_{motion.pk}": "granted",
        },
        query=f"?case={case.pk}",
    )
    return Ruling.objects.get(case=case)


def enter_deadline_and_link(
    client: Client, p: str, case: Case, other: Case, motion: Motion, today: datetime.date
) -> Deadline:
    """Type a deadline of the motion, five days away, and a link to the other case."""
    url = web_address(p)
    admin_save(
        client,
        "cases/deadline",
        {
            "case": case.pk,
            "motion": motion.pk,
            "title": f"Deadline {p}",
            "kind": "response",
            "status": "open",
            "basis": "set_by_order",
            "due_date": days_from(today, 5),
            "due_time": "16:00",
            "rule": f"Rule {p}",
            "sources": url,
        },
    )
    deadline = Deadline.objects.get(case=case)
    admin_save(
        client,
        "cases/caselink",
        {
            "from_case": case.pk,
            "to_case": other.pk,
            "kind": "related",
            "date": days_from(today, -1),
            "note": f"Link note {p}",
            "sources": url,
        },
    )
    assert CaseLink.objects.filter(from_case=case, to_case=other).exists()
    return deadline


def build_world(client: Client, payload: str, *, today: datetime.date) -> World:
    """Every free-text field a reader sees, typed into the admin with ``payload`` in it."""
    p = payload
    court, judge = enter_court_and_judge(client, p)
    case, other = enter_cases(client, p, court)
    # Readers follow the case before anything else happens in it.
    reader, digest_reader = follow(case)
    enter_status_and_judge(client, p, case, judge, today)
    party, firm, attorney, case_party = enter_parties(client, p, case)
    entry, motion = enter_entry_and_motion(client, p, case, case_party, today)
    ruling = enter_ruling(client, p, case, judge, motion, today)
    deadline = enter_deadline_and_link(client, p, case, other, motion, today)
    for row in (court, judge, case, other, party, firm, attorney, entry, motion, ruling):
        row.refresh_from_db()
    return World(
        payload=p,
        court=court,
        judge=judge,
        case=case,
        other=other,
        party=party,
        firm=firm,
        attorney=attorney,
        entry=entry,
        motion=motion,
        ruling=ruling,
        deadline=deadline,
        reader=reader,
        digest_reader=digest_reader,
    )
