"""PACER docket reports (HTML, as CM/ECF serves them) parsed by juriscraper into a ``DocketData``.

District courts and the JPML give the CM/ECF "Docket Report" (juriscraper's ``DocketReport``);
the courts of appeals their "General Docket" (``AppellateDocketReport``). The court is read from
the report's heading (matched by courts-db), else from the CM/ECF host its links point to.
"""

from __future__ import annotations

import datetime
import html
import logging
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cases.importers.courts import federal_court_info
from cases.importers.docket import (
    AttorneyData,
    DocketData,
    EntryData,
    EntryScope,
    MergeReport,
    PartyData,
    clean_text,
    docket_merge,
)
from cases.importers.errors import DocketImportError
from cases.models import Case, CaseType, DocketSource, JudgeRole

logger = logging.getLogger(__name__)

# A report larger than this is not a docket report (the longest MDL dockets are a few MB).
MAX_BYTES = 50 * 1024 * 1024

_DISTRICT_MARK = re.compile(r"docket\s+for\s+case\s*#|bankruptcy\s+petition\s*#", re.IGNORECASE)
_APPELLATE_MARK = re.compile(r"court\s+of\s+appeals\s+docket\s*#|general\s+docket", re.IGNORECASE)
_HOST = re.compile(r"ecf\.([a-z0-9]+)\.uscourts\.gov", re.IGNORECASE)
_RECEIPT = re.compile(
    r"transaction\s+receipt.{0,400}?(\d{2})/(\d{2})/(\d{4})", re.IGNORECASE | re.DOTALL
)
_TAGS = re.compile(r"<[^>]+>")


@dataclass
class ParsedReport:
    """What juriscraper read from one file, before it is matched to the tracker."""

    court_id: str
    appellate: bool
    data: dict[str, Any]
    report_date: datetime.date | None
    scope: EntryScope | None = None


_CRITERIA = re.compile(r"search\s+criteria:(.{0,400})", re.IGNORECASE)
_DAY = r"(\d{1,2}/\d{1,2}/\d{4})"


def _us_day(text: str | None) -> datetime.date | None:
    if not text:
        return None
    month, day, year = (int(part) for part in text.split("/"))
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def report_scope(html_text: str) -> EntryScope | None:
    """The entries a report was run for, from its receipt's search criteria (None: all)."""
    match = _CRITERIA.search(_visible_text(html_text[-10000:]))
    if not match:
        return None
    criteria = match.group(1)

    def number(pattern: str) -> int | None:
        found = re.search(pattern, criteria, re.IGNORECASE)
        return int(found.group(1)) if found else None

    def day(pattern: str) -> datetime.date | None:
        found = re.search(pattern, criteria, re.IGNORECASE)
        return _us_day(found.group(1)) if found else None

    first = number(r"starting\s+with\s+document:\s*(\d+)") or number(r"doc\s+from:\s*(\d+)")
    last = number(r"ending\s+with\s+document:\s*(\d+)") or number(r"doc\s+to:\s*(\d+)")
    if last is not None and last >= 99999999:
        last = None
    since = day(rf"start\s+date:\s*{_DAY}") or day(rf"\bfrom:\s*{_DAY}")
    until = day(rf"end\s+date:\s*{_DAY}") or day(rf"\bto:\s*{_DAY}")
    scope = EntryScope(first or None, last, since, until)
    return scope if scope.limited else None


def decode(content: bytes) -> str:
    """The report's text: UTF-8, else Windows-1252 (what older CM/ECF pages are in)."""
    try:
        return content.decode("utf-8")
    except UnicodeDecodeError:
        return content.decode("cp1252", errors="replace")


def _visible_text(html_text: str) -> str:
    return " ".join(html.unescape(_TAGS.sub(" ", html_text)).split())


def detect_court(html_text: str, *, appellate: bool) -> str | None:
    """The courts-db id of the court whose report this is, or None when it cannot be told."""
    from courts_db import find_court

    text = _visible_text(html_text[:20000])
    if re.search(r"Bankruptcy\s+Appellate\s+Panel", text, re.IGNORECASE):
        return None  # a BAP's pages link to its circuit's server: the links would say ca9
    for heading, kind in _headings(text, appellate=appellate):
        found = {c for c in find_court(heading) if _is_kind(c, kind)}
        if len(found) == 1:
            return found.pop()
    kinds = {"appellate"} if appellate else {"trial", "bankruptcy", "special"}
    hosts = Counter(h.lower() for h in _HOST.findall(html_text))
    for host, _ in hosts.most_common():
        if any(_is_kind(host, kind) for kind in kinds):
            return host
    return None


