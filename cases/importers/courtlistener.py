"""CourtListener (REST API v4): a client, its JSON mapped onto a ``DocketData``, the sync, and
the docket-alert webhook's delivery.

A case is linked to a CourtListener docket by ``Case.courtlistener_docket_id``. The beat task
(``cases.tasks.courtlistener_sync``) fetches each linked docket, its entries, parties and
attorneys (every request outside any database transaction), then hands the whole docket to the
same merge the PACER importer uses (``docket_merge``), so a new entry becomes a ``CaseEvent`` and
reaches the case's followers. CourtListener's docket alerts arrive as webhooks
(``cases.webhooks``): their new entries are merged the same way, once per idempotency key.

Nothing here runs without ``COURTLISTENER_TOKEN``; the webhook needs
``COURTLISTENER_WEBHOOK_SECRET``.
"""

from __future__ import annotations

import datetime
import email.utils
import logging
import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from types import TracebackType
from typing import Any

import httpx
from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F, Q
from django.utils import timezone

from cases.importers.courts import federal_court_info
from cases.importers.docket import (
    AttorneyData,
    DocketData,
    EntryData,
    MergeReport,
    PartyData,
    clean_text,
    docket_merge,
)
from cases.importers.errors import DocketImportError
from cases.models import Case, CaseType, DocketSource, JudgeRole, WebhookDelivery

logger = logging.getLogger(__name__)

SITE = "https://www.courtlistener.com"
SYNC_OFF = "CourtListener sync is off: set COURTLISTENER_TOKEN."
# A 429 asking for a longer wait than this is not waited out: the next sync tries again.
MAX_WAIT_SECONDS = 60.0
# Pages of one list (100 rows each) followed before giving up: a loop, or not a docket.
MAX_PAGES = 1000
PAGE_SIZE = 100
# CourtListener's webhook event type of a docket alert (new entries on a followed docket).
DOCKET_ALERT = 1

Sleep = Callable[[float], None]


class CourtListenerError(Exception):
    """CourtListener could not be reached, refused, or answered something unusable.

    The message is one sentence for the admin (it is kept in ``Case.courtlistener_sync_error``).
    """


class CourtListenerRateLimited(CourtListenerError):
    """CourtListener keeps answering 429: every further request now would be refused too."""


# --- The client ---------------------------------------------------------------------------------


def _refuse_inside_transaction() -> None:
    # A request can take COURTLISTENER_TIMEOUT seconds, several times over with the retries:
    # never while holding a transaction (and its row locks) open.
    if transaction.get_connection().in_atomic_block:
        raise RuntimeError("CourtListener must not be called inside a database transaction.")


