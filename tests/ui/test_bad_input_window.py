"""The bad-input suite through the window's File › Open: each file opens, or one dialog says why in
one sentence; the window lives on and the library is untouched."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from tests.bad_inputs import CASES

TIMEOUT = 30000


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_open_each_bad_file_from_the_menu(qtbot, window_setup, tmp_path, monkeypatch, case):
    monkeypatch.setenv("QUOTE_READER_MAX_MB", "1")
    window, library = window_setup.window, window_setup.library
    path = case.build(tmp_path)
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(path)], ""))
    dialogs: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text, *a: dialogs.append(text))
    signal = window.article_shown if case.opens else window.open_failed
    with qtbot.waitSignal(signal, timeout=TIMEOUT):
        window.open_action.trigger()
    if case.opens:
        assert case.expect in window.current.article.text
        assert library.counts()["articles"] == 1 and not dialogs
    else:
        qtbot.waitUntil(lambda: bool(dialogs))
        assert len(dialogs) == 1 and case.expect in dialogs[0] and "\n" not in dialogs[0]
        assert "Traceback" not in dialogs[0]
        assert library.counts()["articles"] == 0 and window.current is None
    assert window.isVisible()


def test_hostile_html_in_the_window_fetches_nothing(qtbot, window_setup, tmp_path, monkeypatch, serve):
    import http.server

    from tests.bad_inputs import HOSTILE_HTML, STORY

    requests: list[str] = []

    class Recorder(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802
            requests.append(self.path)
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args: object) -> None:
            pass

    host = serve(Recorder).removeprefix("http://")
    window = window_setup.window
    page = tmp_path / "page.html"
    page.write_text(HOSTILE_HTML.format(host=host, story=STORY), encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(page)], ""))
    with qtbot.waitSignal(window.article_shown, timeout=TIMEOUT):
        window.open_action.trigger()
    qtbot.wait(500)  # time for anything the page asked for to arrive
    assert "Ines Vidal" in window.view.toPlainText() and "document.location" not in window.view.toPlainText()
    assert requests == []
