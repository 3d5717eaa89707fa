"""The data the URLs are filled with: a small docket, the personas, a row of every admin model."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.apps import apps
from django.contrib.auth.models import Group, User
from django.db import models

from alerts import services as alert_services
from alerts.models import AlertSettings, Notification, Subscription
from cases import services
from cases.models import (
    Case,
    CaseEvent,
    CaseJudge,
    CaseNote,
    Court,
    DefaultPeriod,
    DocketImport,
    Judge,
    JudgeRole,
    LinkKind,
    Outcome,
    RuleSetChoice,
    RulingKind,
    StatusChange,
)
from cases.roles import EDITORS_GROUP
from parties import services as party_services
from parties.models import Party, RepresentationRole
from tests import factories
from tests.security.roles.expect import EDITOR, READER, SUPERUSER

D = datetime.date
Rows = dict[tuple[str, str], models.Model]


@dataclass
class World:
    """A small docket, the three signed-in personas, and one row of every model the admin shows."""

    reader: User
    editor: User
    superuser: User
    case: Case
    court: Court
    judge: Judge
    party: Party
    subscription: Subscription  # the reader's, active
    stopped: Subscription  # the reader's, stopped already
    rows: dict[tuple[str, str], models.Model] = field(default_factory=dict)
    # Notes and tags: the reader's private notes on the case, one to edit and one to delete.
    notes: dict[str, CaseNote] = field(default_factory=dict)

    def user(self, role: str) -> User | None:
        return {READER: self.reader, EDITOR: self.editor, SUPERUSER: self.superuser}.get(role)


def build_users() -> tuple[User, User, User, Rows]:
    """Create the reader, the editor (in the Editors group) and the superuser."""
    reader = User.objects.create_user("bob", "bob@example.org")
    editor = User.objects.create_user("alice", "alice@example.org", is_staff=True)
    editors = Group.objects.get(name=EDITORS_GROUP)
    editor.groups.add(editors)
    superuser = User.objects.create_superuser("root", "root@example.org")
    return reader, editor, superuser, {("auth", "user"): reader, ("auth", "group"): editors}


def build_docket(court: Court, judge: Judge, case: Case, other: Case) -> Rows:
    """Create one row of each of the cases app's models around ``case``."""
    case_judge = CaseJudge.objects.create(case=case, judge=judge, role=JudgeRole.PRESIDING)
    link = services.case_link_create(from_case=other, to_case=case, kind=LinkKind.REMANDED_TO)
    entry = services.docket_entry_add(case=case, filed_date=D(2020, 2, 1), text="Complaint.")
    motion = factories.motion(case)
    ruling = services.ruling_record(
        case=case,
        title="Order on the motion to dismiss",
        kind=RulingKind.ORDER,
        date=D(2020, 6, 1),
        decisions=[(motion, Outcome.DENIED)],
    )
    deadline = services.deadline_set(
        case=case, title="Answer due", kind="filing", due_date=D(2030, 1, 15)
    )
    period = DefaultPeriod.objects.create(
        rule_set=RuleSetChoice.FRCP, title="Opposition", period_days=21, rule="L.R. 7.1"
    )
    docket_import = DocketImport.objects.create(case=case, source="pacer", file_name="dkt.html")
    return {
        ("cases", "court"): court,
        ("cases", "judge"): judge,
        ("cases", "case"): case,
        ("cases", "casejudge"): case_judge,
        ("cases", "caselink"): link,
        ("cases", "docketentry"): entry,
        ("cases", "motion"): motion,
        ("cases", "ruling"): ruling,
        ("cases", "rulingmotion"): ruling.decisions.get(),
        ("cases", "deadline"): deadline,
        ("cases", "defaultperiod"): period,
        ("cases", "statuschange"): StatusChange.objects.filter(case=case).first(),
        ("cases", "caseevent"): CaseEvent.objects.filter(case=case).first(),
        ("cases", "docketimport"): docket_import,
    }


def build_parties(case: Case) -> Rows:
    """Create a party of ``case``, a firm, an attorney and their representation."""
    case_party = factories.case_party(case)
    firm = party_services.firm_create(name="BraunHagey & Borden LLP", city="San Francisco")
    attorney = party_services.attorney_create(name="Ellen V. Leonida", firm=firm)
    representation = party_services.representation_add(
        attorney=attorney, case_party=case_party, firm=firm, role=RepresentationRole.LEAD
    )
    return {
        ("parties", "party"): case_party.party,
        ("parties", "caseparty"): case_party,
        ("parties", "lawfirm"): firm,
        ("parties", "attorney"): attorney,
        ("parties", "representation"): representation,
    }


def build_alerts(reader: User, case: Case, other: Case) -> tuple[Subscription, Rows]:
    """Create the reader's settings, an active and a stopped subscription, and a notification.

    Return the stopped subscription and the rows (which hold the active one).
    """
    settings_row = AlertSettings.objects.create(user=reader, time_zone="Europe/Paris")
    subscription = alert_services.subscription_follow(user=reader, case=case)
    stopped = alert_services.subscription_unfollow(
        subscription=alert_services.subscription_follow(user=reader, case=other)
    )
    notification = Notification.objects.create(
        user=reader, kind="event", delivery="immediate", case=case, subject="A new ruling"
    )
    return stopped, {
        ("alerts", "alertsettings"): settings_row,
        ("alerts", "subscription"): subscription,
        ("alerts", "notification"): notification,
    }


def build_notes_and_tags(reader: User, case: Case) -> tuple[Rows, dict[str, CaseNote]]:
    """Tag the case, and give the reader two private notes on it."""
    tag, _, _ = services.case_tag_add(case=case, name="Priority", user=reader)
    notes = {
        purpose: services.note_add(case=case, author=reader, body=f"A note to {purpose}.")
        for purpose in ["edit", "delete"]
    }
    return {("cases", "tag"): tag}, notes


def build_axes_rows() -> Rows:
    """Create django-axes' sign-in records, listed in the admin (none when it is not installed)."""
    if not apps.is_installed("axes"):
        return {}
    access = {
        "user_agent": "test",
        "ip_address": "192.0.2.1",
        "username": "mallory",  # not a persona: signing in clears one's own failures
        "http_accept": "text/html",
        "path_info": "/accounts/login/",
    }
    rows: Rows = {}
    for model, extra in [
        ("accessattempt", {"get_data": "", "post_data": "", "failures_since_start": 1}),
        ("accesslog", {}),
        ("accessfailurelog", {}),
    ]:
        rows[("axes", model)] = apps.get_model("axes", model).objects.create(**access, **extra)
    return rows


def build_world() -> World:
    """Build the personas, the docket, its parties, the reader's alerts and the axes records."""
    reader, editor, superuser, rows = build_users()
    court = factories.court()
    judge = factories.judge(court)
    case = factories.case(court, short_name="Renderos v. Clearview AI")
    other = factories.case(court, short_name="Thornley v. Clearview AI")
    rows |= build_docket(court, judge, case, other)
    rows |= build_parties(case)
    stopped, alerts = build_alerts(reader, case, other)
    rows |= alerts
    tag_rows, notes = build_notes_and_tags(reader, case)
    rows |= tag_rows
    rows |= build_axes_rows()
    return World(
        reader=reader,
        editor=editor,
        superuser=superuser,
        case=case,
        court=court,
        judge=judge,
        party=rows["parties", "party"],
        subscription=rows["alerts", "subscription"],
        stopped=stopped,
        rows=rows,
        notes=notes,
    )