class CourtListenerClient:
    """GET requests to CourtListener's REST API with its token, a timeout on each, cursor
    pagination, waits on 429 (``Retry-After``) and retries with backoff on 5xx and network errors.

    ``sleep`` is how it waits (tests pass one that records instead of sleeping).
    """

    def __init__(
        self,
        *,
        token: str,
        api_url: str,
        timeout: float,
        sleep: Sleep = time.sleep,
        retries: int = 3,
        rate_limit_retries: int = 3,
        backoff: float = 1.0,
        max_wait: float = MAX_WAIT_SECONDS,
    ) -> None:
        if not token:
            raise CourtListenerError(SYNC_OFF)
        self.api_url = api_url if api_url.endswith("/") else f"{api_url}/"
        self.timeout = timeout
        self.sleep = sleep
        self.retries = retries
        self.rate_limit_retries = rate_limit_retries
        self.backoff = backoff
        self.max_wait = max_wait
        self._origin = _origin(httpx.URL(self.api_url))
        self._http = httpx.Client(
            base_url=self.api_url,
            headers={
                "Authorization": f"Token {token}",
                "Accept": "application/json",
                "User-Agent": "docket-tracker (CourtListener sync)",
            },
            timeout=httpx.Timeout(timeout),
            follow_redirects=False,
        )

    @classmethod
    def from_settings(cls, *, sleep: Sleep = time.sleep) -> CourtListenerClient:
        return cls(
            token=settings.COURTLISTENER_TOKEN,
            api_url=settings.COURTLISTENER_API_URL,
            timeout=settings.COURTLISTENER_TIMEOUT,
            sleep=sleep,
        )

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> CourtListenerClient:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    # One resource, one list.

    def docket(self, docket_id: int) -> dict[str, Any]:
        return self.get(f"dockets/{docket_id}/")

    def docket_entries(self, docket_id: int) -> list[dict[str, Any]]:
        return self.paginate("docket-entries/", {"docket": docket_id, "page_size": PAGE_SIZE})

    def parties(self, docket_id: int) -> list[dict[str, Any]]:
        # filter_nested_results: each party's attorneys and types for this docket only.
        return self.paginate(
            "parties/",
            {"docket": docket_id, "filter_nested_results": "True", "page_size": PAGE_SIZE},
        )

    def attorneys(self, docket_id: int) -> list[dict[str, Any]]:
        return self.paginate(
            "attorneys/",
            {"docket": docket_id, "filter_nested_results": "True", "page_size": PAGE_SIZE},
        )

    def paginate(self, path: str, params: dict[str, Any]) -> list[dict[str, Any]]:
        """Every result of a list, following the ``next`` address of each page (v4 cursors)."""
        results: list[dict[str, Any]] = []
        url: str = path
        query: dict[str, Any] | None = params
        seen: set[str] = set()
        for _ in range(MAX_PAGES):
            page = self.get(url, query)
            items = page.get("results")
            if not isinstance(items, list):
                raise CourtListenerError(
                    f"CourtListener's answer for {path} is not a list of results."
                )
            results.extend(item for item in items if isinstance(item, dict))
            following = page.get("next")
            if not following:
                return results
            if not isinstance(following, str) or following in seen:
                raise CourtListenerError(f"CourtListener's pages of {path} run in a loop.")
            seen.add(following)
            url, query = following, None
        raise CourtListenerError(f"CourtListener's {path} has more than {MAX_PAGES} pages.")

    def get(self, url: str, params: dict[str, Any] | None = None) -> dict[str, Any]:
        """One JSON object from CourtListener; any failure raises ``CourtListenerError``."""
        request = self._http.build_request("GET", url, params=params)
        where = self._describe(request.url)
        if _origin(request.url) != self._origin:
            # A "next" address elsewhere would be sent the token: refuse it.
            raise CourtListenerError(
                f"CourtListener's answer points to another site ({request.url.host}); not followed."
            )
        failures = 0
        waits = 0
        while True:
            _refuse_inside_transaction()
            try:
                response = self._http.send(request)
            except httpx.TimeoutException:
                problem = f"CourtListener did not answer within {self.timeout:g} s"
            except httpx.TransportError as error:
                problem = f"CourtListener could not be reached ({type(error).__name__}: {error})"
            else:
                if response.status_code == 429:
                    wait = self._retry_after(response, waits)
                    if wait > self.max_wait or waits >= self.rate_limit_retries:
                        raise CourtListenerRateLimited(
                            f"CourtListener is limiting this token's requests (429 Too Many "
                            f"Requests for {where}, retry after {wait:g} s); the next sync "
                            "tries again."
                        )
                    waits += 1
                    logger.info("CourtListener 429 for %s; waiting %.1f s", where, wait)
                    self.sleep(wait)
                    continue
                if response.status_code < 500:
                    return self._json(response, where)
                problem = f"CourtListener answered {_status(response.status_code)}"
            if failures >= self.retries:
                raise CourtListenerError(
                    f"{problem} for {where}, {failures + 1} times in a row; gave up "
                    "(the next sync tries again)."
                )
            delay = self.backoff * 2**failures
            failures += 1
            logger.info("%s for %s; retrying in %.1f s", problem, where, delay)
            self.sleep(delay)

    def _describe(self, url: httpx.URL) -> str:
        text = str(url)
        return text.removeprefix(self.api_url) if text.startswith(self.api_url) else url.path

    def _retry_after(self, response: httpx.Response, waits: int) -> float:
        raw = response.headers.get("Retry-After", "").strip()
        if raw.isdigit():
            return float(raw)
        if raw:
            try:
                when = email.utils.parsedate_to_datetime(raw)
            except (TypeError, ValueError):
                when = None
            if when is not None and when.tzinfo is not None:
                return max(0.0, (when - timezone.now()).total_seconds())
        return self.backoff * 2**waits

    def _json(self, response: httpx.Response, where: str) -> dict[str, Any]:
        status = response.status_code
        if status >= 400:
            detail = _detail(response)
            if status in (401, 403):
                raise CourtListenerError(
                    f"CourtListener refused the request for {where} ({status}{detail}): "
                    "check COURTLISTENER_TOKEN, and that its account may use this API."
                )
            if status == 404:
                raise CourtListenerError(
                    f"CourtListener has nothing at {where} (404 Not Found): check the case's "
                    "CourtListener docket."
                )
            raise CourtListenerError(
                f"CourtListener answered {_status(status)}{detail} for {where}."
            )
        if status != 200:
            raise CourtListenerError(f"CourtListener answered {status} for {where}, not 200.")
        try:
            data = response.json()
        except ValueError:
            raise CourtListenerError(f"CourtListener's answer for {where} is not JSON.") from None
        if not isinstance(data, dict):
            raise CourtListenerError(f"CourtListener's answer for {where} is not a JSON object.")
        return data


