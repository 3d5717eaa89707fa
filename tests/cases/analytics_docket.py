"""A small docket whose motion outcomes can be counted by hand, for the analytics tests.

Court A (``ana-a``):
- case 1, presiding judge Xavier Marsh: 10 motions to dismiss filed 1 March 2020. Seven are
  decided by Marsh's rulings 10, 20, 30, 40, 50, 60 and 70 days later: the first four granted,
  the fifth granted in part, the last two denied. Two are pending, one is withdrawn (both count
  for Marsh, the presiding judge).
- case 2, presiding judge Yolanda Pike: 4 motions to stay filed 1 March 2020. Three are decided
  by Judge Zora Quinn 30 days later (denied, denied, moot): they count for Quinn, whose ruling
  it was. One is granted 40 days later by a ruling naming no judge: it counts for Pike.

Court B (``ana-b``, a state trial court), case 3 (closed), no judge: 2 motions to remand filed
15 January 2021, one pending, one denied by an undated ruling naming no judge (decided, but not
timed): both under "No judge recorded".

So: 16 motions, 12 decided (5 granted, 1 granted in part, 5 denied, 1 moot), 3 pending,
1 withdrawn; 11 timed: 10, 20, 30, 30, 30, 30, 40, 40, 50, 60, 70 days (quartiles 30 and 45,
median 30). Marsh: 7 decided of 10 (4 granted, 57%), days 10 to 70 (quartiles 25 and 55,
median 40). With the minimum of 5 decided: one kind (dismiss; stay with 4 and remand with 1
hidden), one judge (Marsh; Quinn 3, Pike 1 and no judge 1 hidden), one court (A; B hidden).
"""

from __future__ import annotations

import datetime
import html
import re
from dataclasses import dataclass

from cases import services
from cases.analytics.refresh import analytics_refresh
from cases.models import Case, CaseJudge, Court, Judge, JudgeRole
from tests import factories

D = datetime.date
FILED = D(2020, 3, 1)
LATER = D(2021, 1, 15)
INLINE = re.compile(r"</?(?:a|strong|span|code|em)\b[^>]*>")


def page_text(client: object, url: str) -> str:
    """The text of the page at ``url`` (status 200), inline markup dropped, spaces collapsed."""
    response = client.get(url)
    assert response.status_code == 200, url
    text = re.sub(r"<[^>]+>", " ", INLINE.sub("", response.content.decode()))
    return re.sub(r"\s+", " ", html.unescape(text))


@dataclass
class Docket:
    court_a: Court
    court_b: Court
    marsh: Judge
    pike: Judge
    quinn: Judge
    case1: Case
    case2: Case
    case3: Case


def decide(case: Case, motion: object, outcome: str, days: int | None, judge: Judge | None) -> None:
    """Record a ruling ``days`` after the filing (undated when None) deciding ``motion``."""
    date = FILED + datetime.timedelta(days=days) if days is not None else None
    services.ruling_record(
        case=case,
        title=f"Order on {motion.title}",
        kind="order",
        date=date,
        decisions=[(motion, outcome)],
        judge=judge,
    )


def _case1(case: Case, marsh: Judge) -> None:
    outcomes = ["granted"] * 4 + ["granted_in_part"] + ["denied"] * 2
    for number, outcome in enumerate(outcomes, start=1):
        motion = factories.motion(case, title=f"Dismissal {number}", kind="dismiss")
        decide(case, motion, outcome, 10 * number, marsh)
    for number in (8, 9):
        factories.motion(case, title=f"Dismissal {number}", kind="dismiss")
    withdrawn = factories.motion(case, title="Dismissal 10", kind="dismiss")
    services.motion_set_status(motion=withdrawn, status="withdrawn", occurred_on=D(2020, 6, 1))


def _case2(case: Case, quinn: Judge) -> None:
    for number, outcome in enumerate(["denied", "denied", "moot"], start=1):
        motion = factories.motion(case, title=f"Stay {number}", kind="stay")
        decide(case, motion, outcome, 30, quinn)
    motion = factories.motion(case, title="Stay 4", kind="stay")
    decide(case, motion, "granted", 40, None)


def _case3(case: Case) -> None:
    factories.motion(case, title="Remand 1", kind="remand", filed_date=LATER)
    motion = factories.motion(case, title="Remand 2", kind="remand", filed_date=LATER)
    decide(case, motion, "denied", None, None)


def build(*, refresh: bool = True) -> Docket:
    """Write the docket through the services; refresh the analytics unless told not to."""
    court_a = factories.court(code="ana-a", name="Analytics District Court A", short_name="A.D.")
    court_b = factories.court(
        code="ana-b", name="Analytics County Court B", short_name="B.D.", level="state_trial"
    )
    marsh = factories.judge(court_a, name="Xavier Marsh")
    pike = factories.judge(court_a, name="Yolanda Pike")
    quinn = factories.judge(court_a, name="Zora Quinn")
    case1 = factories.case(court_a, status="active")
    case2 = factories.case(court_a, status="active")
    case3 = factories.case(court_b, status="closed")
    CaseJudge.objects.create(case=case1, judge=marsh, role=JudgeRole.PRESIDING)
    CaseJudge.objects.create(case=case2, judge=pike, role=JudgeRole.PRESIDING)
    _case1(case1, marsh)
    _case2(case2, quinn)
    _case3(case3)
    if refresh:
        analytics_refresh()
    return Docket(court_a, court_b, marsh, pike, quinn, case1, case2, case3)
