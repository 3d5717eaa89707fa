"""The weighted choices and text templates the demo cases are written from."""

from __future__ import annotations

from demo.courts import (
    FEDERAL_APPELLATE,
    FEDERAL_DISTRICT,
    FEDERAL_SUPREME,
    JPML,
    STATE_APPELLATE,
    STATE_SUPREME,
    STATE_TRIAL,
)
from demo.draws import weighted

CASE_TYPES = weighted(
    [("civil", 56), ("class_action", 27), ("appeal", 13.5), ("cert_petition", 2), ("mdl", 0.3)]
)
COURT_LEVELS_FOR_TYPE = {
    "civil": [(FEDERAL_DISTRICT, 55), (STATE_TRIAL, 45)],
    "class_action": [(FEDERAL_DISTRICT, 65), (STATE_TRIAL, 35)],
    "mdl": [(FEDERAL_DISTRICT, 85), (JPML, 15)],
    "appeal": [(FEDERAL_APPELLATE, 60), (STATE_APPELLATE, 40)],
    "cert_petition": [(FEDERAL_SUPREME, 70), (STATE_SUPREME, 30)],
}
TRIAL_STATUSES = weighted(
    [
        ("filed", 7), ("active", 44), ("stayed", 5), ("removed", 2.5), ("remanded", 2),
        ("transferred", 2.5), ("on_appeal", 4), ("settled", 12), ("dismissed", 11),
        ("judgment", 5), ("closed", 5),
    ]
)  # fmt: skip
APPELLATE_STATUSES = weighted(
    [("filed", 10), ("active", 50), ("stayed", 3), ("dismissed", 8), ("judgment", 22),
     ("closed", 7)]
)  # fmt: skip
# The statuses a case ends in (the others leave it open).
CLOSING_STATUSES = frozenset({"settled", "dismissed", "judgment", "closed"})
JUDGES_PER_COURT = {
    FEDERAL_DISTRICT: 8, FEDERAL_APPELLATE: 12, FEDERAL_SUPREME: 9, JPML: 7, STATE_TRIAL: 6,
    STATE_APPELLATE: 6, STATE_SUPREME: 7,
}  # fmt: skip
JUDGE_TITLES = {
    FEDERAL_DISTRICT: "District Judge", FEDERAL_APPELLATE: "Circuit Judge",
    FEDERAL_SUPREME: "Justice", JPML: "Panel Member", STATE_TRIAL: "Judge",
    STATE_APPELLATE: "Justice", STATE_SUPREME: "Justice",
}  # fmt: skip
MAGISTRATE = "Magistrate Judge"

MOTION_KINDS: dict[str, list[tuple[str, float]]] = {
    "trial": [
        ("dismiss", 20), ("summary_judgment", 9), ("stay", 7), ("preliminary_injunction", 4),
        ("transfer", 3), ("reconsideration", 5), ("certify_appeal", 1.5), ("other", 18),
    ],
    "class": [("class_certification", 9), ("appoint_counsel", 4), ("settlement_approval", 4)],
    "federal_trial": [("remand", 4)],
    "california_trial": [("demurrer", 10), ("strike", 4)],
    "appeal": [("stay", 15), ("rehearing", 12), ("dismiss", 8), ("reconsideration", 8),
               ("other", 45)],
    "cert_petition": [("other", 80), ("rehearing", 20)],
}  # fmt: skip
MOTION_TITLES = {
    "dismiss": ["Motion to Dismiss", "Motion to Dismiss the Amended Complaint",
                "Motion to Dismiss for Lack of Personal Jurisdiction",
                "Motion to Dismiss for Failure to State a Claim"],
    "demurrer": ["Demurrer to the Complaint", "Demurrer to the First Amended Complaint"],
    "strike": ["Special Motion to Strike (Anti-SLAPP)",
               "Motion to Strike Portions of the Complaint"],
    "stay": ["Motion to Stay Proceedings", "Motion to Stay Pending Appeal",
             "Motion to Stay Discovery"],
    "remand": ["Motion to Remand to State Court"],
    "preliminary_injunction": ["Motion for Preliminary Injunction",
                               "Motion for a Temporary Restraining Order"],
    "class_certification": ["Motion for Class Certification",
                            "Motion to Certify a Nationwide Class"],
    "appoint_counsel": ["Motion to Appoint Interim Class Counsel",
                        "Motion to Appoint Lead Counsel"],
    "transfer": ["Motion to Transfer Venue (28 U.S.C. § 1404(a))", "Motion to Transfer"],
    "summary_judgment": ["Motion for Summary Judgment", "Motion for Partial Summary Judgment"],
    "reconsideration": ["Motion for Reconsideration"],
    "rehearing": ["Petition for Rehearing En Banc", "Petition for Panel Rehearing"],
    "certify_appeal": ["Motion to Certify Order for Interlocutory Appeal"],
    "settlement_approval": ["Motion for Preliminary Approval of Class Settlement",
                            "Motion for Final Approval of Class Settlement"],
    "other": ["Motion to Compel Discovery", "Motion for Protective Order",
              "Motion for Leave to File Under Seal", "Motion for Extension of Time",
              "Motion to Intervene", "Motion for Leave to File Amicus Brief",
              "Motion to Consolidate", "Motion for Sanctions", "Motion in Limine",
              "Motion to Exclude Expert Testimony", "Motion to Compel Arbitration"],
}  # fmt: skip
# Which side files a kind of motion: 0 = plaintiffs' side, 1 = defendants' side (else either).
MOTION_SIDE = {
    "dismiss": 1, "demurrer": 1, "strike": 1, "remand": 0, "transfer": 1,
    "preliminary_injunction": 0, "class_certification": 0, "appoint_counsel": 0,
    "settlement_approval": 0, "certify_appeal": 1,
}  # fmt: skip
# A ruling's outcome for the motion it was entered on, and for earlier motions it also decides.
OUTCOMES = weighted([("granted", 30), ("denied", 35), ("granted_in_part", 22), ("moot", 13)])
JOINED_OUTCOMES = weighted([("moot", 40), ("granted", 20), ("denied", 25), ("granted_in_part", 15)])
OUTCOME_VERBS = {
    "granted": "granting",
    "denied": "denying",
    "granted_in_part": "granting in part and denying in part",
    "moot": "denying as moot",
}
RULING_KINDS = weighted([("order", 60), ("opinion", 15), ("minute_order", 20), ("judgment", 5)])
RULING_TITLE_START = {
    "order": "Order",
    "opinion": "Memorandum opinion and order",
    "minute_order": "Minute order",
    "judgment": "Order",
}

