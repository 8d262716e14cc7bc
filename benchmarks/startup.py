"""Start-up: seconds from launching the window to its first paint, and peak memory once the language
model is loaded with a large library open.

usage: python benchmarks/startup.py [--quotes 1000000] [--db PATH]
The library (synthetic, as benchmarks/library.py makes it) is built once in a temporary folder unless
--db names one. Prints one JSON line. Targets (issue 10): first paint <= 0.8 s, peak <= 450 MB (the window's
process and its analysis helper together).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = r"""
import sys, time
from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication
from reader import service
from reader.ui.main_window import MainWindow
from reader.ui.palette import LIGHT

app = QApplication(sys.argv[:1])
settings = QSettings(sys.argv[2], QSettings.Format.IniFormat)
engine = service.ProcessEngine()
libraries = service.LibraryHandle(lambda: service.Library(sys.argv[1]))
window = MainWindow(engine, libraries, LIGHT, settings)

class FirstPaint(QObject):
    seen = False
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and not FirstPaint.seen:
            FirstPaint.seen = True
            print("painted", flush=True)
        return False

watcher = FirstPaint()
window.installEventFilter(watcher)
window.show()
state = {"model": False, "library": False}

def check():
    if engine.loaded and libraries.get() is not None and not window.dispatcher.busy:
        hits = libraries.get().search("the", limit=20)  # the library in use, not just opened
        pid = engine._pool._processes and next(iter(engine._pool._processes))
        print(f"ready {pid} {len(hits)}", flush=True)
        app.quit()
    else:
        QTimer.singleShot(100, check)

QTimer.singleShot(100, check)
app.exec()
window.dispatcher.wait()
"""


def peak_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0


def build(db: Path, quotes: int) -> None:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    sys.path.insert(0, str(ROOT))
    from library import make_corpus  # type: ignore

    from reader.library import Library

    items, _, _ = make_corpus(quotes)
    library = Library(db)
    library.bulk_add(items)
    library.close()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--quotes", type=int, default=1_000_000)
    ap.add_argument("--db")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(args.db) if args.db else Path(tmp) / "library.sqlite3"
        if not db.exists():
            build(db, args.quotes)
        env = {**os.environ, "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
               "QUOTE_READER_LOG": str(Path(tmp) / "log")}
        started = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-c", CHILD, str(db), str(Path(tmp) / "settings.ini")], cwd=ROOT,
                                env=env, stdout=subprocess.PIPE, text=True)
        assert proc.stdout is not None
        painted = None
        window_mb = helper_mb = 0.0
        for line in proc.stdout:
            if line.startswith("painted") and painted is None:
                painted = time.perf_counter() - started
            elif line.startswith("ready"):
                helper = int(line.split()[1])
                window_mb, helper_mb = peak_mb(proc.pid), peak_mb(helper)
        proc.wait()
    print(json.dumps({"quotes": args.quotes, "first_paint_s": round(painted or -1, 3),
                      "window_peak_mb": round(window_mb), "helper_peak_mb": round(helper_mb),
                      "peak_mb": round(window_mb + helper_mb)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
