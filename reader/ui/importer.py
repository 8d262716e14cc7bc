"""Long library jobs with a progress dialog (count, time left, cancel): importing a folder, analysing
stored articles again."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from reader import service
from reader.ui.session import Session

# the work, given how to report progress and when to stop; run on a worker thread
Work = Callable[[Callable[[int, int, str], None], threading.Event], service.ImportSummary]


class ProgressTask(QObject):
    progressed = Signal(int, int, str)  # done, total, current item (emitted from the worker thread)
    finished = Signal(str)  # summary

    def __init__(self, session: Session, title: str, label: str, work: Work, parent: QWidget) -> None:
        super().__init__(parent)
        self.session = session
        self.title = title
        self.work = work
        self.cancelled = threading.Event()
        self.dialog = QProgressDialog(label, "Cancel", 0, 1, parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(0)
        self.dialog.canceled.connect(self.cancelled.set)
        self.progressed.connect(self._show)
        self.started = time.monotonic()

    def start(self) -> None:
        self.dialog.show()
        work, progressed, cancelled = self.work, self.progressed.emit, self.cancelled
        self.session.dispatcher.run(self.title, lambda: work(progressed, cancelled), self._done, self._failed)

    def _show(self, done: int, total: int, name: str) -> None:
        self.dialog.setMaximum(max(1, total))
        self.dialog.setValue(done)
        elapsed = time.monotonic() - self.started
        left = f", about {elapsed / done * (total - done):.0f} s left" if done else ""
        self.dialog.setLabelText(f"{done} of {total} articles{left}\n{name}")

    def _close(self) -> None:
        self.dialog.reset()
        self.dialog.hide()

    def _done(self, summary: service.ImportSummary) -> None:
        self._close()
        self.session.status.emit(str(summary))
        self.finished.emit(str(summary))

    def _failed(self, message: str) -> None:
        self._close()
        self.session.fail(f"{self.title} failed: {message}")
        self.finished.emit(message)


def folder_import(session: Session, folder: Path, parent: QWidget) -> ProgressTask:
    """Import a folder into the library (what it holds already is skipped)."""
    engine, libraries = session.engine, session.libraries

    def work(progress: Callable[[int, int, str], None], cancel: threading.Event) -> service.ImportSummary:
        return service.import_paths([folder], libraries.require(), engine=engine, progress=progress, cancel=cancel)

    return ProgressTask(session, "Import folder", f"Importing {folder.name}…", work, parent)


def reanalysis(session: Session, article_ids: Sequence[int], parent: QWidget) -> ProgressTask:
    """Stored articles analysed again with the current engine, corrections kept."""
    engine, libraries, ids = session.engine, session.libraries, list(article_ids)

    def work(progress: Callable[[int, int, str], None], cancel: threading.Event) -> service.ImportSummary:
        return service.reanalyse(libraries.require(), ids, engine, progress, cancel)

    return ProgressTask(session, "Analyse again", f"Analysing {len(ids)} articles again…", work, parent)
