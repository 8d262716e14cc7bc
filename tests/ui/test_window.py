"""The window driven as a person would: menus, clicks, keys, drag and drop, on real files and a real library."""

from __future__ import annotations

import logging
import subprocess
import sys

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QInputDialog, QLabel, QMessageBox, QPlainTextEdit

from reader.ui.palette import LIGHT
from reader.ui.quote_panel import QUOTE_ROLE, SPEAKER_ROLE

TIMEOUT = 60000


@pytest.fixture
def window(window_setup):
    return window_setup.window


def open_via_menu(qtbot, window, monkeypatch, path):
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(path)], ""))
    with qtbot.waitSignal(window.article_shown, timeout=TIMEOUT) as blocker:
        window.open_action.trigger()
    return blocker.args[0]


def open_two(qtbot, window, monkeypatch, fixtures, tmp_path, first_text):
    """A short article of our own, then the council fixture: two articles in the library."""
    other = tmp_path / "second.txt"
    other.write_text(first_text)
    open_via_menu(qtbot, window, monkeypatch, other)
    return open_via_menu(qtbot, window, monkeypatch, fixtures / "council.txt")


def click_index(qtbot, view, index):
    view.scrollTo(index)
    rect = view.visualRect(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def test_open_file_through_the_menu(qtbot, window, monkeypatch, fixtures):
    opened = open_via_menu(qtbot, window, monkeypatch, fixtures / "council.txt")
    assert "Rushing this would be a mistake" in window.view.toPlainText()
    assert "School board delays vote" in window.view.toPlainText()  # the title above the text
    names = [window.panel.model.index(r, 0).data(SPEAKER_ROLE) for r in range(window.panel.model.rowCount())]
    assert "Paul Greene" in names and "Anita Sharma" in names
    assert opened.article_id is not None
    assert "quotes from" in window.statusBar().currentMessage()
    assert window.files.recent_files() and window.files.recent_files()[0].endswith("council.txt")


def test_click_quote_scrolls_to_it(qtbot, window, monkeypatch, fixtures):
    opened = open_via_menu(qtbot, window, monkeypatch, fixtures / "council.txt")
    speaker = window.panel.index_of_speaker("Paul Greene")
    window.panel.tree.expand(speaker)
    child = window.panel.model.index(0, 0, speaker)
    quote = child.data(QUOTE_ROLE)
    click_index(qtbot, window.panel.tree, child)
    cursor = window.view.textCursor()
    assert cursor.selectedText().replace("\u2029", "\n") == opened.article.text[quote.start:quote.end]


def test_click_speaker_lists_all_their_quotes_across_the_library(qtbot, window, monkeypatch, fixtures, tmp_path):
    open_two(qtbot, window, monkeypatch, fixtures, tmp_path, "“Buses will run on Fridays too,” Superintendent Paul Greene said at a later meeting.\n")
    speaker = window.panel.index_of_speaker("Paul Greene")
    click_index(qtbot, window.panel.tree, speaker)
    qtbot.waitUntil(lambda: len(window.search.hits) > 0, timeout=TIMEOUT)
    hits = window.search.hits
    assert {h.speaker for h in hits} == {"Paul Greene"}
    assert len({h.article_id for h in hits}) == 2
    assert window.search.model.rowCount() == 2  # grouped by article


def test_search_as_you_type_and_enter_opens(qtbot, window, monkeypatch, fixtures, tmp_path):
    open_two(qtbot, window, monkeypatch, fixtures, tmp_path, "“The ferry timetable changes in June,” harbor master Ines Vidal said.\n")
    window.nav.focus_search()
    qtbot.keyClicks(window.search.query, "ferry")
    qtbot.waitUntil(lambda: len(window.search.hits) == 1, timeout=TIMEOUT)
    results = window.search.results
    row = results.model().index(0, 0, results.model().index(0, 0))
    assert "ferry" in row.data() and "\u2039" not in row.data()  # the plain text for copying and screen readers
    tint = LIGHT.match_tint().rgb()
    image = results.viewport().grab().toImage()
    marked = sum(image.pixel(x, y) == tint for x in range(image.width()) for y in range(image.height()))
    assert marked > 50  # the matched word is painted on the marker tint
    with qtbot.waitSignal(window.article_shown, timeout=TIMEOUT):
        qtbot.keyClick(window.search.query, Qt.Key.Key_Return)
    assert "ferry timetable" in window.view.toPlainText()
    assert "ferry timetable" in window.view.textCursor().selectedText()


def test_search_nonsense_is_safe(qtbot, window, monkeypatch, fixtures):
    open_via_menu(qtbot, window, monkeypatch, fixtures / "council.txt")
    window.search.set_query('"((( NEAR AND -')
    qtbot.waitUntil(lambda: window.search.status.text() not in ("", "Searching…"), timeout=TIMEOUT)


def test_drag_and_drop_opens(qtbot, window, fixtures):
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(fixtures / "article.html"))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.article_shown, timeout=TIMEOUT):
        window.dropEvent(event)
    assert "Nobody wins a strike" in window.view.toPlainText()
    assert "Port strike ends after talks" in window.windowTitle()


