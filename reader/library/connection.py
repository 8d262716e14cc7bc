"""How a library file is opened: the SQLite settings of every connection, read-only or not, the copy
kept before a migration, and SQLite's complaints turned into sentences a reader can act on."""

from __future__ import annotations

import logging
import os
import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import DatabaseError

from reader.library import guard, textcodec
from reader.library.errors import LibraryDamaged, LibraryError

log = logging.getLogger(__name__)


def default_location() -> str:
    """$QUOTE_READER_DB (a file or a database URL), else the library file in the user's data folder."""
    env = os.environ.get("QUOTE_READER_DB", "").strip()
    if env:
        return env
    from platformdirs import user_data_path

    return str(user_data_path("quote-reader", appauthor=False) / "library.sqlite3")


def on_connect(dbapi_conn: Any, _record: Any) -> None:
    # Let SQLAlchemy, not the sqlite3 module, decide where transactions begin (DDL included).
    dbapi_conn.isolation_level = None
    textcodec.register(dbapi_conn)
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


def on_connect_read_only(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.isolation_level = None
    textcodec.register(dbapi_conn)
    dbapi_conn.execute("PRAGMA busy_timeout=5000")


def on_begin(conn: Any) -> None:
    conn.exec_driver_sql("BEGIN")


def open_engine(path: Path, read_only: bool) -> Engine:
    if read_only:
        engine = create_engine(f"sqlite:///file:{path}?mode=ro&uri=true",
                               connect_args={"check_same_thread": False, "uri": True})
        event.listen(engine, "connect", on_connect_read_only)
    else:
        engine = create_engine(f"sqlite:///{path}", connect_args={"check_same_thread": False})
        event.listen(engine, "connect", on_connect)
    event.listen(engine, "begin", on_begin)
    return engine


# ---------------------------------------------------------------------- copies before migrations
def backup(conn: Any, path: Path, revision: str) -> Path:
    """A copy of the library as it is, before a migration changes it (SQLite's online backup, so what
    the write-ahead log holds is in the copy too)."""
    target = path.with_name(f"{path.name}.before-{revision}.bak")
    raw = conn.connection.driver_connection
    with sqlite3.connect(target) as copy:
        raw.backup(copy)
    copy.close()
    log.warning("upgrading %s from schema %s; a copy of it is kept in %s", path, revision, target)
    return target


def drop_backups(path: Path) -> None:
    """A start that needed no upgrade: the copies made before the last one have done their job."""
    for old in sorted(path.parent.glob(f"{path.name}.before-*.bak")):
        try:
            old.unlink()
            log.info("removed %s: the library opened without needing it", old)
        except OSError:
            pass


# ---------------------------------------------------------------------- errors in words
def damaged(path: Path, exc: DatabaseError) -> LibraryDamaged:
    return LibraryDamaged(f"{path} is damaged ({exc.orig}): set it aside and start a new library "
                          f"(quote-reader library --set-aside)", path)


def read_only(path: Path) -> LibraryError:
    return LibraryError(f"the library {path.name} is read-only: it can be read and searched, not changed")


def plainly(exc: DatabaseError, path: Path, lock: guard.WriteLock) -> LibraryError:
    """SQLite's complaint in words a reader can act on."""
    if guard.is_full(exc):
        return LibraryError("the disk holding the library is full: everything stored before is kept; free some "
                            "space and try again")
    if "locked" in str(exc).lower() or "busy" in str(exc).lower():
        holder = lock.holder()
        who = guard.describe(holder) if holder else "another program"
        return LibraryError(f"the library is busy: {who} is writing to it; try again when it has finished")
    if guard.is_damage(exc):
        return damaged(path, exc)
    if "readonly" in str(exc).lower().replace("-", ""):
        return LibraryError(f"the library {path.name} cannot be written (read-only file or disk)")
    return LibraryError(f"library error: {exc.orig}")
