"""The side panel: the article's speakers, each with their quotes (a two-level item model)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QIcon, QPixmap
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QTreeView, QVBoxLayout, QWidget

from reader.model import Analysis, Quote
from reader.ui.article_view import SpeakerColours
from reader.ui.palette import Theme

QUOTE_ROLE = Qt.ItemDataRole.UserRole + 1
SPEAKER_ROLE = Qt.ItemDataRole.UserRole + 2
UNKNOWN = "Unknown speaker"
Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()


def swatch(colour: QColor, size: int = 12) -> QIcon:
    pix = QPixmap(size, size)
    pix.fill(colour)
    return QIcon(pix)


def quote_label(q: Quote, width: int = 140) -> str:
    text = " ".join(q.text.split())
    return f"[{q.kind}] {text[:width]}{'…' if len(text) > width else ''}"


class SpeakerQuoteModel(QAbstractItemModel):
    """Speakers (name, role, count) -> their quotes, in article order.

    Rows are made on demand and speakers are handed to the view a page at a time (``fetchMore``), so
    an article with thousands of quotes and hundreds of speakers costs the UI thread only what is on
    screen. The filter lives here rather than in a proxy model for the same reason: a proxy maps
    every row of the source on each reset.

    A speaker row has internal id 0; a quote row has the id of its speaker's row plus one.
    """

    COL_TEXT = 0  # the second column counts a speaker's quotes
    PAGE = 100

    def __init__(self) -> None:
        super().__init__()
        self.all_groups: list[tuple[str | None, str, list[Quote]]] = []  # (name, label, quotes)
        self.groups: list[tuple[str | None, str, list[Quote]]] = []  # the ones the filter lets through
        self.shown = 0  # how many of self.groups the view has been given
        self.filter_text = ""
        self._icons: dict[str | None, QIcon] = {}
        self._bold = QFont()
        self._bold.setBold(True)

    def load(self, analysis: Analysis, colours: SpeakerColours, theme: Theme) -> None:
        by_speaker: dict[str | None, list[Quote]] = {}
        for q in analysis.quotes:
            by_speaker.setdefault(q.speaker, []).append(q)
        order: list[str | None] = [s.name for s in analysis.speakers if s.name in by_speaker]
        seen = set(order)
        order += [name for name in by_speaker if name not in seen and name is not None]
        if None in by_speaker:
            order.append(None)
        groups, icons = [], {}
        icon_cache: dict[str, QIcon] = {}
        speakers = {sp.name: sp for sp in analysis.speakers}
        for name in order:
            speaker = speakers.get(name) if name else None
            label = (name or UNKNOWN) + (f" \u2014 {speaker.role}" if speaker and speaker.role else "")
            groups.append((name, label, by_speaker[name]))
            idx = colours.of(name)
            colour = theme.speaker_colour(idx) if idx is not None else QColor("#9a9a9a")
            icon = icon_cache.get(colour.name())
            if icon is None:
                icon = icon_cache[colour.name()] = swatch(colour)
            icons[name] = icon
        self.beginResetModel()
        self.all_groups, self._icons = groups, icons
        self._apply_filter()
        self.endResetModel()

    def set_filter(self, text: str) -> None:
        """Keep speakers whose name or role contains ``text`` (with all their quotes) and, for the
        others, only the quotes that contain it; case does not matter."""
        self.beginResetModel()
        self.filter_text = text.strip().casefold()
        self._apply_filter()
        self.endResetModel()

    def _apply_filter(self) -> None:
        needle = self.filter_text
        if not needle:
            self.groups = self.all_groups
        else:
            self.groups = []
            for name, label, quotes in self.all_groups:
                if needle in label.casefold():
                    self.groups.append((name, label, quotes))
                    continue
                hits = [q for q in quotes if needle in " ".join(q.text.split()).casefold()]
                if hits:
                    self.groups.append((name, label, hits))
        self.shown = min(self.PAGE, len(self.groups))

    def canFetchMore(self, parent: Index = _ROOT) -> bool:
        return not parent.isValid() and self.shown < len(self.groups)

    def fetchMore(self, parent: Index = _ROOT) -> None:
        if parent.isValid() or self.shown >= len(self.groups):
            return
        more = min(self.PAGE, len(self.groups) - self.shown)
        self.beginInsertRows(_ROOT, self.shown, self.shown + more - 1)
        self.shown += more
        self.endInsertRows()

    def row_of(self, name: str | None) -> int | None:
        """The row of a speaker, handing the view more rows if it is further down; None if filtered out."""
        for row, group in enumerate(self.groups):
            if group[0] == name:
                while self.shown <= row:
                    self.fetchMore()
                return row
        return None

    # -- structure
    def index(self, row: int, column: int, parent: Index = _ROOT) -> QModelIndex:
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: Index = _ROOT) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = _ROOT) -> int:
        if not parent.isValid():
            return self.shown
        if parent.internalId() == 0 and parent.column() == 0:
            return len(self.groups[parent.row()][2])
        return 0

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 2

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return ("Speaker / quote", "Quotes")[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            name, label, quotes = self.groups[index.row()]
            if role == Qt.ItemDataRole.DisplayRole:
                return label if index.column() == self.COL_TEXT else str(len(quotes))
            if role == Qt.ItemDataRole.ToolTipRole:
                return label
            if role == Qt.ItemDataRole.DecorationRole and index.column() == self.COL_TEXT:
                return self._icons.get(name)
            if role == Qt.ItemDataRole.FontRole:
                return self._bold
            if role == SPEAKER_ROLE:
                return name
            return None
        name, _label, quotes = self.groups[index.internalId() - 1]
        q = quotes[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return quote_label(q) if index.column() == self.COL_TEXT else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return " ".join(q.text.split())[:600]
        if role == QUOTE_ROLE:
            return q
        if role == SPEAKER_ROLE:
            return name
        return None


class QuotePanel(QWidget):
    """Speakers and quotes of the open article; a filter field narrows both."""

    quote_activated = Signal(object)  # Quote
    speaker_activated = Signal(str)

    def __init__(self, colours: SpeakerColours, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.colours = colours
        self.theme = theme
        self.model = SpeakerQuoteModel()
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText("Filter speakers and quotes in this article")
        self.filter.setClearButtonEnabled(True)
        self.filter.setAccessibleName("Filter speakers and quotes")
        self.filter.textChanged.connect(self._filter_changed)
        self.tree = QTreeView(self)
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setAccessibleName("Speakers and their quotes")
        self.tree.header().setStretchLastSection(False)
        self.tree.header().resizeSection(1, 56)
        self.tree.header().setSectionResizeMode(0, self.tree.header().ResizeMode.Stretch)
        self.tree.clicked.connect(self._activate)
        self.tree.activated.connect(self._activate)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.filter)
        layout.addWidget(self.tree)
        self.setFocusProxy(self.tree)

    def load(self, analysis: Analysis) -> None:
        self.model.load(analysis, self.colours, self.theme)

    def _activate(self, index: QModelIndex) -> None:
        quote = index.siblingAtColumn(0).data(QUOTE_ROLE)
        if quote is not None:
            self.quote_activated.emit(quote)
            return
        name = index.data(SPEAKER_ROLE)
        self.tree.expand(index.siblingAtColumn(0))
        if name:
            self.speaker_activated.emit(name)

    def _filter_changed(self, text: str) -> None:
        self.model.set_filter(text)
        if self.model.filter_text:  # a narrowed list is worth seeing whole
            self.tree.expandAll()

    def index_of_speaker(self, name: str | None) -> QModelIndex:
        row = self.model.row_of(name)
        return QModelIndex() if row is None else self.model.index(row, 0)

    def current_speaker(self) -> str | None:
        idx = self.tree.currentIndex()
        return idx.data(SPEAKER_ROLE) if idx.isValid() else None
