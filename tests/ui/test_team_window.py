"""The window on a shared PostgreSQL library (a real server for the session)."""

from __future__ import annotations

from PySide6.QtCore import QSettings

from reader.library import Library
from reader.ui.main_window import MainWindow
from reader.ui.palette import LIGHT

TIMEOUT = 60000


def test_the_window_on_a_server_library_shows_who_corrected_a_quote(qtbot, tmp_path, pg_url, engine, fixtures,
                                                                   monkeypatch):
    from PySide6.QtWidgets import QInputDialog

    library = Library(pg_url, user="desk-editor")
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(engine, library, LIGHT, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: "on 127.0.0.1" in window.status_label.text(), timeout=TIMEOUT)
    with qtbot.waitSignal(window.article_shown, timeout=TIMEOUT):
        window.session.open_path(str(fixtures / "council.txt"))
    quote = next(q for q in window.current.analysis.quotes if "Rushing this" in q.text)
    cursor = window.view.textCursor()
    cursor.setPosition(window.view.text_offset + quote.start + 2)
    menu = window.corrections.menu_at(window.view.cursorRect(cursor).center())
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("Marcus Bell", True))
    action = next(a for a in menu.actions() if a.text() == "Change Speaker…")
    with qtbot.waitSignal(window.article_shown, timeout=TIMEOUT):
        action.trigger()
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "Correction saved", timeout=TIMEOUT)
    shown = next(q for q in window.current.analysis.quotes if "Rushing this" in q.text)
    assert "corrected by desk-editor" in window.view.describe(shown)
    # someone else opening the library sees who did it, from the library
    other = Library(pg_url, user="someone-else")
    stored = next(q for q in other.analysis(window.current.article_id).quotes if "Rushing this" in q.text)
    assert (stored.speaker, stored.corrected_by) == ("Marcus Bell", "desk-editor")
    tip = window.view.describe(stored)
    assert "corrected by desk-editor, 20" in tip and "UTC" in tip
    window.dispatcher.wait()
    other.close()
    library.close()
