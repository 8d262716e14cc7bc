"""Import a folder into the library with a progress dialog (count, time left, cancel)."""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog

from reader import service
from reader.documents import SUPPORTED_EXTENSIONS, DocumentError, load_article

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow


def article_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in SUPPORTED_EXTENSIONS)


class FolderImport(QObject):
    progressed = Signal(int, int, str)  # done, total, current file name
    finished = Signal(str)  # summary

    def __init__(self, window: MainWindow, folder: Path) -> None:
        super().__init__(window)
        self.window = window
        self.files = article_files(folder)
        self.cancelled = threading.Event()
        self.dialog = QProgressDialog(f"Importing {folder.name}…", "Cancel", 0, max(1, len(self.files)), window)
        self.dialog.setWindowTitle("Import folder")
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(0)
        self.dialog.canceled.connect(self.cancelled.set)
        self.progressed.connect(self._show)
        self.started = time.monotonic()

    def start(self) -> None:
        self.dialog.show()
        window = self.window
        window.dispatcher.run("import", self._work, self._done, window._error)

    def _work(self) -> str:
        """Runs in a worker thread: load, skip what is stored, analyse, store; one file at a time."""
        library = self.window.libraries.require()
        added = skipped = failed = 0
        for n, path in enumerate(self.files):
            if self.cancelled.is_set():
                break
            self.progressed.emit(n, len(self.files), path.name)
            try:
                article = load_article(path)
                if library.has(article.sha256):
                    skipped += 1
                    continue
                service.analyse_and_store(article, self.window.engine, library)
                added += 1
            except DocumentError:
                failed += 1
        self.progressed.emit(len(self.files), len(self.files), "")
        verb = "Import cancelled" if self.cancelled.is_set() else "Imported"
        return f"{verb}: {added} added, {skipped} already in the library, {failed} could not be read"

    def _show(self, done: int, total: int, name: str) -> None:
        self.dialog.setMaximum(max(1, total))
        self.dialog.setValue(done)
        elapsed = time.monotonic() - self.started
        left = f", about {elapsed / done * (total - done):.0f} s left" if done else ""
        self.dialog.setLabelText(f"{done} of {total} articles{left}\n{name}")

    def _done(self, summary: str) -> None:
        self.dialog.reset()
        self.dialog.hide()
        self.window.status(summary)
        self.finished.emit(summary)
