"""What the library holds, listed for its window: articles a page at a time (sorted and filtered in
SQL, so 100,000 of them list as fast as 100), and the people quoted across them."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Connection

from reader.model import ArticleSummary, LibrarySourcing, Person

SORTS = {  # what a column sorts by
    "title": "lower(coalesce(a.title, ''))", "outlet": "lower(coalesce(a.outlet, ''))",
    "author": "lower(coalesce(a.author, ''))", "published": "coalesce(a.published, '')",
    "quotes": "a.quote_count", "speakers": "a.speaker_count",
    "named": "(CASE WHEN a.quote_count > 0 THEN 1.0 * a.named_count / a.quote_count ELSE 0 END)",
    "added": "a.added",
}
RECOUNT = """UPDATE articles SET
    quote_count = (SELECT count(*) FROM quotes q WHERE q.article_id = articles.id AND NOT q.rejected),
    speaker_count = (SELECT count(DISTINCT q.speaker_id) FROM quotes q
                     WHERE q.article_id = articles.id AND NOT q.rejected),
    named_count = (SELECT count(*) FROM quotes q JOIN speakers s ON s.id = q.speaker_id
                   WHERE q.article_id = articles.id AND NOT q.rejected AND s.kind <> 'anonymous')
    WHERE id IN ({ids})"""


def recount_articles(conn: Any, article_ids: Iterable[int]) -> None:
    """Bring the kept counts of these articles up to date (after a store or a correction)."""
    ids = ",".join(str(int(i)) for i in set(article_ids))
    if ids:
        conn.execute(text(RECOUNT.format(ids=ids)))


def _where(conn: Connection, query: str) -> tuple[str, dict[str, Any]]:
    """Articles whose title, outlet or author holds the words typed, or who quote someone of that name."""
    query = " ".join(query.split())
    if not query:
        return "", {}
    like = f"%{query.lower()}%"
    speakers = [r[0] for r in conn.execute(text(
        "SELECT id FROM speakers WHERE lower(name) LIKE :q UNION "
        "SELECT speaker_id FROM speaker_aliases WHERE lower(alias) LIKE :q LIMIT 200"), {"q": like})]
    said = (f" OR a.id IN (SELECT article_id FROM quotes WHERE speaker_id IN ({','.join(map(str, speakers))}) "
            f"AND NOT rejected)") if speakers else ""
    return (" WHERE lower(coalesce(a.title, '')) LIKE :q OR lower(coalesce(a.outlet, '')) LIKE :q "
            f"OR lower(coalesce(a.author, '')) LIKE :q{said}"), {"q": like}


def article_order(conn: Connection, query: str = "", sort: str = "added", descending: bool = True) -> list[int]:
    """The ids of the stored articles matching ``query``, in the order of a column of the library view
    (one query; the rows themselves are read a page at a time, by ``summaries``)."""
    where, params = _where(conn, query)
    direction = "DESC" if descending else "ASC"
    return [r[0] for r in conn.execute(text(
        f"SELECT a.id FROM articles a{where} ORDER BY {SORTS.get(sort, SORTS['added'])} {direction}, "
        f"a.id {direction}"), params)]


def summaries(conn: Connection, ids: list[int]) -> list[ArticleSummary]:
    """These articles as the library view lists them, in the order given."""
    if not ids:
        return []
    rows = conn.execute(text(
        "SELECT a.id, a.title, a.outlet, a.author, a.published, a.quote_count, a.speaker_count, a.named_count, "
        f"a.added, a.path, a.url FROM articles a WHERE a.id IN ({','.join(str(int(i)) for i in ids)})")).all()
    found = {r[0]: ArticleSummary(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7],
                                  str(r[8])[:16] if r[8] else None, r[9], r[10]) for r in rows}
    return [found[i] for i in ids if i in found]


def people(conn: Connection, query: str = "", limit: int | None = None) -> list[Person]:
    """Every speaker with quotes in the library (or those whose name or alias holds ``query``), most
    quoted first."""
    where = ""
    params: dict[str, Any] = {}
    if query.strip():
        where = (" AND (lower(s.name) LIKE :q OR s.id IN (SELECT speaker_id FROM speaker_aliases "
                 "WHERE lower(alias) LIKE :q))")
        params["q"] = f"%{' '.join(query.split()).lower()}%"
    rows = conn.execute(text(
        "SELECT s.id, s.name, s.kind, coalesce(s.roles, s.role), s.affiliation, count(q.id), count(DISTINCT q.article_id), "
        "min(coalesce(a.published, substr(CAST(a.added AS TEXT), 1, 10))), "
        "max(coalesce(a.published, substr(CAST(a.added AS TEXT), 1, 10))) "
        "FROM speakers s JOIN quotes q ON q.speaker_id = s.id AND NOT q.rejected "
        f"JOIN articles a ON a.id = q.article_id WHERE 1 = 1{where} "
        "GROUP BY s.id, s.name, s.kind, s.roles, s.role, s.affiliation ORDER BY count(q.id) DESC, s.name"
        + (" LIMIT :limit" if limit else "")), {**params, **({"limit": limit} if limit else {})}).all()
    aliases: dict[int, list[str]] = {}
    if rows:
        for sid, alias in conn.execute(text(
                f"SELECT speaker_id, alias FROM speaker_aliases WHERE speaker_id IN "
                f"({','.join(str(r[0]) for r in rows)}) ORDER BY alias")):
            aliases.setdefault(sid, []).append(alias)
    return [Person(name=r[1], kind=r[2], roles=tuple(r[3].splitlines()) if r[3] else (), affiliation=r[4],
                   aliases=tuple(aliases.get(r[0], ())), quotes=r[5], articles=r[6],
                   first_seen=(r[7] or "")[:10] or None, last_seen=(r[8] or "")[:10] or None) for r in rows]


def sourcing(conn: Connection, outlet: str = "", after: str = "", before: str = "",
             quote_ids: list[int] | None = None, top: int = 15) -> LibrarySourcing:
    """Counts of who is quoted, by person, outlet and month, over the library or a part of it (an
    outlet, a date range, the quotes a search found)."""
    where = ["NOT q.rejected"]
    params: dict[str, Any] = {}
    if outlet.strip():
        where.append("lower(coalesce(a.outlet, '')) LIKE :outlet")
        params["outlet"] = f"%{outlet.strip().lower()}%"
    if after.strip():
        where.append("coalesce(a.published, '') >= :after")
        params["after"] = after.strip()
    if before.strip():
        where.append("coalesce(a.published, '') <= :before")
        params["before"] = before.strip() + "\uffff"
    if quote_ids is not None:
        where.append(f"q.id IN ({','.join(str(int(i)) for i in quote_ids) or 'NULL'})")
    cond = " AND ".join(where)
    base = "FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN speakers s ON s.id = q.speaker_id"
    people = tuple((r[0], r[1], int(r[2])) for r in conn.execute(text(
        f"SELECT s.name, s.kind, count(*) {base} WHERE {cond} AND s.id IS NOT NULL GROUP BY s.id, s.name, s.kind "
        f"ORDER BY count(*) DESC, s.name LIMIT {int(top)}"), params))
    outlets = tuple((r[0] or "(no outlet)", int(r[1])) for r in conn.execute(text(
        f"SELECT a.outlet, count(*) {base} WHERE {cond} GROUP BY a.outlet ORDER BY count(*) DESC"), params))
    months: dict[str, dict[str, int]] = {}
    for month, kind, who, n in conn.execute(text(
            f"SELECT substr(coalesce(a.published, ''), 1, 7), q.kind, "
            f"CASE WHEN s.id IS NULL THEN 'unattributed' WHEN s.kind = 'anonymous' THEN 'anonymous' ELSE 'named' END, "
            f"count(*) {base} WHERE {cond} GROUP BY 1, 2, 3"), params):
        if len(month or "") != 7:
            continue  # no publication date: not on a time line
        counts = months.setdefault(month, {})
        counts[kind] = counts.get(kind, 0) + int(n)
        counts[who] = counts.get(who, 0) + int(n)
    return LibrarySourcing(people, outlets, tuple(sorted(months.items())))
