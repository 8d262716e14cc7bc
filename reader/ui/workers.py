"""One pattern for background work: a one-shot QRunnable that reports back by signal.

The UI thread never parses or queries for long: it hands a callable to ``Dispatcher.run`` and gets the
result (or a one-line error message) on its own thread through queued signals. A newer job of the same
``kind`` makes an older one's result stale, so a slow search never overwrites a faster later one.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from reader.model import UserError

log = logging.getLogger(__name__)


def user_message(exc: BaseException) -> str:
    """What the user reads about a failure: their own problem in their words, a bug in one line."""
    if isinstance(exc, UserError):
        return str(exc)
    if isinstance(exc, OSError) and exc.strerror:
        return f"{exc.strerror}" + (f": {exc.filename}" if exc.filename else "")
    return f"unexpected error: {exc.__class__.__name__}: {exc} (details in Help › Show Log)"


class _Signals(QObject):
    done = Signal(int, object)
    failed = Signal(int, str)


class _Job(QRunnable):
    def __init__(self, ticket: int, kind: str, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.ticket = ticket
        self.kind = kind
        self.fn = fn
        self.signals = _Signals()
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn()
        except UserError as exc:
            log.info("%s job: %s", self.kind, exc)
            self.signals.failed.emit(self.ticket, str(exc))
        except Exception as exc:  # a bug must not take the window down: log it, report it in one line
            log.exception("%s job failed", self.kind)
            self.signals.failed.emit(self.ticket, user_message(exc))
        else:
            self.signals.done.emit(self.ticket, result)


class Dispatcher(QObject):
    """Runs jobs on a thread pool; calls back on the UI thread; drops stale results per kind."""

    def __init__(self, parent: QObject | None = None, pool: QThreadPool | None = None) -> None:
        super().__init__(parent)
        self.pool = pool or QThreadPool.globalInstance()
        self._ticket = 0
        self._latest: dict[str, int] = {}
        self._pending: dict[int, tuple[str, _Job, Callable[[Any], None], Callable[[str], None] | None]] = {}

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def run(self, kind: str, fn: Callable[[], Any], on_done: Callable[[Any], None],
            on_error: Callable[[str], None] | None = None) -> int:
        self._ticket += 1
        ticket = self._ticket
        self._latest[kind] = ticket
        job = _Job(ticket, kind, fn)
        job.signals.done.connect(self._done)
        job.signals.failed.connect(self._failed)
        self._pending[ticket] = (kind, job, on_done, on_error)
        self.pool.start(job)
        return ticket

    def _take(self, ticket: int) -> tuple[str, Callable[[Any], None], Callable[[str], None] | None] | None:
        entry = self._pending.pop(ticket, None)
        if entry is None:
            return None
        kind, _job, on_done, on_error = entry
        if self._latest.get(kind) != ticket:
            return None
        return kind, on_done, on_error

    def _done(self, ticket: int, result: object) -> None:
        entry = self._take(ticket)
        if entry is None:
            return
        try:
            entry[1](result)
        except Exception as exc:  # a failing display step is reported, never left hanging
            log.exception("showing the result of a %s job failed", entry[0])
            if entry[2] is not None:
                entry[2](user_message(exc))

    def _failed(self, ticket: int, message: str) -> None:
        entry = self._take(ticket)
        if entry is not None and entry[2] is not None:
            entry[2](message)

    def wait(self, msecs: int = 30000) -> bool:
        return self.pool.waitForDone(msecs)
