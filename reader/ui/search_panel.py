"""Library search: the query language of reader.library.search, results as you type, grouped by article."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from reader.model import QuoteKind, SearchHit
from reader.ui.palette import LIGHT, Theme
from reader.ui.snippets import SNIPPET_ROLE, SnippetDelegate, plain

HIT_ROLE = Qt.ItemDataRole.UserRole + 10


class SearchResultModel(QStandardItemModel):
    """Articles -> matching quotes, in rank order of each article's best quote."""

    def __init__(self) -> None:
        super().__init__()
        self.setHorizontalHeaderLabels(["Quote", "Speaker"])

    def load(self, hits: list[SearchHit]) -> None:
        self.removeRows(0, self.rowCount())
        groups: dict[int, QStandardItem] = {}
        for hit in hits:
            parent = groups.get(hit.article_id)
            if parent is None:
                title = hit.article_title or (hit.path or f"Article {hit.article_id}").rsplit("/", 1)[-1]
                meta = ", ".join(x for x in (hit.outlet, hit.published) if x)
                parent = QStandardItem(f"{title}" + (f"  ({meta})" if meta else ""))
                parent.setEditable(False)
                parent.setData(hit, HIT_ROLE)
                font = parent.font()
                font.setBold(True)
                parent.setFont(font)
                empty = QStandardItem("")
                empty.setEditable(False)
                self.appendRow([parent, empty])
                groups[hit.article_id] = parent
            snippet = f"[{hit.kind}] " + " ".join(hit.snippet.split())
            item = QStandardItem(plain(snippet))  # what screen readers and copying get
            item.setData(snippet, SNIPPET_ROLE)
            item.setToolTip(" ".join(hit.text.split())[:600])
            item.setData(hit, HIT_ROLE)
            item.setEditable(False)
            who = QStandardItem(hit.speaker or "Unknown")
            who.setData(hit, HIT_ROLE)
            who.setEditable(False)
            parent.appendRow([item, who])


class SearchPanel(QWidget):
    """The query field, filter fields for speaker, outlet, kind and dates, and the results."""

    hit_activated = Signal(object)  # SearchHit

    def __init__(self, run_search: Callable[[str, Callable[[list[SearchHit]], None], Callable[[str], None]], None],
                 parent: QWidget | None = None, theme: Theme = LIGHT) -> None:
        super().__init__(parent)
        self._run_search = run_search
        self.query = QLineEdit(self)
        self.query.setPlaceholderText('Search the library: words, "phrases", prefix*, -not, speaker:Name')
        self.query.setClearButtonEnabled(True)
        self.query.setAccessibleName("Library search")
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.search_now)
        self.speaker = self._field("Speaker", "Filter by speaker (name or alias)")
        self.outlet = self._field("Outlet", "Filter by outlet")
        self.kind = QComboBox(self)
        self.kind.addItems(["Any kind", *QuoteKind])
        self.kind.setAccessibleName("Quote kind filter")
        self.kind.currentIndexChanged.connect(lambda _i: self._debounce.start())
        self.after = self._field("From", "From YYYY-MM-DD")
        self.before = self._field("To", "To YYYY-MM-DD")
        filters = QGridLayout()
        filters.setContentsMargins(0, 0, 0, 0)
        filters.addWidget(self.speaker, 0, 0)
        filters.addWidget(self.outlet, 0, 1)
        filters.addWidget(self.kind, 1, 0)
        dates = QHBoxLayout()
        dates.addWidget(self.after)
        dates.addWidget(self.before)
        filters.addLayout(dates, 1, 1)
        self.status = QLabel("", self)
        self.status.setWordWrap(True)
        self.model = SearchResultModel()
        self.results = QTreeView(self)
        self.results.setModel(self.model)
        self.snippets = SnippetDelegate(theme, self.results)
        self.results.setItemDelegateForColumn(0, self.snippets)
        self.results.setUniformRowHeights(True)
        self.results.setAccessibleName("Search results")
        self.results.header().setSectionResizeMode(0, self.results.header().ResizeMode.Stretch)
        self.results.header().setStretchLastSection(False)
        self.results.header().resizeSection(1, 130)
        self.results.activated.connect(self._open)
        self.results.doubleClicked.connect(self._open)

        self.query.textChanged.connect(lambda _t: self._debounce.start())
        self.query.returnPressed.connect(self._enter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.query)
        layout.addLayout(filters)
        layout.addWidget(self.status)
        layout.addWidget(self.results)
        self.hits: list[SearchHit] = []

    def apply_theme(self, theme: Theme) -> None:
        self.snippets.theme = theme
        self.results.viewport().update()

    def _field(self, name: str, placeholder: str) -> QLineEdit:
        field = QLineEdit(self)
        field.setPlaceholderText(placeholder)
        field.setClearButtonEnabled(True)
        field.setAccessibleName(f"{name} filter")
        field.textChanged.connect(lambda _t: self._debounce.start())
        field.returnPressed.connect(self.search_now)
        return field

    def full_query(self) -> str:
        """The typed query plus the filter fields, in the library's query language."""
        parts = [self.query.text().strip()]
        for key, widget in (("speaker", self.speaker), ("outlet", self.outlet), ("after", self.after),
                            ("before", self.before)):
            value = widget.text().strip().replace('"', "")
            if value:
                parts.append(f'{key}:"{value}"')
        if self.kind.currentIndex() > 0:
            parts.append(f"kind:{self.kind.currentText()}")
        return " ".join(p for p in parts if p)

    def set_query(self, text: str) -> None:
        self.query.setText(text)
        self.search_now()

    def search_now(self) -> None:
        self._debounce.stop()
        text = self.full_query()
        if not text:
            self.model.load([])
            self.hits = []
            self.status.setText("")
            return
        self.status.setText("Searching…")
        self._run_search(text, self._show, self._error)

    def _show(self, hits: list[SearchHit]) -> None:
        self.hits = hits
        self.model.load(hits)
        self.results.expandAll()
        articles = self.model.rowCount()
        self.status.setText(f"{len(hits)} quote{'s' if len(hits) != 1 else ''} in {articles} "
                            f"article{'s' if articles != 1 else ''}" if hits else "No quotes found")

    def _error(self, message: str) -> None:
        self.status.setText(message)

    def _enter(self) -> None:
        if self._debounce.isActive() or not self.hits:
            self.search_now()
            return
        self.hit_activated.emit(self.hits[0])

    def _open(self, index: QModelIndex) -> None:
        hit = index.siblingAtColumn(0).data(HIT_ROLE)
        if hit is not None:
            self.hit_activated.emit(hit)
