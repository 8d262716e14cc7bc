"""The headless core never imports Qt (ARCHITECTURE.md: only ui/ knows Qt)."""

from __future__ import annotations

import subprocess
import sys


def test_core_imports_without_qt():
    code = ("import sys\n"
            "import reader.nlp.pipeline, reader.nlp.analyse, reader.library, reader.library.export, "
            "reader.documents, reader.service, reader.cli, reader.batch\n"
            "bad = [m for m in sys.modules if m.startswith('PySide6') or m.startswith('reader.ui')]\n"
            "assert not bad, bad\n")
    subprocess.run([sys.executable, "-c", code], check=True)