def test_bad_file_is_one_message_not_a_crash(qtbot, window, monkeypatch, tmp_path):
    bad = tmp_path / "broken.pdf"
    bad.write_bytes(b"not a pdf")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(bad)], ""))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a: shown.append(text))
    with qtbot.waitSignal(window.open_failed, timeout=TIMEOUT) as blocker:
        window.open_action.trigger()
    assert "not a readable PDF" in blocker.args[0]
    assert "not a readable PDF" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: bool(shown))
    assert len(shown) == 1 and "not a readable PDF" in shown[0]


def test_keyboard_next_and_previous_quote(qtbot, window, monkeypatch, fixtures):
    opened = open_via_menu(qtbot, window, monkeypatch, fixtures / "council.txt")
    quotes = opened.analysis.quotes
    window.view.setFocus()
    qtbot.keyClick(window.view, Qt.Key.Key_N)
    assert window.view.selected_quote() == quotes[0]
    qtbot.keyClick(window.view, Qt.Key.Key_N)
    assert window.view.selected_quote() == quotes[1]
    qtbot.keyClick(window.view, Qt.Key.Key_P)
    assert window.view.selected_quote() == quotes[0]


def test_legend_toggles_a_layer(qtbot, window, monkeypatch, fixtures):
    opened = open_via_menu(qtbot, window, monkeypatch, fixtures / "council.txt")
    q = next(q for q in opened.analysis.quotes if q.kind == "direct")

    def has_background():
        cursor = window.view.textCursor()
        cursor.setPosition(window.view.text_offset + q.start + 1)
        return cursor.charFormat().background().style() != Qt.BrushStyle.NoBrush

    assert has_background()
    with qtbot.waitSignal(window.view.painted, timeout=TIMEOUT):
        qtbot.mouseClick(window.legend.buttons["direct"], Qt.MouseButton.LeftButton)
    assert not has_background()
    assert not window.layer_actions["direct"].isChecked()
    with qtbot.waitSignal(window.view.painted, timeout=TIMEOUT):
        qtbot.mouseClick(window.legend.buttons["direct"], Qt.MouseButton.LeftButton)
    assert has_background()


def test_tooltip_says_who_said_it(qtbot, window, monkeypatch, fixtures):
    opened = open_via_menu(qtbot, window, monkeypatch, fixtures / "council.txt")
    q = next(q for q in opened.analysis.quotes if q.speaker == "Anita Sharma")
    assert window.view.quote_at(window.view.text_offset + q.start + 2) == q
    html = window.view.describe(q)
    assert "Anita Sharma" in html and "said" in html