def _status(code: int) -> str:
    """``500 Internal Server Error``, whatever the server wrote as its reason."""
    return f"{code} {httpx.codes.get_reason_phrase(code)}".strip()


def _origin(url: httpx.URL) -> tuple[str, str, int | None]:
    return (url.scheme, url.host, url.port)


def _detail(response: httpx.Response) -> str:
    try:
        data = response.json()
    except ValueError:
        return ""
    detail = data.get("detail") if isinstance(data, dict) else None
    return f": {clean_text(str(detail))[:200]}" if detail else ""


# --- CourtListener's JSON -> DocketData ----------------------------------------------------------

# CourtListener's attorney roles (cl/people_db/models.py, Role.ATTORNEY_ROLES), written as PACER
# writes them, so ``representation_role`` and ``_terminated_on`` read them like a PACER report.
ROLE_LINES = {
    1: "ATTORNEY TO BE NOTICED",
    2: "LEAD ATTORNEY",
    3: "ATTORNEY IN SEALED GROUP",
    4: "PRO HAC VICE",
    5: "SELF-TERMINATED",
    6: "TERMINATED",
    7: "SUSPENDED",
    8: "INACTIVE",
    9: "DISBARRED",
    # 10 is "Unknown": no line.
}
_DATED_ROLES = {5, 6, 9}


def _int(value: Any) -> int | None:
    """A positive id or number, from an int or a string of digits; anything else is None."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        number = value
    elif isinstance(value, str) and value.strip().isdigit():
        number = int(value.strip())
    else:
        return None
    return number if 0 < number < 2**63 else None


def _text(value: Any) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else str(value)


def _date(value: Any) -> datetime.date | None:
    """A date from CourtListener's ``2020-06-29`` (or a timestamp starting with one)."""
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return datetime.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _dicts(value: Any) -> list[dict[str, Any]]:
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


_RESOURCE_ID = re.compile(r"/(?P<kind>[a-z-]+)/(?P<id>\d+)/?(?:[?#].*)?$")


def resource_id(value: Any, kind: str) -> int | None:
    """The id in a reference: ``123``, ``"123"`` or ``.../api/rest/v4/<kind>/123/``."""
    number = _int(value)
    if number is not None:
        return number
    if isinstance(value, str):
        match = _RESOURCE_ID.search(value.strip())
        if match and match["kind"] == kind:
            return _int(match["id"])
    return None


def docket_ref(item: dict[str, Any]) -> int | None:
    """The docket an entry, party type or role names (``docket_id``, or ``docket``)."""
    return _int(item.get("docket_id")) or resource_id(item.get("docket"), "dockets")


def _on_docket(item: dict[str, Any], docket_id: int) -> bool:
    """Whether a nested party type or role belongs to this docket (kept when it does not say)."""
    found = docket_ref(item)
    return found is None or found == docket_id


