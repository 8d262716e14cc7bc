"""The real window over a real library file and its own settings file, closed cleanly after each test."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from reader.library import Library
from reader.ui.main_window import MainWindow
from reader.ui.palette import LIGHT

MODAL_DIALOGS = {
    QMessageBox: ("information", "warning", "critical", "question", "about"),
    QInputDialog: ("getItem", "getText", "getInt", "getDouble"),
    QFileDialog: ("getOpenFileName", "getOpenFileNames", "getSaveFileName", "getExistingDirectory"),
}


@pytest.fixture(autouse=True)
def no_unexpected_dialogs(monkeypatch):
    """A modal dialog would wait for a person forever: every test stubs the ones it expects, and any
    other one fails the test instead of hanging it."""
    for cls, names in MODAL_DIALOGS.items():
        for name in names:
            def refuse(*args, _what=f"{cls.__name__}.{name}", **kwargs):
                raise AssertionError(f"unexpected modal dialog {_what}{args[1:3]}")
            monkeypatch.setattr(cls, name, refuse)


@dataclass
class WindowSetup:
    window: MainWindow
    library: Library
    settings: QSettings


@pytest.fixture
def window_setup(qtbot, tmp_path, engine):
    library = Library(tmp_path / "lib.sqlite3")
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    win = MainWindow(engine, library, LIGHT, settings)
    qtbot.addWidget(win)
    win.show()
    yield WindowSetup(win, library, settings)
    win.dispatcher.wait()
    library.close()
