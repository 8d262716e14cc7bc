"""Corrections, copying, exporting and view settings, driven through the window's own menus."""

from __future__ import annotations

import csv

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog

TIMEOUT = 60000


@pytest.fixture
def env(qtbot, window_setup, fixtures, monkeypatch):
    win, library, settings = window_setup.window, window_setup.library, window_setup.settings
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(fixtures / "council.txt")], ""))
    with qtbot.waitSignal(win.article_shown, timeout=TIMEOUT):
        win.open_action.trigger()
    return win, library, settings


def menu_actions(menu):
    out = {}
    for act in menu.actions():
        if act.menu():
            out.update({f"{act.text()}/{a.text()}": a for a in act.menu().actions()})
        out[act.text()] = act
    return out


def point_in(window, quote):
    cursor = window.view.textCursor()
    cursor.setPosition(window.view.text_offset + quote.start + 2)
    return window.view.cursorRect(cursor).center()


def quote_with(window, fragment):
    return next(q for q in window.current.analysis.quotes if fragment in q.text)


def test_change_speaker_from_the_context_menu(qtbot, env, monkeypatch):
    window, library, _ = env
    quote = quote_with(window, "Rushing this")
    menu = window.corrections.menu_at(point_in(window, quote))
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("Marcus Bell", True))
    with qtbot.waitSignal(window.article_shown, timeout=TIMEOUT):
        menu_actions(menu)["Change Speaker…"].trigger()
    assert quote_with(window, "Rushing this").speaker == "Marcus Bell"
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "Correction saved", timeout=TIMEOUT)
    stored = library.analysis(window.current.article_id)
    assert next(q for q in stored.quotes if "Rushing this" in q.text).speaker == "Marcus Bell"


def test_change_kind_and_not_a_quote(qtbot, env):
    window, library, _ = env
    quote = quote_with(window, "savings are real")
    with qtbot.waitSignal(window.article_shown, timeout=TIMEOUT):
        menu_actions(window.corrections.menu_at(point_in(window, quote)))["Change Kind/Indirect"].trigger()
    assert quote_with(window, "savings are real").kind == "indirect"
    quote = quote_with(window, "what our children lose")
    with qtbot.waitSignal(window.article_shown, timeout=TIMEOUT):
        menu_actions(window.corrections.menu_at(point_in(window, quote)))["Not a Quote"].trigger()
    assert all("what our children lose" not in q.text for q in window.current.analysis.quotes)
    qtbot.waitUntil(lambda: not window.dispatcher.busy, timeout=TIMEOUT)
    stored = library.analysis(window.current.article_id).quotes
    assert all("what our children lose" not in q.text for q in stored)
    assert next(q for q in stored if "savings are real" in q.text).kind == "indirect"


def test_add_a_missed_quote_from_a_selection(qtbot, env, monkeypatch):
    window, library, _ = env
    text = window.current.article.text
    start = text.index("The school board postponed")
    end = start + len("The school board postponed a vote")
    cursor = window.view.textCursor()
    cursor.setPosition(window.view.text_offset + start)
    cursor.setPosition(window.view.text_offset + end, cursor.MoveMode.KeepAnchor)
    window.view.setTextCursor(cursor)
    answers = iter([("indirect", True), ("Riverton Gazette", True)])
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: next(answers))
    menu = window.corrections.menu_at(QPoint(5, 5))
    with qtbot.waitSignal(window.article_shown, timeout=TIMEOUT):
        menu_actions(menu)["Add Quote…"].trigger()
    added = quote_with(window, "The school board postponed")
    assert (added.kind, added.speaker) == ("indirect", "Riverton Gazette")
    qtbot.waitUntil(lambda: not window.dispatcher.busy, timeout=TIMEOUT)
    assert any(q.text == "The school board postponed a vote" for q in library.analysis(window.current.article_id).quotes)


