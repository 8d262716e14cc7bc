"""`quote-reader FILE --screenshot` and `extract` work for every format a reader can open."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from tests.documents.test_loaders import BODY, _minimal_pdf


def make(tmp_path, ext):
    p = tmp_path / f"article{ext}"
    if ext == ".txt":
        p.write_text(f"Pier to reopen\n\n{BODY}\n", encoding="utf-8")
    elif ext == ".html":
        p.write_text(f"<html><head><title>Pier to reopen</title><meta name='author' content='Ken Ito'></head>"
                     f"<body><nav>Home</nav><article><h1>Pier to reopen</h1><p>{BODY}</p>"
                     f"<p>The works start in March and should last six weeks, the port said.</p></article>"
                     f"</body></html>", encoding="utf-8")
    elif ext == ".md":
        p.write_text(f"# Pier to reopen\n\n{BODY}\n", encoding="utf-8")
    elif ext == ".docx":
        docx = pytest.importorskip("docx")
        d = docx.Document()
        d.add_heading("Pier to reopen", level=0)
        d.add_paragraph(BODY)
        d.save(p)
    elif ext == ".epub":
        epub = pytest.importorskip("ebooklib.epub")
        book = epub.EpubBook()
        book.set_identifier("x")
        book.set_title("Pier to reopen")
        ch = epub.EpubHtml(title="1", file_name="c1.xhtml", lang="en")
        ch.content = f"<html><body><p>{BODY}</p></body></html>"
        book.add_item(ch)
        book.spine = [ch]
        book.add_item(epub.EpubNcx())
        book.add_item(epub.EpubNav())
        epub.write_epub(str(p), book)
    elif ext == ".pdf":
        p.write_bytes(_minimal_pdf("The harbor master said the pier will reopen by summer."))
    return p


FORMATS = [".txt", ".html", ".md", ".docx", ".epub", ".pdf"]


@pytest.mark.slow  # a process of its own
@pytest.mark.parametrize("ext", FORMATS)
def test_screenshot_every_format(tmp_path, ext):
    path = make(tmp_path, ext)
    out = tmp_path / "shot.png"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "cfg")}
    res = subprocess.run([sys.executable, "-m", "reader", str(path), "--screenshot", str(out), "--db",
                          str(tmp_path / "db.sqlite3")], capture_output=True, text=True, timeout=300, env=env)
    assert res.returncode == 0, res.stderr
    assert out.stat().st_size > 10_000


def test_extract_metadata_for_every_format(tmp_path):
    paths = [str(make(tmp_path, ext)) for ext in FORMATS]
    res = subprocess.run([sys.executable, "-m", "reader", "extract", *paths], capture_output=True, text=True,
                         timeout=300, check=True)
    records = {r["id"]: r for r in map(json.loads, res.stdout.splitlines())}
    assert set(records) == set(paths)
    for path, rec in records.items():
        assert {"title", "outlet", "author", "published", "text", "quotes", "sources", "speakers"} <= set(rec)
        assert not rec["text"].startswith("Pier to reopen"), path  # the headline is the title, not the text
        if not path.endswith(".pdf"):
            assert rec["title"] == "Pier to reopen", path
            assert rec["quotes"] and rec["quotes"][0]["speaker"] == "Ines Vidal", path
    assert records[str(tmp_path / "article.html")]["author"] == "Ken Ito"
