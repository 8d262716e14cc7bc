"""Search snippets with the matched words marked: the library marks them with ‹ ›, this paints them."""

from __future__ import annotations

from collections.abc import Callable

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


def bring_match_into_view(segs: list[tuple[str, bool]], width: Callable[[str, bool], int],
                          room: int) -> list[tuple[str, bool]]:
    """When the first match would fall beyond ``room`` pixels, cut the words before it down to a
    short lead-in ("… the words just before"), so a narrow column still shows what matched."""
    first = next((i for i, (_t, hl) in enumerate(segs) if hl), None)
    if not first:
        return segs
    before = sum(width(t, hl) for t, hl in segs[:first])
    if before + width(*segs[first]) <= room:
        return segs
    lead = " ".join(t for t, _ in segs[:first]).split(" ")
    budget = max(0, (room - width(*segs[first])) // 3)
    kept: list[str] = []
    while len(kept) < len(lead) - 1 and width("… " + " ".join([lead[-len(kept) - 1], *kept]), False) <= budget:
        kept.insert(0, lead[-len(kept) - 1])
    return [("… " + " ".join(kept), False), *segs[first:]]


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
        metrics_of = {False: QFontMetrics(normal), True: QFontMetrics(bold)}
        segs = bring_match_into_view(segments(str(marked)), lambda t, hl: metrics_of[hl].horizontalAdvance(t),
                                     rect.width())
        for text, hl in segs:
            font = bold if hl else normal
            metrics = metrics_of[hl]
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