def test_recent_files_drop_missing(qtbot, window, monkeypatch, fixtures, tmp_path):
    gone = tmp_path / "gone.txt"
    gone.write_text("“Temporary words here,” Ann Bell said.")
    open_via_menu(qtbot, window, monkeypatch, gone)
    open_via_menu(qtbot, window, monkeypatch, fixtures / "council.txt")
    gone.unlink()
    window.files.refresh_recent()
    assert all("gone.txt" not in p for p in window.files.recent_files())
    assert [a.text() for a in window.files.recent_menu.actions()] == ["&1 council.txt"]


@pytest.mark.slow  # a process of its own
@pytest.mark.parametrize("theme", ["light", "dark"])
def test_screenshot_command(tmp_path, fixtures, theme):
    out = tmp_path / f"shot-{theme}.png"
    env_db = str(tmp_path / "shot.sqlite3")
    res = subprocess.run([sys.executable, "-m", "reader", str(fixtures / "council.txt"), "--screenshot", str(out),
                          "--theme", theme, "--db", env_db],
                         capture_output=True, text=True, timeout=300,
                         env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen",
                              "XDG_CONFIG_HOME": str(tmp_path / "cfg")})
    assert res.returncode == 0, res.stderr
    from PySide6.QtGui import QImage

    image = QImage(str(out))
    assert image.width() > 800 and image.height() > 500


@pytest.mark.slow  # a process of its own
def test_screenshot_of_a_bad_file_fails_cleanly(tmp_path):
    bad = tmp_path / "bad.docx"
    bad.write_bytes(b"nope")
    res = subprocess.run([sys.executable, "-m", "reader", str(bad), "--screenshot", str(tmp_path / "x.png"),
                          "--db", str(tmp_path / "db.sqlite3")], capture_output=True, text=True, timeout=300,
                         env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen",
                              "XDG_CONFIG_HOME": str(tmp_path / "cfg")})
    assert res.returncode == 1
    assert "not a readable Word document" in res.stderr


def test_search_filters_for_speaker_kind_and_date(qtbot, window, monkeypatch, fixtures, tmp_path):
    open_two(qtbot, window, monkeypatch, fixtures, tmp_path, "“The savings will be small,” auditor Rosa Lind said.\n")
    window.nav.focus_search()
    qtbot.keyClicks(window.search.query, "savings")
    qtbot.waitUntil(lambda: len(window.search.hits) == 2, timeout=TIMEOUT)
    qtbot.keyClicks(window.search.speaker, "Rosa Lind")
    qtbot.waitUntil(lambda: [h.speaker for h in window.search.hits] == ["Rosa Lind"], timeout=TIMEOUT)
    window.search.speaker.clear()
    window.search.kind.setCurrentText("indirect")
    qtbot.waitUntil(lambda: window.search.status.text() == "No quotes found", timeout=TIMEOUT)
    window.search.kind.setCurrentIndex(0)
    qtbot.keyClicks(window.search.after, "2999-01-01")
    qtbot.waitUntil(lambda: window.search.status.text() == "No quotes found", timeout=TIMEOUT)
    assert 'after:"2999-01-01"' in window.search.full_query()


def test_import_folder_with_progress_and_cancel(qtbot, window, monkeypatch, fixtures, tmp_path):
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "a.txt").write_text((fixtures / "council.txt").read_text())
    (folder / "b.html").write_text((fixtures / "article.html").read_text())
    (folder / "broken.pdf").write_bytes(b"nope")
    (folder / "notes.bin").write_bytes(b"ignored")
    open_via_menu(qtbot, window, monkeypatch, folder / "a.txt")  # already in the library
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    job = window.files.import_folder()
    with qtbot.waitSignal(job.finished, timeout=TIMEOUT) as blocker:
        pass
    assert blocker.args[0] == "Imported: 1 added, 1 already in the library, 1 could not be read"
    assert not job.dialog.isVisible()
    window.search.set_query("strike")
    qtbot.waitUntil(lambda: len(window.search.hits) == 1, timeout=TIMEOUT)

    (folder / "c.txt").write_text("“A third story,” Ola Berg said.")
    job = window.files.import_folder(str(folder))
    job.cancelled.set()  # the reader pressed Cancel before the first file
    with qtbot.waitSignal(job.finished, timeout=TIMEOUT) as blocker:
        pass
    assert blocker.args[0].startswith("Import cancelled: 0 added")


