"""The main window: menus, actions and docks. It wires signals and owns no parsing or SQL."""

from __future__ import annotations

import gc
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPoint, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from reader import service
from reader.documents import SUPPORTED_EXTENSIONS
from reader.library import Library
from reader.model import Analysis, Article, Quote, SearchHit
from reader.ui.article_view import ArticleView, SpeakerColours
from reader.ui.chart import SourcingChart
from reader.ui.corrections import Corrections
from reader.ui.importer import FolderImport
from reader.ui.legend import Legend
from reader.ui.menus import build_menus
from reader.ui.navigation import Navigation
from reader.ui.palette import Theme
from reader.ui.quote_panel import SPEAKER_ROLE, QuotePanel
from reader.ui.search_panel import SearchPanel
from reader.ui.workers import Dispatcher

MAX_RECENT = 10
FILE_FILTER = "Articles ({})".format(" ".join(f"*{e}" for e in SUPPORTED_EXTENSIONS)) + ";;All files (*)"


class MainWindow(Navigation, QMainWindow):
    article_shown = Signal(object)  # Opened
    open_failed = Signal(str)

    def __init__(self, engine: service.Engine, library: Library | service.LibraryHandle | None, theme: Theme,
                 settings: QSettings | None = None) -> None:
        super().__init__()
        self.engine = engine
        self.libraries = library if isinstance(library, service.LibraryHandle) else service.LibraryHandle.of(library)
        self.theme = theme
        self.settings = settings or QSettings("quote-reader", "quote-reader")
        self.dispatcher = Dispatcher(self)
        self.current: service.Opened | None = None
        self.colours = SpeakerColours()
        self.setWindowTitle("Quote Reader")
        self.setAcceptDrops(True)
        self.resize(1320, 860)

        self.view = ArticleView(self.colours, theme, self)
        self.corrections = Corrections(self)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(
            lambda pos: self.corrections.menu_at(pos).exec(self.view.mapToGlobal(pos)))
        self._pending: tuple[service.Opened, Quote | None] | None = None
        self.view.painted.connect(self._painted)
        self.legend = Legend(theme, self)
        self.legend.toggled.connect(self.view.set_layer)
        central = QWidget(self)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.legend)
        layout.addWidget(self.view)
        self.setCentralWidget(central)

        self.panel = QuotePanel(self.colours, theme, self)
        self.panel.quote_activated.connect(self.show_quote)
        self.panel.speaker_activated.connect(self.follow_speaker)
        self.panel.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.panel.tree.customContextMenuRequested.connect(self._speaker_menu)
        self.search = SearchPanel(self._search_job, self, theme)
        self.search.hit_activated.connect(self.open_hit)
        self.speakers_dock = self._dock("Speakers and quotes", self.panel, "speakers")
        self.search_dock = self._dock("Library search", self.search, "search")
        self.chart = SourcingChart(theme, self)
        self.chart_dock = self._dock("Sourcing", self.chart, "sourcing")
        self.tabifyDockWidget(self.speakers_dock, self.search_dock)
        self.tabifyDockWidget(self.search_dock, self.chart_dock)
        self.speakers_dock.raise_()

        self._tab_order()
        self.status_label = QLabel("", self)
        self.statusBar().addPermanentWidget(self.status_label)
        menus = build_menus(self)
        self.open_action, self.recent_menu = menus.open_action, menus.recent_menu
        self.layer_actions, self.dark_action = menus.layer_actions, menus.dark_action
        self._refresh_recent()
        self._restore()
        zoom = self._zoom_level()
        if zoom:
            (self.view.zoomIn if zoom > 0 else self.view.zoomOut)(abs(zoom))
        self.status("Loading the language model…")
        self.dispatcher.run("model", engine.nlp, lambda _nlp: self._model_ready(), self._error)
        self.dispatcher.run("library", self.libraries.get, self._library_ready, self._error)

    # ------------------------------------------------------------------ construction
    def _dock(self, title: str, widget: QWidget, name: str) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock-{name}")
        dock.setWidget(widget)
        dock.setMinimumWidth(320)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        return dock

    # ------------------------------------------------------------------ status
    def status(self, message: str) -> None:
        self.statusBar().showMessage(message)

    def _error(self, message: str) -> None:
        self.status(message)
        self.open_failed.emit(message)

    @staticmethod
    def _settle_heap() -> None:
        """Move what start-up built (Qt bindings, SQLAlchemy, modules) out of the cyclic collector's
        scans: a full collection over that heap took 70-90 ms and froze the window when it happened to
        run while a long article's results arrived. Only long-lived start-up objects are frozen."""
        gc.collect()
        gc.freeze()

    def _model_ready(self) -> None:
        self._settle_heap()
        if self.current is None and not self.dispatcher.busy:
            self.status("Ready. Open an article with File › Open (Ctrl+O) or drop a file here.")

    def _library_ready(self, library: Library | None) -> None:
        self._settle_heap()
        if library is None:
            self.status_label.setText("No library")
            self.status(f"Library unavailable ({self.libraries.error}); articles will not be saved")
        else:
            self.status_label.setText(f"Library: {library.path.name}")
            self.status_label.setToolTip(str(library.path))

    # ------------------------------------------------------------------ opening
    def choose_file(self) -> None:
        start = self.settings.value("last_dir", str(Path.home()))
        paths, _ = QFileDialog.getOpenFileNames(self, "Open article", str(start), FILE_FILTER)
        for path in paths:
            self.open_path(path)

    def import_folder(self, folder: str | None = None) -> FolderImport | None:
        if not folder:
            folder = QFileDialog.getExistingDirectory(self, "Import a folder of articles",
                                                      str(self.settings.value("last_dir", str(Path.home()))))
        if not folder:
            return None
        job = FolderImport(self, Path(folder))
        job.start()
        return job

    def open_sample(self) -> None:
        self.open_path(str(service.SAMPLE_ARTICLE))

    def open_path(self, path: str) -> None:
        name = Path(path).name
        self.status(f"Analysing {name}…" if self.engine.loaded else f"Loading the language model, then {name}…")
        engine, libraries = self.engine, self.libraries
        self.dispatcher.run("open", lambda: service.open_article(path, engine, libraries.get()), self._opened,
                            lambda msg: self._error(f"Could not open {name}: {msg}"))

    def _opened(self, opened: service.Opened) -> None:
        self.show_opened(opened)
        path = opened.article.path
        if path and Path(path).resolve() != service.SAMPLE_ARTICLE.resolve():
            self._remember(path)

    def show_opened(self, opened: service.Opened, focus: Quote | None = None) -> None:
        self.current = opened
        self.colours.assign(opened.analysis)
        self.view.show_article(opened.article, opened.analysis)
        # the panel and the chart in later turns of the event loop: each piece of UI work stays short
        QTimer.singleShot(0, lambda: self.panel.load(opened.analysis) if self.current is opened else None)
        QTimer.singleShot(0, lambda: self.chart.load(opened.analysis, self.colours)
                          if self.current is opened else None)
        title = opened.article.title or Path(opened.article.path or "Article").name
        self.setWindowTitle(f"{title} — Quote Reader")
        a = opened.analysis
        self.status(f"{len(a.quotes)} quotes from {len(a.speakers)} speakers, {len(a.sources)} sources"
                    + ("" if opened.article_id is not None else " (not saved: no library)"))
        self._pending = (opened, focus)

    def _painted(self) -> None:
        """The article is fully in the view: scroll to the quote asked for, and tell listeners."""
        if self._pending is None:
            return
        opened, focus = self._pending
        self._pending = None
        if focus is not None:
            self.view.scroll_to(focus)
        self.article_shown.emit(opened)

    # ------------------------------------------------------------------ view settings
    def _zoom_level(self) -> int:
        try:
            return int(str(self.settings.value("zoom", 0)))
        except ValueError:
            return 0

    def zoom(self, step: int) -> None:
        (self.view.zoomIn if step > 0 else self.view.zoomOut)(abs(step))
        level = self._zoom_level() + step
        self.settings.setValue("zoom", level)

    def set_dark(self, dark: bool) -> None:
        from reader.ui.app import apply_app_theme
        from reader.ui.palette import theme_named

        self.theme = theme_named("dark" if dark else "light")
        self.settings.setValue("theme", self.theme.name)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_app_theme(app, self.theme)
        self.legend.apply_theme(self.theme)
        self.chart.theme = self.theme
        self.chart.update()
        self.search.apply_theme(self.theme)
        self.panel.theme = self.theme
        if self.current is not None:
            self.panel.load(self.current.analysis)
        self.view.apply_theme(self.theme)

    # ------------------------------------------------------------------ export
    def _export(self, what: str, hits: Callable[[], list[SearchHit]]) -> None:
        from reader.library.export import export_hits

        start = str(Path(str(self.settings.value("last_dir", str(Path.home())))) / f"{what}.csv")
        path, _ = QFileDialog.getSaveFileName(self, "Export quotes", start,
                                              "CSV (*.csv);;JSON (*.json);;Markdown (*.md)")
        if not path:
            return
        fmt = {".json": "json", ".md": "md"}.get(Path(path).suffix.lower(), "csv")

        def job() -> int:
            found = hits()
            Path(path).write_text(export_hits(found, fmt), encoding="utf-8")
            return len(found)

        self.dispatcher.run("export", job, lambda n: self.status(f"Exported {n} quotes to {Path(path).name}"),
                            lambda msg: self._error(f"Export failed: {msg}"))

    def export_article(self) -> None:
        opened = self.current
        if opened is None:
            self.status("Open an article first")
            return
        from reader.ui.corrections import hit_for

        found = [hit_for(self, q) for q in opened.analysis.quotes]
        self._export(Path(opened.article.path or "article").stem + "-quotes", lambda: found)

    def export_speaker(self) -> None:
        quote = self.view.selected_quote()
        name = self.panel.current_speaker() or (quote.speaker if quote else None)
        if not name:
            self.status("Choose a speaker in the panel first")
            return
        libraries = self.libraries

        def hits() -> list[SearchHit]:
            library = libraries.require()
            return library.quotes_by(name, limit=100000)

        self._export(name.replace(" ", "-"), hits)

    def export_search(self) -> None:
        found = list(self.search.hits)
        if not found:
            self.status("Search the library first")
            return
        self._export("search-results", lambda: found)

    def copy_current_quote(self) -> None:
        quote = self.view.selected_quote()
        if quote is None:
            self.status("Put the cursor in a quote first (N goes to the next one)")
            return
        self.corrections.copy(quote)

    # ------------------------------------------------------------------ recent files
    def recent_files(self) -> list[str]:
        value = self.settings.value("recent", [])
        if isinstance(value, str):
            return [value]
        return [str(v) for v in value] if isinstance(value, list | tuple) else []

    def _remember(self, path: str) -> None:
        path = str(Path(path).resolve())
        self.settings.setValue("last_article", path)
        recent = [p for p in self.recent_files() if p != path]
        self.settings.setValue("recent", [path, *recent][:MAX_RECENT])
        self.settings.setValue("last_dir", str(Path(path).parent))
        self._refresh_recent()

    def _refresh_recent(self) -> None:
        self.recent_menu.clear()
        existing = [p for p in self.recent_files() if Path(p).exists()]
        if existing != self.recent_files():
            self.settings.setValue("recent", existing)
        for n, path in enumerate(existing, 1):
            act = self.recent_menu.addAction(f"&{n % 10} {Path(path).name}")
            act.setToolTip(path)
            act.triggered.connect(lambda _=False, p=path: self.open_path(p))
        self.recent_menu.setEnabled(bool(existing))

    def _speaker_menu(self, pos: QPoint) -> None:
        name = self.panel.tree.indexAt(pos).data(SPEAKER_ROLE)
        if name:
            self.corrections.speaker_menu(name).exec(self.panel.tree.viewport().mapToGlobal(pos))

    # ------------------------------------------------------------------ library jobs
    def _search_job(self, text: str, on_done: Callable[[list[SearchHit]], None],
                    on_error: Callable[[str], None]) -> None:
        libraries = self.libraries

        def search() -> list[SearchHit]:
            library = libraries.require()
            return library.search(text, limit=500)

        self.dispatcher.run("search", search, on_done, on_error)

    def open_hit(self, hit: SearchHit) -> None:
        quote = Quote(start=hit.start, end=hit.end, text=hit.text, kind=hit.kind, speaker=hit.speaker)
        if self.current is not None and self.current.article_id == hit.article_id:
            self.show_quote(quote)
            return
        libraries = self.libraries

        def load() -> tuple[Article | None, Analysis]:
            library = libraries.require()
            return library.article(hit.article_id), library.analysis(hit.article_id)

        def shown(result: tuple[Article | None, Analysis]) -> None:
            article, analysis = result
            if article is None:
                self.status("That article is no longer in the library")
                return
            self.show_opened(service.Opened(article, analysis, hit.article_id), focus=quote)

        self.dispatcher.run("open", load, shown, self._error)

    # ------------------------------------------------------------------ drag and drop
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        for url in event.mimeData().urls():
            if url.isLocalFile():
                self.open_path(url.toLocalFile())
        event.acceptProposedAction()

    # ------------------------------------------------------------------ help
    def show_search_help(self) -> None:
        from reader.library import search

        QMessageBox.information(self, "Search syntax", (search.__doc__ or "").strip())

    def show_about(self) -> None:
        QMessageBox.about(self, "About Quote Reader",
                          "Quote Reader shows who said what in a news article, and on whose authority.")

    # ------------------------------------------------------------------ settings
    def _restore(self) -> None:
        geometry = self.settings.value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        state = self.settings.value("state")
        if state is not None:
            self.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("state", self.saveState())
        self.dispatcher.wait(5000)
        super().closeEvent(event)