_DOCKET_ADDRESS = re.compile(
    r"^(?:https?://)?(?:www\.)?courtlistener\.com/(?:docket|api/rest/v\d+/dockets)/(\d+)(?:[/?#]|$)",
    re.IGNORECASE,
)


_ID_RANGE = f"A CourtListener docket id is a whole number from 1 to {2**63 - 1}."


def docket_id_parse(text: str) -> int:
    """A CourtListener docket id from ``67890`` or an address of the docket
    (``https://www.courtlistener.com/docket/67890/foo-v-bar/``); ``ValueError`` otherwise."""
    text = text.strip()
    if text.isdigit():
        number = _int(text)
        if number is None:
            raise ValueError(_ID_RANGE)
        return number
    match = _DOCKET_ADDRESS.match(text)
    if match is None:
        raise ValueError(
            "Enter a CourtListener docket id (67890) or the docket's address "
            "(https://www.courtlistener.com/docket/67890/...)."
        )
    number = _int(match.group(1))
    if number is None:
        raise ValueError(_ID_RANGE)
    return number


def _site_url(path: Any) -> str:
    text = _text(path).strip()
    if text.startswith("/"):
        return SITE + text
    return text if re.match(r"^https?://", text, re.IGNORECASE) else ""


def _main_document(documents: list[dict[str, Any]]) -> dict[str, Any] | None:
    """The entry's own document (not an attachment), when CourtListener has it."""
    for document in documents:
        if document.get("document_type") == 1:
            return document
    for document in documents:
        if document.get("document_type") is None and not _int(document.get("attachment_number")):
            return document
    return None


def entry_data(raw: dict[str, Any]) -> EntryData:
    """One docket entry (``docket-entries/`` or a webhook's result) as the merge takes it."""
    documents = _dicts(raw.get("recap_documents"))
    main = _main_document(documents)
    text = clean_text(_text(raw.get("description")))
    if not text and main is not None:
        text = clean_text(_text(main.get("description")))
    if not text:
        text = next(
            (clean_text(_text(d.get("description"))) for d in documents if d.get("description")),
            "",
        )
    return EntryData(
        number=_int(raw.get("entry_number")),
        date_filed=_date(raw.get("date_filed")),
        date_entered=_date(raw.get("date_entered")),
        text=text,
        pacer_doc_id=_text(main.get("pacer_doc_id")).strip() if main else "",
        pacer_seq_no=_text(raw.get("pacer_sequence_number")).strip(),
        courtlistener_id=_int(raw.get("id")),
        document_url=_site_url(main.get("absolute_url")) if main else "",
    )


def role_lines(roles: Iterable[dict[str, Any]]) -> list[str]:
    """An attorney's roles on the docket as PACER's role lines, in CourtListener's code order."""
    lines: list[tuple[int, str]] = []
    for item in roles:
        raw = item.get("role")
        code = _int(raw)
        if code is None:
            text = clean_text(raw).upper() if isinstance(raw, str) else ""
            if text and not text.isdigit():
                lines.append((99, text))
            continue
        line = ROLE_LINES.get(code)
        if line is None:
            continue
        when = _date(item.get("date_action"))
        if when is not None and code in _DATED_ROLES:
            line = f"{line}: {when:%m/%d/%Y}"
        lines.append((code, line))
    unique = dict.fromkeys(line for _, line in sorted(lines))
    return list(unique)


def _contact(attorney: dict[str, Any]) -> str:
    """The attorney's contact lines (firm first, as the docket gives them), email and phone."""
    contact = _text(attorney.get("contact_raw")).replace("\xa0", " ").strip()
    for label, key in (("Email", "email"), ("Phone", "phone")):
        value = clean_text(_text(attorney.get(key)))
        if value and value not in contact:
            contact = f"{contact}\n{label}: {value}" if contact else f"{label}: {value}"
    return contact


@dataclass
class _Link:
    attorney_id: int | None
    name: str
    roles: list[dict[str, Any]] = field(default_factory=list)


