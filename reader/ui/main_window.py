"""The main window: menus, actions and docks. It wires signals and owns no parsing or SQL."""

from __future__ import annotations

import gc
import itertools
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QPoint, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
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
from reader.ui.palette import Theme
from reader.ui.quote_panel import QUOTE_ROLE, SPEAKER_ROLE, QuotePanel
from reader.ui.search_panel import SearchPanel
from reader.ui.workers import Dispatcher

MAX_RECENT = 10
FILE_FILTER = "Articles ({})".format(" ".join(f"*{e}" for e in SUPPORTED_EXTENSIONS)) + ";;All files (*)"


class MainWindow(QMainWindow):
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
        self._build_menus()
        self._restore()
        zoom = self._zoom_level()
        if zoom:
            (self.view.zoomIn if zoom > 0 else self.view.zoomOut)(abs(zoom))
        self.status("Loading the language model…")
        self.dispatcher.run("model", engine.nlp, lambda _nlp: self._model_ready(), self._error)
        self.dispatcher.run("library", self.libraries.get, self._library_ready, self._error)

    # ------------------------------------------------------------------ construction
    def _tab_order(self) -> None:
        """Tab walks the window in reading order: the article, the speakers panel, then search."""
        s = self.search
        chain: list[QWidget] = [self.view, self.panel.filter, self.panel.tree, s.query, s.speaker, s.outlet, s.kind,
                                s.after, s.before, s.results]
        for a, b in itertools.pairwise(chain):
            QWidget.setTabOrder(a, b)

    def _dock(self, title: str, widget: QWidget, name: str) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock-{name}")
        dock.setWidget(widget)
        dock.setMinimumWidth(320)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        return dock

    def _action(self, menu: Any, text: str, slot: Callable[..., Any], shortcut: Any = None,
                checkable: bool = False) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.setCheckable(checkable)
        action.triggered.connect(slot)
        menu.addAction(action)
        self.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu("&File")
        self.open_action = self._action(file_menu, "&Open…", self.choose_file, QKeySequence.StandardKey.Open)
        self.recent_menu = file_menu.addMenu("Open &Recent")
        self._action(file_menu, "Open &Sample Article", self.open_sample)
        self._action(file_menu, "&Import Folder…", self.import_folder, "Ctrl+Shift+I")
        file_menu.addSeparator()
        export_menu = file_menu.addMenu("&Export Quotes")
        self._action(export_menu, "This &Article…", self.export_article, "Ctrl+E")
        self._action(export_menu, "This &Speaker's, Across the Library…", self.export_speaker)
        self._action(export_menu, "Search &Results…", self.export_search)
        file_menu.addSeparator()
        self._action(file_menu, "&Quit", self.close, QKeySequence.StandardKey.Quit)

        edit_menu = bar.addMenu("&Edit")
        self._action(edit_menu, "&Copy Quote with Citation", self.copy_current_quote, "Ctrl+Shift+C")
        edit_menu.addSeparator()
        fix = self.corrections
        self._action(edit_menu, "Change &Speaker…", lambda: self._on_quote(fix.change_speaker), "F2")
        kind_menu = edit_menu.addMenu("Change &Kind")
        for n, kind in enumerate(("direct", "indirect", "mixed"), 1):
            self._action(kind_menu, f"&{kind.capitalize()}", lambda _=False, k=kind: self._on_quote(
                lambda q: fix.set_kind(q, k)), f"Ctrl+Alt+{n}")
        self._action(edit_menu, "&Not a Quote", lambda: self._on_quote(fix.reject), "Ctrl+Del")
        self._action(edit_menu, "&Add Quote from Selection…", self.add_selected_quote, "Ctrl+Shift+A")
        self._action(edit_menu, "&Merge Speaker Into…", lambda: self._on_speaker(fix.merge), "Ctrl+M")

        view_menu = bar.addMenu("&View")
        self.layer_actions: dict[str, QAction] = {}
        for n, (layer, button) in enumerate(self.legend.buttons.items(), 1):
            act = self._action(view_menu, f"Show {layer}", lambda on, b=button: b.setChecked(on),
                               f"Alt+{n}", checkable=True)
            act.setChecked(True)
            button.toggled.connect(act.setChecked)
            self.layer_actions[layer] = act
        view_menu.addSeparator()
        self._action(view_menu, "Zoom &In", lambda: self.zoom(+1), QKeySequence.StandardKey.ZoomIn)
        self._action(view_menu, "Zoom &Out", lambda: self.zoom(-1), QKeySequence.StandardKey.ZoomOut)
        self.dark_action = self._action(view_menu, "&Dark Theme", self.set_dark, "Ctrl+Shift+D", checkable=True)
        self.dark_action.setChecked(self.theme.dark)
        view_menu.addSeparator()
        view_menu.addAction(self.speakers_dock.toggleViewAction())
        view_menu.addAction(self.search_dock.toggleViewAction())
        view_menu.addAction(self.chart_dock.toggleViewAction())

        go_menu = bar.addMenu("&Go")
        self._action(go_menu, "&Next Quote", lambda: self.step_quote(+1), "N")
        self._action(go_menu, "&Previous Quote", lambda: self.step_quote(-1), "P")
        self._action(go_menu, "Next Quote by This &Speaker", lambda: self.step_quote(+1, same_speaker=True),
                     "Shift+N")
        self._action(go_menu, "&Search Library", self.focus_search, QKeySequence.StandardKey.Find)
        self._action(go_menu, "All Quotes by This Spea&ker", lambda: self._on_speaker(self.follow_speaker),
                     "Ctrl+Shift+F")
        go_menu.addSeparator()
        self._action(go_menu, "Next &Pane", lambda: self.cycle_pane(+1), "F6")
        self._action(go_menu, "Previous P&ane", lambda: self.cycle_pane(-1), "Shift+F6")

        help_menu = bar.addMenu("&Help")
        self._action(help_menu, "Search &Syntax", self.show_search_help)
        self._action(help_menu, "&About Quote Reader", self.show_about)
        self._refresh_recent()

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

    # ------------------------------------------------------------------ navigation
    def show_quote(self, quote: Quote) -> None:
        self.view.scroll_to(quote)
        self.view.setFocus()

    def step_quote(self, step: int, same_speaker: bool = False) -> None:
        if self.current is None or not self.current.analysis.quotes:
            return
        quotes = list(self.current.analysis.quotes)
        here = self.view.selected_quote()
        if same_speaker and here is not None:
            quotes = [q for q in quotes if q.speaker == here.speaker]
        pos = self.view.textCursor().selectionStart() - self.view.text_offset
        if step > 0:
            nxt = next((q for q in quotes if q.start > pos), quotes[0])
        else:
            before = [q for q in quotes if q.start < pos and q is not here]
            nxt = before[-1] if before else quotes[-1]
        self.view.scroll_to(nxt)
        self.status(f"{nxt.speaker or 'Unknown speaker'} · {nxt.kind}" + (f" · {nxt.cue}" if nxt.cue else ""))

    def _speaker_menu(self, pos: QPoint) -> None:
        name = self.panel.tree.indexAt(pos).data(SPEAKER_ROLE)
        if name:
            self.corrections.speaker_menu(name).exec(self.panel.tree.viewport().mapToGlobal(pos))

    def follow_speaker(self, name: str) -> None:
        """All quotes by this speaker across the library, in the search panel."""
        self.search.set_query(f'speaker:"{name}"')
        self.search_dock.show()
        self.search_dock.raise_()

    # ------------------------------------------------------------------ keyboard
    def current_quote(self) -> Quote | None:
        """The quote a keyboard command means: the one picked in the panel when it has focus, else
        the one at the text cursor (N and P put the cursor on a quote)."""
        if self.panel.tree.hasFocus():
            quote = self.panel.tree.currentIndex().siblingAtColumn(0).data(QUOTE_ROLE)
            if quote is not None:
                return quote
        return self.view.selected_quote()

    def _on_quote(self, act: Callable[[Quote], None]) -> None:
        quote = self.current_quote()
        if quote is None:
            self.status("Put the cursor in a quote first (N and P move from quote to quote)")
            return
        act(quote)

    def _on_speaker(self, act: Callable[[str], None]) -> None:
        name = self.panel.current_speaker() if self.panel.tree.hasFocus() else None
        if name is None:
            quote = self.current_quote()
            name = quote.speaker if quote is not None else None
        if not name:
            self.status("Pick a speaker in the panel or put the cursor in one of their quotes first")
            return
        act(name)

    def add_selected_quote(self) -> None:
        cursor = self.view.textCursor()
        if not cursor.hasSelection() or self.current is None:
            self.status("Select the words of the quote in the article first")
            return
        offset = self.view.text_offset
        self.corrections.add_quote(cursor.selectionStart() - offset, cursor.selectionEnd() - offset)

    def panes(self) -> list[QWidget]:
        """The places F6 moves between, in reading order."""
        out: list[QWidget] = [self.view]
        if self.speakers_dock.toggleViewAction().isChecked():  # open, even if behind another tab
            out.append(self.panel.tree)
        if self.search_dock.toggleViewAction().isChecked():
            out.append(self.search.query)
        return out

    def cycle_pane(self, step: int) -> None:
        panes = self.panes()
        focus = QApplication.focusWidget()
        here = next((i for i, w in enumerate(panes) if focus is w or (focus is not None and w.isAncestorOf(focus))),
                    -1)
        target = panes[(here + step) % len(panes)]
        dock = self.speakers_dock if target is self.panel.tree else self.search_dock if target is self.search.query \
            else None
        if dock is not None:
            dock.raise_()
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_search(self) -> None:
        self.search_dock.show()
        self.search_dock.raise_()
        self.search.query.setFocus()
        self.search.query.selectAll()

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
