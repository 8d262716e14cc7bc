"""A killed import leaves a consistent library: every stored article whole, the indexes intact."""

from __future__ import annotations

import os
import random
import signal
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


@pytest.mark.slow  # processes of its own
def test_twenty_sigkills_at_random_points_of_an_import(tmp_path, nlp):
    folder = tmp_path / "articles"
    folder.mkdir()
    for n in range(200):
        (folder / f"a{n:03d}.txt").write_text(TEMPLATE.format(n=n), encoding="utf-8")
    db = tmp_path / "lib.sqlite3"
    Library(db).close()
    command = [sys.executable, "-m", "reader", "import", str(folder), "--db", str(db), "--jobs", "1", "--quiet"]
    rnd = random.Random(20)
    kills = 0
    while kills < 20:
        proc = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rnd.uniform(0.3, 4.0))  # during start-up, between articles or inside a transaction
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            kills += 1
        proc.wait()
        library = Library(db)
        assert library.check() == [], f"after kill {kills}"
        library.close()
    library = Library(db)
    stored = library.counts()["articles"]
    for article_id in library.article_ids():  # no partial article: each one has all its quotes
        article = library.article(article_id)
        assert article is not None and article.path
        expected = analyse_text(nlp, load_article(article.path).text)
        assert [q.text for q in library.analysis(article_id).quotes] == [q.text for q in expected.quotes]
    library.close()
    res = subprocess.run(command, capture_output=True, text=True, timeout=600)  # a rerun completes the import
    assert res.returncode == 0
    assert f"{200 - stored} added, {stored} already in the library" in res.stderr
    library = Library(db)
    assert library.counts()["articles"] == 200 and library.check() == []
    library.close()
