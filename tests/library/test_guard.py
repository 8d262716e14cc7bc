"""The library never loses data: a damaged file is set aside (never deleted), a read-only one is read,
a busy one names who holds it, a full disk keeps what was stored."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from reader import service
from reader.cli import main
from reader.library import Library, LibraryDamaged, LibraryError, connection, guard
from reader.model import Analysis, Article, Quote, Speaker

TEXT = "“The river will rise again,” Mara Quinn said on {day}."


def article(n: int) -> tuple[Article, Analysis]:
    text = TEXT.format(day=f"day {n}")
    q = Quote(1, 27, text[1:27], "direct", speaker="Mara Quinn")
    return Article(text=text, title=f"Levee {n}"), Analysis(quotes=(q,), speakers=(Speaker("Mara Quinn"),))


def test_a_damaged_library_is_named_and_set_aside_never_deleted(tmp_path, capsys):
    db = tmp_path / "library.sqlite3"
    junk = b"this is not a database at all " * 200
    db.write_bytes(junk)
    with pytest.raises(LibraryDamaged, match="is damaged .* set it aside") as caught:
        Library(db)
    assert caught.value.path == db
    assert main(["search", "river", "--db", str(db)]) == 1
    assert "quote-reader library --set-aside" in capsys.readouterr().err
    assert main(["library", "--set-aside", "--db", str(db)]) == 0
    kept = list(tmp_path.glob("library.sqlite3.damaged-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == junk  # renamed, byte for byte
    library = Library(db)  # a new library in its place
    assert library.counts()["articles"] == 0
    library.close()


def test_the_window_offers_to_set_a_damaged_library_aside(qtbot, tmp_path, engine, monkeypatch):
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QMessageBox

    from reader.ui.main_window import MainWindow
    from reader.ui.palette import LIGHT

    db = tmp_path / "library.sqlite3"
    db.write_bytes(b"\x00garbage" * 500)
    asked: list[str] = []

    def question(_parent, _title, text, *args):
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    handle = service.LibraryHandle(lambda: Library(db))
    window = MainWindow(engine, handle, LIGHT, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.status_label.text() == "Library: library.sqlite3", timeout=10000)
    assert len(asked) == 1 and "damaged" in asked[0] and "never deleted" in asked[0]
    assert len(list(tmp_path.glob("library.sqlite3.damaged-*"))) == 1
    window.dispatcher.wait()
    handle.close()


def test_a_read_only_library_opens_for_reading_and_says_so(tmp_path, monkeypatch, capsys):
    db = tmp_path / "library.sqlite3"
    with _nullcontext(Library(db)) as library:
        library.add(*article(1))
    monkeypatch.setattr(guard, "writable", lambda path: False)  # root writes anything: the check is what we test
    library = Library(db)
    assert library.read_only
    assert [h.speaker for h in library.search("river")] == ["Mara Quinn"]
    with pytest.raises(LibraryError, match="read-only"):
        library.add(*article(2))
    with pytest.raises(LibraryError, match="read-only"):
        library.reassign(1, 1, 27, "Someone Else")
    library.close()
    assert library_bytes_unchanged(db)
    assert main(["speakers", "--rename", "Mara Quinn", "M. Quinn", "--db", str(db)]) == 1
    assert "read-only" in capsys.readouterr().err


def library_bytes_unchanged(db) -> bool:
    lib = Library(db, read_only=True)
    try:
        return lib.counts()["articles"] == 1 and [s.name for s in lib.speakers()] == ["Mara Quinn"]
    finally:
        lib.close()


class _nullcontext:
    def __init__(self, library: Library) -> None:
        self.library = library

    def __enter__(self) -> Library:
        return self.library

    def __exit__(self, *exc: object) -> None:
        self.library.close()


HOLD = """
import sys, time
from reader.library import Library
lib = Library(sys.argv[1])
with lib.lock.held():
    print("holding", flush=True)
    time.sleep(30)
"""


def test_a_busy_library_waits_then_names_who_holds_it(tmp_path, monkeypatch):
    db = tmp_path / "library.sqlite3"
    Library(db).close()
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(db)], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "holding"
        monkeypatch.setattr(guard, "LOCK_WAIT", 0.5)
        library = Library(db)
        started = time.monotonic()
        with pytest.raises(LibraryError, match=rf"busy: .*process {holder.pid} of .* is writing to it"):
            library.add(*article(1))
        assert 0.4 < time.monotonic() - started < 5  # it waited, briefly
        holder.kill()
        holder.wait()
        library.add(*article(1))  # once the holder is gone, the write goes through
        assert library.counts()["articles"] == 1
        library.close()
    finally:
        holder.kill()


def test_a_full_disk_fails_one_import_cleanly_and_keeps_what_was_stored(tmp_path, monkeypatch, engine):
    db = tmp_path / "library.sqlite3"
    library = Library(db)
    library.add(*article(0))
    library.close()
    pages = {}
    connect = connection.on_connect

    def small_disk(dbapi_conn, record):
        connect(dbapi_conn, record)
        if "n" not in pages:
            pages["n"] = dbapi_conn.execute("PRAGMA page_count").fetchone()[0] + 6
        dbapi_conn.execute(f"PRAGMA max_page_count={pages['n']}")

    monkeypatch.setattr(connection, "on_connect", small_disk)
    library = Library(db)
    folder = tmp_path / "articles"
    folder.mkdir()
    for n in range(1, 40):
        body = " ".join(f"word{n}x{k}" for k in range(400))
        (folder / f"a{n:02d}.txt").write_text(f"“{body},” Mara Quinn said.\n", encoding="utf-8")
    with pytest.raises(LibraryError, match="disk holding the library is full: everything stored before is kept"):
        service.import_paths([folder], library, engine=engine)
    stored = library.counts()["articles"]
    assert 1 <= stored < 40
    assert library.check() == []
    assert [h.article_title for h in library.search("river")] == ["Levee 0"]
    library.close()


def test_the_library_command_says_where_and_checks(tmp_path, capsys):
    db = tmp_path / "library.sqlite3"
    with _nullcontext(Library(db)) as library:
        library.add(*article(1))
    assert main(["library", "--check", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert f"{db}: 1 articles, 1 quotes, 1 speakers" in out and "integrity: ok" in out
