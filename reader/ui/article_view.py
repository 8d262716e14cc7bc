"""The article, with quotes, speakers, sources and cues painted in as character formats."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from html import escape
from itertools import islice

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import (
    QFont,
    QHelpEvent,
    QKeyEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QTextBrowser, QToolTip, QWidget

from reader.model import Analysis, Article, Quote, QuoteKind, SourceType
from reader.ui.palette import KIND_LABELS, Theme

# Work on the UI thread is cut into slices of at most this many milliseconds (the window must never
# stall for 50 ms), each inserting TEXT_SLICE characters or painting SPAN_SLICE highlights.
SLICE_MS = 8
TEXT_SLICE = 5000
SPAN_SLICE = 100
UNCERTAIN_PROPERTY = QTextCharFormat.Property.UserProperty + 1  # marks an uncertain speaker's words
LAYERS = (*QuoteKind, "speakers", "sources", "cues")
_UNDERLINE: dict[str, QTextCharFormat.UnderlineStyle] = {
    QuoteKind.DIRECT: QTextCharFormat.UnderlineStyle.SingleUnderline,
    QuoteKind.INDIRECT: QTextCharFormat.UnderlineStyle.DotLine,
    QuoteKind.MIXED: QTextCharFormat.UnderlineStyle.DashUnderline,
}


class SpeakerColours(QObject):
    """Speaker -> colour index, stable for one article; shared by the view and the panel."""

    changed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.index: dict[str, int] = {}

    def assign(self, analysis: Analysis) -> None:
        self.index = {s.name: n for n, s in enumerate(analysis.speakers)}
        self.changed.emit()

    def of(self, name: str | None) -> int | None:
        return self.index.get(name) if name else None


class ArticleView(QTextBrowser):
    quote_hovered = Signal(object)
    painted = Signal()

    def __init__(self, colours: SpeakerColours, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.colours = colours
        self.theme = theme
        self.article: Article | None = None
        self.analysis: Analysis | None = None
        self.layers = dict.fromkeys(LAYERS, True)
        self._quote_starts: list[int] = []
        self._offset = 0  # characters of header before the article text in the document
        self._steps: Iterator[None] = iter(())
        self._busy = False
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._tick)
        self.setOpenLinks(False)
        self.setReadOnly(True)
        self.setMouseTracking(True)
        self.setTabChangesFocus(True)  # read-only text: Tab moves on to the panels
        self.setAccessibleName("Article text")
        self.document().setDocumentMargin(28)
        font = QFont("Georgia")
        font.setStyleHint(QFont.StyleHint.Serif)
        font.setPointSizeF(12.5)
        self.setFont(font)
        self.apply_theme(theme)

    # ------------------------------------------------------------------ content
    def apply_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.setStyleSheet(
            f"QTextBrowser {{ background: {theme.page.name()}; color: {theme.text.name()}; border: none; }}")
        self.repaint_highlights()

    def show_article(self, article: Article, analysis: Analysis | None) -> None:
        """Show an article. The document is built off screen by slices and shown when complete:
        a document on screen re-lays itself out after every change, which froze the window on a
        long article. ``painted`` is emitted once it is shown; a newer call abandons an older one.
        """
        doc = QTextDocument(self)
        doc.setDefaultFont(self.font())
        doc.setDocumentMargin(28)
        cursor = QTextCursor(doc)
        header = self._header_html(article)
        plain = QTextCharFormat()
        plain.setForeground(self.theme.text)
        if header:
            cursor.insertHtml(header)
            cursor.insertBlock(QTextBlockFormat(), plain)
        offset = cursor.position()
        block = QTextBlockFormat()
        block.setBottomMargin(7)
        block.setLineHeight(118, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        cursor.setBlockFormat(block)
        self._run(self._render(doc, cursor, offset, article, analysis, plain))

    def repaint_highlights(self) -> None:
        """Layers or theme changed: the same text, painted again from plain."""
        if self.article is not None:
            self.show_article(self.article, self.analysis)

    def _header_html(self, article: Article) -> str:
        parts = []
        if article.title:
            parts.append(f"<h2 style='margin-bottom:4px'>{escape(article.title)}</h2>")
        meta = [escape(x) for x in (article.outlet, article.author, article.published) if x]
        if meta:
            parts.append(f"<p style='color:{self.theme.muted.name()}'>{' · '.join(meta)}</p>")
        return "".join(parts)

    def set_layer(self, layer: str, visible: bool) -> None:
        self.layers[layer] = visible
        self.repaint_highlights()

    # ------------------------------------------------------------------ incremental work
    def _run(self, steps: Iterator[None]) -> None:
        self._steps = steps
        self._busy = True
        self._timer.start(0)

    def _tick(self) -> None:
        """Do slices of the current work for up to SLICE_MS, then give the event loop its turn."""
        clock = QElapsedTimer()
        clock.start()
        try:
            while clock.elapsed() < SLICE_MS:
                next(self._steps)
        except StopIteration:
            self._timer.stop()
            self._busy = False
            self.painted.emit()

    @property
    def busy(self) -> bool:
        return self._busy

    def _render(self, doc: QTextDocument, cursor: QTextCursor, offset: int, article: Article,
                analysis: Analysis | None, plain: QTextCharFormat) -> Iterator[None]:
        text = article.text
        for start in range(0, len(text), TEXT_SLICE):
            cursor.insertText(text[start:start + TEXT_SLICE], plain)
            yield
        if analysis is not None:
            spans = self._spans(analysis)
            doc_cursor = QTextCursor(doc)
            while True:
                chunk = list(islice(spans, SPAN_SLICE))
                if not chunk:
                    break
                doc_cursor.beginEditBlock()
                for s, e, fmt in chunk:
                    self._merge(doc_cursor, offset, s, e, fmt, len(text))
                doc_cursor.endEditBlock()
                yield
        self.setDocument(doc)  # the old document, a child of this view, is deleted by Qt
        self.article, self.analysis, self._offset = article, analysis, offset
        self._quote_starts = [q.start for q in analysis.quotes] if analysis else []

    def _spans(self, analysis: Analysis) -> Iterator[tuple[int, int, QTextCharFormat]]:
        for q in analysis.quotes:
            if self.layers.get(q.kind, True):
                yield q.start, q.end, self._quote_format(q)
        if self.layers["speakers"]:
            for q in analysis.quotes:
                if q.speaker_start is not None and q.speaker_end is not None:
                    yield q.speaker_start, q.speaker_end, self._speaker_format(q.speaker, q.uncertain)
        if self.layers["sources"]:
            for src in analysis.sources:
                fmt = QTextCharFormat()
                fmt.setForeground(self.theme.source_colour(src.type))
                fmt.setFontWeight(QFont.Weight.DemiBold)
                if src.type == SourceType.CREDIT:
                    fmt.setFontItalic(True)
                yield src.start, src.end, fmt
        if self.layers["cues"]:
            cue_fmt = QTextCharFormat()
            cue_fmt.setFontWeight(QFont.Weight.Bold)
            cue_fmt.setFontItalic(True)
            for q in analysis.quotes:
                if q.cue_start is not None and q.cue_end is not None:
                    yield q.cue_start, q.cue_end, cue_fmt

    @staticmethod
    def _merge(cursor: QTextCursor, offset: int, start: int, end: int, fmt: QTextCharFormat, size: int) -> None:
        start, end = max(0, start), min(size, end)
        if end <= start:
            return
        cursor.setPosition(offset + start)
        cursor.setPosition(offset + end, QTextCursor.MoveMode.KeepAnchor)
        cursor.mergeCharFormat(fmt)

    def _quote_format(self, q: Quote) -> QTextCharFormat:
        fmt = QTextCharFormat()
        idx = self.colours.of(q.speaker)
        fmt.setBackground(self.theme.speaker_tint(idx) if idx is not None else self.theme.unknown_tint())
        fmt.setFontUnderline(True)
        fmt.setUnderlineStyle(_UNDERLINE.get(q.kind, QTextCharFormat.UnderlineStyle.SingleUnderline))
        fmt.setUnderlineColor(self.theme.kind_colour(q.kind))
        return fmt

    def _speaker_format(self, name: str | None, uncertain: bool = False) -> QTextCharFormat:
        fmt = QTextCharFormat()
        idx = self.colours.of(name)
        if idx is not None:
            fmt.setBackground(self.theme.speaker_tint(idx, strong=True))
        fmt.setFontWeight(QFont.Weight.Bold)
        if uncertain:  # a dotted line under the words the attribution rests on: check this one
            fmt.setFontUnderline(True)
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
            fmt.setUnderlineColor(self.theme.check_colour())
            fmt.setProperty(UNCERTAIN_PROPERTY, True)
        return fmt

    # ------------------------------------------------------------------ navigation
    @property
    def text_offset(self) -> int:
        """Where the article's text starts in the document (after the title and byline)."""
        return self._offset

    def quote_at(self, position: int) -> Quote | None:
        if self.analysis is None:
            return None
        pos = position - self._offset
        i = bisect_right(self._quote_starts, pos) - 1
        # quotes may nest (a mixed quote around a fragment): look back a little for the innermost
        best = None
        for q in self.analysis.quotes[max(0, i - 3): i + 1]:
            if q.start <= pos < q.end and (best is None or q.end - q.start < best.end - best.start):
                best = q
        return best

    def scroll_to(self, quote: Quote) -> None:
        cursor = self.textCursor()
        cursor.setPosition(self._offset + quote.start)
        cursor.setPosition(self._offset + quote.end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        self.ensureCursorVisible()

    def selected_quote(self) -> Quote | None:
        return self.quote_at(self.textCursor().selectionStart())

    def describe(self, q: Quote) -> str:
        speaker = None
        if self.analysis is not None:
            speaker = self.analysis.speaker(q.speaker)
        who = escape(q.speaker or "Unknown speaker")
        role = f"<br><i>{escape(speaker.role)}</i>" if speaker and speaker.role else ""
        cue = f"<br>cue: <b>{escape(q.cue)}</b>" if q.cue else ""
        note = " (follows an earlier quote)" if q.inherits is not None else ""
        check = (f"<br><span style='color:{self.theme.check_colour().name()}'><b>check this</b>: the speaker is "
                 f"uncertain ({q.speaker_confidence:.0%} sure)</span>" if q.uncertain else "")
        fixed = (f"<br>corrected by {escape(q.corrected_by)}" + (f", {q.corrected_at} UTC" if q.corrected_at else "")
                 if q.corrected_by else "")
        return f"<b>{who}</b>{role}<br>{KIND_LABELS.get(q.kind, q.kind)}{note}{cue}{check}{fixed}"

    def event(self, e: QEvent) -> bool:
        if e.type() == QEvent.Type.ToolTip and isinstance(e, QHelpEvent):
            pos = self.cursorForPosition(self.viewport().mapFrom(self, e.pos())).position()
            q = self.quote_at(pos)
            if q is not None:
                QToolTip.showText(e.globalPos(), self.describe(q), self)
                self.quote_hovered.emit(q)
            else:
                QToolTip.hideText()
            return True
        return super().event(e)

    def keyPressEvent(self, e: QKeyEvent) -> None:
        # Let the window's shortcuts (n/p for quotes) through; keep normal reading keys.
        if e.key() in (Qt.Key.Key_N, Qt.Key.Key_P, Qt.Key.Key_U) and not e.modifiers():
            e.ignore()
            return
        super().keyPressEvent(e)
