"""A shared library on a PostgreSQL server, for a desk or a research group.

The same models and migrations as the desktop's SQLite file. Full-text search uses a ``tsvector``
column with a GIN index, filled from words cut the same way as FTS5 cuts them (``fulltext``), so the
same query finds the same quotes on both. Several people write at once: the server orders them, an
article's text is claimed while it is stored (so two importers keep it once), and corrections touch
only what they change.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from typing import Any

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import ArgumentError, DatabaseError, DBAPIError, OperationalError
from sqlalchemy.orm import Session

from reader.library import guard, migrate
from reader.library.bulk import Batch, batches, next_ids, prefetch
from reader.library.errors import LibraryError
from reader.library.fulltext import any_of, tsquery, tsvector
from reader.library.schema import QuoteRow
from reader.library.search import (
    DETAIL_COLUMNS,
    DETAIL_JOINS,
    PROBE,
    Flavour,
    Query,
    details,
    filters,
    hits,
    joins,
)
from reader.model import Analysis, Article, SearchHit

log = logging.getLogger(__name__)

MIGRATION_LOCK = 0x5152_0001  # an advisory lock: one client migrates, the others wait for it
FLAVOUR = Flavour(param="%s", same_name="lower({col}) = lower(%s)", like="ILIKE",
                  excluded="NOT (q.terms @@ CAST(%s AS tsquery))", any_of=any_of)


def _first_line(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    return (str(orig).strip().splitlines() or [type(orig).__name__])[0]


def lost_connection(exc: BaseException) -> bool:
    if isinstance(exc, DBAPIError) and exc.connection_invalidated:
        return True
    words = str(exc).lower()
    return any(w in words for w in ("server closed the connection", "connection refused", "terminating connection",
                                    "connection is lost", "connection timed out", "could not connect",
                                    "the connection is closed", "consuming input failed", "no route to host"))


class Server:
    dialect = "postgresql"
    path = None
    read_only = False

    def __init__(self, url: str) -> None:
        try:
            parsed = make_url(url)
        except ArgumentError as exc:
            raise LibraryError(f"{url!r} is not a database address (postgresql://user@host/database)") from exc
        if not parsed.drivername.startswith("postgresql"):
            raise LibraryError(f"a shared library must be PostgreSQL (postgresql://user@host/database), "
                               f"not {parsed.drivername}")
        if parsed.drivername == "postgresql":
            parsed = parsed.set(drivername="postgresql+psycopg")
        self.location = url
        self.name = f"{parsed.database or 'postgres'} on {parsed.host or 'localhost'}" + (
            f":{parsed.port}" if parsed.port else "")
        self.lock = guard.NoLock()
        try:
            self.engine: Engine = create_engine(parsed, pool_pre_ping=True, pool_size=4,
                                                # no server-side prepared statements: after five runs
                                                # PostgreSQL may keep a generic plan, blind to how common
                                                # a word is (the most common word then took 60 ms, not 6)
                                                connect_args={"connect_timeout": 10, "prepare_threshold": None,
                                                              "application_name": "quote-reader"})
        except ImportError as exc:
            raise LibraryError("a PostgreSQL library needs the team extra: pip install 'quote-reader[team]'") from exc

    def migrate(self) -> None:
        try:
            with self.engine.begin() as conn:
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": MIGRATION_LOCK})
                revision = migrate.pending(conn)
                if revision is not None:
                    log.warning("upgrading the library %s from schema %s", self.name, revision)
                migrate.upgrade(conn)
        except OperationalError as exc:
            self.engine.dispose()
            raise LibraryError(f"cannot reach the library {self.name}: {_first_line(exc)}") from exc
        except DatabaseError as exc:
            self.engine.dispose()
            raise LibraryError(f"the library {self.name} is not usable: {_first_line(exc)}") from exc

    # ------------------------------------------------------------------ errors in words
    def plainly(self, exc: DatabaseError) -> LibraryError:
        if lost_connection(exc):
            return LibraryError(f"lost the connection to the library {self.name} ({_first_line(exc)}): "
                                f"everything stored before is kept; run the command again to finish")
        return LibraryError(f"library error on {self.name}: {_first_line(exc)}")

    def refuse_writes(self) -> LibraryError:
        return LibraryError(f"the library {self.name} cannot be written from here")

    def claim(self, session: Session, sha256: str) -> None:
        """Hold this text for the rest of the transaction: a second client storing the same article
        waits, then finds it stored, so it is kept once."""
        session.execute(text("SELECT pg_advisory_xact_lock(hashtextextended(:s, 0))"), {"s": sha256})

    # ------------------------------------------------------------------ the full-text index
    def index(self, session: Session, body: str, rows: Iterable[QuoteRow], delete: bool = False) -> None:
        if delete:
            return  # a deleted row takes its tsvector with it
        params = [{"id": r.id, "v": tsvector(body[r.start:r.end])} for r in rows]
        if params:
            session.execute(text("UPDATE quotes SET terms = CAST(:v AS tsvector) WHERE id = :id"), params)

    def search(self, q: Query, limit: int) -> list[SearchHit]:
        raw = self.engine.raw_connection()
        try:
            conn: Any = raw.driver_connection
            conn.autocommit = True  # reads only: no transaction to open and roll back (two round trips)
            try:
                return run_search(conn, q, limit)
            finally:
                conn.autocommit = False
        except Exception as exc:
            if lost_connection(exc):
                raise LibraryError(f"lost the connection to the library {self.name}: {_first_line(exc)}") from exc
            raise
        finally:
            raw.close()

    # ------------------------------------------------------------------ bulk and checks
    def bulk_load(self, conn: Connection, items: Iterable[tuple[Article, Analysis]], batch: int) -> int:
        return bulk_load(conn, items, batch)

    def check(self) -> list[str]:
        problems = []
        with self.engine.connect() as conn:
            unindexed = conn.exec_driver_sql("SELECT count(*) FROM quotes WHERE terms IS NULL").scalar() or 0
            if unindexed:
                problems.append(f"full-text index: {unindexed} quotes are not indexed")
            outside = conn.exec_driver_sql(
                'SELECT count(*) FROM quotes WHERE start < 0 OR "end" <= start').scalar() or 0
            if outside:
                problems.append(f"{outside} quotes have impossible offsets")
        return problems


# ---------------------------------------------------------------------- search
def run_search(conn: Any, q: Query, limit: int) -> list[SearchHit]:
    # The speaker's ids are looked up first: a literal list lets the planner walk the (speaker_id, id)
    # index; a subquery in their place made it scan every quote, newest first, for a rare speaker.
    found = filters(conn, q, FLAVOUR)
    if found is None:
        return []
    where, params = found
    cond = " AND ".join(where)
    if not q.positives:  # filters only (a speaker's quotes, an article's): the page in one statement
        rows = conn.execute(f"SELECT {DETAIL_COLUMNS} FROM (SELECT q.id FROM quotes q {joins(q)} WHERE {cond} "
                            f"ORDER BY q.id DESC LIMIT %s) pick JOIN quotes q ON q.id = pick.id {DETAIL_JOINS}",
                            (*params, limit)).fetchall()
        return hits(rows, sorted((r[0] for r in rows), reverse=True), q)
    tsq = tsquery(q.positives, q.negatives)
    match = "q.terms @@ CAST(%s AS tsquery)"
    probe = conn.execute(f"SELECT count(*) FROM (SELECT 1 FROM quotes q WHERE {match} LIMIT %s) m",
                         (tsq, PROBE + 1)).fetchone()[0]
    if probe <= PROBE:
        rows = conn.execute(f"SELECT q.id FROM quotes q {joins(q)} WHERE {match} AND {cond} "
                            f"ORDER BY ts_rank(q.terms, CAST(%s AS tsquery)) DESC, q.id DESC LIMIT %s",
                            (tsq, *params, tsq, limit))
        return details(conn, [r[0] for r in rows], q)
    # A very common word: rank the newest matches only, widening the window until enough are found
    # (ranking all of them costs seconds at a million quotes).
    window = PROBE
    while True:
        rows = conn.execute(f"SELECT id, seen FROM (SELECT q.id, q.terms, count(*) OVER () AS seen FROM "
                            f"(SELECT q.id, q.terms FROM quotes q {joins(q)} WHERE {match} AND {cond} "
                            f"ORDER BY q.id DESC LIMIT %s) q) w "
                            f"ORDER BY ts_rank(w.terms, CAST(%s AS tsquery)) DESC, w.id DESC LIMIT %s",
                            (tsq, *params, window, tsq, limit)).fetchall()
        if len(rows) >= limit or not rows or rows[0][1] < window:
            return details(conn, [r[0] for r in rows], q)
        window *= 8


# ---------------------------------------------------------------------- bulk loading
_COPY = {
    "articles": "COPY articles (id, sha256, path, title, outlet, author, published, added, body, model, "
                "engine_version, url, quote_count, speaker_count, named_count) FROM STDIN",
    "quotes": 'COPY quotes (id, article_id, speaker_id, start, "end", kind, cue, confidence, speaker_confidence, '
              "speaker_start, speaker_end, cue_start, cue_end, edited, rejected, terms) FROM STDIN",
    "sources": 'COPY sources (article_id, start, "end", text, type) FROM STDIN',
}
_BULK_KEYS = {  # checked once at the end (one join) rather than row by row
    "quotes_article_id_fkey": "FOREIGN KEY (article_id) REFERENCES articles (id) ON DELETE CASCADE",
    "quotes_speaker_id_fkey": "FOREIGN KEY (speaker_id) REFERENCES speakers (id) ON DELETE SET NULL",
}
_BULK_INDEXES = {
    "ix_quotes_terms": "CREATE INDEX ix_quotes_terms ON quotes USING gin (terms)",
    "ix_quotes_speaker": "CREATE INDEX ix_quotes_speaker ON quotes (speaker_id, id)",
    "ix_quotes_article_id": "CREATE INDEX ix_quotes_article_id ON quotes (article_id)",
}


def _terms_row(qid: int, quote_text: str) -> tuple:
    return qid, tsvector(quote_text)


def _write(cur: Any, b: Batch) -> None:
    rows = b.rows
    if rows["speakers"]:
        cur.executemany("INSERT INTO speakers (id, name, role, affiliation, kind, roles) VALUES (%s,%s,%s,%s,%s,%s)",
                        rows["speakers"])
    if rows["aliases"]:
        cur.executemany("INSERT INTO speaker_aliases (speaker_id, alias) VALUES (%s,%s) ON CONFLICT DO NOTHING",
                        rows["aliases"])
    with cur.copy(_COPY["articles"]) as copy:
        for row in rows["articles"]:
            copy.write_row(row)
    with cur.copy(_COPY["quotes"]) as copy:
        for row, (_qid, terms) in zip(rows["quotes"], rows["index"], strict=True):
            copy.write_row((*row, False, False, terms))
    with cur.copy(_COPY["sources"]) as copy:
        for row in rows["sources"]:
            copy.write_row(row)


def bulk_load(conn: Connection, items: Iterable[tuple[Article, Analysis]], batch: int = 20000) -> int:
    """Many new articles in one transaction with COPY; the indexes on quotes are built once at the end.
    The tables are held against other writers meanwhile (readers go on reading)."""
    conn.exec_driver_sql("LOCK TABLE articles, speakers, speaker_aliases, quotes, sources IN EXCLUSIVE MODE")
    ids = next_ids(conn)
    for name in _BULK_INDEXES:
        conn.exec_driver_sql(f"DROP INDEX IF EXISTS {name}")
    for name in _BULK_KEYS:
        conn.exec_driver_sql(f"ALTER TABLE quotes DROP CONSTRAINT IF EXISTS {name}")
    raw = conn.connection.driver_connection
    assert raw is not None
    added = 0
    with raw.cursor() as cur:
        for b in prefetch(batches(items, ids, max(batch, 20000), _terms_row)):
            _write(cur, b)
            added += b.quotes
    conn.exec_driver_sql("SET LOCAL maintenance_work_mem = '256MB'")
    for sql in _BULK_INDEXES.values():
        conn.exec_driver_sql(sql)
    for name, key in _BULK_KEYS.items():
        conn.exec_driver_sql(f"ALTER TABLE quotes ADD CONSTRAINT {name} {key}")
    for table in ("articles", "speakers", "quotes"):
        conn.exec_driver_sql(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                             f"greatest((SELECT max(id) FROM {table}), 1))")
    conn.exec_driver_sql("ANALYZE quotes")
    return added