def test_copy_quote_with_citation(qtbot, env):
    window, _, _ = env
    window.view.setFocus()
    qtbot.keyClick(window.view, "n")
    window.files.copy_current_quote()
    copied = QGuiApplication.clipboard().text()
    quote = window.view.selected_quote()
    assert copied.startswith("\u201c" + " ".join(quote.text.split()))
    assert f"\u2014 {quote.speaker}" in copied and "School board delays vote on new calendar" in copied


def test_export_article_to_csv(qtbot, env, monkeypatch, tmp_path):
    window, _, _ = env
    out = tmp_path / "out.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    window.files.export_article()
    qtbot.waitUntil(lambda: out.exists() and "Exported" in window.statusBar().currentMessage(), timeout=TIMEOUT)
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert len(rows) == len(window.current.analysis.quotes)
    assert {"Anita Sharma", "Paul Greene"} <= {r["speaker"] for r in rows}


def test_dark_theme_and_zoom_are_remembered(qtbot, env):
    window, _, settings = env
    window.dark_action.trigger()
    assert window.theme.dark and settings.value("theme") == "dark"
    before = window.view.font().pointSizeF()
    window.zoom(+2)
    assert window.view.font().pointSizeF() > before
    assert int(settings.value("zoom")) == 2
    assert settings.value("last_article").endswith("council.txt")


def test_merge_two_speakers_from_the_panel(qtbot, env, monkeypatch):
    window, library, _ = env
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("Anita Sharma", True))
    menu = window.corrections.speaker_menu("Marcus Bell", window.nav.follow_speaker)
    with qtbot.waitSignal(window.article_shown, timeout=TIMEOUT):
        menu_actions(menu)["Merge Into Another Speaker…"].trigger()
    assert "Marcus Bell" not in {s.name for s in window.current.analysis.speakers}
    qtbot.waitUntil(lambda: "Merged" in window.statusBar().currentMessage(), timeout=TIMEOUT)
    speakers = {s.name: s for s in library.speakers()}
    assert "Marcus Bell" not in speakers and "Marcus Bell" in speakers["Anita Sharma"].aliases


def test_citation_style_from_the_edit_menu(qtbot, env):
    window, _, settings = env
    window.view.setFocus()
    qtbot.keyClick(window.view, "n")
    quote = window.view.selected_quote()
    edit = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    styles = next(a.menu() for a in edit.actions() if a.text() == "Citation St&yle")
    chicago = next(a for a in styles.actions() if a.text() == "&Chicago (Notes)")
    chicago.trigger()
    assert chicago.isChecked() and settings.value("citation_style") == "chicago"
    window.files.copy_current_quote()
    copied = QGuiApplication.clipboard().text()
    path = window.current.article.path
    assert copied == (f"\u201c{' '.join(quote.text.split())}\u201d\n{quote.speaker}, "
                      f"{window.current.analysis.speaker(quote.speaker).role}, quoted in "
                      f"\u201cSchool board delays vote on new calendar,\u201d {path}.")


@pytest.mark.parametrize("ext", [".html", ".pdf"])
def test_export_the_annotated_article(qtbot, env, monkeypatch, tmp_path, ext):
    window, _, _ = env
    out = tmp_path / f"annotated{ext}"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    file_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&File")
    next(a for a in file_menu.actions() if a.text() == "Export A&nnotated Article…").trigger()
    data = out.read_bytes()
    if ext == ".pdf":
        from pypdf import PdfReader

        text = " ".join(" ".join(page.extract_text() for page in PdfReader(out).pages).split())
        assert data.startswith(b"%PDF") and "Anita Sharma" in text and "Speakers" in text
    else:
        page = data.decode("utf-8")
        assert "<script" not in page and "src=" not in page and "http" not in page.replace("http-equiv", "")
        for q in window.current.analysis.quotes[:3]:
            assert q.speaker in page
        assert "Speakers</h2>" in page and "Sources</h2>" in page and "Direct quote" in page