def test_sourcing_chart(qtbot, window, monkeypatch, fixtures):
    opened = open_via_menu(qtbot, window, monkeypatch, fixtures / "council.txt")
    data = window.chart.data
    assert sum(data.kinds.values()) == len(opened.analysis.quotes)
    assert data.speakers[0][0] == opened.analysis.speakers[0].name
    assert data.named + data.anonymous + data.unattributed == len(opened.analysis.quotes)
    window.chart_dock.show()
    window.chart_dock.raise_()
    image = window.chart.grab().toImage()
    assert not image.isNull() and image.width() > 100
    assert "direct" in window.chart.toolTip()


def test_panel_filter_narrows_speakers_and_quotes(qtbot, window, monkeypatch, fixtures):
    open_via_menu(qtbot, window, monkeypatch, fixtures / "council.txt")
    model = window.panel.model
    everyone = model.rowCount()
    qtbot.keyClicks(window.panel.filter, "greene")
    assert [model.index(r, 0).data(SPEAKER_ROLE) for r in range(model.rowCount())] == ["Paul Greene"]
    window.panel.filter.clear()
    assert model.rowCount() == everyone
    qtbot.keyClicks(window.panel.filter, "MISTAKE")  # a word in one quote: its speaker, with that quote only
    assert model.rowCount() == 1
    speaker = model.index(0, 0)
    assert model.rowCount(speaker) == 1
    assert "mistake" in model.index(0, 0, speaker).data(QUOTE_ROLE).text
    window.panel.filter.clear()
    qtbot.keyClicks(window.panel.filter, "nobody says this")
    assert model.rowCount() == 0


FIRST = ["Ada", "Bruno", "Celia", "Dmitri", "Elsa", "Farid", "Greta", "Hugo", "Ines", "Jonas", "Karin", "Luca"]
LAST = ["Abbott", "Brennan", "Castillo", "Dunmore", "Ellison", "Fairbanks", "Galloway", "Hartley", "Iverson",
        "Jennings", "Kowalski", "Lindqvist", "Montague"]


def test_hundreds_of_speakers_arrive_a_page_at_a_time(qtbot, window, monkeypatch, tmp_path):
    names = [f"{f} {last}" for last in LAST for f in FIRST][:150]
    text = "\n\n".join(f"“We counted {n + 3} boats in the harbor,” said {name}." for n, name in enumerate(names))
    path = tmp_path / "crowd.txt"
    path.write_text("Harbor census draws a crowd\n\n" + text + "\n")
    opened = open_via_menu(qtbot, window, monkeypatch, path)
    model, tree = window.panel.model, window.panel.tree
    assert len({q.speaker for q in opened.analysis.quotes}) >= 140
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_End)  # the view asks for more rows as it reaches the bottom
    qtbot.keyClick(tree, Qt.Key.Key_End)
    qtbot.waitUntil(lambda: model.rowCount() == len(model.groups), timeout=TIMEOUT)
    qtbot.keyClick(tree, Qt.Key.Key_End)
    last = model.groups[-1][0]
    assert tree.currentIndex().data(SPEAKER_ROLE) == last
    assert window.panel.index_of_speaker(last).data(SPEAKER_ROLE) == last


