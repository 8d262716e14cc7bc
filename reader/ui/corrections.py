"""Corrections a reader makes in the text: who said it, what kind, not a quote, a missed quote.

Each change shows at once (the open analysis is edited in memory) and is saved to the library in the
background, where it survives any later re-analysis.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QInputDialog, QMenu

from reader.library.export import citation
from reader.model import Analysis, Quote, SearchHit, Speaker

if TYPE_CHECKING:
    from reader.ui.main_window import MainWindow

KINDS = ("direct", "indirect", "mixed")


def hit_for(window: MainWindow, q: Quote) -> SearchHit:
    opened = window.current
    assert opened is not None
    speaker = opened.analysis.speaker(q.speaker)
    a = opened.article
    return SearchHit(quote_id=0, article_id=opened.article_id or 0, text=q.text, snippet=q.text, kind=q.kind,
                     speaker=q.speaker, role=speaker.role if speaker else None, article_title=a.title,
                     outlet=a.outlet, published=a.published, path=a.path, start=q.start, end=q.end)


class Corrections:
    def __init__(self, window: MainWindow) -> None:
        self.window = window

    # ------------------------------------------------------------------ menus
    def menu_at(self, pos: QPoint) -> QMenu:
        """The article view's context menu for the quote (or selection) under the mouse."""
        view = self.window.view
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
        for kind in KINDS:
            act = kinds.addAction(kind.capitalize())
            act.setCheckable(True)
            act.setChecked(kind == quote.kind)
            act.triggered.connect(lambda _=False, k=kind: self.set_kind(quote, k))
        add("Not a Quote", lambda: self.reject(quote))
        add("Copy Quote with Citation", lambda: self.copy(quote))

    # ------------------------------------------------------------------ actions
    def known_speakers(self) -> list[str]:
        opened = self.window.current
        return sorted(s.name for s in opened.analysis.speakers) if opened else []

    def change_speaker(self, quote: Quote) -> None:
        names = self.known_speakers()
        current = names.index(quote.speaker) if quote.speaker in names else 0
        name, ok = QInputDialog.getItem(self.window, "Change speaker", "Who said it?", names, current, True)
        if ok and name.strip():
            self._apply(quote, dataclasses.replace(quote, speaker=name.strip(), confidence=1.0),
                        lambda lib, aid: lib.reassign(aid, quote.start, quote.end, name.strip()))

    def set_kind(self, quote: Quote, kind: str) -> None:
        self._apply(quote, dataclasses.replace(quote, kind=kind),
                    lambda lib, aid: lib.set_kind(aid, quote.start, quote.end, kind))

    def reject(self, quote: Quote) -> None:
        self._apply(quote, None, lambda lib, aid: lib.reject(aid, quote.start, quote.end))

    def add_quote(self, start: int, end: int) -> None:
        opened = self.window.current
        if opened is None or end <= start:
            return
        kind, ok = QInputDialog.getItem(self.window, "Add quote", "Kind of quote:", list(KINDS), 0, False)
        if not ok:
            return
        names = self.known_speakers()
        name, ok = QInputDialog.getItem(self.window, "Add quote", "Who said it?", names, 0, True)
        if not ok:
            return
        text = opened.article.text[start:end]
        new = Quote(start=start, end=end, text=text, kind=kind, speaker=name.strip() or None)
        self._apply(None, new, lambda lib, aid: lib.add_quote(aid, start, end, kind, name.strip() or None))

    def speaker_menu(self, name: str) -> QMenu:
        """The speaker panel's context menu."""
        menu = QMenu(self.window)
        act = menu.addAction(f"All Quotes by {name}")
        act.triggered.connect(lambda _=False: self.window.follow_speaker(name))
        act = menu.addAction("Merge Into Another Speaker…")
        act.triggered.connect(lambda _=False: self.merge(name))
        return menu

    def merge(self, name: str) -> None:
        """Two names for one person: `name`'s quotes go to the speaker chosen."""
        others = [n for n in self.known_speakers() if n != name]
        keep, ok = QInputDialog.getItem(self.window, "Merge speakers", f"Merge {name} into:", others, 0, True)
        keep = keep.strip()
        if not ok or not keep or keep == name:
            return
        window = self.window
        opened = window.current
        if opened is None:
            return
        quotes = [dataclasses.replace(q, speaker=keep) if q.speaker == name else q for q in opened.analysis.quotes]
        window.show_opened(dataclasses.replace(opened, analysis=_recount(opened.analysis, quotes)))
        libraries = window.libraries

        def job() -> None:
            library = libraries.require()
            if keep not in {s.name for s in library.speakers()}:
                library.rename_speaker(name, keep)
            else:
                library.merge_speakers(keep, name)

        window.dispatcher.run("correct", job, lambda _r: window.status(f"Merged {name} into {keep}"),
                              window._error)

    def copy(self, quote: Quote) -> None:
        text = f"\u201c{' '.join(quote.text.split())}\u201d\n{citation(hit_for(self.window, quote))}"
        QGuiApplication.clipboard().setText(text)
        self.window.status("Quote copied with its citation")

    # ------------------------------------------------------------------ plumbing
    def _apply(self, old: Quote | None, new: Quote | None, save: Callable[..., None]) -> None:
        window = self.window
        opened = window.current
        if opened is None:
            return
        quotes = [q for q in opened.analysis.quotes if q is not old]
        if new is not None:
            quotes.append(new)
        quotes.sort(key=lambda q: q.start)
        analysis = _recount(opened.analysis, quotes)
        window.show_opened(dataclasses.replace(opened, analysis=analysis))
        article_id = opened.article_id
        if article_id is None:
            window.status("Corrected here only: there is no library to keep it in")
            return
        libraries = window.libraries

        def job() -> None:
            library = libraries.require()
            save(library, article_id)

        window.dispatcher.run("correct", job, lambda _r: window.status("Correction saved"), window._error)


def _recount(analysis: Analysis, quotes: list[Quote]) -> Analysis:
    counts: dict[str, int] = {}
    for q in quotes:
        if q.speaker:
            counts[q.speaker] = counts.get(q.speaker, 0) + 1
    known = {s.name: s for s in analysis.speakers}
    speakers = [dataclasses.replace(known.get(name, Speaker(name=name)), quote_count=n) for name, n in counts.items()]
    speakers.sort(key=lambda s: (-s.quote_count, s.name))
    return dataclasses.replace(analysis, quotes=tuple(quotes), speakers=tuple(speakers))
