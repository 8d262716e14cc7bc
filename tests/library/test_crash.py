"""A killed import leaves a consistent library: every stored article whole, the indexes intact."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from reader.documents import load_article
from reader.library import Library
from reader.nlp.analyse import analyse_text

TEMPLATE = ("Council votes on budget {n}\n\n"
            "“We will fund every school this year,” Mayor Ana Ruiz{n} said on Tuesday.\n"
            "Treasurer Ben Cole{n} told the Daily Ledger that the city could borrow {n} million dollars.\n"
            "“Nobody wants higher taxes,” he added, “but nobody wants closed libraries either.”\n")


@pytest.mark.slow  # a process of its own
def test_sigkill_during_import(tmp_path, nlp):
    folder = tmp_path / "articles"
    folder.mkdir()
    for n in range(60):
        (folder / f"a{n:02d}.txt").write_text(TEMPLATE.format(n=n), encoding="utf-8")
    db = tmp_path / "lib.sqlite3"
    Library(db).close()
    proc = subprocess.Popen([sys.executable, "-m", "reader", "import", str(folder), "--db", str(db),
                             "--jobs", "1", "--quiet"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 240
        stored = 0
        while time.monotonic() < deadline and proc.poll() is None:
            con = sqlite3.connect(db, timeout=5)
            stored = con.execute("SELECT count(*) FROM articles").fetchone()[0]
            con.close()
            if stored >= 3:
                break
            time.sleep(0.05)
        assert proc.poll() is None, "the import finished before it could be killed"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
    finally:
        if proc.poll() is None:
            proc.kill()
    library = Library(db)
    assert library.check() == []
    counts = library.counts()
    assert 3 <= counts["articles"] < 60
    for article_id in library.article_ids():
        article = library.article(article_id)
        assert article is not None and article.path
        expected = analyse_text(nlp, load_article(article.path).text)
        stored_quotes = library.analysis(article_id).quotes
        assert len(stored_quotes) == len(expected.quotes) > 0
        assert [q.text for q in stored_quotes] == [q.text for q in expected.quotes]
    # the interrupted import can simply be run again: it adds only what is missing
    res = subprocess.run([sys.executable, "-m", "reader", "import", str(folder), "--db", str(db), "--jobs", "1",
                          "--quiet"], capture_output=True, text=True, timeout=600)
    assert res.returncode == 0
    assert f"{60 - counts['articles']} added, {counts['articles']} already in the library" in res.stderr
    library.close()
