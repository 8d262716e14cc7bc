"""The sourcing of an article at a glance: quotes per speaker, direct vs indirect, named vs anonymous."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from reader.model import Analysis, QuoteKind, SourceType, SpeakerKind
from reader.ui.article_view import SpeakerColours
from reader.ui.palette import Theme

TOP_SPEAKERS = 8


@dataclass
class Sourcing:
    speakers: list[tuple[str, int, int | None]] = field(default_factory=list)  # name, quotes, colour index
    kinds: dict[str, int] = field(default_factory=dict)
    named: int = 0
    anonymous: int = 0
    unattributed: int = 0

    @classmethod
    def of(cls, analysis: Analysis, colours: SpeakerColours) -> Sourcing:
        kinds = {k.value: sum(1 for q in analysis.quotes if q.kind == k) for k in QuoteKind}
        anonymous = {s.name for s in analysis.speakers if s.kind == SpeakerKind.ANONYMOUS}
        named = sum(1 for q in analysis.quotes if q.speaker and q.speaker not in anonymous)
        anon = sum(1 for q in analysis.quotes if q.speaker in anonymous)
        top = [(s.name, s.quote_count, colours.of(s.name)) for s in analysis.speakers[:TOP_SPEAKERS]]
        return cls(top, kinds, named, anon, sum(1 for q in analysis.quotes if not q.speaker))


class SourcingChart(QWidget):
    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.theme = theme
        self.data = Sourcing()
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.setAccessibleName("Sourcing of this article")

    def sizeHint(self) -> QSize:
        rows = len(self.data.speakers) + 6
        return QSize(300, rows * 20 + 40)

    def load(self, analysis: Analysis, colours: SpeakerColours) -> None:
        self.data = Sourcing.of(analysis, colours)
        self.setToolTip(self.summary())
        self.updateGeometry()
        self.update()

    def summary(self) -> str:
        d = self.data
        return (f"{sum(d.kinds.values())} quotes: {d.kinds.get('direct', 0)} direct, {d.kinds.get('indirect', 0)} "
                f"indirect, {d.kinds.get('mixed', 0)} mixed; {d.named} from named speakers, {d.anonymous} anonymous, "
                f"{d.unattributed} unattributed")

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        t = self.theme
        p.fillRect(self.rect(), t.page)
        width = self.width() - 20
        label_w = min(150, width // 2)
        bar_w = width - label_w - 40
        y = 8.0
        d = self.data

        def heading(text: str) -> None:
            nonlocal y
            p.setPen(t.muted)
            p.drawText(QRectF(10, y, width, 18), Qt.AlignmentFlag.AlignLeft, text)
            y += 20

        def bar(label: str, value: int, most: int, colour: QColor) -> None:
            nonlocal y
            p.setPen(t.text)
            p.drawText(QRectF(10, y, label_w - 6, 16), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                       p.fontMetrics().elidedText(label, Qt.TextElideMode.ElideRight, label_w - 6))
            length = bar_w * value / most if most else 0
            p.fillRect(QRectF(10 + label_w, y + 3, max(1.0, length), 11), colour)
            p.drawText(QRectF(14 + label_w + length, y, 40, 16), Qt.AlignmentFlag.AlignVCenter, str(value))
            y += 18

        heading("Quotes per speaker")
        most = max((n for _, n, _ in d.speakers), default=0)
        for name, n, idx in d.speakers:
            bar(name, n, most, t.speaker_colour(idx) if idx is not None else QColor("#9a9a9a"))
        heading("Kinds of quote")
        most = max(d.kinds.values(), default=0)
        for kind, n in d.kinds.items():
            bar(kind, n, most, t.kind_colour(kind))
        heading("Who is quoted")
        most = max(d.named, d.anonymous, d.unattributed)
        bar("named", d.named, most, t.source_colour(SourceType.OUTLET))
        bar("anonymous", d.anonymous, most, t.source_colour(SourceType.ANONYMOUS))
        bar("unattributed", d.unattributed, most, QColor("#9a9a9a"))
        p.end()