def _party_links(party: dict[str, Any], docket_id: int) -> dict[int | str, _Link]:
    """The attorneys a party lists (``attorneys``: one role each, or with nested ``roles``)."""
    links: dict[int | str, _Link] = {}
    for item in _dicts(party.get("attorneys")):
        attorney_id = _int(item.get("attorney_id")) or resource_id(
            item.get("attorney"), "attorneys"
        )
        if attorney_id is None and isinstance(item.get("id"), int) and "roles" in item:
            attorney_id = _int(item.get("id"))
        name = clean_text(_text(item.get("name")))
        key: int | str | None = attorney_id or name.lower() or None
        if key is None:
            continue
        link = links.setdefault(key, _Link(attorney_id, name))
        link.name = link.name or name
        nested = item.get("roles")
        if isinstance(nested, list):
            link.roles += [r for r in _dicts(nested) if _on_docket(r, docket_id)]
        elif _on_docket(item, docket_id):
            link.roles.append(item)
    return links


def _represented(attorneys: list[dict[str, Any]], docket_id: int) -> dict[int, dict[int, _Link]]:
    """party id -> attorney id -> link, from the attorneys' ``parties_represented``."""
    found: dict[int, dict[int, _Link]] = {}
    for attorney in attorneys:
        attorney_id = _int(attorney.get("id"))
        if attorney_id is None:
            continue
        for role in _dicts(attorney.get("parties_represented")):
            party_id = _int(role.get("party_id")) or resource_id(role.get("party"), "parties")
            if party_id is None or not _on_docket(role, docket_id):
                continue
            link = found.setdefault(party_id, {}).setdefault(
                attorney_id, _Link(attorney_id, clean_text(_text(attorney.get("name"))))
            )
            link.roles.append(role)
    return found


def parties_data(
    parties: list[dict[str, Any]], attorneys: list[dict[str, Any]], *, docket_id: int
) -> list[PartyData]:
    """The docket's parties, each with its counsel (names and contacts from ``attorneys/``)."""
    attorneys = _dicts(attorneys)
    by_id = {_int(a.get("id")): a for a in attorneys if _int(a.get("id")) is not None}
    represented = _represented(attorneys, docket_id)
    result: list[PartyData] = []
    for party in _dicts(parties):
        name = clean_text(_text(party.get("name")))
        if not name:
            continue
        links: dict[Any, _Link] = dict(_party_links(party, docket_id))
        if not links:
            links = dict(represented.get(_int(party.get("id")) or 0, {}))
        counsel: list[AttorneyData] = []
        for link in links.values():
            info = by_id.get(link.attorney_id, {}) if link.attorney_id else {}
            attorney_name = clean_text(_text(info.get("name"))) or link.name
            if not attorney_name:
                logger.info("CourtListener attorney %s has no name; skipped", link.attorney_id)
                continue
            counsel.append(
                AttorneyData(
                    name=attorney_name, contact=_contact(info), roles=role_lines(link.roles)
                )
            )
        types = [t for t in _dicts(party.get("party_types")) if _on_docket(t, docket_id)]
        for party_type in types or [{}]:
            result.append(
                PartyData(
                    name=name,
                    role=clean_text(_text(party_type.get("name"))),
                    date_terminated=_date(party_type.get("date_terminated")),
                    extra_info=_text(party_type.get("extra_info")).strip(),
                    attorneys=counsel,
                )
            )
    return result


def _court_id(docket: dict[str, Any]) -> str:
    court = _text(docket.get("court_id")).strip().lower()
    if court:
        return court
    match = re.search(r"/courts/([a-z0-9]+)/?$", _text(docket.get("court")).strip())
    return match.group(1).lower() if match else ""


def _case_type(court_id: str, docket_number: str) -> str:
    if court_id == "jpml":
        return CaseType.MDL
    info = federal_court_info(court_id) or {}
    if info.get("type") == "appellate":
        return CaseType.APPEAL
    if re.search(r"-(cr|mj|po)-", docket_number.lower()):
        return CaseType.CRIMINAL
    return CaseType.CIVIL