def _is_kind(court_id: str, kind: str) -> bool:
    """Whether courts-db knows ``court_id`` as a federal court of this type (trial, ...)."""
    info = federal_court_info(court_id)
    return info is not None and court_id != "scotus" and info.get("type") == kind


_DISTRICT_HEADING = re.compile(
    r"(?:U\.S\.|United States) (District|Bankruptcy) Court\s*[-,]?\s*(.{3,80}?)"
    r"\s*(?:\(|-|CIVIL DOCKET|CRIMINAL DOCKET|DOCKET FOR|Bankruptcy Petition|$)",
    re.IGNORECASE,
)
_REGION = re.compile(
    r"^(.+?)\s+(Northern|Southern|Eastern|Western|Middle|Central)\s+District$", re.IGNORECASE
)


def _headings(text: str, *, appellate: bool) -> list[tuple[str, str]]:
    """Court names the report's heading may give, each with the courts-db type it names."""
    if appellate:
        found = re.findall(r"United States Court of Appeals for the [A-Za-z. ]+? Circuit", text)
        return [(heading, "appellate") for heading in found]
    if re.search(r"Judicial Panel on Multidistrict Litigation|for JPML", text, re.IGNORECASE):
        return [("United States Judicial Panel on Multidistrict Litigation", "special")]
    headings = []
    for match in _DISTRICT_HEADING.finditer(text):
        kind = "bankruptcy" if match.group(1).lower() == "bankruptcy" else "trial"
        place = match.group(2).strip(" ,-")
        # CM/ECF writes "California Northern District"; courts-db knows "Northern District of".
        region = _REGION.match(place)
        if region:
            place = f"{region.group(2)} District of {region.group(1)}"
        headings.append((f"United States {match.group(1)} Court {place}", kind))
    return headings


def _report_date(html_text: str) -> datetime.date | None:
    match = _RECEIPT.search(html_text)
    if not match:
        return None
    month, day, year = (int(g) for g in match.groups())
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _quiet_juriscraper() -> None:
    """juriscraper logs to a file of its own and warns on stderr when it has none; not here."""
    for name in ("juriscraper", "juriscraper.lib.log_tools"):
        lib = logging.getLogger(name)
        for handler in list(lib.handlers):
            lib.removeHandler(handler)
        lib.propagate = True
        lib.setLevel(logging.WARNING)


def parse_report(content: bytes, *, court_id: str | None = None) -> ParsedReport:
    """Read one PACER docket report; a file that is not one raises ``DocketImportError``."""
    if not content.strip():
        raise DocketImportError("The file is empty.")
    if len(content) > MAX_BYTES:
        raise DocketImportError(
            f"The file is {len(content) // (1024 * 1024)} MB, larger than any docket report."
        )
    if b"\x00" in content[:4096]:
        raise DocketImportError("The file is not a PACER docket report (it is not text).")
    html_text = decode(content)
    appellate = bool(_APPELLATE_MARK.search(html_text)) and not _DISTRICT_MARK.search(html_text)
    if not appellate and not _DISTRICT_MARK.search(html_text):
        raise DocketImportError(
            "The file is not a PACER docket report: it has neither a district court's "
            "'Docket for case #' nor a court of appeals' docket heading."
        )
    if not re.search(r"</(?:html|body)\s*>|transaction\s+receipt", html_text[-5000:], re.I):
        raise DocketImportError(
            "The report is cut off: it ends before its last table (no closing </html> or PACER "
            "transaction receipt); save the whole page from PACER again."
        )
    court_id = (court_id or "").strip().lower() or detect_court(html_text, appellate=appellate)
    if not court_id:
        raise DocketImportError(
            "The court of this report cannot be identified from its heading or links; give its "
            "courts-db id (such as ilnd, cand, jpml or ca7) as the court (--court)."
        )
    if federal_court_info(court_id) is None:
        raise DocketImportError(f"{court_id!r} is not the id of a federal court in courts-db.")
    data = _juriscraper_parse(html_text, court_id, appellate=appellate)
    return ParsedReport(
        court_id, appellate, data, _report_date(html_text), scope=report_scope(html_text)
    )


def _juriscraper_parse(html_text: str, court_id: str, *, appellate: bool) -> dict[str, Any]:
    from juriscraper.pacer import AppellateDocketReport, DocketReport

    _quiet_juriscraper()
    report = (AppellateDocketReport if appellate else DocketReport)(court_id)
    try:
        report._parse_text(html_text)
        data = report.data
    # juriscraper reads the page with XPath and indexes into what it finds: a garbled page
    # fails inside it with one of these, which all mean "not a readable docket".
    except (IndexError, AttributeError, KeyError, TypeError, ValueError) as error:
        logger.info("juriscraper could not parse a %s report: %r", court_id, error)
        raise DocketImportError(
            "The report could not be read: its docket tables are garbled or incomplete."
        ) from None
    if not data or not data.get("docket_number"):
        raise DocketImportError(
            "The report could not be read: juriscraper found no docket number in it."
        )
    return data


