"""Where a library lives. ``SQLiteFile`` is the desktop's one file with FTS5, nothing to set up;
``reader.library.postgres.Server`` is a shared PostgreSQL library for a team. Both carry the same
models and the same Alembic migrations; what differs (opening, the full-text index, bulk loading,
checks, errors in words) is here and there, behind the same methods, so that ``Library`` is one."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DatabaseError
from sqlalchemy.orm import Session

from reader.library import connection, guard, migrate
from reader.library.errors import LibraryError
from reader.library.schema import QuoteRow
from reader.library.search import Query, run_search
from reader.model import Analysis, Article, SearchHit

log = logging.getLogger(__name__)


def is_server(location: str) -> bool:
    """A database server's SQLAlchemy URL (postgresql://, postgresql+psycopg://), not a file."""
    return "://" in location and not location.startswith(("sqlite:", "file:"))


def sqlite_path(location: str) -> Path:
    for prefix in ("sqlite:///", "file:"):
        if location.startswith(prefix):
            return Path(location[len(prefix):])
    return Path(location)


class SQLiteFile:
    """A library in one SQLite file, searched with FTS5; one writer at a time, named when it blocks."""

    dialect = "sqlite"

    def __init__(self, path: Path, read_only: bool | None = None) -> None:
        self.path = path
        self.location = str(path)
        self.name = path.name
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise LibraryError(f"cannot create the library folder {path.parent}: {exc.strerror}") from exc
        self.read_only = not guard.writable(path) if read_only is None else read_only
        if self.read_only and not path.exists():
            raise LibraryError(f"there is no library at {path}, and its folder cannot be written")
        self.lock = guard.WriteLock(path)
        self.engine: Engine = connection.open_engine(path, self.read_only)

    # ------------------------------------------------------------------ opening
    def migrate(self) -> None:
        """Bring the file to the current schema, keeping a copy of it first."""
        backup = None
        try:
            with self.engine.begin() as conn:
                revision = migrate.pending(conn)
                if revision is not None and self.read_only:
                    raise LibraryError(f"{self.path} needs an upgrade but is read-only: open it once where it "
                                       f"can be written")
                if revision is not None:
                    backup = connection.backup(conn, self.path, revision)
                if not self.read_only:
                    migrate.upgrade(conn)
                elif not migrate.is_library(conn):
                    raise LibraryError(f"{self.path} is not a Quote Reader library (yet): there is nothing in it "
                                       f"to read")
        except DatabaseError as exc:
            self.engine.dispose()
            if guard.is_damage(exc):
                raise connection.damaged(self.path, exc) from exc
            kept = f" (a copy from before the upgrade is {backup})" if backup else ""
            raise LibraryError(f"{self.path} is not a usable library: {exc.orig}{kept}") from exc
        except LibraryError:
            self.engine.dispose()
            raise
        if backup is None and not self.read_only:
            connection.drop_backups(self.path)
        if self.read_only:
            log.warning("%s is read-only: it opens for reading and searching only", self.path)

    # ------------------------------------------------------------------ errors in words
    def plainly(self, exc: DatabaseError) -> LibraryError:
        return connection.plainly(exc, self.path, self.lock)

    def refuse_writes(self) -> LibraryError:
        return connection.read_only(self.path)

    def claim(self, session: Session, sha256: str) -> None:
        """Only one writer at a time: nothing more to claim."""

    # ------------------------------------------------------------------ the full-text index
    def index(self, session: Session, body: str, rows: Iterable[QuoteRow], delete: bool = False) -> None:
        """Add quotes to (or take them out of) FTS5, with texts sliced from the body we already hold:
        going through the quote_text view would inflate the whole article per quote."""
        params = [{"id": r.id, "text": body[r.start:r.end]} for r in rows]
        if not params:
            return
        sql = ("INSERT INTO quotes_fts(quotes_fts, rowid, text) VALUES ('delete', :id, :text)" if delete
               else "INSERT INTO quotes_fts(rowid, text) VALUES (:id, :text)")
        session.execute(text(sql), params)

    def search(self, q: Query, limit: int) -> list[SearchHit]:
        # The driver's own connection, not the ORM: this path is timed in milliseconds. One read
        # transaction, so the ranking and the details see the same library.
        with self._raw() as dbapi:
            try:
                dbapi.execute("BEGIN")
                try:
                    return run_search(dbapi, q, limit)
                finally:
                    dbapi.execute("COMMIT")
            except sqlite3.Error as exc:
                raise LibraryError(f"search failed: {exc}") from exc

    @contextmanager
    def _raw(self) -> Iterator[Any]:
        raw = self.engine.raw_connection()
        try:
            yield raw.driver_connection
        finally:
            raw.close()

    # ------------------------------------------------------------------ bulk and checks
    def bulk_load(self, conn: Connection, items: Iterable[tuple[Article, Analysis]], batch: int) -> int:
        from reader.library.bulk import bulk_load

        return bulk_load(conn, items, batch)

    def check(self) -> list[str]:
        """Problems found by SQLite's and FTS5's own integrity checks (empty when all is well)."""
        problems = []
        with self.engine.connect() as conn:
            result = conn.exec_driver_sql("PRAGMA integrity_check").scalar()
            if result != "ok":
                problems.append(str(result))
            try:
                conn.exec_driver_sql("INSERT INTO quotes_fts(quotes_fts, rank) VALUES ('integrity-check', 1)")
            except DatabaseError as exc:
                problems.append(f"full-text index: {exc.orig}")
        return problems
