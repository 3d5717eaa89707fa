"""Full-text search over cases.

Each case stores the text of its caption, summary, parties, motions, rulings and docket entries
(``search_text``) and, on PostgreSQL, a weighted ``tsvector`` of it (``search_vector``, GIN
indexed): caption and docket number weigh most (A), then summary, claims and party names (B),
motion and ruling titles and summaries (C), docket-entry text (D). The services refresh both in
the same transaction as any write that changes that text. On the SQLite default, search falls
back to a case-insensitive match on ``search_text``.
"""

from __future__ import annotations

import contextvars
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, QuerySet
from django.db.models.functions import Left
from django.utils.safestring import SafeString

from cases.models import Case
from tracker.html import escape, safe

CONFIG = "english"
# Markers that cannot occur in typed text; the template escapes the snippet, then turns them
# into <mark> tags (see ``snippet_html``).
START, STOP = "\x02", "\x03"

_PARTS_SQL = """
    SELECT c.id,
        concat_ws(' ', c.short_name, c.caption, c.docket_number) AS a,
        concat_ws(' ', c.summary, c.causes_of_action, c.relief_sought,
            (SELECT string_agg(p.name, ' ' ORDER BY p.name)
             FROM parties_caseparty cp JOIN parties_party p ON p.id = cp.party_id
             WHERE cp.case_id = c.id)) AS b,
        concat_ws(' ',
            (SELECT string_agg(concat_ws(' ', m.title, m.summary), ' ' ORDER BY m.id)
             FROM cases_motion m WHERE m.case_id = c.id),
            (SELECT string_agg(concat_ws(' ', r.title, r.summary, r.citation), ' ' ORDER BY r.id)
             FROM cases_ruling r WHERE r.case_id = c.id)) AS c,
        (SELECT string_agg(e.text, ' ' ORDER BY e.filed_date, e.id)
         FROM cases_docketentry e WHERE e.case_id = c.id) AS d
    FROM cases_case c WHERE c.id IN ({ids})
"""

_POSTGRESQL_UPDATE = f"""
    WITH parts AS ({_PARTS_SQL})
    UPDATE cases_case SET
        search_vector =
            setweight(to_tsvector('{CONFIG}', coalesce(parts.a, '')), 'A')
            || setweight(to_tsvector('{CONFIG}', coalesce(parts.b, '')), 'B')
            || setweight(to_tsvector('{CONFIG}', coalesce(parts.c, '')), 'C')
            || setweight(to_tsvector('{CONFIG}', coalesce(parts.d, '')), 'D'),
        search_text = concat_ws(E'\\n', parts.a, parts.b, parts.c, parts.d)
    FROM parts WHERE cases_case.id = parts.id
"""


# Inside ``deferred()``: the cases whose refresh waits for the end of the block.
_pending: contextvars.ContextVar[set[int] | None] = contextvars.ContextVar(
    "search_refresh_pending", default=None
)


@contextmanager
def deferred() -> Iterator[None]:
    """Refresh each case touched inside the block once, at its end (an import's many writes)."""
    if _pending.get() is not None:
        yield
        return
    pending: set[int] = set()
    token = _pending.set(pending)
    try:
        yield
    finally:
        _pending.reset(token)
    refresh(pending)


def refresh(case_ids: Iterable[int]) -> None:
    """Recompute the stored search text (and vector) of these cases."""
    ids = sorted({int(pk) for pk in case_ids})
    if not ids:
        return
    pending = _pending.get()
    if pending is not None:
        pending.update(ids)
        return
    if connection.vendor == "postgresql":
        placeholders = ", ".join(["%s"] * len(ids))
        with connection.cursor() as cursor:
            cursor.execute(_POSTGRESQL_UPDATE.format(ids=placeholders), ids)
        return
    for pk in ids:
        Case.objects.filter(pk=pk).update(search_text=_document(pk))


def _document(pk: int) -> str:
    """The same text as the PostgreSQL query builds, for the SQLite default."""
    from cases.models import DocketEntry, Motion, Ruling
    from parties.models import CaseParty

    case = Case.objects.get(pk=pk)
    parts = [
        [case.short_name, case.caption, case.docket_number],
        [case.summary, case.causes_of_action, case.relief_sought]
        + sorted(CaseParty.objects.filter(case=case).values_list("party__name", flat=True)),
        [f"{t} {s}" for t, s in Motion.objects.filter(case=case).values_list("title", "summary")]
        + [
            " ".join(r)
            for r in Ruling.objects.filter(case=case).values_list("title", "summary", "citation")
        ],
        list(
            DocketEntry.objects.filter(case=case)
            .order_by("filed_date", "pk")
            .values_list("text", flat=True)
        ),
    ]
    return "\n".join(" ".join(v for v in part if v) for part in parts)


