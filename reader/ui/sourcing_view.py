"""Sourcing across the library: who is quoted most, named against anonymous and the kinds of quote month
by month, and quotes per outlet; for the whole library or an outlet, a date range or a search. Each
chart saves as a PNG and its numbers as CSV. Drawn with QPainter in the window's theme."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QScrollArea,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reader.model import LibrarySourcing, QuoteKind, SourceType, SpeakerKind
from reader.ui.palette import Theme
from reader.ui.session import Session

WHO = ("named", "anonymous", "unattributed")
KINDS = tuple(k.value for k in QuoteKind)


class Chart(QWidget):
    """One chart: bars (label, value) across, or stacks (label, {part: value}) up, by month."""

    def __init__(self, title: str, theme: Theme, stacked: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.theme = theme
        self.stacked = stacked
        self.bars: list[tuple[str, int, QColor]] = []
        self.stacks: list[tuple[str, dict[str, int]]] = []
        self.parts: tuple[str, ...] = ()
        self.colours: dict[str, QColor] = {}
        self.setMinimumSize(QSize(360, 260))
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAccessibleName(title)

    def set_bars(self, bars: list[tuple[str, int, QColor]]) -> None:
        self.bars = bars
        self.update()

    def set_stacks(self, stacks: list[tuple[str, dict[str, int]]], parts: tuple[str, ...],
                   colours: dict[str, QColor]) -> None:
        self.stacks, self.parts, self.colours = stacks, parts, colours
        self.update()

    def rows(self) -> list[list[object]]:
        """The chart's numbers, a header first: what its CSV holds."""
        header: list[object] = ["month", *self.parts] if self.stacked else ["name", "quotes"]
        if self.stacked:
            return [header] + [[m, *(c.get(p, 0) for p in self.parts)] for m, c in self.stacks]
        return [header] + [[label, n] for label, n, _ in self.bars]

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        t = self.theme
        p.fillRect(self.rect(), t.page)
        p.setPen(t.text)
        font = p.font()
        font.setBold(True)
        p.setFont(font)
        p.drawText(QRectF(10, 6, self.width() - 20, 20), Qt.AlignmentFlag.AlignLeft, self.title)
        font.setBold(False)
        p.setFont(font)
        if self.stacked:
            self._paint_stacks(p)
        else:
            self._paint_bars(p)
        p.end()

    def _empty(self, p: QPainter) -> None:
        p.setPen(self.theme.muted)
        p.drawText(QRectF(10, 40, self.width() - 20, 20), Qt.AlignmentFlag.AlignLeft, "Nothing to count here yet.")

    def _paint_bars(self, p: QPainter) -> None:
        if not self.bars:
            self._empty(p)
            return
        width = self.width() - 20
        label_w = min(170, width // 2)
        bar_w = width - label_w - 50
        row_h = max(14.0, min(22.0, (self.height() - 40) / max(1, len(self.bars))))
        most = max(n for _, n, _ in self.bars) or 1
        y = 32.0
        for label, n, colour in self.bars:
            p.setPen(self.theme.text)
            p.drawText(QRectF(10, y, label_w - 6, row_h), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                       p.fontMetrics().elidedText(label, Qt.TextElideMode.ElideRight, label_w - 6))
            length = bar_w * n / most
            p.fillRect(QRectF(10 + label_w, y + row_h * 0.2, max(1.0, length), row_h * 0.6), colour)
            p.drawText(QRectF(14 + label_w + length, y, 50, row_h), Qt.AlignmentFlag.AlignVCenter, f"{n:,}")
            y += row_h

    def _paint_stacks(self, p: QPainter) -> None:
        if not self.stacks:
            self._empty(p)
            return
        t = self.theme
        legend_y = 28.0
        x = 10.0
        for part in self.parts:  # the legend
            p.fillRect(QRectF(x, legend_y + 4, 10, 10), self.colours[part])
            p.setPen(t.text)
            p.drawText(QRectF(x + 14, legend_y, 110, 18), Qt.AlignmentFlag.AlignVCenter, part)
            x += 24 + p.fontMetrics().horizontalAdvance(part)
        top, bottom = legend_y + 26, self.height() - 24.0
        left, right = 40.0, self.width() - 10.0
        totals = [sum(c.get(part, 0) for part in self.parts) for _, c in self.stacks]
        most = max(totals) or 1
        p.setPen(t.muted)
        p.drawText(QRectF(0, top - 8, left - 4, 16), Qt.AlignmentFlag.AlignRight, f"{most:,}")
        p.drawLine(int(left), int(bottom), int(right), int(bottom))
        step = (right - left) / len(self.stacks)
        room = p.fontMetrics().horizontalAdvance("2024-12") + 10
        every = max(1, -(-room // max(int(step), 1)))  # a month label where there is room for one
        for n, (month, counts) in enumerate(self.stacks):
            y = bottom
            for part in self.parts:
                h = (bottom - top) * counts.get(part, 0) / most
                p.fillRect(QRectF(left + n * step + step * 0.15, y - h, step * 0.7, h), self.colours[part])
                y -= h
            if n % every == 0:
                p.setPen(t.muted)
                p.drawText(QRectF(left + n * step + step / 2 - room / 2, bottom + 4, room, 16),
                           Qt.AlignmentFlag.AlignHCenter, month)


class SourcingView(QWidget):
    reloaded = Signal(int)  # quotes counted

    def __init__(self, session: Session, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.theme = theme
        self._data: LibrarySourcing | None = None
        self.outlet = self._field("Outlet", "any outlet")
        self.after = self._field("From", "YYYY-MM-DD")
        self.before = self._field("To", "YYYY-MM-DD")
        self.query = self._field("Search", 'words, "phrase", speaker:NAME…')
        self._typing = QTimer(self, singleShot=True, interval=400)
        self._typing.timeout.connect(self.reload)
        for edit in (self.outlet, self.after, self.before, self.query):
            edit.textChanged.connect(lambda _t: self._typing.start())
        bar = QHBoxLayout()
        for label, edit in (("Outlet", self.outlet), ("From", self.after), ("To", self.before),
                            ("Search", self.query)):
            bar.addWidget(QLabel(label, self))
            bar.addWidget(edit, 2 if edit is self.query else 1)
        self.people = Chart("Most quoted people and organisations", theme, stacked=False)
        self.who = Chart("Named and anonymous, by month", theme, stacked=True)
        self.kinds = Chart("Kinds of quote, by month", theme, stacked=True)
        self.outlets = Chart("Quotes per outlet", theme, stacked=False)
        grid = QGridLayout()
        for n, chart in enumerate((self.people, self.who, self.kinds, self.outlets)):
            grid.addWidget(self._framed(chart), n // 2, n % 2)
        inner = QWidget(self)
        inner.setLayout(grid)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        self.summary = QLabel("", self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(bar)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.summary)
        session.library_changed.connect(lambda: self.reload() if self.isVisible() else None)

    def apply_theme(self, theme: Theme) -> None:
        """Draw in the other theme: the counts are kept and coloured anew."""
        self.theme = theme
        for chart in self.charts():
            chart.theme = theme
        if self._data is not None:
            self.show_counts(self._data)

    def _field(self, name: str, hint: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setPlaceholderText(hint)
        edit.setClearButtonEnabled(True)
        edit.setAccessibleName(name)
        return edit

    def _framed(self, chart: Chart) -> QWidget:
        box = QWidget(self)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(chart, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        for text, save in (("Save PNG…", self.save_png), ("Save CSV…", self.save_csv)):
            button = QToolButton(box)
            button.setText(text)
            button.setToolTip(f"{text[:-1]} of “{chart.title}”")
            button.clicked.connect(lambda _=False, c=chart, s=save: s(c))
            buttons.addWidget(button)
        layout.addLayout(buttons)
        return box

    # ------------------------------------------------------------------ contents
    def reload(self) -> None:
        libraries = self.session.libraries
        outlet, after, before, query = (self.outlet.text(), self.after.text(), self.before.text(),
                                        self.query.text())

        def count() -> LibrarySourcing:
            library = libraries.get()
            return library.sourcing(outlet, after, before, query) if library is not None else LibrarySourcing()

        self.session.run("sourcing", count, self.show_counts)

    def show_counts(self, data: LibrarySourcing) -> None:
        self._data = data
        t = self.theme
        anonymous, named = t.source_colour(SourceType.ANONYMOUS), t.source_colour(SourceType.OUTLET)
        grey = QColor("#9a9a9a")
        self.people.set_bars([(name, n, anonymous if kind == SpeakerKind.ANONYMOUS else named)
                              for name, kind, n in data.people])
        self.outlets.set_bars([(outlet, n, t.source_colour(SourceType.ORGANISATION)) for outlet, n in data.outlets])
        months = list(data.months)
        self.who.set_stacks(months, WHO, {"named": named, "anonymous": anonymous, "unattributed": grey})
        self.kinds.set_stacks(months, KINDS, {k: t.kind_colour(k) for k in KINDS})
        total = data.quotes
        named_n = sum(c.get("named", 0) for _, c in months)
        anon_n = sum(c.get("anonymous", 0) for _, c in months)
        dated = sum(sum(c.get(w, 0) for w in WHO) for _, c in months)
        share = f"; of the dated ones, {named_n / dated:.0%} from named sources, {anon_n / dated:.0%} anonymous" \
            if dated else ""
        self.summary.setText(f"{total:,} quotes from {len(data.outlets)} outlets{share}")
        self.reloaded.emit(total)

    # ------------------------------------------------------------------ export
    def _ask(self, chart: Chart, suffix: str, kind: str) -> str:
        stem = "".join(c if c.isalnum() else "-" for c in chart.title.lower()).strip("-")
        path, _ = QFileDialog.getSaveFileName(self, f"Save {chart.title}", f"{stem}{suffix}", kind)
        return path

    def save_png(self, chart: Chart, path: str | None = None) -> bool:
        path = path or self._ask(chart, ".png", "PNG image (*.png)")
        if not path:
            return False
        ok = chart.grab().save(path, "PNG")
        self.session.status.emit(f"Saved {Path(path).name}" if ok else f"Could not write {path}")
        return ok

    def save_csv(self, chart: Chart, path: str | None = None) -> bool:
        path = path or self._ask(chart, ".csv", "CSV (*.csv)")
        if not path:
            return False
        try:
            with open(path, "w", newline="", encoding="utf-8") as f:
                csv.writer(f).writerows(chart.rows())
        except OSError as exc:
            self.session.fail(f"Could not write {path}: {exc.strerror}")
            return False
        self.session.status.emit(f"Saved {Path(path).name}")
        return True

    def charts(self) -> Sequence[Chart]:
        return (self.people, self.who, self.kinds, self.outlets)

