"""One pattern for background work: a one-shot QRunnable that reports back by signal.

The UI thread never parses or queries for long: it hands a callable to ``Dispatcher.run`` and gets the
result (or a one-line error message) on its own thread through queued signals. A newer job of the same
``kind`` makes an older one's result stale, so a slow search never overwrites a faster later one.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from reader.documents import DocumentError
from reader.library import LibraryError


class _Signals(QObject):
    done = Signal(int, object)
    failed = Signal(int, str)


class _Job(QRunnable):
    def __init__(self, ticket: int, fn: Callable[[], Any]) -> None:
        super().__init__()
        self.ticket = ticket
        self.fn = fn
        self.signals = _Signals()
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            result = self.fn()
        except (DocumentError, LibraryError, ValueError, OSError) as exc:
            self.signals.failed.emit(self.ticket, str(exc))
        except Exception as exc:  # a bug must not take the window down: report it in one line
            traceback.print_exc()
            self.signals.failed.emit(self.ticket, f"unexpected error: {exc.__class__.__name__}: {exc}")
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
        job = _Job(ticket, fn)
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
            traceback.print_exc()
            if entry[2] is not None:
                entry[2](f"unexpected error: {exc.__class__.__name__}: {exc}")

    def _failed(self, ticket: int, message: str) -> None:
        entry = self._take(ticket)
        if entry is not None and entry[2] is not None:
            entry[2](message)

    def wait(self, msecs: int = 30000) -> bool:
        return self.pool.waitForDone(msecs)
