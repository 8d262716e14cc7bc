"""The library's query language, turned into a safe FTS5 MATCH expression and SQL filters.

    words            all must appear (any order)
    "exact phrase"   the words in this order
    prefix*          words starting with prefix
    -word            must not appear
    speaker:NAME     quotes by a speaker (name or alias; quote multi-word names: speaker:"Joe Biden")
    outlet:NAME      articles from an outlet
    kind:direct|indirect|mixed
    after:YYYY-MM-DD before:YYYY-MM-DD   by the article's publication date

Whatever a user types becomes a valid query: every term is quoted for FTS5, so no FTS5 syntax
error can reach the user.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from reader.library.fulltext import Term, fts5_any, fts5_match, words
from reader.library.textcodec import unpack_prefix
from reader.model import QuoteKind, SearchHit

_TOKEN = re.compile(r'(-?)(?:(\w+):)?(?:"([^"]*)"?|(\S+))')
FIELDS = {"speaker", "outlet", "kind", "after", "before", "since", "until"}
KINDS = set(QuoteKind)


@dataclass
class Query:
    """What a user asked for, for either database: the words to find (and to leave out), and filters."""

    positives: list[Term] = field(default_factory=list)
    negatives: list[Term] = field(default_factory=list)
    speaker: str | None = None
    outlet: str | None = None
    kind: str | None = None
    after: str | None = None
    before: str | None = None
    article_id: int | None = None

    @property
    def terms(self) -> list[str]:
        """The positive words, for highlighting."""
        return [w for t in self.positives for w in t.words]

    @property
    def match(self) -> str | None:
        """The FTS5 MATCH expression (None when only filters, or only exclusions, were given)."""
        return fts5_match(self.positives, self.negatives) if self.positives else None

    @property
    def empty(self) -> bool:
        return not (self.positives or self.negatives or self.speaker or self.outlet or self.kind or self.after
                    or self.before or self.article_id)


def parse_query(text: str) -> Query:
    q = Query()
    for m in _TOKEN.finditer(text or ""):
        neg, fld, phrase, bare = m.group(1), (m.group(2) or "").lower(), m.group(3), m.group(4)
        value = phrase if phrase is not None else (bare or "")
        if fld and fld in FIELDS:
            value = value.strip()
            if not value:
                continue
            if fld == "speaker":
                q.speaker = value
            elif fld == "outlet":
                q.outlet = value
            elif fld == "kind" and value.lower() in KINDS:
                q.kind = value.lower()
            elif fld in ("after", "since"):
                q.after = value
            elif fld in ("before", "until"):
                q.before = value
            continue
        if fld:  # "word:thing" that is not a field: search it as text
            value = f"{fld} {value}"
        found = words(value)
        if not found:
            continue
        term = Term(tuple(found), prefix=phrase is None and value.endswith("*"))
        (q.negatives if neg else q.positives).append(term)
    return q


# Ranking every match of a very common word by bm25 costs a second at a million quotes; past this
# many matches the ranking is done over the newest matches only, widening until enough are found.
PROBE = 2000
SNIPPET_WORDS = 24
# Bodies are fetched compressed and inflated here, once per article (cheaper than a SQL function call
# per row).
DETAIL_COLUMNS = ('q.id, q.article_id, a.body, q.kind, s.name, s.role, a.title, a.outlet, a.published, a.path, '
                  'q.start, q."end", a.author, a.url')
DETAIL_JOINS = "JOIN articles a ON a.id = q.article_id LEFT JOIN speakers s ON s.id = q.speaker_id"
_DETAILS = f"SELECT {DETAIL_COLUMNS} FROM quotes q {DETAIL_JOINS} WHERE q.id IN ({{ids}})"


@dataclass(frozen=True)
class Flavour:
    """How one database spells the parts of a search that differ."""

    param: str  # placeholder
    same_name: str  # a case-blind comparison of {col} with a parameter
    like: str  # case-blind LIKE
    excluded: str  # a quote that matches none of the excluded words (one parameter)
    any_of: Callable[[Sequence[Term]], str]  # the excluded words as that parameter


SQLITE = Flavour(param="?", same_name="{col} = ? COLLATE NOCASE", like="LIKE",
                 excluded="q.id NOT IN (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ?)", any_of=fts5_any)


def _speaker_ids(conn: Any, name: str, f: Flavour) -> list[int]:
    ids = [r[0] for r in conn.execute(
        f"SELECT id FROM speakers WHERE {f.same_name.format(col='name')} "
        f"UNION SELECT speaker_id FROM speaker_aliases WHERE {f.same_name.format(col='alias')}", (name, name))]
    if not ids:
        ids = [r[0] for r in conn.execute(
            f"SELECT id FROM speakers WHERE name {f.like} {f.param} LIMIT 50", (f"%{name}%",))]
    return ids


def filters(conn: Any, q: Query, f: Flavour = SQLITE) -> tuple[list[str], list[Any]] | None:
    """The SQL conditions (and their parameters) of a query's filters; None when nothing can match."""
    where = ["NOT q.rejected"]
    params: list[Any] = []
    if q.speaker:
        ids = _speaker_ids(conn, q.speaker, f)
        if not ids:
            return None
        where.append(f"q.speaker_id IN ({','.join(str(i) for i in ids)})")
    if q.article_id is not None:
        where.append(f"q.article_id = {f.param}")
        params.append(q.article_id)
    if q.outlet:
        where.append(f"a.outlet {f.like} {f.param}")
        params.append(f"%{q.outlet}%")
    if q.kind:
        where.append(f"q.kind = {f.param}")
        params.append(q.kind)
    if q.after:
        where.append(f"a.published >= {f.param}")
        params.append(q.after)
    if q.before:
        where.append(f"a.published <= {f.param}")
        params.append(q.before + "\uffff")
    if q.negatives and not q.positives:  # "everything except" cannot be matched: it is filtered
        where.append(f.excluded)
        params.append(f.any_of(q.negatives))
    return where, params


