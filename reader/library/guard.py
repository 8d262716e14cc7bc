"""What keeps a library file safe: one writer at a time (and who it is), damage and full disks named
plainly, and a damaged file set aside, never deleted."""

from __future__ import annotations

import fcntl
import getpass
import json
import os
import socket
import sqlite3
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from reader.library.errors import LibraryError

LOCK_WAIT = 8.0  # seconds a writer waits for another before saying who holds the library

_DAMAGE = ("file is not a database", "database disk image is malformed", "file is encrypted",
           "malformed database schema", "unsupported file format")


def is_damage(exc: BaseException) -> bool:
    text = str(exc).lower()
    return any(words in text for words in _DAMAGE)


def is_full(exc: BaseException) -> bool:
    text = str(exc).lower()
    return "database or disk is full" in text or "no space left" in text


def writable(path: Path) -> bool:
    """Whether the library (or, for a new one, its folder) can be written."""
    if path.exists():
        return os.access(path, os.W_OK) and os.access(path.parent, os.W_OK)
    return os.access(path.parent, os.W_OK)


def _me() -> dict[str, object]:
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = "?"
    return {"pid": os.getpid(), "user": user, "host": socket.gethostname(),
            "program": " ".join(Path(a).name if n == 0 else a for n, a in enumerate(sys.argv[:3])) or "python",
            "since": datetime.now().strftime("%H:%M:%S")}


def describe(holder: dict[str, object]) -> str:
    return (f"{holder.get('program', 'another program')} (process {holder.get('pid', '?')} of "
            f"{holder.get('user', '?')} on {holder.get('host', '?')}, since {holder.get('since', '?')})")


class WriteLock:
    """An advisory lock beside the library file, held while a transaction writes; the holder writes
    who it is into the lock file, so a waiting writer can say who it waited for."""

    def __init__(self, db: Path) -> None:
        self.path = db.with_name(db.name + ".lock")
        self._depth = 0
        self._threads = threading.RLock()  # one writing thread of this process at a time

    @contextmanager
    def held(self, wait: float | None = None) -> Iterator[None]:
        limit = LOCK_WAIT if wait is None else wait
        if not self._threads.acquire(timeout=limit):
            raise LibraryError("the library is busy: another task of this window is writing to it; try again")
        try:
            if self._depth:  # already ours (a write inside a write)
                self._depth += 1
                try:
                    yield
                finally:
                    self._depth -= 1
                return
            with self._across_processes(limit):
                self._depth = 1
                try:
                    yield
                finally:
                    self._depth = 0
        finally:
            self._threads.release()

    @contextmanager
    def _across_processes(self, limit: float) -> Iterator[None]:
        try:
            f = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 (held across the yield)
        except OSError:  # a folder we may not write to: read-only use, nothing to lock
            yield
            return
        deadline = time.monotonic() + limit
        try:
            while True:
                try:
                    fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    if time.monotonic() >= deadline:
                        raise LibraryError(f"the library is busy: {describe(self.holder())} is writing to it; "
                                           f"try again when it has finished") from None
                    time.sleep(0.05)
            f.seek(0)
            f.truncate()
            f.write(json.dumps(_me()))
            f.flush()
            try:
                yield
            finally:
                f.seek(0)
                f.truncate()
                fcntl.flock(f.fileno(), fcntl.LOCK_UN)
        finally:
            f.close()

    def holder(self) -> dict[str, object]:
        try:
            return json.loads(self.path.read_text(encoding="utf-8") or "{}")
        except (OSError, ValueError):
            return {}


def set_aside(db: Path) -> Path:
    """Rename a damaged library (with its journal files) out of the way; it is never deleted."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = db.with_name(f"{db.name}.damaged-{stamp}")
    db.rename(target)
    for suffix in ("-wal", "-shm"):
        extra = db.with_name(db.name + suffix)
        if extra.exists():
            extra.rename(target.with_name(target.name + suffix))
    return target


def quick_check(db: Path) -> str | None:
    """SQLite's own verdict on a library file (None: it is sound, or it does not exist yet)."""
    if not db.exists() or db.stat().st_size == 0:
        return None
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            result = con.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        return str(exc)
    return None if result == "ok" else str(result)


class NoLock:
    """A database server orders its writers itself: no lock file to hold."""

    @contextmanager
    def held(self, wait: float | None = None) -> Iterator[None]:
        yield

    def holder(self) -> dict[str, object]:
        return {}