def docket_data(
    docket: dict[str, Any],
    *,
    entries: list[dict[str, Any]],
    parties: list[dict[str, Any]],
    attorneys: list[dict[str, Any]],
    docket_id: int | None = None,
) -> DocketData:
    """A CourtListener docket with its entries, parties and attorneys, as the merge takes it.

    ``complete`` is False: a CourtListener (RECAP) docket has the entries someone bought or
    uploaded, so an entry the tracker has from PACER and CourtListener lacks is not flagged.
    """
    docket_id = docket_id or _int(docket.get("id"))
    if docket_id is None:
        raise CourtListenerError("CourtListener's docket has no id.")
    court_id = _court_id(docket)
    if not court_id:
        raise CourtListenerError(f"CourtListener's docket {docket_id} names no court.")
    docket_number = clean_text(_text(docket.get("docket_number")))
    judges: list[tuple[str, str]] = []
    if clean_text(_text(docket.get("assigned_to_str"))):
        judges.append((clean_text(docket["assigned_to_str"]), JudgeRole.PRESIDING))
    if clean_text(_text(docket.get("referred_to_str"))):
        judges.append((clean_text(docket["referred_to_str"]), JudgeRole.MAGISTRATE))
    jury = clean_text(_text(docket.get("jury_demand")))
    return DocketData(
        source=DocketSource.COURTLISTENER,
        court_id=court_id,
        docket_number=docket_number,
        case_name=clean_text(
            _text(docket.get("case_name"))
            or _text(docket.get("case_name_full"))
            or _text(docket.get("case_name_short"))
        ),
        case_type=_case_type(court_id, docket_number),
        date_filed=_date(docket.get("date_filed")),
        date_terminated=_date(docket.get("date_terminated")),
        cause=_text(docket.get("cause")),
        nature_of_suit=_text(docket.get("nature_of_suit")),
        jury_demand="" if jury.lower() == "none" else jury,
        jurisdiction=_text(docket.get("jurisdiction_type")),
        judges=judges,
        parties=parties_data(parties, attorneys, docket_id=docket_id),
        entries=[entry_data(raw) for raw in _dicts(entries)],
        complete=False,
        courtlistener_docket_id=docket_id,
    )


# --- The sync -----------------------------------------------------------------------------------


def courtlistener_docket_fetch(*, client: CourtListenerClient, docket_id: int) -> DocketData:
    """Read one docket from CourtListener (network only: no database writes)."""
    docket = client.docket(docket_id)
    return docket_data(
        docket,
        entries=client.docket_entries(docket_id),
        parties=client.parties(docket_id),
        attorneys=client.attorneys(docket_id),
        docket_id=docket_id,
    )


def _error_text(error: BaseException) -> str:
    if isinstance(error, CourtListenerError | DocketImportError):
        message = str(error)
    else:
        message = f"Unexpected error ({type(error).__name__}): {error}"
    return f"{timezone.now():%Y-%m-%d %H:%M} UTC: {message}"[:2000]


def courtlistener_docket_sync(
    *, case: Case, client: CourtListenerClient | None = None
) -> MergeReport:
    """Fetch the case's CourtListener docket and merge it into the case.

    The requests run first, outside any transaction; then the merge writes the whole docket in
    one transaction, or nothing. On success ``courtlistener_synced_at`` is set and the last error
    cleared; on failure the error is kept on the case (shown in the admin) and raised.
    """
    docket_id = case.courtlistener_docket_id
    if docket_id is None:
        raise CourtListenerError(f"{case.short_name} is not linked to a CourtListener docket.")
    try:
        if client is None:
            with CourtListenerClient.from_settings() as own:
                data = courtlistener_docket_fetch(client=own, docket_id=docket_id)
        else:
            data = courtlistener_docket_fetch(client=client, docket_id=docket_id)
        report = docket_merge(data, case=case, file_name=f"{SITE}/docket/{docket_id}/")
    except (CourtListenerError, DocketImportError) as error:
        Case.objects.filter(pk=case.pk).update(courtlistener_sync_error=_error_text(error))
        logger.warning("CourtListener sync of %s (docket %s): %s", case.pk, docket_id, error)
        raise
    now = timezone.now()
    Case.objects.filter(pk=case.pk).update(courtlistener_synced_at=now, courtlistener_sync_error="")
    case.courtlistener_synced_at, case.courtlistener_sync_error = now, ""
    logger.info("CourtListener sync of %s: %s", case.pk, report.summary())
    return report


