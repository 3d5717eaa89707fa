"""The pages fuzzed with junk query strings, grouped by the names they read."""

from __future__ import annotations

from dataclasses import dataclass

from cases.analytics.filters import OutcomeFilterSet
from cases.filters import CaseFilterSet
from tests.security.fuzz.fuzzer import ADMIN, ANON, READER


def case_filter_params(filterset: type = CaseFilterSet) -> list[str]:
    """Every query-string name the case filters read (a date range reads two)."""
    names = []
    for name, filter_ in filterset.base_filters.items():
        suffixes = getattr(filter_.extra.get("widget"), "suffixes", None)
        names += [f"{name}_{suffix}" for suffix in suffixes] if suffixes else [name]
    return names


CASE_PARAMS = case_filter_params()
ANALYTICS_PARAMS = case_filter_params(OutcomeFilterSet)
ANALYTICS_VALID = ["ilnd", "dismiss", "active", "federal_district", "2020-01-01", "1", "0", "5"]
CASE_VALID = ["ilnd", "cal-sf", "filed", "active", "federal_district", "class_action", "IL"]
CASE_VALID += ["2020-01-01", "2021-01-01", "-filed", "caption", "alpha", "complaint", "2", "30"]
TIMELINE_PARAMS = ["kind", "since", "until", "page"]
TIMELINE_VALID = ["entries", "rulings", "status", "2020-01-01", "2020-12-31", "1"]


@dataclass(frozen=True)
class Pages:
    """Pages that read the same query-string names; each example is sent to all of them."""

    name: str
    urls: list[tuple[str, str]]  # (address, who)
    params: list[str]
    valid: list[str]
    examples: int


PAGES = [
    Pages(
        "case-filters",
        [("/cases/", ANON), ("/cases/deadlines.ics", ANON), ("/cases/export.csv", ANON)],
        [*CASE_PARAMS, "page"],
        CASE_VALID,
        180,
    ),
    Pages(
        "case-timeline",
        [("/cases/{w.alpha}/", ANON), ("/cases/{w.alpha}/timeline.csv", ANON)],
        TIMELINE_PARAMS,
        TIMELINE_VALID,
        50,
    ),
    Pages(
        "deadlines",
        [("/deadlines/", ANON)],
        ["court", "case", "days", "page"],
        ["ilnd", "alpha", "30", "1"],
        170,
    ),
    Pages("parties", [("/parties/", ANON)], ["q", "kind", "role", "page"], ["person"], 120),
    Pages(
        "analytics",
        [("/analytics/", ANON), ("/analytics/judges.csv", ANON), ("/judges/{w.judge}/", ANON)],
        ANALYTICS_PARAMS,
        ANALYTICS_VALID,
        60,
    ),
    Pages(
        "other-pages",
        [
            ("/", ANON),
            ("/cases/{w.beta}/related/", ANON),
            ("/courts/", ANON),
            ("/courts/{w.court}/", ANON),
            ("/judges/{w.judge}/", ANON),
            ("/parties/{w.party}/", ANON),
            ("/activity.atom", ANON),
            ("/cases/{w.alpha}/feed.atom", ANON),
            ("/cases/{w.alpha}/deadlines.ics", ANON),
            ("/accounts/login/", ANON),
            ("/accounts/password_reset/", ANON),
            ("/alerts/unsubscribe/{w.token}/", ANON),
            ("/alerts/unsubscribe/{w.token_all}/", ANON),
            ("/favicon.ico", ANON),
        ],
        ["page", "next", "email", "s", "u"],
        ["1", "/alerts/"],
        50,
    ),
    # Slow: its time zone menu has some 600 options, each rendered through a template.
    Pages("my-alerts", [("/alerts/", READER), ("/cases/{w.alpha}/", READER)], ["page"], [], 6),
    Pages(
        "admin-lists",
        [
            ("/admin/cases/case/", ADMIN),
            ("/admin/cases/deadline/", ADMIN),
            ("/admin/cases/motion/", ADMIN),
            ("/admin/parties/caseparty/", ADMIN),
        ],
        ["q", "o", "p", "e", "all", "case", "party", "status__exact", "court__level__exact"]
        + ["filed_date__year", "filed_date__month", "filed_date__day", "due_date__year"],
        ["1", "2020", "filed"],
        20,
    ),
]
