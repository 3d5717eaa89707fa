"""The federal courts: each district's code, state, circuit and time zone, and the circuits.

Used by the importers to create a federal court the tracker does not have yet (with the names
from courts-db) and by the demo-data generator.
"""

from __future__ import annotations

STATE_NAMES = {
    "AK": "Alaska", "AL": "Alabama", "AR": "Arkansas", "AZ": "Arizona", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DC": "the District of Columbia", "DE": "Delaware",
    "FL": "Florida", "GA": "Georgia", "GU": "Guam", "HI": "Hawaii", "IA": "Iowa", "ID": "Idaho",
    "IL": "Illinois", "IN": "Indiana", "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana",
    "MA": "Massachusetts", "MD": "Maryland", "ME": "Maine", "MI": "Michigan", "MN": "Minnesota",
    "MO": "Missouri", "MP": "the Northern Mariana Islands", "MS": "Mississippi", "MT": "Montana",
    "NC": "North Carolina", "ND": "North Dakota", "NE": "Nebraska", "NH": "New Hampshire",
    "NJ": "New Jersey", "NM": "New Mexico", "NV": "Nevada", "NY": "New York", "OH": "Ohio",
    "OK": "Oklahoma", "OR": "Oregon", "PA": "Pennsylvania", "PR": "Puerto Rico",
    "RI": "Rhode Island", "SC": "South Carolina", "SD": "South Dakota", "TN": "Tennessee",
    "TX": "Texas", "UT": "Utah", "VA": "Virginia", "VI": "the Virgin Islands", "VT": "Vermont",
    "WA": "Washington", "WI": "Wisconsin", "WV": "West Virginia", "WY": "Wyoming",
}  # fmt: skip

STATE_ABBREVIATIONS = {
    "AK": "Alaska", "AL": "Ala.", "AR": "Ark.", "AZ": "Ariz.", "CA": "Cal.", "CO": "Colo.",
    "CT": "Conn.", "DC": "D.C.", "DE": "Del.", "FL": "Fla.", "GA": "Ga.", "GU": "Guam",
    "HI": "Haw.", "IA": "Iowa", "ID": "Idaho", "IL": "Ill.", "IN": "Ind.", "KS": "Kan.",
    "KY": "Ky.", "LA": "La.", "MA": "Mass.", "MD": "Md.", "ME": "Me.", "MI": "Mich.",
    "MN": "Minn.", "MO": "Mo.", "MP": "N. Mar. I.", "MS": "Miss.", "MT": "Mont.", "NC": "N.C.",
    "ND": "N.D.", "NE": "Neb.", "NH": "N.H.", "NJ": "N.J.", "NM": "N.M.", "NV": "Nev.",
    "NY": "N.Y.", "OH": "Ohio", "OK": "Okla.", "OR": "Or.", "PA": "Pa.", "PR": "P.R.",
    "RI": "R.I.", "SC": "S.C.", "SD": "S.D.", "TN": "Tenn.", "TX": "Tex.", "UT": "Utah",
    "VA": "Va.", "VI": "V.I.", "VT": "Vt.", "WA": "Wash.", "WI": "Wis.", "WV": "W. Va.",
    "WY": "Wyo.",
}  # fmt: skip

NYC, CHI, DEN, LAX = "America/New_York", "America/Chicago", "America/Denver", "America/Los_Angeles"
DET, PHX = "America/Detroit", "America/Phoenix"

