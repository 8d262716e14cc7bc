"""Start the window: application, theme, library, the first article, and the --screenshot mode."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from reader import service
from reader.ui.main_window import MainWindow
from reader.ui.palette import apply_app_theme, theme_named

SCREENSHOT_TIMEOUT_MS = 180_000


def run_gui(args: argparse.Namespace) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Quote Reader")
    app.setOrganizationName("quote-reader")
    settings = QSettings("quote-reader", "quote-reader")
    theme = theme_named(args.theme or str(settings.value("theme", "light")))
    apply_app_theme(app, theme)
    db, user = args.db or None, getattr(args, "user", None)
    libraries = service.LibraryHandle(lambda: service.Library(db, user=user))
    engine = service.ProcessEngine(args.model)
    window = MainWindow(engine, libraries, theme, settings)
    window.dialogs = not args.screenshot
    window.show()
    last = str(settings.value("last_article", "") or "")
    paths = list(args.paths) or ([last] if last and Path(last).exists() and not args.screenshot
                                 else [str(service.SAMPLE_ARTICLE)])
    for path in paths:
        window.session.open_path(path)
    if getattr(args, "view", None) and not args.screenshot:
        window.show_view(args.view)
    exit_code = {"code": 0}
    if args.screenshot:
        out = args.screenshot

        def grab(_opened: object = None) -> None:
            view = getattr(args, "view", None) or "article"
            if view != "article":  # the list is made on a worker thread: grab once it is shown
                shown = {"library": window.library_view.reloaded, "people": window.people_view.reloaded,
                         "sourcing": window.sourcing_view.reloaded}[view]
                shown.connect(lambda _n: QTimer.singleShot(300, save))
                window.show_view(view)
                return
            QTimer.singleShot(300, save)

        def save() -> None:
            if not window.grab().save(out):
                print(f"quote-reader: could not write {out}", file=sys.stderr)
                exit_code["code"] = 1
            app.quit()

        def failed(message: str) -> None:
            print(f"quote-reader: {message}", file=sys.stderr)
            exit_code["code"] = 1
            app.quit()

        window.article_shown.connect(grab)
        window.open_failed.connect(failed)
        QTimer.singleShot(SCREENSHOT_TIMEOUT_MS, lambda: failed("timed out waiting for the analysis"))
    app.exec()
    window.dispatcher.wait(10000)
    libraries.close()
    engine.close()
    return exit_code["code"]
