"""The 200 courts of the demo data: federal courts and the state courts of ten states.

Federal district courts are the 94 real districts with their real codes, circuits and time zones.
The state courts are those of the states where most litigation happens. The model offers three
holiday calendars: federal courts use the federal one, California and Illinois state courts their
own, and the courts of the other states the federal one (the closest the model has).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from cases.federal_courts import (  # noqa: F401 (re-exported to the demo modules)
    CHI,
    CIRCUITS,
    DEN,
    DET,
    DISTRICTS,
    LAX,
    NYC,
    PHX,
    STATE_ABBREVIATIONS,
    STATE_NAMES,
)
from cases.models import CourtLevel, HolidayCalendar

FEDERAL_DISTRICT = CourtLevel.FEDERAL_DISTRICT.value
FEDERAL_APPELLATE = CourtLevel.FEDERAL_APPELLATE.value
FEDERAL_SUPREME = CourtLevel.FEDERAL_SUPREME.value
JPML = CourtLevel.JPML.value
STATE_TRIAL = CourtLevel.STATE_TRIAL.value
STATE_APPELLATE = CourtLevel.STATE_APPELLATE.value
STATE_SUPREME = CourtLevel.STATE_SUPREME.value
# The levels grouped as the demo cases use them: where motions have hearings; where cases are
# appeals (an appellant and an appellee); where they are petitions to the highest court.
TRIAL_LEVELS = frozenset({FEDERAL_DISTRICT, STATE_TRIAL, JPML})
APPELLATE_LEVELS = frozenset({FEDERAL_APPELLATE, STATE_APPELLATE})
SUPREME_LEVELS = frozenset({FEDERAL_SUPREME, STATE_SUPREME})
REVIEW_LEVELS = APPELLATE_LEVELS | SUPREME_LEVELS


@dataclass(frozen=True)
class CourtData:
    code: str
    name: str
    short_name: str
    level: str
    state: str
    time_zone: str
    holiday_calendar: str
    appeals_to: str  # a code, or ""
    weight: float  # relative number of cases filed there


_CIRCUIT_NAMES = {"cadc": "District of Columbia Circuit", "cafc": "Federal Circuit"}
_ORDINAL_WORDS = {
    "1st": "First", "2d": "Second", "3d": "Third", "4th": "Fourth", "5th": "Fifth",
    "6th": "Sixth", "7th": "Seventh", "8th": "Eighth", "9th": "Ninth", "10th": "Tenth",
    "11th": "Eleventh",
}  # fmt: skip
_DISTRICT_WORDS = {"N": "Northern", "S": "Southern", "E": "Eastern", "W": "Western", "M": "Middle"}
_DISTRICT_WORDS["C"] = "Central"

# State courts: (code, name, short name, level, state, time zone, appeals to, weight).
STATE_COURTS = [
    # California
    ("cal", "Supreme Court of California", "Cal.", STATE_SUPREME, "CA", LAX, "scotus", 1),
    *[
        (f"calctapp-{n}", f"California Court of Appeal, {o} Appellate District",
         f"Cal. Ct. App. {o} Dist.", STATE_APPELLATE, "CA", LAX, "cal", 1)
        for n, o in enumerate(["1st", "2d", "3d", "4th", "5th", "6th"], start=1)
    ],
    *[
        (f"ca-{slug}-superior", f"Superior Court of California, County of {county}",
         f"{short} Cnty. Super. Ct.", STATE_TRIAL, "CA", LAX, appeal, weight)
        for slug, county, short, appeal, weight in [
            ("los-angeles", "Los Angeles", "L.A.", "calctapp-2", 8),
            ("san-francisco", "San Francisco", "S.F.", "calctapp-1", 4),
            ("alameda", "Alameda", "Alameda", "calctapp-1", 3),
            ("san-diego", "San Diego", "San Diego", "calctapp-4", 3),
            ("orange", "Orange", "Orange", "calctapp-4", 3),
            ("santa-clara", "Santa Clara", "Santa Clara", "calctapp-6", 3),
            ("sacramento", "Sacramento", "Sacramento", "calctapp-3", 2),
            ("riverside", "Riverside", "Riverside", "calctapp-4", 2),
            ("san-bernardino", "San Bernardino", "San Bernardino", "calctapp-4", 2),
            ("san-mateo", "San Mateo", "San Mateo", "calctapp-1", 1),
            ("contra-costa", "Contra Costa", "Contra Costa", "calctapp-1", 1),
            ("fresno", "Fresno", "Fresno", "calctapp-5", 1),
        ]
    ],
    # Illinois
    ("ill", "Supreme Court of Illinois", "Ill.", STATE_SUPREME, "IL", CHI, "scotus", 1),
    *[
        (f"illappct-{n}", f"Appellate Court of Illinois, {o} District",
         f"Ill. App. Ct. {o} Dist.", STATE_APPELLATE, "IL", CHI, "ill", 1)
        for n, o in enumerate(["1st", "2d", "3d", "4th", "5th"], start=1)
    ],
    *[
        (f"il-{slug}-circuit", f"Circuit Court of {county} County, Illinois",
         f"{county} Cnty. Cir. Ct.", STATE_TRIAL, "IL", CHI, appeal, weight)
        for slug, county, appeal, weight in [
            ("cook", "Cook", "illappct-1", 8), ("dupage", "DuPage", "illappct-2", 2),
            ("lake", "Lake", "illappct-2", 1), ("will", "Will", "illappct-3", 1),
            ("kane", "Kane", "illappct-2", 1), ("st-clair", "St. Clair", "illappct-5", 2),
            ("madison", "Madison", "illappct-5", 2), ("sangamon", "Sangamon", "illappct-4", 1),
            ("champaign", "Champaign", "illappct-4", 1),
            ("winnebago", "Winnebago", "illappct-2", 1),
        ]
    ],
    # New York
    ("ny", "New York Court of Appeals", "N.Y.", STATE_SUPREME, "NY", NYC, "scotus", 1),
    *[
        (f"nyappdiv-{n}", f"New York Supreme Court, Appellate Division, {o} Department",
         f"N.Y. App. Div. {o} Dep't", STATE_APPELLATE, "NY", NYC, "ny", 1)
        for n, o in enumerate(["1st", "2d", "3d", "4th"], start=1)
    ],
    *[
        (f"ny-{slug}-supreme", f"New York Supreme Court, {county} County",
         f"N.Y. Sup. Ct. {county} Cnty.", STATE_TRIAL, "NY", NYC, appeal, weight)
        for slug, county, appeal, weight in [
            ("new-york", "New York", "nyappdiv-1", 8), ("kings", "Kings", "nyappdiv-2", 3),
            ("queens", "Queens", "nyappdiv-2", 2), ("bronx", "Bronx", "nyappdiv-1", 2),
            ("westchester", "Westchester", "nyappdiv-2", 2), ("nassau", "Nassau", "nyappdiv-2", 2),
            ("suffolk", "Suffolk", "nyappdiv-2", 1), ("erie", "Erie", "nyappdiv-4", 1),
            ("monroe", "Monroe", "nyappdiv-4", 1), ("albany", "Albany", "nyappdiv-3", 1),
        ]
    ],
    # Texas
    ("tex", "Supreme Court of Texas", "Tex.", STATE_SUPREME, "TX", CHI, "scotus", 1),
    *[
        (f"texapp-{n}", f"Texas Court of Appeals, {o} District ({city})",
         f"Tex. App. {o} Dist.", STATE_APPELLATE, "TX", CHI, "tex", 1)
        for n, o, city in [(1, "1st", "Houston"), (3, "3d", "Austin"), (4, "4th", "San Antonio"),
                           (5, "5th", "Dallas")]
    ],
    *[
        (f"tx-{slug}-district", f"District Court of {county} County, Texas",
         f"{county} Cnty. Dist. Ct.", STATE_TRIAL, "TX", CHI, appeal, weight)
        for slug, county, appeal, weight in [
            ("harris", "Harris", "texapp-1", 5), ("dallas", "Dallas", "texapp-5", 4),
            ("travis", "Travis", "texapp-3", 3), ("bexar", "Bexar", "texapp-4", 2),
            ("tarrant", "Tarrant", "texapp-5", 2),
        ]
    ],
    # Florida
    ("fla", "Supreme Court of Florida", "Fla.", STATE_SUPREME, "FL", NYC, "scotus", 1),
    *[
        (f"fladistctapp-{n}", f"Florida District Court of Appeal, {o} District",
         f"Fla. Dist. Ct. App. {o} Dist.", STATE_APPELLATE, "FL", NYC, "fla", 1)
        for n, o in enumerate(["1st", "2d", "3d"], start=1)
    ],
    *[
        (f"fl-{slug}-circuit", f"Circuit Court of {county} County, Florida",
         f"{county} Cnty. Cir. Ct.", STATE_TRIAL, "FL", NYC, appeal, weight)
        for slug, county, appeal, weight in [
            ("miami-dade", "Miami-Dade", "fladistctapp-3", 4),
            ("broward", "Broward", "fladistctapp-3", 3),
            ("hillsborough", "Hillsborough", "fladistctapp-2", 2),
            ("orange", "Orange", "fladistctapp-1", 2),
            ("palm-beach", "Palm Beach", "fladistctapp-3", 2),
        ]
    ],
    # Other states: the highest court and the busiest trial courts.
    ("nj", "Supreme Court of New Jersey", "N.J.", STATE_SUPREME, "NJ", NYC, "scotus", 1),
    ("nj-essex-superior", "Superior Court of New Jersey, Law Division, Essex County",
     "N.J. Super. Ct. Essex Cnty.", STATE_TRIAL, "NJ", NYC, "nj", 2),
    ("pa", "Supreme Court of Pennsylvania", "Pa.", STATE_SUPREME, "PA", NYC, "scotus", 1),
    ("pasuperct", "Superior Court of Pennsylvania", "Pa. Super. Ct.", STATE_APPELLATE, "PA",
     NYC, "pa", 1),
    ("pa-philadelphia-ccp", "Court of Common Pleas of Philadelphia County",
     "Phila. Cnty. Ct. Com. Pl.", STATE_TRIAL, "PA", NYC, "pasuperct", 4),
    ("mass", "Massachusetts Supreme Judicial Court", "Mass.", STATE_SUPREME, "MA", NYC,
     "scotus", 1),
    ("ma-suffolk-superior", "Massachusetts Superior Court, Suffolk County",
     "Mass. Super. Ct. Suffolk Cnty.", STATE_TRIAL, "MA", NYC, "mass", 2),
    ("wash", "Supreme Court of Washington", "Wash.", STATE_SUPREME, "WA", LAX,
     "scotus", 1),
    ("washctapp-1", "Washington Court of Appeals, Division I", "Wash. Ct. App. Div. I",
     STATE_APPELLATE, "WA", LAX, "wash", 1),
    ("wa-king-superior", "Superior Court of Washington, King County", "King Cnty. Super. Ct.",
     STATE_TRIAL, "WA", LAX, "washctapp-1", 3),
    ("ga", "Supreme Court of Georgia", "Ga.", STATE_SUPREME, "GA", NYC, "scotus", 1),
    ("ga-fulton-superior", "Superior Court of Fulton County, Georgia", "Fulton Cnty. Super. Ct.",
     STATE_TRIAL, "GA", NYC, "ga", 3),
    ("ohio", "Supreme Court of Ohio", "Ohio", STATE_SUPREME, "OH", NYC, "scotus", 1),
    ("oh-cuyahoga-ccp", "Court of Common Pleas of Cuyahoga County, Ohio",
     "Cuyahoga Cnty. Ct. Com. Pl.", STATE_TRIAL, "OH", NYC, "ohio", 2),
    ("oh-franklin-ccp", "Court of Common Pleas of Franklin County, Ohio",
     "Franklin Cnty. Ct. Com. Pl.", STATE_TRIAL, "OH", NYC, "ohio", 2),
    ("del", "Supreme Court of Delaware", "Del.", STATE_SUPREME, "DE", NYC, "scotus", 1),
    ("delch", "Delaware Court of Chancery", "Del. Ch.", STATE_TRIAL, "DE", NYC, "del",
     4),
    ("delsuperct", "Superior Court of Delaware", "Del. Super. Ct.", STATE_TRIAL, "DE",
     NYC, "del", 2),
    ("mich", "Michigan Supreme Court", "Mich.", STATE_SUPREME, "MI", DET, "scotus", 1),
    ("mi-wayne-circuit", "Wayne County Circuit Court, Michigan", "Wayne Cnty. Cir. Ct.",
     STATE_TRIAL, "MI", DET, "mich", 2),
    ("ariz", "Arizona Supreme Court", "Ariz.", STATE_SUPREME, "AZ", PHX, "scotus", 1),
    ("az-maricopa-superior", "Superior Court of Arizona, Maricopa County",
     "Maricopa Cnty. Super. Ct.", STATE_TRIAL, "AZ", PHX, "ariz", 3),
]  # fmt: skip

_STATE_CALENDARS = {
    "CA": HolidayCalendar.CA_JUDICIAL.value,
    "IL": HolidayCalendar.IL_JUDICIAL.value,
}
_FEDERAL = HolidayCalendar.US_FEDERAL.value


def _federal_courts() -> list[CourtData]:
    courts = [
        CourtData(
            "scotus", "Supreme Court of the United States", "U.S.", FEDERAL_SUPREME, "",
            NYC, _FEDERAL, "", 2,
        ),
        CourtData(
            "jpml", "Judicial Panel on Multidistrict Litigation", "J.P.M.L.", JPML, "",
            NYC, _FEDERAL, "", 1,
        ),
    ]  # fmt: skip
    for code, ordinal, time_zone, weight in CIRCUITS:
        name = _CIRCUIT_NAMES.get(code) or f"{_ORDINAL_WORDS[ordinal]} Circuit"
        courts.append(
            CourtData(
                code,
                f"U.S. Court of Appeals for the {name}",
                f"{ordinal} Cir.",
                FEDERAL_APPELLATE,
                "",
                time_zone,
                _FEDERAL,
                "scotus",
                weight,
            )
        )
    for code, state, district, circuit, time_zone, weight in DISTRICTS:
        where = STATE_NAMES[state]
        abbreviation = STATE_ABBREVIATIONS[state]
        # Bluebook: "S.D.N.Y." and "D.N.J." close up; "N.D. Ill." does not.
        space = "" if re.fullmatch(r"([A-Z]\.)+", abbreviation) else " "
        if district:
            name = f"U.S. District Court for the {_DISTRICT_WORDS[district]} District of {where}"
            short = f"{district}.D.{space}{abbreviation}"
        else:
            name = f"U.S. District Court for the District of {where}"
            short = f"D.{space}{abbreviation}"
        courts.append(
            CourtData(
                code, name, short, FEDERAL_DISTRICT, state, time_zone, _FEDERAL, circuit, weight
            )
        )
    return courts


def all_courts() -> list[CourtData]:
    """Return the 200 courts, federal first."""
    courts = _federal_courts()
    for code, name, short, level, state, time_zone, appeals_to, weight in STATE_COURTS:
        calendar = _STATE_CALENDARS.get(state, _FEDERAL)
        courts.append(
            CourtData(code, name, short, level, state, time_zone, calendar, appeals_to, weight)
        )
    return courts


def select_courts(count: int) -> list[CourtData]:
    """Return ``count`` courts with every level represented: the busiest of each level in turn."""
    by_level: dict[str, list[CourtData]] = {}
    for court in all_courts():
        by_level.setdefault(court.level, []).append(court)
    queues = [
        sorted(courts, key=lambda c: (-c.weight, c.code)) for _, courts in sorted(by_level.items())
    ]
    chosen: list[CourtData] = []
    while len(chosen) < count and any(queues):
        for queue in queues:
            if queue and len(chosen) < count:
                chosen.append(queue.pop(0))
    codes = {c.code for c in chosen}
    order = {c.code: n for n, c in enumerate(all_courts())}
    return sorted(
        (c if c.appeals_to in codes else replace(c, appeals_to="") for c in chosen),
        key=lambda c: order[c.code],
    )
