"""The side panel: the article's speakers, each with their quotes (a two-level item model)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QTreeView, QVBoxLayout, QWidget

from reader.model import Analysis, Quote
from reader.ui.article_view import SpeakerColours
from reader.ui.palette import Theme

QUOTE_ROLE = Qt.ItemDataRole.UserRole + 1
SPEAKER_ROLE = Qt.ItemDataRole.UserRole + 2
UNKNOWN = "Unknown speaker"


def swatch(colour: QColor, size: int = 12) -> QIcon:
    pix = QPixmap(size, size)
    pix.fill(colour)
    return QIcon(pix)


class SpeakerQuoteModel(QStandardItemModel):
    """Speakers (name, role, count) -> their quotes, in article order."""

    COL_TEXT, COL_COUNT = 0, 1

    def __init__(self) -> None:
        super().__init__()
        self.setHorizontalHeaderLabels(["Speaker / quote", "Quotes"])

    def load(self, analysis: Analysis, colours: SpeakerColours, theme: Theme) -> None:
        self.removeRows(0, self.rowCount())
        groups: dict[str | None, list[Quote]] = {}
        for q in analysis.quotes:
            groups.setdefault(q.speaker, []).append(q)
        order: list[str | None] = [s.name for s in analysis.speakers if s.name in groups]
        if None in groups:
            order.append(None)
        for name in order:
            speaker = analysis.speaker(name) if name else None
            label = name or UNKNOWN
            if speaker and speaker.role:
                label += f" \u2014 {speaker.role}"
            item = QStandardItem(label)
            item.setData(name, SPEAKER_ROLE)
            item.setEditable(False)
            item.setToolTip(label)
            idx = colours.of(name)
            item.setIcon(swatch(theme.speaker_colour(idx) if idx is not None else QColor("#9a9a9a")))
            font = item.font()
            font.setBold(True)
            item.setFont(font)
            count = QStandardItem(str(len(groups[name])))
            count.setEditable(False)
            count.setData(name, SPEAKER_ROLE)
            for q in groups[name]:
                text = " ".join(q.text.split())
                child = QStandardItem(f"[{q.kind}] {text[:140]}{'…' if len(text) > 140 else ''}")
                child.setToolTip(text[:600])
                child.setData(q, QUOTE_ROLE)
                child.setData(name, SPEAKER_ROLE)
                child.setEditable(False)
                filler = QStandardItem("")
                filler.setEditable(False)
                item.appendRow([child, filler])
            self.appendRow([item, count])


class QuotePanel(QWidget):
    """Speakers and quotes of the open article; a filter field narrows both."""

    quote_activated = Signal(object)  # Quote
    speaker_activated = Signal(str)

    def __init__(self, colours: SpeakerColours, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.colours = colours
        self.theme = theme
        self.model = SpeakerQuoteModel()
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setRecursiveFilteringEnabled(True)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText("Filter speakers and quotes in this article")
        self.filter.setClearButtonEnabled(True)
        self.filter.textChanged.connect(self.proxy.setFilterFixedString)
        self.tree = QTreeView(self)
        self.tree.setModel(self.proxy)
        self.tree.setHeaderHidden(False)
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
        self.tree.collapseAll()

    def _activate(self, index: QModelIndex) -> None:
        quote = index.siblingAtColumn(0).data(QUOTE_ROLE)
        if quote is not None:
            self.quote_activated.emit(quote)
            return
        name = index.data(SPEAKER_ROLE)
        self.tree.expand(index.siblingAtColumn(0))
        if name:
            self.speaker_activated.emit(name)

    def speaker_rows(self) -> list[str]:
        return [self.proxy.index(r, 0).data() for r in range(self.proxy.rowCount())]

    def index_of_speaker(self, name: str | None) -> QModelIndex:
        for r in range(self.proxy.rowCount()):
            idx = self.proxy.index(r, 0)
            if idx.data(SPEAKER_ROLE) == name:
                return idx
        return QModelIndex()