def _number(value: Any) -> int | None:
    text = str(value or "").strip()
    if not text.isdigit():
        return None
    number = int(text)
    return number if 0 < number < 2**63 else None


def _date(value: Any) -> datetime.date | None:
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    return None


def _case_type(parsed: ParsedReport) -> str:
    data = parsed.data
    if parsed.appellate:
        return CaseType.APPEAL
    if parsed.court_id == "jpml" or data.get("mdl_status"):
        return CaseType.MDL if parsed.court_id == "jpml" else CaseType.CIVIL
    if (data.get("federal_dn_case_type") or "").lower() in {"cr", "mj", "po"}:
        return CaseType.CRIMINAL
    return CaseType.CIVIL


def docket_data(parsed: ParsedReport) -> DocketData:
    """Map juriscraper's dictionary onto the tracker's ``DocketData``."""
    data = parsed.data
    judges: list[tuple[str, str]] = []
    if data.get("assigned_to_str"):
        judges.append((data["assigned_to_str"], JudgeRole.PRESIDING))
    if data.get("referred_to_str"):
        judges.append((data["referred_to_str"], JudgeRole.MAGISTRATE))
    for name in data.get("panel") or []:
        judges.append((name, JudgeRole.PANEL))
    parties = [
        PartyData(
            name=party.get("name") or "",
            role=party.get("type") or "",
            date_terminated=_date(party.get("date_terminated")),
            extra_info=party.get("extra_info") or "",
            attorneys=[
                AttorneyData(
                    name=attorney.get("name") or "",
                    contact=attorney.get("contact") or "",
                    roles=list(attorney.get("roles") or []),
                )
                for attorney in party.get("attorneys") or []
            ],
        )
        for party in data.get("parties") or []
    ]
    entries = [
        EntryData(
            number=_number(entry.get("document_number")),
            date_filed=_date(entry.get("date_filed")),
            date_entered=_date(entry.get("date_entered")),
            text=entry.get("description") or entry.get("short_description") or "",
            pacer_doc_id=str(entry.get("pacer_doc_id") or ""),
            pacer_seq_no=str(entry.get("pacer_seq_no") or ""),
        )
        for entry in data.get("docket_entries") or []
    ]
    return DocketData(
        source=DocketSource.PACER,
        court_id=parsed.court_id,
        docket_number=data.get("docket_number") or "",
        case_name=clean_text(data.get("case_name")),
        case_type=_case_type(parsed),
        date_filed=_date(data.get("date_filed")),
        date_terminated=_date(data.get("date_terminated")),
        cause=data.get("cause") or "",
        nature_of_suit=data.get("nature_of_suit") or "",
        jury_demand="" if data.get("jury_demand") in (None, "None") else data["jury_demand"],
        jurisdiction=data.get("jurisdiction") or "",
        demand=data.get("demand") or "",
        judges=judges,
        parties=parties,
        entries=entries,
        report_date=parsed.report_date,
        scope=parsed.scope,
        appeal_from=_appeal_from(data) if parsed.appellate else None,
    )


def _appeal_from(data: dict[str, Any]) -> tuple[str, str, datetime.date | None] | None:
    """The lower court's case of an appeal, as the court of appeals' docket names it."""
    origin = data.get("originating_court_information") or {}
    if not origin.get("court_id") or not origin.get("docket_number"):
        return None
    noticed = _date(origin.get("date_filed_noa")) or _date(data.get("date_filed"))
    return origin["court_id"], origin["docket_number"], noticed


def pacer_import(
    content: bytes,
    *,
    case: Case | None = None,
    court_id: str | None = None,
    actor: Any = None,
    dry_run: bool = False,
    file_name: str = "",
) -> MergeReport:
    """Import one PACER docket report: parse, match, write in one transaction (or preview)."""
    parsed = parse_report(content, court_id=court_id)
    return docket_merge(
        docket_data(parsed), case=case, actor=actor, dry_run=dry_run, file_name=file_name
    )


def pacer_import_file(path: Path, **options: Any) -> MergeReport:
    """Import the report in ``path`` (see ``pacer_import``)."""
    try:
        content = path.read_bytes()
    except OSError as error:
        raise DocketImportError(f"The file cannot be read: {error.strerror}.") from None
    return pacer_import(content, file_name=path.name, **options)
