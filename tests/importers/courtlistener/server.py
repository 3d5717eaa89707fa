"""CourtListener, served: the fake API on a real HTTP server, and the rows a sync writes."""

from __future__ import annotations

from urllib.parse import urlencode

from pytest_httpserver import HTTPServer

from cases.models import Case, CaseEvent, CaseJudge, DocketEntry
from parties.models import Attorney, CaseParty, Representation
from tests.importers.courtlistener.payloads import (
    API,
    ATTORNEYS,
    AUTH,
    DOCKET_ID,
    ENTRIES,
    PARTIES,
    cl_docket,
)


class FakeCourtListener:
    """CourtListener's REST API v4 for one docket, on a real HTTP server on 127.0.0.1."""

    def __init__(self, server: HTTPServer) -> None:
        self.server = server

    def url(self, path: str) -> str:
        return self.server.url_for(API + path)

    def serve(
        self,
        *,
        docket_id: int = DOCKET_ID,
        docket: dict | None = None,
        entry_pages: list[list[dict]] | None = None,
        parties: list[dict] | None = None,
        attorneys: list[dict] | None = None,
    ) -> None:
        pages = entry_pages if entry_pages is not None else [ENTRIES[:3], ENTRIES[3:]]
        self.server.expect_request(f"{API}dockets/{docket_id}/", headers=AUTH).respond_with_json(
            docket or cl_docket(docket_id)
        )
        self.serve_pages("docket-entries/", {"docket": str(docket_id), "page_size": "100"}, pages)
        nested = {"docket": str(docket_id), "filter_nested_results": "True", "page_size": "100"}
        self.serve_pages("parties/", nested, [PARTIES if parties is None else parties])
        self.serve_pages("attorneys/", nested, [ATTORNEYS if attorneys is None else attorneys])

    def serve_pages(self, path: str, query: dict[str, str], pages: list[list[dict]]) -> None:
        for n, results in enumerate(pages):
            this = query if n == 0 else query | {"cursor": self.cursor(path, n)}
            following = None
            if n + 1 < len(pages):
                following = (
                    self.url(path) + "?" + urlencode(query | {"cursor": self.cursor(path, n + 1)})
                )
            self.server.expect_request(
                API + path, query_string=this, headers=AUTH
            ).respond_with_json({"next": following, "previous": None, "results": results})

    @staticmethod
    def cursor(path: str, n: int) -> str:
        return f"{path.strip('/')}-page-{n}"

    def requests_to(self, path: str) -> list:
        return [request for request, _ in self.server.log if request.path == API + path]


class Sleeps(list):
    """The waits the client asked for, recorded instead of slept."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def snapshot(case: Case) -> dict[str, object]:
    """Every row a sync can write for ``case``, as comparable values."""
    return {
        "entries": sorted(
            DocketEntry.objects.filter(case=case).values_list(
                "number",
                "filed_date",
                "text",
                "courtlistener_id",
                "document_url",
                "pacer_doc_id",
                "pacer_seq_no",
                "missing_from_source_since",
            ),
            key=str,
        ),
        "parties": sorted(
            CaseParty.objects.filter(case=case).values_list(
                "party__name", "role", "docket_role", "terminated_date"
            )
        ),
        "counsel": sorted(
            Representation.objects.filter(case_party__case=case).values_list(
                "attorney__name",
                "case_party__party__name",
                "role",
                "docket_roles",
                "firm__name",
                "end_date",
                "contact",
            ),
            key=str,
        ),
        "attorneys": sorted(Attorney.objects.values_list("name", "email", "firm__name"), key=str),
        "judges": sorted(CaseJudge.objects.filter(case=case).values_list("judge__name", "role")),
        "events": list(CaseEvent.objects.filter(case=case).order_by("pk").values_list("pk")),
    }
