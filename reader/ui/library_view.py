"""The library as a home: every stored article in a sortable, filterable table that pages.

The order of the whole list (sorted and filtered in SQL) is worked out on a worker thread; the window
only reads the page of rows being shown, by id, as the table scrolls, so 100,000 articles list and sort
without freezing it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader import service
from reader.model import ArticleSummary
from reader.ui.importer import ProgressTask, reanalysis
from reader.ui.session import Session
from reader.ui.tables import filter_field, row_table, view_action

COLUMNS = (("Title", "title"), ("Outlet", "outlet"), ("Author", "author"), ("Published", "published"),
           ("Quotes", "quotes"), ("Speakers", "speakers"), ("Named sources", "named"), ("Added", "added"))
NUMERIC = {"quotes", "speakers", "named"}
PAGE = 200
AnyIndex = QModelIndex | QPersistentModelIndex


class ArticlesModel(QAbstractTableModel):
    sort_requested = Signal(str, bool)  # column key, descending

    def __init__(self, load: Callable[[list[int]], list[ArticleSummary]]) -> None:
        super().__init__()
        self._load = load
        self._ids: list[int] = []
        self._rows: list[ArticleSummary] = []

    # ------------------------------------------------------------------ contents
    def set_order(self, ids: list[int]) -> None:
        self.beginResetModel()
        self._ids = ids
        self._rows = self._load(ids[:PAGE]) if ids else []
        self.endResetModel()

    @property
    def total(self) -> int:
        return len(self._ids)

    def summary(self, row: int) -> ArticleSummary | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def canFetchMore(self, parent: AnyIndex = QModelIndex()) -> bool:  # noqa: B008 (Qt's signature)
        return not parent.isValid() and len(self._rows) < len(self._ids)

    def fetchMore(self, parent: AnyIndex = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        more = self._load(self._ids[len(self._rows):len(self._rows) + PAGE])
        if more:
            self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows) + len(more) - 1)
            self._rows.extend(more)
            self.endInsertRows()

    # ------------------------------------------------------------------ Qt's model
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(COLUMNS):
            return COLUMNS[section][0]
        return None

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        a = self._rows[index.row()]
        key = COLUMNS[index.column()][1]
        if role == Qt.ItemDataRole.DisplayRole:
            return {"title": a.title or (Path(a.path).name if a.path else a.url) or f"Article {a.id}",
                    "outlet": a.outlet or "", "author": a.author or "", "published": a.published or "",
                    "quotes": str(a.quotes), "speakers": str(a.speakers),
                    "named": f"{a.named_share:.0%}" if a.quotes else "", "added": a.added or ""}[key]
        if role == Qt.ItemDataRole.TextAlignmentRole and key in NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            where = a.path or a.url
            return f"{a.title}\n{where}" if a.title and where else (a.title or where)
        if role == Qt.ItemDataRole.UserRole:
            return a.id
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(COLUMNS):
            self.sort_requested.emit(COLUMNS[column][1], order == Qt.SortOrder.DescendingOrder)


class LibraryView(QWidget):
    """Articles: filter as you type, sort by any column, open, remove, analyse again, show the file."""

    open_requested = Signal(int)  # article id
    reloaded = Signal(int)  # how many articles are listed

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.sort_key, self.descending = "added", True
        self.model = ArticlesModel(self._summaries)
        self.model.sort_requested.connect(self._sort)
        self.filter = filter_field(self, "Filter by title, outlet, author or speaker…", self.reload)
        self.count_label = QLabel("", self)
        self.table = row_table(self, self.model, (0, 18, 16, 11, 7, 9, 14, 17), self._menu)
        self.table.setSortingEnabled(True)
        self.table.horizontalHeader().setSortIndicator(len(COLUMNS) - 1, Qt.SortOrder.DescendingOrder)
        self.table.doubleClicked.connect(lambda index: self._open_row(index.row()))

        self.open_action = view_action(self, "Open", QKeySequence(Qt.Key.Key_Return), self.open_selected)
        self.remove_action = view_action(self, "Remove from Library…", QKeySequence(QKeySequence.StandardKey.Delete),
                                          self.remove_selected)
        self.reanalyse_action = view_action(self, "Analyse Again", None, self.reanalyse_selected)
        self.reanalyse_all_action = view_action(self, "Analyse All Again", None, self.reanalyse_all)
        self.show_file_action = view_action(self, "Show File", None, self.show_file)
        bar = QHBoxLayout()
        bar.addWidget(self.filter, 1)
        for action in (self.open_action, self.remove_action, self.reanalyse_action, self.show_file_action):
            button = QToolButton(self)
            button.setDefaultAction(action)
            bar.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count_label)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self.task: ProgressTask | None = None
        self._enable()
        session.library_changed.connect(self._refresh)

    def _refresh(self) -> None:
        if self.isVisible():
            self.reload()

    # ------------------------------------------------------------------ contents
    def _summaries(self, ids: list[int]) -> list[ArticleSummary]:
        library = self.session.libraries.get()
        return library.summaries(ids) if library is not None and ids else []

    def reload(self) -> None:
        """List the articles again (after a filter, a sort, or a change to the library)."""
        libraries, query, sort, descending = self.session.libraries, self.filter.text(), self.sort_key, self.descending

        def order() -> list[int]:
            library = libraries.get()
            return library.article_order(query, sort, descending) if library is not None else []

        self.session.run("library", order, self._listed)

    def _listed(self, ids: list[int]) -> None:
        self.model.set_order(ids)
        what = "article" if len(ids) == 1 else "articles"
        self.count_label.setText(f"{len(ids):,} {what}" + (f" matching “{self.filter.text()}”"
                                                           if self.filter.text().strip() else ""))
        self._enable()
        self.reloaded.emit(len(ids))

    def _sort(self, key: str, descending: bool) -> None:
        self.sort_key, self.descending = key, descending
        self.reload()

    def selected_ids(self) -> list[int]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [s.id for s in (self.model.summary(r) for r in rows) if s is not None]

    def _enable(self) -> None:
        chosen = self.selected_ids()
        for action in (self.open_action, self.show_file_action):
            action.setEnabled(len(chosen) == 1)
        for action in (self.remove_action, self.reanalyse_action):
            action.setEnabled(bool(chosen))
        self.reanalyse_all_action.setEnabled(self.model.total > 0)
        if len(chosen) == 1:
            summary = next((s for s in (self.model.summary(r.row()) for r in self.table.selectionModel()
                                        .selectedRows()) if s is not None), None)
            self.show_file_action.setEnabled(bool(summary and summary.path and Path(summary.path).exists()))

    # ------------------------------------------------------------------ actions
    def _open_row(self, row: int) -> None:
        summary = self.model.summary(row)
        if summary is not None:
            self.open_requested.emit(summary.id)

    def open_selected(self) -> None:
        chosen = self.selected_ids()
        if chosen:
            self.open_requested.emit(chosen[0])

    def remove_selected(self) -> None:
        chosen = self.selected_ids()
        if not chosen:
            return
        what = "this article" if len(chosen) == 1 else f"these {len(chosen)} articles"
        answer = QMessageBox.question(
            self, "Remove from library",
            f"Remove {what} from the library? Their quotes and corrections go with them, and search will no "
            f"longer find them. The files themselves are not touched.")
        if answer != QMessageBox.StandardButton.Yes:
            return
        libraries = self.session.libraries

        def done(saved: service.Saved) -> None:
            self.session.saved(saved)  # Edit › Undo puts them back
            self.reload()

        self.session.run(f"remove-{id(chosen)}", lambda: service.remove_articles(libraries.require(), chosen), done)

    def reanalyse_selected(self) -> None:
        self._reanalyse(self.selected_ids())

    def reanalyse_all(self) -> None:
        self._reanalyse(list(self.model._ids))

    def _reanalyse(self, ids: list[int]) -> None:
        if not ids:
            return
        self.task = reanalysis(self.session, ids, self)
        self.task.finished.connect(lambda _summary: self.reload())
        self.task.start()

    def show_file(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        summary = self.model.summary(rows[0].row()) if rows else None
        if summary is not None and summary.path and Path(summary.path).exists():
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(summary.path).parent)))

    def _menu(self, pos: QPoint) -> None:
        menu = QMenu(self)
        for action in (self.open_action, self.show_file_action, None, self.reanalyse_action,
                       self.reanalyse_all_action, None, self.remove_action):
            if action is None:
                menu.addSeparator()
            else:
                menu.addAction(action)
        menu.exec(self.table.viewport().mapToGlobal(pos))