# Ranking reads every matching case's vector; a word found in most of 100,000 cases would
# cost seconds. So at most this many matches, the most recently filed, are ranked (all of them
# when fewer match); the case list says so when a search matches more.
RANK_CANDIDATES = 2_000
# Snippets are cut from the start of the text: a docket of thousands of entries has a
# megabyte of it, and ts_headline reads all it is given.
SNIPPET_SOURCE_CHARS = 20_000


def search(
    queryset: QuerySet[Case], text: str, *, limit: int | None = RANK_CANDIDATES
) -> QuerySet[Case]:
    """Cases matching ``text``, best first, each with ``rank`` and a marked-up ``snippet``.

    With ``limit``, the best of the ``limit`` most recently filed matches, plus one more so that
    a capped paginator can tell there were more; without, every match (the CSV export).
    """
    if connection.vendor != "postgresql":
        return _search_fallback(queryset, text)
    query = _query(text)
    if limit is None:
        matches = queryset.filter(search_vector=query)
    else:
        candidates = (
            queryset.filter(search_vector=query)
            .order_by(F("filed_date").desc(nulls_last=True), "pk")
            .values("pk")[: limit + 1]
        )
        matches = queryset.filter(pk__in=candidates)
    return matches.annotate(
        rank=SearchRank(F("search_vector"), query), snippet=_snippet(query)
    ).order_by("-rank", "-filed_date", "pk")


# websearch_to_tsquery nests one NOT for each "-" before a word, and PostgreSQL refuses more
# than 32 nested operators ("tsquery stack too small", a server error). A run of dashes, with
# whatever non-word characters between them, means what its parity means: one NOT, or none.
_NEGATIONS = re.compile(r'-(?:[^\w"]*-)+')


def _query(text: str) -> SearchQuery:
    text = _NEGATIONS.sub(lambda run: "-" if run.group().count("-") % 2 else " ", text)
    return SearchQuery(text, search_type="websearch", config=CONFIG)


def _snippet(query: SearchQuery) -> SearchHeadline:
    return SearchHeadline(
        Left("search_text", SNIPPET_SOURCE_CHARS),
        query,
        config=CONFIG,
        start_sel=START,
        stop_sel=STOP,
        max_words=35,
        min_words=15,
        max_fragments=2,
        fragment_delimiter=" … ",
    )


def with_snippets(queryset: QuerySet[Case], text: str) -> QuerySet[Case]:
    """Return the cases with their ``rank`` for ``text`` and its ``snippet`` (PostgreSQL): for
    a page of results picked already, without matching them again."""
    query = _query(text)
    return queryset.annotate(rank=SearchRank(F("search_vector"), query), snippet=_snippet(query))


def page_rows(ids: list[int], text: str, *, columns: Iterable[str]) -> list[Case]:
    """Return the cases of a page of results, in the order of ``ids`` (ranked already), with
    their courts, their ``columns`` and their rank and snippet for ``text`` (PostgreSQL).

    The matches are picked and ranked once, as a list of ids (one narrow query), and only the
    page's rows are read here: paginating the search's queryset would match and rank twice,
    for the count and for the page (docs/performance.md)."""
    cases = Case.objects.filter(pk__in=ids).select_related("court").only(*columns)
    by_pk = {case.pk: case for case in with_snippets(cases, text.strip())}
    return [by_pk[pk] for pk in ids]


def _search_fallback(queryset: QuerySet[Case], text: str) -> QuerySet[Case]:
    words = [w for w in re.findall(r"\w+", text.lower()) if len(w) > 1][:8]
    for word in words:
        queryset = queryset.filter(search_text__icontains=word)
    return queryset.order_by("-filed_date", "pk")


def fallback_snippet(document: str, text: str, width: int = 120) -> str:
    """A marked-up excerpt around the first matching word (the SQLite default's snippet)."""
    words = [re.escape(w) for w in re.findall(r"\w+", text) if len(w) > 1][:8]
    if not words or not document:
        return ""
    pattern = re.compile(r"\b(" + "|".join(words) + r")", re.IGNORECASE)
    found = pattern.search(document)
    if not found:
        return ""
    start = max(0, found.start() - width // 2)
    excerpt = document[start : start + width]
    marked = pattern.sub(lambda m: f"{START}{m.group(0)}{STOP}", excerpt)
    return ("… " if start else "") + marked + " …"


def snippet_html(snippet: str) -> SafeString:
    """Escape a snippet and turn its markers into <mark> elements."""
    escaped = escape(snippet.replace("\n", " "))
    return safe(escaped.replace(START, "<mark>").replace(STOP, "</mark>"))