def test_help_show_log(qtbot, window, log_file):
    from reader.logs import setup_logging

    setup_logging()
    logging.getLogger("reader.test").warning("a line the reader can find")
    action = next(a for a in window.menuBar().actions() if a.text() == "&Help").menu().actions()
    show = next(a for a in action if a.text() == "Show &Log")
    show.trigger()
    dialog = next(w for w in QApplication.topLevelWidgets() if w.windowTitle() == "Quote Reader log" and w.isVisible())
    text = dialog.findChild(QPlainTextEdit).toPlainText()
    assert "a line the reader can find" in text
    assert str(log_file) in dialog.findChild(QLabel).text()
    dialog.close()


def long_story(tmp_path):
    path = tmp_path / "long.txt"
    paragraphs = [f"“The tide table for week {n} is ready,” harbor master Ines Vidal said on day {n}."
                  for n in range(120)]
    path.write_text("Tides all year\n\n" + "\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return path


def test_a_long_article_shows_how_far_the_reading_has_got(qtbot, window, monkeypatch, tmp_path):
    from reader.nlp import pieces

    monkeypatch.setattr(pieces, "PIECE_CHARS", 2000)
    seen: list[tuple[int, int]] = []
    visible: list[bool] = []
    window.session.progress.connect(lambda done, total, _name: (seen.append((done, total)),
                                                                 visible.append(window.reading.isVisible())))
    opened = open_via_menu(qtbot, window, monkeypatch, long_story(tmp_path))
    total = seen[0][1]
    assert total >= 4 and [d for d, t in seen if t == total][:total + 1] == list(range(total + 1))
    assert any(visible) and not window.reading.isVisible() and not window.stop_button.isVisible()
    assert len(opened.analysis.quotes) == 120
    assert {q.speaker for q in opened.analysis.quotes} == {"Ines Vidal"}


def test_stop_a_long_article_midway_and_nothing_is_kept(qtbot, window_setup, monkeypatch, tmp_path):
    from reader.nlp import pieces

    window, library = window_setup.window, window_setup.library
    monkeypatch.setattr(pieces, "PIECE_CHARS", 2000)

    def stop_after_first(done: int, total: int, _name: str) -> None:
        if done == 1 and total > 1:
            qtbot.mouseClick(window.stop_button, Qt.MouseButton.LeftButton)

    window.session.progress.connect(stop_after_first)
    window.session.open_path(str(long_story(tmp_path)))
    qtbot.waitUntil(lambda: window.statusBar().currentMessage() == "Stopped reading long.txt", timeout=TIMEOUT)
    qtbot.waitUntil(lambda: not window.dispatcher.busy, timeout=TIMEOUT)
    assert window.current is None and library.counts()["articles"] == 0
    assert not window.reading.isVisible()


def test_open_an_article_from_its_address(qtbot, window, monkeypatch, serve):
    import http.server

    page = ("<html><head><title>Ferry fares rise</title></head><body><article><h1>Ferry fares rise</h1>"
            "<p>“We held fares down for six years,” chief executive Ada Moss said.</p></article></body></html>")

    class Site(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(page.encode("utf-8"))

        def log_message(self, *args: object) -> None:
            pass

    url = serve(Site) + "/ferry"
    QApplication.clipboard().setText(url)
    asked: list[str] = []
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: (asked.append(k.get("text")), (url, True))[1])
    with qtbot.waitSignal(window.article_shown, timeout=TIMEOUT):
        qtbot.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert asked == [url]  # the clipboard's address, offered
    assert window.current.article.path == url and "Ada Moss" in window.view.toPlainText()
    assert window.files.recent_files()[0] == url


def test_open_the_clipboard_as_an_article(qtbot, window, window_setup):
    QApplication.clipboard().setText("Ferry fares rise\n\n“We held fares down for six years,” chief executive "
                                     "Ada Moss said.\n")
    with qtbot.waitSignal(window.article_shown, timeout=TIMEOUT):
        qtbot.keyClick(window, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert window.current.article.title == "Ferry fares rise"
    assert window.current.analysis.quotes[0].speaker == "Ada Moss"
    assert window_setup.library.counts()["articles"] == 1
