"""Read a docket's words: clean text, party roles and kinds, counsel roles and contacts."""

from __future__ import annotations

import datetime
import re

from django.core.exceptions import ValidationError
from django.core.validators import validate_email

from parties.models import PartyKind, PartyRole, RepresentationRole

_ROLE_WORDS = [
    ("appellant", PartyRole.APPELLANT),
    ("appellee", PartyRole.APPELLEE),
    ("petitioner", PartyRole.PETITIONER),
    ("respondent", PartyRole.RESPONDENT),
    ("intervenor", PartyRole.INTERVENOR),
    ("amicus", PartyRole.AMICUS),
    ("objector", PartyRole.OBJECTOR),
    ("interested party", PartyRole.INTERESTED_PARTY),
    ("movant", PartyRole.MOVANT),
    ("plaintiff", PartyRole.PLAINTIFF),
    ("defendant", PartyRole.DEFENDANT),
    ("claimant", PartyRole.CLAIMANT),
]


def clean_text(value: str | None) -> str:
    """Collapse the non-breaking spaces and runs of blanks that docket HTML is full of."""
    return " ".join((value or "").replace("\xa0", " ").split())


def party_role(docket_role: str) -> str:
    """Map a docket's party type onto the tracker's roles ('Defendant - Appellee' -> appellee)."""
    text = clean_text(docket_role).lower()
    if re.search(r"\b(counter|cross|third[- ]party)\b", text):
        return PartyRole.OTHER
    for word, role in _ROLE_WORDS:
        if word in text:
            return role
    return PartyRole.OTHER


_ORGANIZATION = re.compile(
    r"\b(inc|incorporated|llc|l\.l\.c|llp|l\.l\.p|lp|l\.p|ltd|limited|corp|corporation|co|"
    r"company|companies|plc|gmbh|s\.a|n\.a|bank|trust|association|assn|group|holdings|"
    r"foundation|union|university|college|partners|partnership|fund|church|society|institute|"
    r"services|systems|technologies|hospital|center|centre|enterprises|international|"
    r"network|club|council|coalition|committee|et al)\b\.?",
    re.IGNORECASE,
)
_GOVERNMENT = re.compile(
    r"\b(united states|usa|state of|commonwealth of|people of|county|city of|town of|village of|"
    r"department|dept|bureau|agency|commission|administration|board|district attorney|"
    r"attorney general|government|federal|police|sheriff|secretary|commissioner|warden|"
    r"correctional|corrections|municipality)\b",
    re.IGNORECASE,
)


def party_kind(name: str) -> str:
    """Guess a new party's kind from its name; editors can correct it in the admin."""
    if _ORGANIZATION.search(name):
        return PartyKind.ORGANIZATION
    if _GOVERNMENT.search(name):
        return PartyKind.GOVERNMENT
    words = name.split()
    if 1 < len(words) <= 5 and not re.search(r"\d", name):
        return PartyKind.PERSON
    return PartyKind.ORGANIZATION


_TERMINATED = re.compile(r"TERMINATED:\s*(\d{1,2})/(\d{1,2})/(\d{4})", re.IGNORECASE)


def terminated_on(roles: list[str]) -> datetime.date | None:
    """Return the date of the first "TERMINATED: mm/dd/yyyy" in the role lines, or None."""
    for role in roles:
        match = _TERMINATED.search(role)
        if match:
            month, day, year = (int(g) for g in match.groups())
            try:
                return datetime.date(year, month, day)
            except ValueError:
                return None
    return None


def representation_role(roles: list[str]) -> str:
    """Return the counsel role a docket's role lines give (LEAD ATTORNEY -> lead counsel)."""
    text = " ".join(roles).upper()
    if "LEAD ATTORNEY" in text:
        return RepresentationRole.LEAD
    if "PRO HAC VICE" in text:
        return RepresentationRole.PRO_HAC_VICE
    if "ATTORNEY TO BE NOTICED" in text or re.search(r"\b(COR|NTC)\b", text):
        return RepresentationRole.COUNSEL_OF_RECORD
    return RepresentationRole.COUNSEL


_NOT_A_FIRM = re.compile(
    r"^(\d|#|p\.?\s?o\.?\s+box|suite\b|ste\b|floor\b|room\b|direct:|fax:|phone:|tel|email:|"
    r"e-mail:|cell:|designation:|bar status:|\(\d{3}\))",
    re.IGNORECASE,
)
_ADDRESS_END = re.compile(r",\s*[A-Z]{2}\s+\d{5}")


def contact_firm(contact: str) -> str:
    """Return the firm an attorney's contact lines name, or '' (pro se, or an address alone)."""
    if re.search(r"\bpro se\b", contact, re.IGNORECASE):
        return ""
    for raw in contact.splitlines():
        line = clean_text(raw)
        if not line or "@" in line or _NOT_A_FIRM.match(line):
            continue
        if _ADDRESS_END.search(line) or re.match(r"^[A-Za-z .]+,\s*[A-Z]{2}\b", line):
            return ""
        return line[:300]
    return ""


def contact_email(contact: str) -> str:
    """Return the first valid e-mail address in an attorney's contact lines, or ''."""
    for word in re.findall(r"[^\s<>()]+@[^\s<>()]+", contact):
        word = word.strip(".,;:")
        try:
            validate_email(word)
        except ValidationError:
            continue
        return word[:254]
    return ""
