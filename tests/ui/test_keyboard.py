"""The window without a mouse: shortcuts in the menus, focus order, corrections from the keyboard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog

TIMEOUT = 20000


@pytest.fixture
def window(qtbot, window_setup, fixtures, monkeypatch):
    win = window_setup.window
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)  # shortcuts go to the active window
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(fixtures / "council.txt")], ""))
    with qtbot.waitSignal(win.article_shown, timeout=TIMEOUT):
        qtbot.keyClick(win, Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier)
    win.view.setFocus()
    return win


def test_every_command_in_edit_and_go_has_a_shortcut_shown_in_its_menu(window):
    for title in ("&Edit", "&Go"):
        menu = next(a.menu() for a in window.menuBar().actions() if a.text() == title)
        for act in menu.actions():
            if act.isSeparator():
                continue
            for a in (act.menu().actions() if act.menu() else [act]):
                assert not a.shortcut().isEmpty(), f"{title} › {a.text()} has no shortcut"


def test_correct_a_quote_with_the_keyboard_only(qtbot, window, monkeypatch):
    qtbot.keyClick(window.view, Qt.Key.Key_N)  # the first quote, selected
    quote = window.nav.current_quote()
    assert quote is not None
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("Marcus Bell", True))
    with qtbot.waitSignal(window.article_shown, timeout=TIMEOUT):
        qtbot.keyClick(window.view, Qt.Key.Key_F2)
    changed = next(q for q in window.current.analysis.quotes if q.start == quote.start)
    assert changed.speaker == "Marcus Bell"
    window.view.scroll_to(changed)
    with qtbot.waitSignal(window.article_shown, timeout=TIMEOUT):
        qtbot.keyClick(window.view, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier)
    assert next(q for q in window.current.analysis.quotes if q.start == quote.start).kind == "mixed"
    window.view.scroll_to(changed)
    with qtbot.waitSignal(window.article_shown, timeout=TIMEOUT):
        qtbot.keyClick(window.view, Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier)
    assert all(q.start != quote.start for q in window.current.analysis.quotes)


def test_without_a_quote_at_the_cursor_a_command_says_what_to_do(qtbot, window):
    cursor = window.view.textCursor()
    cursor.setPosition(0)
    window.view.setTextCursor(cursor)
    qtbot.keyClick(window.view, Qt.Key.Key_F2)
    assert "cursor in a quote" in window.statusBar().currentMessage()


def test_f6_moves_between_article_speakers_and_search(qtbot, window):
    assert QApplication.focusWidget() is window.view
    qtbot.keyClick(window.view, Qt.Key.Key_F6)
    assert QApplication.focusWidget() is window.panel.tree
    qtbot.keyClick(window.panel.tree, Qt.Key.Key_F6)
    assert QApplication.focusWidget() is window.search.query
    qtbot.keyClick(window.search.query, Qt.Key.Key_F6)
    assert QApplication.focusWidget() is window.view
    qtbot.keyClick(window.view, Qt.Key.Key_F6, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is window.search.query


def test_tab_walks_the_window_in_reading_order(qtbot, window):
    order = [window.panel.filter, window.panel.tree]
    for expected in order:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is expected


def test_layers_toggle_from_the_keyboard(qtbot, window):
    first_layer = next(iter(window.legend.buttons))
    qtbot.keyClick(window.view, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert not window.layer_actions[first_layer].isChecked()
    assert not window.view.layers[first_layer]
    qtbot.keyClick(window.view, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert window.view.layers[first_layer]


def test_panel_quote_then_follow_its_speaker_by_keyboard(qtbot, window):
    qtbot.keyClick(window.view, Qt.Key.Key_F6)
    tree = window.panel.tree
    qtbot.keyClick(tree, Qt.Key.Key_Down)  # the first speaker
    name = window.panel.current_speaker()
    assert name
    qtbot.keyClick(tree, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: len(window.search.hits) > 0, timeout=TIMEOUT)
    assert {h.speaker for h in window.search.hits} == {name}


UNSURE = ("Budget deal reached\n\nMayor Tom Reyes and Councilwoman Ana Pruitt said the budget would be balanced "
          "by June.\n\n“The levee will hold,” engineer Rosa Delgado said.\n\n"
          "The unions met on Friday. “We will strike if we must,” they said.\n")


def test_step_through_uncertain_attributions_and_settle_one(qtbot, window_setup, tmp_path, monkeypatch):
    from reader.ui.article_view import UNCERTAIN_PROPERTY

    win, library = window_setup.window, window_setup.library
    path = tmp_path / "budget.txt"
    path.write_text(UNSURE, encoding="utf-8")
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    with qtbot.waitSignal(win.article_shown, timeout=TIMEOUT):
        win.session.open_path(str(path))
    doubtful = [q for q in win.current.analysis.quotes if q.uncertain]
    assert [q.speaker for q in doubtful] == ["Tom Reyes and Ana Pruitt", "The unions"]
    sure = next(q for q in win.current.analysis.quotes if q.speaker == "Rosa Delgado")
    assert not sure.uncertain

    def marked(q) -> bool:  # the speaker's words carry the dotted "check this" line
        cursor = win.view.textCursor()
        cursor.setPosition(win.view.text_offset + q.speaker_start + 1)
        fmt = cursor.charFormat()
        return bool(fmt.property(UNCERTAIN_PROPERTY)) and fmt.underlineStyle() == fmt.UnderlineStyle.DotLine

    assert all(marked(q) for q in doubtful) and not marked(sure)
    assert "check this" in win.view.describe(doubtful[0]) and "check this" not in win.view.describe(sure)
    win.view.setFocus()
    qtbot.keyClick(win.view, Qt.Key.Key_U)
    assert win.view.selected_quote().start == doubtful[0].start
    qtbot.keyClick(win.view, Qt.Key.Key_U)
    assert win.view.selected_quote().start == doubtful[1].start
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("Teachers union", True))
    with qtbot.waitSignal(win.article_shown, timeout=TIMEOUT):
        qtbot.keyClick(win.view, Qt.Key.Key_F2)  # a person settles it: certain from now on
    settled = next(q for q in win.current.analysis.quotes if q.start == doubtful[1].start)
    assert settled.speaker == "Teachers union" and settled.speaker_confidence == 1.0 and not settled.uncertain
    qtbot.waitUntil(lambda: not win.dispatcher.busy, timeout=TIMEOUT)
    stored = next(q for q in library.analysis(win.current.article_id).quotes if q.start == settled.start)
    assert stored.speaker_confidence == 1.0 and stored.speaker == "Teachers union"
    assert next(q for q in library.analysis(win.current.article_id).quotes
                if q.start == doubtful[0].start).uncertain  # the library keeps what is still unsure
