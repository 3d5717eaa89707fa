"""The dataset the fuzz tests send junk to: two courts, three cases, a reader and a superuser."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.contrib.auth.models import User

from alerts import services as alert_services
from alerts.emails import unsubscribe_token
from cases import services
from cases.analytics.refresh import analytics_refresh
from cases.models import (
    Case,
    CaseJudge,
    Court,
    CourtLevel,
    Deadline,
    DocketEntry,
    Judge,
    Motion,
    Ruling,
)
from parties import services as party_services
from parties.models import CaseParty
from tests import factories

TODAY = datetime.date.today()
READER_PASSWORD = "bobs own long passphrase"  # noqa: S105


@dataclass
class World:
    alpha: str
    beta: str
    gamma: str
    court: str
    judge: int
    party: str
    subscription: int
    token: str
    token_all: str
    pks: dict[str, int]

    def format(self, template: str) -> str:
        return template.format(w=self)


@dataclass
class Docket:
    """The rows the dataset's addresses and admin forms point at."""

    court: Court
    judge: Judge
    alpha: Case
    beta: Case
    gamma: Case
    entry: DocketEntry


def _build_docket() -> Docket:
    """Create the two courts, a judge, the three cases, a link between two and a docket entry."""
    il = factories.court(code="ilnd", state="IL", short_name="N.D. Ill.")
    ca = factories.court(
        code="cal-sf", state="CA", level=CourtLevel.STATE_TRIAL, time_zone="America/Los_Angeles"
    )
    judge = factories.judge(il, name="Judge Ada Example")
    alpha = factories.case(
        il, slug="alpha", caption="Alpha Corp. v. Beta LLC", short_name="Alpha v. Beta"
    )
    beta = factories.case(ca, slug="beta", short_name="Beta v. Alpha")
    gamma = factories.case(il, slug="gamma", case_type="class_action", status="active")
    CaseJudge.objects.create(case=alpha, judge=judge, role="presiding")
    services.case_link_create(
        from_case=beta, to_case=alpha, kind="removed_to", date=datetime.date(2020, 2, 1)
    )
    entry = services.docket_entry_add(
        case=alpha, filed_date=datetime.date(2020, 1, 22), text="COMPLAINT against Beta", number=1
    )
    return Docket(court=il, judge=judge, alpha=alpha, beta=beta, gamma=gamma, entry=entry)


def _build_parties(alpha: Case) -> tuple[CaseParty, CaseParty]:
    """Create the plaintiff, and the defendant with a firm's attorney as lead counsel."""
    plaintiff = factories.case_party(alpha, role="plaintiff")
    defendant = factories.case_party(alpha, role="defendant")
    firm = party_services.firm_create(name="Example & Partners LLP", city="Chicago")
    attorney = party_services.attorney_create(name="Pat Counsel", firm=firm)
    party_services.representation_add(
        attorney=attorney, case_party=defendant, role="lead", firm=firm
    )
    return plaintiff, defendant


def _build_motions(d: Docket, defendant: CaseParty) -> tuple[Motion, Ruling, Deadline]:
    """Create two motions, a ruling on the first, and a deadline in each of two cases."""
    motion = factories.motion(d.alpha, title="Motion to dismiss", movants=[defendant])
    factories.motion(d.alpha, title="Motion to stay", kind="stay")
    ruling = services.ruling_record(
        case=d.alpha,
        title="Order on the motion to dismiss",
        kind="order",
        date=datetime.date(2020, 6, 1),
        judge=d.judge,
        decisions=[(motion, "denied")],
    )
    deadline = services.deadline_set(
        case=d.alpha, title="Answer", kind="response", due_date=TODAY + datetime.timedelta(days=10)
    )
    services.deadline_set(
        case=d.beta,
        title="Hearing",
        kind="hearing",
        due_date=TODAY + datetime.timedelta(days=3),
        due_time=datetime.time(9, 30),
    )
    return motion, ruling, deadline


def _build_world() -> World:
    """Build the docket, its parties and motions, bob (who follows two cases) and root."""
    d = _build_docket()
    plaintiff, defendant = _build_parties(d.alpha)
    motion, ruling, deadline = _build_motions(d, defendant)
    bob = User.objects.create_user("bob", "bob@example.org", READER_PASSWORD)
    User.objects.create_superuser("root", "root@example.org", "root's long passphrase")
    subscription = alert_services.subscription_follow(user=bob, case=d.alpha)
    alert_services.subscription_follow(user=bob, case=d.gamma)
    analytics_refresh()  # the analytics pages read their summary (and filter it live)
    return World(
        alpha=d.alpha.slug,
        beta=d.beta.slug,
        gamma=d.gamma.slug,
        court=d.court.code,
        judge=d.judge.pk,
        party=plaintiff.party.slug,
        subscription=subscription.pk,
        token=unsubscribe_token(user_id=bob.pk, subscription_id=subscription.pk),
        token_all=unsubscribe_token(user_id=bob.pk, subscription_id=None),
        pks={
            "case": d.alpha.pk,
            "docketentry": d.entry.pk,
            "motion": motion.pk,
            "ruling": ruling.pk,
            "deadline": deadline.pk,
            "party": plaintiff.party.pk,
            "caseparty": plaintiff.pk,
            "court": d.court.pk,
        },
    )