def courtlistener_sync_due(*, now: datetime.datetime | None = None) -> list[int]:
    """Ids of the linked cases to sync now: never synced, failed, or synced over half an
    interval (``COURTLISTENER_SYNC_MINUTES``) ago; the longest-waiting first."""
    now = now or timezone.now()
    cutoff = now - datetime.timedelta(minutes=settings.COURTLISTENER_SYNC_MINUTES / 2)
    return list(
        Case.objects.filter(courtlistener_docket_id__isnull=False)
        .filter(
            Q(courtlistener_synced_at__isnull=True)
            | Q(courtlistener_synced_at__lte=cutoff)
            | ~Q(courtlistener_sync_error="")
        )
        .order_by(F("courtlistener_synced_at").asc(nulls_first=True), "pk")
        .values_list("pk", flat=True)
    )


# --- Docket-alert webhooks ---------------------------------------------------------------------


@dataclass
class WebhookResult:
    duplicate: bool = False
    ignored_event: bool = False
    received: int = 0
    cases: int = 0
    entries_ignored: int = 0
    counts: dict[str, int] = field(
        default_factory=lambda: dict.fromkeys(
            ("entries_added", "entries_changed", "entries_unchanged"), 0
        )
    )

    def as_json(self) -> dict[str, Any]:
        return {
            "duplicate": self.duplicate,
            "ignored_event": self.ignored_event,
            "entries_received": self.received,
            "cases": self.cases,
            "entries_ignored": self.entries_ignored,
            **self.counts,
        }


def webhook_docket_data(case: Case, entries: list[dict[str, Any]]) -> DocketData:
    """New entries of a linked case's docket: no parties (none change), not the whole docket."""
    return DocketData(
        source=DocketSource.COURTLISTENER,
        court_id=case.court.code,
        docket_number=case.docket_number,
        case_name=case.caption,
        parties=None,
        entries=[entry_data(raw) for raw in entries],
        complete=False,
        courtlistener_docket_id=case.courtlistener_docket_id,
    )


def courtlistener_webhook_receive(
    *, idempotency_key: str, event_type: int, entries: list[dict[str, Any]]
) -> WebhookResult:
    """Take one webhook delivery, once: record its key and merge its entries into the linked
    cases, all in one transaction (``DocketImportError`` writes nothing, not even the key).

    ``entries`` are docket-entry objects, each naming its ``docket``; those of dockets no case is
    linked to are counted and ignored.
    """
    result = WebhookResult(received=len(entries))
    if WebhookDelivery.objects.filter(idempotency_key=idempotency_key).exists():
        result.duplicate = True
        return result
    by_docket: dict[int, list[dict[str, Any]]] = {}
    for raw in entries:
        docket_id = docket_ref(raw)
        if docket_id is None:
            raise DocketImportError("A docket entry of the webhook names no docket.")
        by_docket.setdefault(docket_id, []).append(raw)
    with transaction.atomic():
        try:
            with transaction.atomic():
                delivery = WebhookDelivery.objects.create(
                    idempotency_key=idempotency_key, event_type=event_type
                )
        except IntegrityError:  # the same delivery, taken by a concurrent request
            result.duplicate = True
            return result
        if event_type != DOCKET_ALERT:
            result.ignored_event = True
            return result
        linked = {
            case.courtlistener_docket_id: case
            for case in Case.objects.select_related("court").filter(
                courtlistener_docket_id__in=list(by_docket)
            )
        }
        for docket_id, raws in by_docket.items():
            case = linked.get(docket_id)
            if case is None:
                result.entries_ignored += len(raws)
                continue
            report = docket_merge(
                webhook_docket_data(case, raws),
                case=case,
                file_name=f"CourtListener webhook {idempotency_key}"[:255],
            )
            result.cases += 1
            for key in result.counts:
                result.counts[key] += report.counts[key]
        delivery.entries_added = result.counts["entries_added"]
        delivery.save(update_fields=["entries_added"])
    return result