OPENING_ENTRY = {
    "civil": "COMPLAINT against {second} filed by {first}. (Filing fee $405)",
    "class_action": "CLASS ACTION COMPLAINT against {second} filed by {first}. (Filing fee $405)",
    "mdl": "TRANSFER ORDER of the Judicial Panel on Multidistrict Litigation centralizing the "
    "actions against {second}.",
    "appeal": "NOTICE OF APPEAL docketed; appeal by {first} from the judgment entered below.",
    "cert_petition": "PETITION for a writ of certiorari filed by {first}.",
}
CLOSING_ENTRY = {
    "settled": "STIPULATION of Dismissal with prejudice following settlement filed by {first}.",
    "dismissed": "ORDER dismissing the case. Signed by Judge {judge} on {date}. Case terminated.",
    "judgment": "JUDGMENT entered in favor of {second}. Signed by Judge {judge} on {date}.",
    "closed": "Case closed. Signed by Judge {judge} on {date}.",
}
ENTRY_TEMPLATES = [
    "NOTICE of Appearance by {attorney} on behalf of {party}.",
    "MINUTE ENTRY before Judge {judge}: Status hearing held on {date}.",
    "MEMORANDUM in Opposition filed by {party}.",
    "REPLY in Support filed by {party}.",
    "DECLARATION of {attorney} in support filed by {party}. (Attachments: # 1 Exhibit A)",
    "TRANSCRIPT of Proceedings held on {date} before Judge {judge}.",
    "STIPULATION and [Proposed] Order extending time filed by {party}.",
    "ORDER setting briefing schedule. Signed by Judge {judge} on {date}.",
    "JOINT STATUS REPORT filed by {party}.",
    "ANSWER to Complaint with Affirmative Defenses filed by {party}.",
    "CERTIFICATE of Service by {party}.",
    "NOTICE of Supplemental Authority filed by {party}.",
    "SCHEDULING ORDER: Fact discovery to close as set forth. Signed by Judge {judge} on {date}.",
    "PROTECTIVE ORDER governing confidential material. Signed by Judge {judge} on {date}.",
    "LETTER to Judge {judge} from {attorney} regarding discovery dispute.",
    "EXHIBITS to the Declaration of {attorney} filed by {party}.",
    "NOTICE of Deposition of {attorney} served by {party}.",
    "RESPONSE to Order to Show Cause filed by {party}.",
    "CASE MANAGEMENT STATEMENT filed by {party}.",
    "MINUTE ORDER: Telephonic conference held on {date} before Judge {judge}.",
]

DEADLINE_TITLES = {
    "discovery": ["Close of fact discovery", "Opening expert reports due",
                  "Rebuttal expert reports due", "Close of expert discovery",
                  "Substantial completion of document production"],
    "filing": ["Answer to the amended complaint due", "Joint case management statement due",
               "Amended complaint due", "Proposed pretrial order due", "Joint status report due",
               "Motions in limine due", "Dispositive motions due"],
    "hearing": ["Status conference", "Final pretrial conference", "Final approval hearing",
                "Trial", "Case management conference", "Settlement conference"],
    "appeal": ["Notice of appeal due", "Opening brief due", "Answering brief due",
               "Reply brief due", "Oral argument"],
    "other": ["Mediation to be completed", "Claims deadline for class members",
              "Opt-out and objection deadline", "Deadline to serve initial disclosures"],
}  # fmt: skip
MOTION_DEADLINE_KINDS = weighted([("response", 45), ("reply", 30), ("hearing", 25)])
OTHER_DEADLINE_KINDS = weighted(
    [("discovery", 25), ("filing", 30), ("hearing", 15), ("appeal", 10), ("other", 20)]
)
# Deadline statuses: due ahead in an open case; past due in an open case; in a closed case.
AHEAD = weighted([("open", 95), ("vacated", 3), ("extended", 2)])
PAST = weighted([("open", 60), ("met", 30), ("vacated", 7), ("extended", 3)])
CLOSED_CASE = weighted([("met", 70), ("vacated", 30)])
HEARING_TIMES = ["09:00:00", "09:30:00", "10:00:00", "13:30:00", "14:00:00"]