def joins(q: Query) -> str:
    return "JOIN articles a ON a.id = q.article_id" if (q.outlet or q.after or q.before) else ""


def run_search(conn: sqlite3.Connection, q: Query, limit: int) -> list[SearchHit]:
    found = filters(conn, q)
    if found is None:
        return []
    where, params = found
    if not q.match:
        sql = f"SELECT q.id FROM quotes q {joins(q)} WHERE {' AND '.join(where)} ORDER BY q.id DESC LIMIT ?"
        return details(conn, [r[0] for r in conn.execute(sql, (*params, limit))], q)
    # Rank on ids alone; texts and snippets are made for the page of results only.
    base = (f"SELECT q.id FROM quotes_fts JOIN quotes q ON q.id = quotes_fts.rowid {joins(q)} "
            f"WHERE quotes_fts MATCH ? AND {' AND '.join(where)}")
    probe = conn.execute("SELECT count(*) FROM (SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ? "
                                 "LIMIT ?)", (q.match, PROBE + 1)).fetchone()[0] or 0
    if probe <= PROBE:
        rows = conn.execute(base + " ORDER BY quotes_fts.rank LIMIT ?", (q.match, *params, limit))
        return details(conn, [r[0] for r in rows], q)
    window = PROBE
    while True:
        floor = conn.execute("SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH ? "
                                     "ORDER BY rowid DESC LIMIT 1 OFFSET ?", (q.match, window)).fetchone()
        floor = floor[0] if floor else None
        if floor is None:
            rows = conn.execute(base + " ORDER BY quotes_fts.rank LIMIT ?", (q.match, *params, limit))
            return details(conn, [r[0] for r in rows], q)
        rows = conn.execute(base + " AND quotes_fts.rowid > ? ORDER BY quotes_fts.rank LIMIT ?",
                                    (q.match, *params, floor, limit))
        ids = [r[0] for r in rows]
        if len(ids) >= limit:
            return details(conn, ids, q)
        window *= 8


def details(conn: Any, ids: list[int], q: Query) -> list[SearchHit]:
    if not ids:
        return []
    rows = conn.execute(_DETAILS.format(ids=",".join(str(int(i)) for i in ids))).fetchall()
    return hits(rows, ids, q)


def hits(rows: Sequence[Any], ids: list[int], q: Query) -> list[SearchHit]:
    """Search results from rows of DETAIL_COLUMNS, in the order of ``ids``."""
    order = {qid: n for n, qid in enumerate(ids)}
    bodies: dict[int, str] = {}
    hits = []
    for r in rows:
        body = bodies.get(r[1], "")
        if len(body) < r[11]:
            body = bodies[r[1]] = unpack_prefix(r[2], r[11])
        quote = body[r[10]:r[11]]
        hits.append(SearchHit(quote_id=r[0], article_id=r[1], text=quote, snippet=snippet(quote, q.terms),
                              kind=r[3], speaker=r[4], role=r[5], article_title=r[6], outlet=r[7],
                              published=r[8], path=r[9], start=r[10], end=r[11], rank=float(order[r[0]]),
                              author=r[12], url=r[13]))
    return sorted(hits, key=lambda h: h.rank)


def snippet(text: str, terms: list[str], words: int = SNIPPET_WORDS) -> str:
    """The stretch of a quote around its first match, matches marked with ‹ ›."""
    if not terms:
        return text
    pattern = re.compile(r"\b(" + "|".join(re.escape(t) for t in sorted(set(terms), key=len, reverse=True))
                         + r")\w*", re.IGNORECASE)
    tokens = text.split()
    first = next((n for n, tok in enumerate(tokens) if pattern.search(tok)), 0)
    lo = max(0, first - words // 3)
    hi = min(len(tokens), lo + words)
    body = pattern.sub(lambda m: f"\u2039{m.group(0)}\u203a", " ".join(tokens[lo:hi]))
    return ("\u2026 " if lo > 0 else "") + body + (" \u2026" if hi < len(tokens) else "")



