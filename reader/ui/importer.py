"""Import a folder into the library with a progress dialog (count, time left, cancel)."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from reader import service
from reader.ui.session import Session


class FolderImport(QObject):
    progressed = Signal(int, int, str)  # done, total, current file name (emitted from the worker thread)
    finished = Signal(str)  # summary

    def __init__(self, session: Session, folder: Path, parent: QWidget) -> None:
        super().__init__(parent)
        self.session = session
        self.folder = folder
        self.cancelled = threading.Event()
        self.dialog = QProgressDialog(f"Importing {folder.name}…", "Cancel", 0, 1, parent)
        self.dialog.setWindowTitle("Import folder")
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(0)
        self.dialog.canceled.connect(self.cancelled.set)
        self.progressed.connect(self._show)
        self.started = time.monotonic()

    def start(self) -> None:
        self.dialog.show()
        # everything the worker needs, taken here on the UI thread
        folder, engine, libraries, cancelled = self.folder, self.session.engine, self.session.libraries, self.cancelled
        progressed = self.progressed.emit

        def work() -> service.ImportSummary:
            return service.import_paths([folder], libraries.require(), engine=engine, progress=progressed,
                                        cancel=cancelled)

        self.session.dispatcher.run("import", work, self._done, self._failed)

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
        self.session.fail(f"Import failed: {message}")
        self.finished.emit(message)
