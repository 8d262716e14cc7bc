"""Bulk loading: many articles in few large transactions, the full-text index merged once at the end.

Rows are prepared (and bodies compressed) in a helper thread while the connection's thread writes
the previous batch: zlib and SQLite both release the GIL, so the two overlap on two cores.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy.engine import Connection

from reader.library.textcodec import pack
from reader.model import Analysis, Article, SpeakerKind

_SQL = {
    "speakers": "INSERT INTO speakers (id, name, role, affiliation, kind, roles) VALUES (?,?,?,?,?,?)",
    "aliases": "INSERT OR IGNORE INTO speaker_aliases (speaker_id, alias) VALUES (?,?)",
    "articles": "INSERT INTO articles (id, sha256, path, title, outlet, author, published, added, body, model, "
                "engine_version, url, quote_count, speaker_count, named_count) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
    "quotes": 'INSERT INTO quotes (id, article_id, speaker_id, start, "end", kind, cue, confidence, '
              "speaker_confidence, speaker_start, speaker_end, cue_start, cue_end, edited, rejected) "
              "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,0,0)",
    # indexed straight from memory: no reading back (and inflating) the bodies just written
    "index": "INSERT INTO quotes_fts (rowid, text) VALUES (?,?)",
    "sources": 'INSERT INTO sources (article_id, start, "end", text, type) VALUES (?,?,?,?,?)',
}


# FTS5 keeps this much pending index in memory before writing a segment (default 1 MB): fewer,
# larger segments make a million-quote load about 40% faster.
BULK_HASH_BYTES = 128 * 1024 * 1024


@dataclass
class Batch:
    rows: dict[str, list[tuple]] = field(default_factory=lambda: {name: [] for name in _SQL})
    quotes: int = 0


@dataclass
class Ids:
    article: int
    speaker: int
    quote: int
    speakers: dict[str, int]  # name or alias -> id, names first (as Library._find_speaker looks them up)
    known: set[str]
    aliased: set[tuple[int, str]] = field(default_factory=set)


def _plain(qid: int, text: str) -> tuple:
    return qid, text


def batches(items: Iterable[tuple[Article, Analysis]], ids: Ids, size: int,
            index_row: Callable[[int, str], tuple] = _plain) -> Iterator[Batch]:
    """New articles as rows for each table, ``size`` quotes at a time; ``index_row`` makes a quote's
    full-text entry from its id and text."""
    now = datetime.now(UTC).isoformat(sep=" ")
    batch = Batch()
    for article, analysis in items:
        if article.sha256 in ids.known:
            continue
        ids.known.add(article.sha256)
        aid, ids.article = ids.article, ids.article + 1
        rows = batch.rows
        by_name = {s.name: s for s in analysis.speakers}
        said_by: set[int] = set()
        named = 0
        aliased_here: set[str] = set()
        for q in analysis.quotes:
            sid = None
            if q.speaker:
                sid = ids.speakers.get(q.speaker)
                sp = by_name.get(q.speaker)
                if sid is None:
                    sid, ids.speaker = ids.speaker, ids.speaker + 1
                    ids.speakers[q.speaker] = sid
                    rows["speakers"].append((sid, q.speaker, sp.role if sp else None,
                                             sp.affiliation if sp else None, sp.kind if sp else SpeakerKind.PERSON,
                                             sp.role if sp else None))
                if sp is not None and q.speaker not in aliased_here:
                    # as Library.add does: the names this article used for them become aliases, and
                    # find the same speaker in later articles
                    aliased_here.add(q.speaker)
                    for alias in sp.aliases:
                        if alias != q.speaker and (sid, alias) not in ids.aliased:
                            ids.aliased.add((sid, alias))
                            rows["aliases"].append((sid, alias))
                            ids.speakers.setdefault(alias, sid)
            if sid is not None:
                said_by.add(sid)
                named += sp is None or sp.kind != SpeakerKind.ANONYMOUS
            qid, ids.quote = ids.quote, ids.quote + 1
            rows["quotes"].append((qid, aid, sid, q.start, q.end, q.kind, q.cue, q.confidence, q.speaker_confidence,
                                   q.speaker_start, q.speaker_end, q.cue_start, q.cue_end))
            rows["index"].append(index_row(qid, article.text[q.start:q.end]))
            batch.quotes += 1
        rows["articles"].append((aid, article.sha256, article.path, article.title, article.outlet, article.author,
                                 article.published, now, pack(article.text, level=1), analysis.model,
                                 analysis.engine_version, article.url, len(analysis.quotes), len(said_by), named))
        rows["sources"].extend((aid, s.start, s.end, s.text, s.type) for s in analysis.sources)
        if batch.quotes >= size:
            yield batch
            batch = Batch()
    yield batch


def prefetch(made: Iterator[Batch], depth: int = 2) -> Iterator[Batch]:
    """Run the batch producer in a thread, handing batches over through a small queue."""
    handoff: queue.Queue[Batch | BaseException | None] = queue.Queue(maxsize=depth)

    def produce() -> None:
        try:
            for b in made:
                handoff.put(b)
            handoff.put(None)
        except BaseException as exc:  # re-raised in the consuming thread
            handoff.put(exc)

    thread = threading.Thread(target=produce, name="bulk-rows", daemon=True)
    thread.start()
    while True:
        item = handoff.get()
        if item is None:
            break
        if isinstance(item, BaseException):
            raise item
        yield item
    thread.join()


def speaker_ids(conn: Connection) -> dict[str, int]:
    ids: dict[str, int] = dict(conn.exec_driver_sql(
        "SELECT alias, speaker_id FROM speaker_aliases ORDER BY id DESC").all())
    ids.update(conn.exec_driver_sql("SELECT name, id FROM speakers").all())
    return ids


def next_ids(conn: Connection) -> Ids:
    """Where the new rows' ids start, and the speakers and texts the library has already."""
    def one(sql: str) -> int:
        return conn.exec_driver_sql(sql).scalar() or 0

    return Ids(article=one("SELECT max(id) FROM articles") + 1, speaker=one("SELECT max(id) FROM speakers") + 1,
               quote=one("SELECT max(id) FROM quotes") + 1, speakers=speaker_ids(conn),
               known={r[0] for r in conn.exec_driver_sql("SELECT sha256 FROM articles")})