# Federal district courts: (code, state, district or "", circuit, time zone, weight).
DISTRICTS = [
    ("med", "ME", "", "ca1", NYC, 1), ("mad", "MA", "", "ca1", NYC, 5),
    ("nhd", "NH", "", "ca1", NYC, 1), ("rid", "RI", "", "ca1", NYC, 1),
    ("prd", "PR", "", "ca1", "America/Puerto_Rico", 2),
    ("ctd", "CT", "", "ca2", NYC, 3), ("nyed", "NY", "E", "ca2", NYC, 8),
    ("nynd", "NY", "N", "ca2", NYC, 2), ("nysd", "NY", "S", "ca2", NYC, 12),
    ("nywd", "NY", "W", "ca2", NYC, 2), ("vtd", "VT", "", "ca2", NYC, 1),
    ("ded", "DE", "", "ca3", NYC, 5), ("njd", "NJ", "", "ca3", NYC, 9),
    ("paed", "PA", "E", "ca3", NYC, 7), ("pamd", "PA", "M", "ca3", NYC, 2),
    ("pawd", "PA", "W", "ca3", NYC, 2), ("vid", "VI", "", "ca3", "America/St_Thomas", 1),
    ("mdd", "MD", "", "ca4", NYC, 4), ("nced", "NC", "E", "ca4", NYC, 2),
    ("ncmd", "NC", "M", "ca4", NYC, 1), ("ncwd", "NC", "W", "ca4", NYC, 2),
    ("scd", "SC", "", "ca4", NYC, 3), ("vaed", "VA", "E", "ca4", NYC, 4),
    ("vawd", "VA", "W", "ca4", NYC, 1), ("wvnd", "WV", "N", "ca4", NYC, 1),
    ("wvsd", "WV", "S", "ca4", NYC, 2),
    ("laed", "LA", "E", "ca5", CHI, 4), ("lamd", "LA", "M", "ca5", CHI, 1),
    ("lawd", "LA", "W", "ca5", CHI, 2), ("msnd", "MS", "N", "ca5", CHI, 1),
    ("mssd", "MS", "S", "ca5", CHI, 1), ("txed", "TX", "E", "ca5", CHI, 4),
    ("txnd", "TX", "N", "ca5", CHI, 5), ("txsd", "TX", "S", "ca5", CHI, 6),
    ("txwd", "TX", "W", "ca5", CHI, 4),
    ("kyed", "KY", "E", "ca6", NYC, 2), ("kywd", "KY", "W", "ca6", CHI, 1),
    ("mied", "MI", "E", "ca6", DET, 5), ("miwd", "MI", "W", "ca6", DET, 1),
    ("ohnd", "OH", "N", "ca6", NYC, 4), ("ohsd", "OH", "S", "ca6", NYC, 3),
    ("tned", "TN", "E", "ca6", NYC, 1), ("tnmd", "TN", "M", "ca6", CHI, 2),
    ("tnwd", "TN", "W", "ca6", CHI, 1),
    ("ilcd", "IL", "C", "ca7", CHI, 1), ("ilnd", "IL", "N", "ca7", CHI, 10),
    ("ilsd", "IL", "S", "ca7", CHI, 2),
    ("innd", "IN", "N", "ca7", "America/Indiana/Indianapolis", 1),
    ("insd", "IN", "S", "ca7", "America/Indiana/Indianapolis", 2),
    ("wied", "WI", "E", "ca7", CHI, 2), ("wiwd", "WI", "W", "ca7", CHI, 1),
    ("ared", "AR", "E", "ca8", CHI, 1), ("arwd", "AR", "W", "ca8", CHI, 1),
    ("iand", "IA", "N", "ca8", CHI, 1), ("iasd", "IA", "S", "ca8", CHI, 1),
    ("mnd", "MN", "", "ca8", CHI, 4), ("moed", "MO", "E", "ca8", CHI, 3),
    ("mowd", "MO", "W", "ca8", CHI, 2), ("ned", "NE", "", "ca8", CHI, 1),
    ("ndd", "ND", "", "ca8", CHI, 1), ("sdd", "SD", "", "ca8", CHI, 1),
    ("akd", "AK", "", "ca9", "America/Anchorage", 1), ("azd", "AZ", "", "ca9", PHX, 4),
    ("cacd", "CA", "C", "ca9", LAX, 12),
    ("caed", "CA", "E", "ca9", LAX, 4),
    ("cand", "CA", "N", "ca9", LAX, 10),
    ("casd", "CA", "S", "ca9", LAX, 4), ("gud", "GU", "", "ca9", "Pacific/Guam", 1),
    ("hid", "HI", "", "ca9", "Pacific/Honolulu", 1), ("idd", "ID", "", "ca9", "America/Boise", 1),
    ("mtd", "MT", "", "ca9", DEN, 1), ("nvd", "NV", "", "ca9", LAX, 3),
    ("nmid", "MP", "", "ca9", "Pacific/Saipan", 1), ("ord", "OR", "", "ca9", LAX, 2),
    ("waed", "WA", "E", "ca9", LAX, 1),
    ("wawd", "WA", "W", "ca9", LAX, 4),
    ("cod", "CO", "", "ca10", DEN, 3), ("ksd", "KS", "", "ca10", CHI, 2),
    ("nmd", "NM", "", "ca10", DEN, 1), ("oked", "OK", "E", "ca10", CHI, 1),
    ("oknd", "OK", "N", "ca10", CHI, 1), ("okwd", "OK", "W", "ca10", CHI, 1),
    ("utd", "UT", "", "ca10", DEN, 2), ("wyd", "WY", "", "ca10", DEN, 1),
    ("almd", "AL", "M", "ca11", CHI, 1), ("alnd", "AL", "N", "ca11", CHI, 2),
    ("alsd", "AL", "S", "ca11", CHI, 1), ("flmd", "FL", "M", "ca11", NYC, 6),
    ("flnd", "FL", "N", "ca11", NYC, 2), ("flsd", "FL", "S", "ca11", NYC, 7),
    ("gamd", "GA", "M", "ca11", NYC, 1), ("gand", "GA", "N", "ca11", NYC, 5),
    ("gasd", "GA", "S", "ca11", NYC, 1),
    ("dcd", "DC", "", "cadc", NYC, 6),
]  # fmt: skip

# Courts of appeals: (code, ordinal or name, time zone of the seat, weight).
CIRCUITS = [
    ("ca1", "1st", NYC, 1), ("ca2", "2d", NYC, 3),
    ("ca3", "3d", NYC, 2), ("ca4", "4th", NYC, 2),
    ("ca5", "5th", CHI, 3), ("ca6", "6th", NYC, 2),
    ("ca7", "7th", CHI, 2), ("ca8", "8th", CHI, 1),
    ("ca9", "9th", LAX, 5), ("ca10", "10th", DEN, 1),
    ("ca11", "11th", NYC, 3), ("cadc", "D.C.", NYC, 1),
    ("cafc", "Fed.", NYC, 1),
]  # fmt: skip
