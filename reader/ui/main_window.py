"""The main window: docks, menus and the wiring between the parts. It owns no parsing or SQL, and
its parts talk through the session, not through the window."""

from __future__ import annotations

import gc

from PySide6.QtCore import QPoint, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QFont, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader import service
from reader.model import Opened, Quote
from reader.ui.article_view import ArticleView, SpeakerColours
from reader.ui.chart import SourcingChart
from reader.ui.corrections import Corrections
from reader.ui.files import FileCommands
from reader.ui.legend import Legend
from reader.ui.library_view import LibraryView
from reader.ui.menus import WindowCommands, build_menus
from reader.ui.navigation import Navigator
from reader.ui.palette import Theme, apply_app_theme, theme_named
from reader.ui.people_view import PeopleView
from reader.ui.quote_panel import SPEAKER_ROLE, QuotePanel
from reader.ui.search_panel import SearchPanel
from reader.ui.session import Session
from reader.ui.sourcing_view import SourcingView
from reader.ui.workers import Dispatcher


class MainWindow(QMainWindow):
    article_shown = Signal(object)  # Opened, once painted
    open_failed = Signal(str)

    def __init__(self, engine: service.Engine, library: service.Library | service.LibraryHandle | None,
                 theme: Theme, settings: QSettings | None = None) -> None:
        super().__init__()
        libraries = library if isinstance(library, service.LibraryHandle) else service.LibraryHandle.of(library)
        self.session = session = Session(engine, libraries, self)
        self.theme = theme
        self.settings = settings or QSettings("quote-reader", "quote-reader")
        self.dialogs = True  # False when no one is there to close them (--screenshot)
        self.colours = SpeakerColours()
        self.setWindowTitle("Quote Reader")
        self.setAcceptDrops(True)
        self.resize(1320, 860)

        self.view = ArticleView(self.colours, theme, self)
        self.corrections = Corrections(session, self.view, self)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(
            lambda pos: self.corrections.menu_at(pos).exec(self.view.mapToGlobal(pos)))
        self._pending: tuple[Opened, Quote | None] | None = None
        self.view.painted.connect(self._painted)
        self.legend = Legend(theme, self)
        self.legend.toggled.connect(self.view.set_layer)
        reading = QWidget(self)
        layout = QVBoxLayout(reading)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.legend)
        layout.addWidget(self.view)
        # the article being read, the library's articles, the people in them: one tab each
        self.library_view = LibraryView(session, self)
        self.people_view = PeopleView(session, self)
        self.sourcing_view = SourcingView(session, theme, self)
        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(reading, "Article")
        self.tabs.addTab(self.library_view, "Library")
        self.tabs.addTab(self.people_view, "People")
        self.tabs.addTab(self.sourcing_view, "Sourcing")
        self.tabs.currentChanged.connect(self._tab_changed)
        self.setCentralWidget(self.tabs)
        self.library_view.open_requested.connect(self._open_stored)
        self.people_view.quote_activated.connect(self._show_hit)

        self.panel = QuotePanel(self.colours, theme, self)
        self.search = SearchPanel(session.search, self, theme)
        self.search.hit_activated.connect(session.open_hit)
        self.speakers_dock = self._dock("Speakers and quotes", self.panel, "speakers")
        self.search_dock = self._dock("Library search", self.search, "search")
        self.chart = SourcingChart(theme, self)
        self.chart_dock = self._dock("Sourcing", self.chart, "sourcing")
        self.tabifyDockWidget(self.speakers_dock, self.search_dock)
        self.tabifyDockWidget(self.search_dock, self.chart_dock)
        self.speakers_dock.raise_()

        self.nav = Navigator(session, self.view, self.panel, self.search, self.speakers_dock, self.search_dock)
        self.panel.quote_activated.connect(self.nav.show_quote)
        self.panel.speaker_activated.connect(self.nav.follow_speaker)
        self.panel.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.panel.tree.customContextMenuRequested.connect(self._speaker_menu)
        self.files = FileCommands(session, self.nav, self.corrections, self.settings, self)
        style = str(self.settings.value("citation_style", "plain"))
        session.citation_style = style if style in service.STYLES else "plain"

        self.status_label = QLabel("", self)
        self.reading = QProgressBar(self)  # a long article: how far the reading has got
        self.reading.setMaximumWidth(220)
        self.reading.setFormat("Reading %p%")
        self.stop_button = QToolButton(self)
        self.stop_button.setText("Stop")
        self.stop_button.setToolTip("Stop reading this article (Esc)")
        self.stop_button.clicked.connect(session.stop_opening)
        for widget in (self.reading, self.stop_button):
            widget.hide()
            self.statusBar().addPermanentWidget(widget)
        self.statusBar().addPermanentWidget(self.status_label)
        stop = QAction("Stop Reading", self)
        stop.setShortcut(QKeySequence(Qt.Key.Key_Escape))
        stop.triggered.connect(lambda: session.stop_opening() if self.reading.isVisible() else None)
        self.addAction(stop)
        menus = build_menus(self, self.files, self.corrections, self.nav, self.legend,
                            [self.speakers_dock, self.search_dock, self.chart_dock],
                            WindowCommands(self.zoom, self.set_dark, theme.dark, session.citation_style,
                                           self.set_citation_style, self.show_search_help, self.show_log,
                                           self.show_about))
        self.open_action, self.layer_actions, self.dark_action = menus.open_action, menus.layer_actions, \
            menus.dark_action
        self.view_actions = self._view_actions()
        self.undo_action, self.redo_action = self._undo_actions()
        self._restore()
        zoom = self._zoom_level()
        if zoom:
            (self.view.zoomIn if zoom > 0 else self.view.zoomOut)(abs(zoom))

        session.status.connect(self.status)
        session.progress.connect(self._reading)
        session.failed.connect(self.open_failed)
        session.open_failed.connect(self._could_not_open)
        session.shown.connect(self.show_opened)
        session.focused.connect(self.nav.show_quote)
        session.model_ready.connect(self._model_ready)
        session.library_ready.connect(self._library_ready)
        session.start()

    # ------------------------------------------------------------------ the three views
    VIEWS = ("article", "library", "people", "sourcing")

    def _view_actions(self) -> list[QAction]:
        view_menu = next(a.menu() for a in self.menuBar().actions() if a.text() == "&View")
        assert isinstance(view_menu, QMenu)
        first = view_menu.actions()[0]  # the layer toggles come after the views
        made = []
        for n, label in enumerate(("&Article", "&Library", "&People", "&Sourcing")):
            act = QAction(label, self)
            act.setShortcut(QKeySequence(f"Ctrl+{n + 1}"))
            act.setCheckable(True)
            act.setChecked(n == 0)
            act.triggered.connect(lambda _on=False, i=n: self.tabs.setCurrentIndex(i))
            view_menu.insertAction(first, act)
            made.append(act)
        view_menu.insertSeparator(first)
        return made

    def _undo_actions(self) -> tuple[QAction, QAction]:
        edit_menu = next(a.menu() for a in self.menuBar().actions() if a.text() == "&Edit")
        assert isinstance(edit_menu, QMenu)
        first = edit_menu.actions()[0]
        undo = QAction("&Undo", self)
        undo.setShortcut(QKeySequence("Ctrl+Z"))
        undo.triggered.connect(self.session.undo)
        redo = QAction("&Redo", self)
        redo.setShortcut(QKeySequence("Ctrl+Shift+Z"))
        redo.triggered.connect(self.session.redo)
        for act in (undo, redo):
            edit_menu.insertAction(first, act)
        edit_menu.insertSeparator(first)

        def update() -> None:
            done, undone = self.session.undoable, self.session.redoable
            undo.setEnabled(bool(done))
            undo.setText(f"&Undo {done[-1][0]}" if done else "&Undo")
            redo.setEnabled(bool(undone))
            redo.setText(f"&Redo {undone[-1][0]}" if undone else "&Redo")

        self.session.history_changed.connect(update)
        update()
        return undo, redo

    def show_view(self, name: str) -> None:
        """Show the article, the library's articles, or the people in them."""
        self.tabs.setCurrentIndex(self.VIEWS.index(name))

    def _tab_changed(self, index: int) -> None:
        for n, act in enumerate(getattr(self, "view_actions", [])):
            act.setChecked(n == index)
        if index == 1:
            self.library_view.reload()
        elif index == 2:
            self.people_view.reload()
        elif index == 3:
            self.sourcing_view.reload()

    def _open_stored(self, article_id: int) -> None:
        self.tabs.setCurrentIndex(0)
        self.session.open_stored(article_id)

    def _show_hit(self, hit: object) -> None:
        self.tabs.setCurrentIndex(0)
        self.session.open_hit(hit)  # type: ignore[arg-type]

    # ------------------------------------------------------------------ construction
    def _dock(self, title: str, widget: QWidget, name: str) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock-{name}")
        dock.setWidget(widget)
        dock.setMinimumWidth(320)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        return dock

    @property
    def current(self) -> Opened | None:
        return self.session.current

    @property
    def dispatcher(self) -> Dispatcher:
        return self.session.dispatcher

    # ------------------------------------------------------------------ status
    def status(self, message: str) -> None:
        self.statusBar().showMessage(message)

    @staticmethod
    def _settle_heap() -> None:
        """Move what start-up built (Qt bindings, SQLAlchemy, modules) out of the cyclic collector's
        scans: a full collection over that heap took 70-90 ms and froze the window when it happened to
        run while a long article's results arrived. Only long-lived start-up objects are frozen."""
        gc.collect()
        gc.freeze()

    def _model_ready(self) -> None:
        self._settle_heap()
        if self.session.current is None and not self.session.busy:
            self.status("Ready. Open an article with File › Open (Ctrl+O) or drop a file here.")

    def _library_ready(self, library: service.Library | None) -> None:
        self._settle_heap()
        handle = self.session.libraries
        if library is None and handle.damaged is not None and self.dialogs:
            answer = QMessageBox.question(
                self, "The library is damaged",
                f"{handle.error}\n\nSet the damaged file aside (it is renamed, never deleted) and start a new "
                f"library?")
            if answer == QMessageBox.StandardButton.Yes:
                self.session.run("library", handle.set_aside_and_reopen, self._library_ready)
                return
        if library is None:
            self.status_label.setText("No library")
            self.status(f"Library unavailable ({self.session.libraries.error}); articles will not be saved")
        else:
            read_only = " (read-only)" if library.read_only else ""
            self.status_label.setText(f"Library: {library.name}{read_only}")
            self.status_label.setToolTip(str(library.path or library.name))
            if library.read_only:
                self.status(f"The library {library.name} is read-only: you can read and search it, but "
                            f"corrections and new articles are not kept")

    def _reading(self, done: int, total: int, name: str) -> None:
        """A long article is read in pieces: show how far, with a way to stop."""
        busy = total > 1 and done < total
        self.reading.setVisible(busy)
        self.stop_button.setVisible(busy)
        if busy:
            self.reading.setMaximum(total)
            self.reading.setValue(done)
            self.status(f"Reading {name}: part {done + 1} of {total}…")

    # ------------------------------------------------------------------ showing an article
    def show_opened(self, opened: Opened, focus: Quote | None = None) -> None:
        self.colours.assign(opened.analysis)
        self.view.show_article(opened.article, opened.analysis)
        # the panel and the chart in later turns of the event loop: each piece of UI work stays short
        session = self.session
        QTimer.singleShot(0, lambda: self.panel.load(opened.analysis) if session.current is opened else None)
        QTimer.singleShot(0, lambda: self.chart.load(opened.analysis, self.colours)
                          if session.current is opened else None)
        title = opened.article.title or (opened.article.path or "Article").replace("\\", "/").rsplit("/", 1)[-1]
        self.setWindowTitle(f"{title} — Quote Reader")
        a = opened.analysis
        self.status(f"{len(a.quotes)} quotes from {len(a.speakers)} speakers, {len(a.sources)} sources"
                    + ("" if opened.article_id is not None else " (not saved in the library)"))
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

    def _could_not_open(self, message: str) -> None:
        """A file the reader asked for: one dialog says why it did not open (not in --screenshot runs)."""
        if self.dialogs:
            QMessageBox.warning(self, "Could not open the article", message)

    # ------------------------------------------------------------------ view settings
    def _zoom_level(self) -> int:
        try:
            return int(str(self.settings.value("zoom", 0)))
        except ValueError:
            return 0

    def zoom(self, step: int) -> None:
        (self.view.zoomIn if step > 0 else self.view.zoomOut)(abs(step))
        self.settings.setValue("zoom", self._zoom_level() + step)

    def set_citation_style(self, style: str) -> None:
        self.session.citation_style = style
        self.settings.setValue("citation_style", style)
        self.status(f"Quotes are now cited in the {style.upper() if style == 'apa' else style.capitalize()} style")

    def set_dark(self, dark: bool) -> None:
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
        if self.session.current is not None:
            self.panel.load(self.session.current.analysis)
        self.view.apply_theme(self.theme)
        self.sourcing_view.apply_theme(self.theme)

    def _speaker_menu(self, pos: QPoint) -> None:
        name = self.panel.tree.indexAt(pos).data(SPEAKER_ROLE)
        if name:
            menu = self.corrections.speaker_menu(name, self.nav.follow_speaker)
            menu.exec(self.panel.tree.viewport().mapToGlobal(pos))

    # ------------------------------------------------------------------ drag and drop
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        for url in event.mimeData().urls():
            if url.isLocalFile():
                self.session.open_path(url.toLocalFile())
            elif url.scheme() in ("http", "https"):  # a link dragged from a browser
                self.session.open_path(url.toString())
        event.acceptProposedAction()

    # ------------------------------------------------------------------ help
    def show_search_help(self) -> None:
        QMessageBox.information(self, "Search syntax", service.SEARCH_HELP)

    def show_log(self) -> QDialog:
        """Help › Show Log: the end of the log file, newest last, with where the file lives."""
        dialog = QDialog(self)
        dialog.setWindowTitle("Quote Reader log")
        dialog.resize(900, 520)
        layout = QVBoxLayout(dialog)
        where = QLabel(f"Log file: {service.log_path()}", dialog)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        text = QPlainTextEdit(dialog)
        text.setReadOnly(True)
        text.setFont(QFont("monospace"))
        text.setPlainText(service.read_log() or "The log is empty.")
        text.moveCursor(text.textCursor().MoveOperation.End)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
        buttons.rejected.connect(dialog.reject)
        layout.addWidget(where)
        layout.addWidget(text)
        layout.addWidget(buttons)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

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
        self.session.dispatcher.wait(5000)
        super().closeEvent(event)
