"""The library as a home: the Library and People views, driven through real widgets on a real library
of 300 articles the tests build."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QPushButton, QToolButton

from reader.library import Library
from reader.ui.main_window import MainWindow
from reader.ui.palette import LIGHT
from tests.support.library import build

TIMEOUT = 60000


@pytest.fixture(scope="module")
def built(tmp_path_factory, engine):
    path = tmp_path_factory.mktemp("library") / "lib.sqlite3"
    build(path, engine, 300).close()
    return path


@pytest.fixture
def home(qtbot, tmp_path, built, engine):
    db = tmp_path / "lib.sqlite3"
    db.write_bytes(built.read_bytes())
    library = Library(db)
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    window = MainWindow(engine, library, LIGHT, settings)
    qtbot.addWidget(window)
    window.show()
    yield window, library
    window.dispatcher.wait()
    library.close()


def open_view(qtbot, window, key: str, signal):
    with qtbot.waitSignal(signal, timeout=TIMEOUT):
        qtbot.keyClick(window, key, Qt.KeyboardModifier.ControlModifier)


def test_the_library_view_lists_pages_sorts_and_filters(qtbot, home):
    window, library = home
    view = window.library_view
    open_view(qtbot, window, Qt.Key.Key_2, view.reloaded)
    assert window.tabs.currentWidget() is view and window.view_actions[1].isChecked()
    assert view.model.total == 300 and view.model.rowCount() == 200  # the first page only
    assert "300 articles" in view.count_label.text()
    view.table.scrollToBottom()
    qtbot.waitUntil(lambda: view.model.rowCount() == 300, timeout=TIMEOUT)
    header = view.table.horizontalHeader()
    with qtbot.waitSignal(view.reloaded, timeout=TIMEOUT):  # by number of quotes, fewest first
        header.setSortIndicator(4, Qt.SortOrder.AscendingOrder)
    counts = [int(view.model.data(view.model.index(r, 4))) for r in range(view.model.rowCount())]
    assert counts == sorted(counts) and counts[0] < counts[-1]
    with qtbot.waitSignal(view.reloaded, timeout=TIMEOUT):
        header.setSortIndicator(1, Qt.SortOrder.DescendingOrder)
    outlets = [view.model.data(view.model.index(r, 1)) for r in range(view.model.rowCount())]
    assert outlets == sorted(outlets, key=str.lower, reverse=True)
    with qtbot.waitSignal(view.reloaded, timeout=TIMEOUT):
        qtbot.keyClicks(view.filter, "harbour times")
    assert view.model.total == 60
    assert {view.model.data(view.model.index(r, 1)) for r in range(view.model.rowCount())} == {"Harbour Times"}
    view.filter.clear()
    with qtbot.waitSignal(view.reloaded, timeout=TIMEOUT):
        qtbot.keyClicks(view.filter, "Sharma")  # a speaker's name finds the articles quoting her
    assert 0 < view.model.total < 300
    quoted = {library.article(i).sha256 for i in view.model._ids}
    assert quoted == {library.article(h.article_id).sha256 for h in library.quotes_by("Anita Sharma", limit=5000)}


def test_open_an_article_from_the_library_with_enter(qtbot, home):
    window, library = home
    view = window.library_view
    open_view(qtbot, window, Qt.Key.Key_2, view.reloaded)
    view.table.selectRow(3)
    wanted = view.model.summary(3)
    view.table.setFocus()
    with qtbot.waitSignal(window.article_shown, timeout=TIMEOUT):
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert window.tabs.currentIndex() == 0
    assert window.current.article_id == wanted.id
    assert len(window.current.analysis.quotes) == wanted.quotes


def test_remove_articles_after_asking(qtbot, home, monkeypatch):
    window, library = home
    view = window.library_view
    open_view(qtbot, window, Qt.Key.Key_2, view.reloaded)
    view.table.selectRow(0)
    view.table.selectionModel().select(view.model.index(1, 0), view.table.selectionModel().SelectionFlag.Select
                                       | view.table.selectionModel().SelectionFlag.Rows)
    gone = view.selected_ids()
    assert len(gone) == 2
    asked = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No)
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_Delete)
    assert asked and "these 2 articles" in asked[0] and library.counts()["articles"] == 300  # "No" keeps them
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(view.reloaded, timeout=TIMEOUT):
        view.remove_action.trigger()
    assert view.model.total == 298 and library.counts()["articles"] == 298
    assert all(library.article(i) is None for i in gone)
    assert all(h.article_id not in gone for h in library.search("trust", limit=5000))
    assert library.check() == []


def test_analyse_again_keeps_corrections(qtbot, home):
    window, library = home
    view = window.library_view
    open_view(qtbot, window, Qt.Key.Key_2, view.reloaded)
    view.table.selectRow(0)
    article_id = view.selected_ids()[0]
    before = library.analysis(article_id)
    first = before.quotes[0]
    library.reassign(article_id, first.start, first.end, "Someone Else")
    with qtbot.waitSignal(view.reloaded, timeout=TIMEOUT):
        view.reanalyse_action.trigger()
    after = library.analysis(article_id)
    assert len(after.quotes) == len(before.quotes)
    assert next(q for q in after.quotes if q.start == first.start).speaker == "Someone Else"
    assert "Analysed 1 articles again" in window.statusBar().currentMessage()


def test_show_the_file_of_an_article(qtbot, home, tmp_path, monkeypatch):
    window, library = home
    view = window.library_view
    page = tmp_path / "saved" / "story.txt"
    page.parent.mkdir()
    page.write_text("“We will reopen the pier,” the mayor said.\n", encoding="utf-8")
    window.session.open_path(str(page))
    qtbot.waitUntil(lambda: window.current is not None and window.current.article.path == str(page), timeout=TIMEOUT)
    open_view(qtbot, window, Qt.Key.Key_2, view.reloaded)
    view.table.selectRow(0)  # newest added first
    assert view.model.summary(0).path == str(page)
    assert view.show_file_action.isEnabled()
    opened = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toLocalFile()) or True)
    view.show_file_action.trigger()
    assert opened == [str(page.parent)]


def test_the_people_view_lists_renames_merges_and_shows_quotes_by_article(qtbot, home, monkeypatch):
    window, library = home
    people = window.people_view
    open_view(qtbot, window, Qt.Key.Key_3, people.reloaded)
    names = [p.name for p in people.model.people]
    assert "Anita Sharma" in names and len(names) == len(set(names))
    sharma = next(p for p in people.model.people if p.name == "Anita Sharma")
    assert sharma.articles > 1 and sharma.first_seen <= sharma.last_seen and sharma.named
    with qtbot.waitSignal(people.quotes_shown, timeout=TIMEOUT):
        people.select("Anita Sharma")
    assert people.quotes.topLevelItemCount() == sharma.articles
    first = people.quotes.topLevelItem(0)
    assert first.childCount() >= 1
    dates = [people.quotes.topLevelItem(i).text(0).rsplit("(", 1)[-1] for i in range(people.quotes.topLevelItemCount())]
    assert dates == sorted(dates, reverse=True)  # newest first
    # rename with the keyboard
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Anita R. Sharma", True))
    people.table.setFocus()
    with qtbot.waitSignal(people.reloaded, timeout=TIMEOUT):
        qtbot.keyClick(people.table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert "Anita R. Sharma" in [p.name for p in people.model.people]
    assert {h.speaker for h in library.quotes_by("Anita Sharma")} == {"Anita R. Sharma"}  # the old name: an alias
    # merge from the context menu's action: Greene is the same person as Sharma (for the test's sake)
    greene = next(p for p in people.model.people if p.name == "Paul Greene")
    people.select("Paul Greene")
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("Anita R. Sharma", True))
    with qtbot.waitSignal(people.reloaded, timeout=TIMEOUT):
        people.merge_action.trigger()
    assert "Paul Greene" not in [p.name for p in people.model.people]
    merged = next(p for p in people.model.people if p.name == "Anita R. Sharma")
    assert (merged.quotes, merged.articles) == (sharma.quotes + greene.quotes, len(
        {h.article_id for h in library.quotes_by("Anita R. Sharma", limit=5000)}))
    assert "Paul Greene" in merged.aliases


def test_a_view_from_the_command_line(tmp_path, built):
    import subprocess
    import sys

    db = tmp_path / "lib.sqlite3"
    db.write_bytes(built.read_bytes())
    for view in ("library", "people", "sourcing"):
        out = tmp_path / f"{view}.png"
        done = subprocess.run([sys.executable, "-m", "reader", "--view", view, "--screenshot", str(out), "--db",
                               str(db)], capture_output=True, text=True, timeout=300,
                              env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
        assert done.returncode == 0, done.stderr
        assert out.stat().st_size > 10000


def test_undo_and_redo_corrections_removals_and_merges_with_the_keyboard(qtbot, home, monkeypatch):
    window, library = home
    view, people = window.library_view, window.people_view
    assert not window.undo_action.isEnabled()
    # a correction in the article
    open_view(qtbot, window, Qt.Key.Key_2, view.reloaded)
    view.table.selectRow(0)
    with qtbot.waitSignal(window.article_shown, timeout=TIMEOUT):
        view.open_selected()
    quote = window.current.analysis.quotes[0]
    was = quote.speaker
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("Nobody Known", True))
    with qtbot.waitSignal(window.session.history_changed, timeout=TIMEOUT):
        window.corrections.change_speaker(quote)
    assert window.undo_action.isEnabled() and window.undo_action.text() == "&Undo Change Speaker"
    article_id = window.current.article_id
    with qtbot.waitSignal(window.article_shown, timeout=TIMEOUT):
        qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert window.current.analysis.quotes[0].speaker == was
    assert library.analysis(article_id).quotes[0].speaker == was
    with qtbot.waitSignal(window.article_shown, timeout=TIMEOUT):
        qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert library.analysis(article_id).quotes[0].speaker == "Nobody Known"
    # a removal in the library view
    open_view(qtbot, window, Qt.Key.Key_2, view.reloaded)
    view.table.selectRow(5)
    gone = view.selected_ids()[0]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    with qtbot.waitSignal(view.reloaded, timeout=TIMEOUT):
        view.remove_action.trigger()
    assert library.article(gone) is None and window.undo_action.text() == "&Undo Remove Article"
    with qtbot.waitSignal(view.reloaded, timeout=TIMEOUT):
        qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert library.article(gone) is not None and view.model.total == 300 and library.check() == []
    # a merge in the people view
    open_view(qtbot, window, Qt.Key.Key_3, people.reloaded)
    before = {p.name: p.quotes for p in people.model.people}
    people.select("Marcus Bell")
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("Paul Greene", True))
    with qtbot.waitSignal(people.reloaded, timeout=TIMEOUT):
        people.merge_action.trigger()
    assert "Marcus Bell" not in {p.name for p in people.model.people}
    with qtbot.waitSignal(people.reloaded, timeout=TIMEOUT):
        qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert {p.name: p.quotes for p in people.model.people} == before


def test_the_sourcing_view_charts_the_library_and_exports(qtbot, home, tmp_path, monkeypatch):
    import csv

    from PySide6.QtGui import QImage

    window, library = home
    sourcing = window.sourcing_view
    open_view(qtbot, window, Qt.Key.Key_4, sourcing.reloaded)
    total = library.counts()["quotes"]
    assert sum(n for _l, n, _c in sourcing.outlets.bars) == total
    assert sourcing.people.bars[0][1] >= sourcing.people.bars[-1][1]
    months = sourcing.who.rows()
    assert months[0] == ["month", "named", "anonymous", "unattributed"] and len(months) == 13  # 12 months
    assert sum(sum(r[1:]) for r in months[1:]) == total
    kinds = sourcing.kinds.rows()
    assert sum(sum(r[1:]) for r in kinds[1:]) == total
    with qtbot.waitSignal(sourcing.reloaded, timeout=TIMEOUT):  # one outlet and a quarter of the year
        qtbot.keyClicks(sourcing.outlet, "valley")
    valley = sum(n for _l, n, _c in sourcing.outlets.bars)
    assert [label for label, _n, _c in sourcing.outlets.bars] == ["Valley Post"] and 0 < valley < total
    with qtbot.waitSignal(sourcing.reloaded, timeout=TIMEOUT):
        sourcing.after.setText("2024-04-01")
        sourcing.before.setText("2024-06-30")
    assert [r[0] for r in sourcing.who.rows()[1:]] == ["2024-04", "2024-05", "2024-06"]
    with qtbot.waitSignal(sourcing.reloaded, timeout=TIMEOUT):
        sourcing.outlet.clear()
        sourcing.after.clear()
        sourcing.before.clear()
        sourcing.query.setText('speaker:"Anita Sharma"')
    assert [name for name, _n, _c in sourcing.people.bars] == ["Anita Sharma"]
    png, table = tmp_path / "people.png", tmp_path / "people.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(png), ""))
    buttons = [b for b in sourcing.findChildren(QToolButton) if "Most quoted" in b.toolTip()]
    next(b for b in buttons if b.text() == "Save PNG…").click()
    assert not QImage(str(png)).isNull()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(table), ""))
    next(b for b in buttons if b.text() == "Save CSV…").click()
    rows = list(csv.reader(table.open(encoding="utf-8")))
    assert rows[0] == ["name", "quotes"] and rows[1][0] == "Anita Sharma"


def test_split_quotes_off_to_someone_else_and_undo(qtbot, home, monkeypatch):
    window, library = home
    people = window.people_view
    open_view(qtbot, window, Qt.Key.Key_3, people.reloaded)
    before = {p.name: p.quotes for p in people.model.people}
    with qtbot.waitSignal(people.quotes_shown, timeout=TIMEOUT):
        people.select("Marcus Bell")
    article = people.quotes.topLevelItem(0)
    for n in range(article.childCount()):
        article.child(n).setSelected(True)
    moved = article.childCount()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Marcus Bell Jr.", True))
    with qtbot.waitSignal(people.reloaded, timeout=TIMEOUT):
        people.split_action.trigger()
    after = {p.name: p.quotes for p in people.model.people}
    assert after["Marcus Bell Jr."] == moved and after["Marcus Bell"] == before["Marcus Bell"] - moved
    with qtbot.waitSignal(people.reloaded, timeout=TIMEOUT):
        window.undo_action.trigger()
    assert {p.name: p.quotes for p in people.model.people} == before


def test_the_sourcing_view_in_the_dark_theme(qtbot, home):
    window, _library = home
    sourcing = window.sourcing_view
    open_view(qtbot, window, Qt.Key.Key_4, sourcing.reloaded)
    light = sourcing.people.bars[0][2].name()
    window.set_dark(True)
    assert sourcing.people.bars[0][2].name() != light and sourcing.people.theme.dark
    image = sourcing.people.grab().toImage()
    assert image.pixelColor(3, 3).lightness() < 80  # the page is dark
    window.set_dark(False)


def test_analyse_all_again_shows_progress_and_stops_on_cancel(qtbot, home):
    window, _library = home
    view = window.library_view
    open_view(qtbot, window, Qt.Key.Key_2, view.reloaded)
    seen: list[int] = []
    view.reanalyse_all_action.trigger()
    task = view.task
    assert task is not None and task.dialog.isVisible()

    def progressed(done: int, total: int, _name: str) -> None:
        seen.append(done)
        if done >= 3 and not task.cancelled.is_set():
            task.dialog.findChild(QPushButton).click()  # the dialog's Cancel button

    task.progressed.connect(progressed)
    with qtbot.waitSignal(task.finished, timeout=TIMEOUT) as finished:
        pass
    message = finished.args[0]
    assert message.endswith("(stopped)") and int(message.split()[1]) < 300, message
    assert 3 in seen and not task.dialog.isVisible()