def bulk_load(conn: Connection, items: Iterable[tuple[Article, Analysis]], batch: int = 20000) -> int:
    ids = next_ids(conn)
    # No incremental merging while loading, a big page cache, and the speaker index rebuilt in one
    # sorted pass at the end rather than grown row by row; one 'optimize' merges the index once.
    conn.exec_driver_sql("INSERT INTO quotes_fts(quotes_fts, rank) VALUES ('automerge', 0)")
    conn.exec_driver_sql("INSERT INTO quotes_fts(quotes_fts, rank) VALUES ('crisismerge', 64)")
    conn.exec_driver_sql(f"INSERT INTO quotes_fts(quotes_fts, rank) VALUES ('hashsize', {BULK_HASH_BYTES})")
    conn.exec_driver_sql("PRAGMA cache_size = -262144")
    conn.exec_driver_sql("DROP INDEX IF EXISTS ix_quotes_speaker")
    raw = conn.connection.driver_connection
    assert raw is not None
    added = 0
    for b in prefetch(batches(items, ids, batch)):
        for name, sql in _SQL.items():
            if b.rows[name]:
                raw.executemany(sql, b.rows[name])
        added += b.quotes
    conn.exec_driver_sql("INSERT INTO quotes_fts(quotes_fts) VALUES ('optimize')")
    conn.exec_driver_sql("INSERT INTO quotes_fts(quotes_fts, rank) VALUES ('automerge', 4)")
    conn.exec_driver_sql("INSERT INTO quotes_fts(quotes_fts, rank) VALUES ('crisismerge', 16)")
    conn.exec_driver_sql("INSERT INTO quotes_fts(quotes_fts, rank) VALUES ('hashsize', 1048576)")
    conn.exec_driver_sql("CREATE INDEX ix_quotes_speaker ON quotes (speaker_id, id)")
    conn.exec_driver_sql("PRAGMA cache_size = -16384")
    return added
