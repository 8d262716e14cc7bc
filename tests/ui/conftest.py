"""The real window over a real library file and its own settings file, closed cleanly after each test."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from PySide6.QtCore import QSettings

from reader.library import Library
from reader.ui.main_window import MainWindow
from reader.ui.palette import LIGHT


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
