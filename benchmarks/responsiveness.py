"""Does the window stay responsive while a very long article is analysed and painted?

A timer on the UI thread asks to fire every 5 ms; any gap between two firings beyond that is time the
UI thread was blocked. Opens an article of --words words (the bundled sample, repeated with other
names), waits until it is painted, and prints one JSON line with the longest stall and the 99th
percentile gap, in milliseconds.  usage: python benchmarks/responsiveness.py [--words 85000]

With --library-articles N it measures the library view instead: a library of N synthetic articles
(benchmarks/library.py's corpus, 10 quotes each) is opened in the window, the Library view shown, sorted
by every column both ways, scrolled through several pages and filtered.
usage: python benchmarks/responsiveness.py --library-articles 100000
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

NAMES = ["Elena Ruiz", "David Okafor", "Samuel Achebe", "Harbor City"]


def long_article(words: int) -> str:
    sample = (ROOT / "reader/resources/sample_article.txt").read_text(encoding="utf-8")
    parts, n, count = [], 0, 0
    while count < words:
        part = sample
        for name in NAMES:  # new people in every copy: many speakers, as in a long feature or a book
            first, _, last = name.partition(" ")
            part = part.replace(name, f"{first} {last}{n}" if last else f"{first}{n}")
        parts.append(part)
        count += len(part.split())
        n += 1
    return "\n\n".join(parts)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--words", type=int, default=85_000)
    ap.add_argument("--library-articles", type=int, help="measure the library view on this many articles")
    args = ap.parse_args()
    if args.library_articles:
        library_view(args.library_articles)
        return
    from PySide6.QtCore import QElapsedTimer, QSettings, QTimer
    from PySide6.QtWidgets import QApplication

    from reader import service
    from reader.library import Library
    from reader.ui.main_window import MainWindow
    from reader.ui.palette import LIGHT

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "long.txt"
        path.write_text(long_article(args.words), encoding="utf-8")
        engine = service.ProcessEngine()  # what the window uses
        engine.load()  # model loading is not what is measured
        library = Library(Path(tmp) / "lib.sqlite3")
        settings = QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat)
        window = MainWindow(engine, library, LIGHT, settings)
        window.show()
        gaps: list[float] = []
        clock = QElapsedTimer()
        clock.start()
        last = [clock.nsecsElapsed()]

        def tick() -> None:
            now = clock.nsecsElapsed()
            gaps.append((now - last[0]) / 1e6)
            last[0] = now

        probe = QTimer()
        probe.setInterval(5)
        probe.timeout.connect(tick)
        done = {"shown": False, "error": None}
        window.article_shown.connect(lambda _o: done.update(shown=True))
        window.open_failed.connect(lambda m: done.update(error=m))
        # let start-up settle (the library opens in the background) before measuring
        deadline = time.monotonic() + 2
        while time.monotonic() < deadline:
            app.processEvents()
        started = time.monotonic()
        probe.start()
        last[0] = clock.nsecsElapsed()
        window.session.open_path(str(path))
        while not done["shown"] and done["error"] is None and time.monotonic() - started < 900:
            app.processEvents()
            time.sleep(0.001)
        seconds = time.monotonic() - started
        probe.stop()
        words = len(path.read_text(encoding="utf-8").split())
        quotes = len(window.current.analysis.quotes) if window.current else 0
        window.close()
        library.close()
        engine.close()
    stalls = sorted(g - 5 for g in gaps)
    print(json.dumps({"words": words, "quotes": quotes, "seconds": round(seconds, 1), "error": done["error"],
                      "max_stall_ms": round(max(stalls), 1) if stalls else None,
                      "p99_stall_ms": round(stalls[int(len(stalls) * 0.99)], 1) if stalls else None,
                      "ticks": len(gaps)}))


class Probe:
    """A timer on the UI thread asking to fire every 5 ms: a longer gap is time the thread was blocked."""

    def __init__(self) -> None:
        from PySide6.QtCore import QElapsedTimer, QTimer

        self.gaps: list[float] = []
        self.clock = QElapsedTimer()
        self.clock.start()
        self.last = self.clock.nsecsElapsed()
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._tick)

    def _tick(self) -> None:
        now = self.clock.nsecsElapsed()
        self.gaps.append((now - self.last) / 1e6)
        self.last = now

    def start(self) -> None:
        self.last = self.clock.nsecsElapsed()
        self.timer.start()

    def stalls(self) -> dict:
        self.timer.stop()
        stalls = sorted(g - 5 for g in self.gaps)
        return {"max_stall_ms": round(max(stalls), 1) if stalls else None,
                "p99_stall_ms": round(stalls[int(len(stalls) * 0.99)], 1) if stalls else None,
                "ticks": len(self.gaps)}


def library_view(articles: int) -> None:
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtWidgets import QApplication

    from reader import service
    from reader.library import Library
    from reader.ui.main_window import MainWindow
    from reader.ui.palette import LIGHT

    sys.path.insert(0, str(ROOT / "benchmarks"))
    from library import make_corpus  # noqa: E402 (the library benchmark's corpus)

    app = QApplication.instance() or QApplication([])
    with tempfile.TemporaryDirectory() as tmp:
        library = Library(Path(tmp) / "lib.sqlite3")
        library.bulk_add(make_corpus(articles * 10)[0])
        engine = service.ProcessEngine()
        settings = QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat)
        window = MainWindow(engine, library, LIGHT, settings)
        window.show()
        view = window.library_view
        listed = {"n": 0}
        view.reloaded.connect(lambda n: listed.update(n=listed["n"] + 1))

        def wait_listed(action) -> float:
            before = listed["n"]
            started = time.monotonic()
            action()
            while listed["n"] == before and time.monotonic() - started < 120:
                app.processEvents()
                time.sleep(0.001)
            return time.monotonic() - started

        deadline = time.monotonic() + 2
        while time.monotonic() < deadline:
            app.processEvents()
        probe = Probe()
        probe.start()
        timings = {"open": wait_listed(lambda: window.show_view("library"))}
        header = view.table.horizontalHeader()
        sorts = []
        for column in range(view.model.columnCount()):
            for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
                sorts.append(wait_listed(lambda c=column, o=order: header.setSortIndicator(c, o)))
        for _ in range(5):  # scroll through pages
            view.table.scrollToBottom()
            for _ in range(50):
                app.processEvents()
                time.sleep(0.002)
        rows = view.model.rowCount()
        timings["filter"] = wait_listed(lambda: view.filter.setText("Outlet 7"))
        result = {"articles": view.model.total if not view.filter.text() else articles, "rows_paged_in": rows,
                  "open_s": round(timings["open"], 2), "slowest_sort_s": round(max(sorts), 2),
                  "filter_s": round(timings["filter"], 2), **probe.stalls()}
        window.close()
        library.close()
        engine.close()
    print(json.dumps(result))


if __name__ == "__main__":
    main()
