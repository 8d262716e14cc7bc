"""Moving through the window by keyboard: quote to quote, pane to pane, and the quote or speaker a
command means."""

from __future__ import annotations

import itertools
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QWidget

from reader.model import Quote
from reader.ui.article_view import ArticleView
from reader.ui.quote_panel import QUOTE_ROLE, QuotePanel
from reader.ui.search_panel import SearchPanel
from reader.ui.session import Session


class Navigator:
    """Knows the article view, the speakers panel and the search panel, and moves between them."""

    def __init__(self, session: Session, view: ArticleView, panel: QuotePanel, search: SearchPanel,
                 speakers_dock: QDockWidget, search_dock: QDockWidget) -> None:
        self.session = session
        self.view = view
        self.panel = panel
        self.search = search
        self.speakers_dock = speakers_dock
        self.search_dock = search_dock
        self._tab_order()

    def _tab_order(self) -> None:
        """Tab walks the window in reading order: the article, the speakers panel, then search."""
        s = self.search
        chain: list[QWidget] = [self.view, self.panel.filter, self.panel.tree, s.query, s.speaker, s.outlet, s.kind,
                                s.after, s.before, s.results]
        for a, b in itertools.pairwise(chain):
            QWidget.setTabOrder(a, b)

    def show_quote(self, quote: Quote) -> None:
        self.view.scroll_to(quote)
        self.view.setFocus()

    def step_quote(self, step: int, same_speaker: bool = False) -> None:
        current = self.session.current
        if current is None or not current.analysis.quotes:
            return
        quotes = list(current.analysis.quotes)
        here = self.view.selected_quote()
        if same_speaker and here is not None:
            quotes = [q for q in quotes if q.speaker == here.speaker]
        pos = self.view.textCursor().selectionStart() - self.view.text_offset
        if step > 0:
            nxt = next((q for q in quotes if q.start > pos), quotes[0])
        else:
            before = [q for q in quotes if q.start < pos and q is not here]
            nxt = before[-1] if before else quotes[-1]
        self.view.scroll_to(nxt)
        self.session.status.emit(f"{nxt.speaker or 'Unknown speaker'} · {nxt.kind}"
                                 + (f" · {nxt.cue}" if nxt.cue else ""))

    def next_uncertain(self) -> None:
        """The next attribution the engine is unsure of, after the cursor (wrapping round)."""
        current = self.session.current
        doubtful = [q for q in current.analysis.quotes if q.uncertain] if current is not None else []
        if not doubtful:
            self.session.status.emit("No uncertain attributions in this article")
            return
        pos = self.view.textCursor().selectionStart() - self.view.text_offset
        nxt = next((q for q in doubtful if q.start > pos), doubtful[0])
        self.view.scroll_to(nxt)
        self.session.status.emit(f"Check this: {nxt.speaker} ({nxt.speaker_confidence:.0%} sure) · "
                                 f"{len(doubtful)} uncertain in this article · F2 changes the speaker")

    def follow_speaker(self, name: str) -> None:
        """All quotes by this speaker across the library, in the search panel."""
        self.search.set_query(f'speaker:"{name}"')
        self.search_dock.show()
        self.search_dock.raise_()

    # ------------------------------------------------------------------ what a command means
    def current_quote(self) -> Quote | None:
        """The quote a keyboard command means: the one picked in the panel when it has focus, else
        the one at the text cursor (N and P put the cursor on a quote)."""
        if self.panel.tree.hasFocus():
            quote = self.panel.tree.currentIndex().siblingAtColumn(0).data(QUOTE_ROLE)
            if quote is not None:
                return quote
        return self.view.selected_quote()

    def on_current_quote(self, act: Callable[[Quote], None]) -> None:
        quote = self.current_quote()
        if quote is None:
            self.session.status.emit("Put the cursor in a quote first (N and P move from quote to quote)")
            return
        act(quote)

    def on_current_speaker(self, act: Callable[[str], None]) -> None:
        name = self.panel.current_speaker() if self.panel.tree.hasFocus() else None
        if name is None:
            quote = self.current_quote()
            name = quote.speaker if quote is not None else None
        if not name:
            self.session.status.emit("Pick a speaker in the panel or put the cursor in one of their quotes first")
            return
        act(name)

    def on_selection(self, act: Callable[[int, int], None]) -> None:
        """Run ``act`` on the article offsets of the selected text."""
        cursor = self.view.textCursor()
        if not cursor.hasSelection() or self.session.current is None:
            self.session.status.emit("Select the words of the quote in the article first")
            return
        offset = self.view.text_offset
        act(cursor.selectionStart() - offset, cursor.selectionEnd() - offset)

    # ------------------------------------------------------------------ panes
    def panes(self) -> list[QWidget]:
        """The places F6 moves between, in reading order."""
        out: list[QWidget] = [self.view]
        if self.speakers_dock.toggleViewAction().isChecked():  # open, even if behind another tab
            out.append(self.panel.tree)
        if self.search_dock.toggleViewAction().isChecked():
            out.append(self.search.query)
        return out

    def cycle_pane(self, step: int) -> None:
        panes = self.panes()
        focus = QApplication.focusWidget()
        here = next((i for i, w in enumerate(panes) if focus is w or (focus is not None and w.isAncestorOf(focus))),
                    -1)
        target = panes[(here + step) % len(panes)]
        dock = self.speakers_dock if target is self.panel.tree else self.search_dock if target is self.search.query \
            else None
        if dock is not None:
            dock.raise_()
        target.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def focus_search(self) -> None:
        self.search_dock.show()
        self.search_dock.raise_()
        self.search.query.setFocus()
        self.search.query.selectAll()
