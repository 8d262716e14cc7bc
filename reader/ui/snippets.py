"""Search snippets with the matched words marked: the library marks them with ‹ ›, this paints them."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from reader.ui.palette import Theme

SNIPPET_ROLE = Qt.ItemDataRole.UserRole + 11
OPEN, CLOSE = "\u2039", "\u203a"


def segments(marked: str) -> list[tuple[str, bool]]:
    """'a ‹b› c' -> [('a ', False), ('b', True), (' c', False)]; unbalanced marks are plain text."""
    out: list[tuple[str, bool]] = []
    rest = marked
    while rest:
        i = rest.find(OPEN)
        j = rest.find(CLOSE, i + 1) if i >= 0 else -1
        if i < 0 or j < 0:
            out.append((rest, False))
            break
        if i:
            out.append((rest[:i], False))
        out.append((rest[i + 1:j], True))
        rest = rest[j + 1:]
    return [(t, hl) for t, hl in out if t]


def plain(marked: str) -> str:
    return "".join(t for t, _ in segments(marked))


class SnippetDelegate(QStyledItemDelegate):
    """Draws an item's SNIPPET_ROLE text on one line, matched words bold on a marker tint, elided at the edge."""

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme = theme

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        marked = index.data(SNIPPET_ROLE)
        if not marked:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect: QRect = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget).adjusted(3, 0, -3, 0)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        pen = opt.palette.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        normal = QFont(opt.font)
        bold = QFont(normal)
        bold.setBold(True)
        painter.save()
        painter.setClipRect(rect)
        x, right = rect.left(), rect.right()
        for text, hl in segments(str(marked)):
            font = bold if hl else normal
            metrics = QFontMetrics(font)
            width = metrics.horizontalAdvance(text)
            last = x + width > right
            if last:
                text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, max(0, right - x))
                width = metrics.horizontalAdvance(text)
            box = QRect(x, rect.top(), width, rect.height())
            if hl and not selected:
                painter.fillRect(box.adjusted(-1, 2, 1, -2), self.theme.match_tint())
            painter.setFont(font)
            painter.setPen(pen)
            painter.drawText(box, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), text)
            x += width
            if last:
                break
        painter.restore()
