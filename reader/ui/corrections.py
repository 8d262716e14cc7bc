"""Corrections a reader makes in the text: who said it, what kind, not a quote, a missed quote.

The dialogs and context menus live here; what a correction means is the service's business
(``service.apply_correction`` / ``save_correction``), reached through the session.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QInputDialog, QMenu, QWidget

from reader import service
from reader.model import KindIs, NotAQuote, Quote, QuoteHere, QuoteKind, SamePerson, SpeakerIs
from reader.ui.article_view import ArticleView
from reader.ui.session import Session


class Corrections:
    def __init__(self, session: Session, view: ArticleView, parent: QWidget) -> None:
        self.session = session
        self.view = view
        self.parent = parent

    # ------------------------------------------------------------------ menus
    def menu_at(self, pos: QPoint) -> QMenu:
        """The article view's context menu for the quote (or selection) under the mouse."""
        view = self.view
        menu = view.createStandardContextMenu(pos)
        cursor = view.textCursor()
        quote = view.quote_at(view.cursorForPosition(pos).position())
        menu.addSeparator()
        if quote is not None:
            self._quote_actions(menu, quote)
        if cursor.hasSelection():
            start = cursor.selectionStart() - view.text_offset
            end = cursor.selectionEnd() - view.text_offset
            act = menu.addAction("Add Quote…")
            act.triggered.connect(lambda _=False: self.add_quote(start, end))
        return menu

    def _quote_actions(self, menu: QMenu, quote: Quote) -> None:
        def add(text: str, slot: Callable[[], None]) -> QAction:
            act = menu.addAction(text)
            act.triggered.connect(lambda _=False: slot())
            return act

        add("Change Speaker…", lambda: self.change_speaker(quote))
        kinds = menu.addMenu("Change Kind")
        for kind in QuoteKind:
            act = kinds.addAction(kind.capitalize())
            act.setCheckable(True)
            act.setChecked(kind == quote.kind)
            act.triggered.connect(lambda _=False, k=kind: self.set_kind(quote, k))
        add("Not a Quote", lambda: self.reject(quote))
        add("Copy Quote with Citation", lambda: self.copy(quote))

    def speaker_menu(self, name: str, follow: Callable[[str], None]) -> QMenu:
        """The speaker panel's context menu."""
        menu = QMenu(self.parent)
        act = menu.addAction(f"All Quotes by {name}")
        act.triggered.connect(lambda _=False: follow(name))
        act = menu.addAction("Merge Into Another Speaker…")
        act.triggered.connect(lambda _=False: self.merge(name))
        return menu

    # ------------------------------------------------------------------ actions
    def known_speakers(self) -> list[str]:
        opened = self.session.current
        return sorted(s.name for s in opened.analysis.speakers) if opened else []

    def change_speaker(self, quote: Quote) -> None:
        names = self.known_speakers()
        current = names.index(quote.speaker) if quote.speaker in names else 0
        name, ok = QInputDialog.getItem(self.parent, "Change speaker", "Who said it?", names, current, True)
        if ok and name.strip():
            self.session.correct(SpeakerIs(quote, " ".join(name.split())))

    def set_kind(self, quote: Quote, kind: QuoteKind) -> None:
        self.session.correct(KindIs(quote, kind))

    def reject(self, quote: Quote) -> None:
        self.session.correct(NotAQuote(quote))

    def add_quote(self, start: int, end: int) -> None:
        if self.session.current is None or end <= start:
            return
        kinds = [k.value for k in QuoteKind]
        kind, ok = QInputDialog.getItem(self.parent, "Add quote", "Kind of quote:", kinds, 0, False)
        if not ok:
            return
        name, ok = QInputDialog.getItem(self.parent, "Add quote", "Who said it?", self.known_speakers(), 0, True)
        if not ok:
            return
        self.session.correct(QuoteHere(start, end, QuoteKind(kind), " ".join(name.split()) or None))

    def merge(self, name: str) -> None:
        """Two names for one person: `name`'s quotes go to the speaker chosen."""
        others = [n for n in self.known_speakers() if n != name]
        keep, ok = QInputDialog.getItem(self.parent, "Merge speakers", f"Merge {name} into:", others, 0, True)
        keep = " ".join(keep.split())
        if ok and keep and keep != name:
            self.session.correct(SamePerson(name, keep))

    def copy(self, quote: Quote) -> None:
        opened = self.session.current
        if opened is None:
            return
        QGuiApplication.clipboard().setText(service.quote_with_citation(opened, quote, self.session.citation_style))
        self.session.status.emit("Quote copied with its citation")
