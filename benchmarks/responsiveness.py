"""Does the window stay responsive while a very long article is analysed and painted?

A timer on the UI thread asks to fire every 5 ms; any gap between two firings beyond that is time the
UI thread was blocked. Opens an article of --words words (the bundled sample, repeated with other
names), waits until it is painted, and prints one JSON line with the longest stall and the 99th
percentile gap, in milliseconds.  usage: python benchmarks/responsiveness.py [--words 85000]
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
    args = ap.parse_args()
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


if __name__ == "__main__":
    main()
