"""The window's state as one object: the open article, the engine, the library and the dispatcher.

The window's parts (article view, panels, corrections, file commands) talk to each other through
this object's methods and signals, never through the main window's attributes.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from reader import service
from reader.model import Correction, Opened, Quote, SearchHit
from reader.ui.workers import Dispatcher

log = logging.getLogger(__name__)


class Session(QObject):
    shown = Signal(object, object)  # Opened, the Quote to bring into view (or None)
    focused = Signal(object)  # Quote: bring this quote of the open article into view
    opened = Signal(object)  # Opened: a file was opened (not a library article shown again)
    status = Signal(str)  # a message for the status bar
    failed = Signal(str)  # a job failed: one sentence for the user
    open_failed = Signal(str)  # a file the user asked for could not be opened
    progress = Signal(int, int, str)  # pieces of a long article read, pieces in all, its name (any thread)
    model_ready = Signal()
    library_ready = Signal(object)  # Library | None
    library_changed = Signal()  # corrections undone or redone, articles removed: lists are out of date
    history_changed = Signal()  # what Edit › Undo and Redo would do has changed

    def __init__(self, engine: service.Engine, libraries: service.LibraryHandle,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.engine = engine
        self.libraries = libraries
        self.dispatcher = Dispatcher(self)
        self.current: Opened | None = None
        self._stop = threading.Event()
        self.citation_style = "plain"  # plain, apa or chicago: copies and exports cite this way
        # corrections kept in the library in this session, to undo (last first) and redo
        self.undoable: list[tuple[str, tuple[Any, ...]]] = []
        self.redoable: list[tuple[str, tuple[Any, ...]]] = []
        self._stepping = False
        self._jobs = 0

    def start(self) -> None:
        """Load the model and open the library in the background."""
        self.status.emit("Loading the language model…")
        self.run("model", self.engine.load, lambda _r: self.model_ready.emit())
        self.run("library", self.libraries.get, self.library_ready.emit)

    # ------------------------------------------------------------------ jobs
    def run(self, kind: str, fn: Callable[[], Any], on_done: Callable[[Any], None], failure: str = "") -> None:
        """Run ``fn`` in the background; a failure becomes one message (prefixed with ``failure``)."""
        self.dispatcher.run(kind, fn, on_done, lambda msg: self.fail(f"{failure}{msg}"))

    def fail(self, message: str) -> None:
        log.info("shown to the user: %s", message)
        self.status.emit(message)
        self.failed.emit(message)

    @property
    def busy(self) -> bool:
        return self.dispatcher.busy

    # ------------------------------------------------------------------ articles
    def open_path(self, path: str) -> None:
        name = path if service.is_url(path) else Path(path).name
        self.status.emit(f"Analysing {name}…" if self.engine.loaded else f"Loading the language model, then {name}…")
        engine, libraries = self.engine, self.libraries
        self._stop = stop = threading.Event()
        report = self.progress.emit

        def done(opened: Opened) -> None:
            self.progress.emit(1, 1, "")
            self.show(opened)
            self.opened.emit(opened)

        def failed(message: str) -> None:
            self.progress.emit(1, 1, "")
            if stop.is_set():
                self.status.emit(f"Stopped reading {name}")
                return
            self._could_not_open(name, message)

        def work() -> Opened:
            return service.open_file(path, engine, libraries.get(), lambda n, total: report(n, total, name), stop)

        self.dispatcher.run("open", work, done, failed)

    def open_text(self, text: str) -> None:
        """Text from the clipboard as an article."""
        self.status.emit("Analysing the text from the clipboard…")
        engine, libraries = self.engine, self.libraries

        self.dispatcher.run("open", lambda: service.open_text(text, engine, libraries.get()), self.show,
                            lambda message: self._could_not_open("the clipboard", message))

    def _could_not_open(self, what: str, message: str) -> None:
        """An article the user asked for did not open: the status bar, and a dialog from the window."""
        self.fail(f"Could not open {what}: {message}")
        self.open_failed.emit(f"Could not open {what}: {message}")

    def stop_opening(self) -> None:
        """Stop reading the article being opened (a long one stops between pieces)."""
        self._stop.set()

    def show(self, opened: Opened, focus: Quote | None = None) -> None:
        self.current = opened
        self.shown.emit(opened, focus)

    def open_stored(self, article_id: int, focus: Quote | None = None, keep_place: bool = False) -> None:
        """Show an article as the library holds it (corrections included), ``focus`` in view;
        ``keep_place``: say nothing when it has gone (it was being shown again)."""
        libraries = self.libraries

        def shown(opened: Opened | None) -> None:
            if opened is None:
                if not keep_place:
                    self.status.emit("That article is no longer in the library")
            else:
                self.show(opened, focus)

        self.run("open", lambda: service.stored(libraries.require(), article_id), shown)

    def open_hit(self, hit: SearchHit) -> None:
        """Show a search result's article (from the library) with its quote in view."""
        quote = service.quote_for(hit)
        if self.current is not None and self.current.article_id == hit.article_id:
            self.focused.emit(quote)
            return
        self.open_stored(hit.article_id, quote)

    # ------------------------------------------------------------------ library
    def search(self, text: str, on_done: Callable[[list[SearchHit]], None], on_error: Callable[[str], None]) -> None:
        libraries = self.libraries
        self.dispatcher.run("search", lambda: libraries.require().search(text, limit=500), on_done, on_error)

    def quotes_by(self, name: str) -> Callable[[], list[SearchHit]]:
        libraries = self.libraries
        return lambda: libraries.require().quotes_by(name, limit=100000)

    def export(self, path: str, hits: Callable[[], list[SearchHit]]) -> None:
        style = self.citation_style
        self.run("export", lambda: service.export_to(path, hits(), style),
                 lambda n: self.status.emit(f"Exported {n} quotes to {Path(path).name}"), "Export failed: ")

    def correct(self, correction: Correction) -> None:
        """Show the correction at once, then keep it in the library in the background."""
        opened = self.current
        if opened is None:
            return
        library = self.libraries.get() if opened.article_id is not None else None
        self.show(service.apply_correction(opened, correction, library.user if library else None))
        if opened.article_id is None:
            self.status.emit("Corrected here only: there is no library to keep it in")
            return
        libraries, article_id = self.libraries, opened.article_id
        self._jobs += 1  # every correction's result is needed (for its undo), not only the latest
        self.run(f"correct-{self._jobs}", lambda: service.save_correction(libraries.require(), article_id, correction),
                 self.saved)

    # ------------------------------------------------------------------ undo and redo
    def saved(self, saved: service.Saved) -> None:
        """A change kept in the library: say so, and remember how to take it back."""
        self.status.emit(saved.message)
        if saved.changes:
            self.undoable.append((saved.changes[0].label, saved.changes))
            self.redoable.clear()
            self.history_changed.emit()

    def undo(self) -> None:
        self._step(self.undoable, self.redoable, "Undid")

    def redo(self) -> None:
        self._step(self.redoable, self.undoable, "Redid")

    def _step(self, source: list[tuple[str, tuple[Any, ...]]], target: list[tuple[str, tuple[Any, ...]]],
              verb: str) -> None:
        if not source or self._stepping:
            return
        label, changes = source.pop()
        self._stepping = True
        self.history_changed.emit()
        libraries = self.libraries

        def failed(message: str) -> None:
            self._stepping = False
            self.fail(f"{verb[:-1]} failed: {message}")

        def done(back: tuple[Any, ...]) -> None:
            self._stepping = False
            target.append((label, back))
            self.history_changed.emit()
            self.status.emit(f"{verb} {label}")
            self.library_changed.emit()
            if self.current is not None and self.current.article_id is not None:
                self.open_stored(self.current.article_id, keep_place=True)

        self._jobs += 1  # a kind of its own: the dispatcher keeps only the latest result of a kind
        self.dispatcher.run(f"undo-{self._jobs}", lambda: service.undo(libraries.require(), changes), done, failed)
