"""Every correction can be taken back and done again, on a file and on a server, and the library
(search, counts, the full-text index) follows."""

from __future__ import annotations

import pytest

from reader.library import Library
from tests.library.test_store import TEXT1, TEXT2, fill


@pytest.fixture(params=["file", "server"])
def lib(request, tmp_path):
    where = str(tmp_path / "lib.sqlite3") if request.param == "file" else request.getfixturevalue("pg_url")
    library = Library(where, user="tester")
    yield library, fill(library)
    library.close()


def state(library: Library) -> tuple:
    people = sorted((p.name, p.quotes, p.aliases) for p in library.people())
    articles = sorted((a.title, a.quotes, a.speakers, a.named) for a in library.summaries(library.article_order()))
    quotes = sorted((h.article_title, h.start, h.end, h.kind, h.speaker, word) for word in
                    ("wall", "ferries", "strikes", "money", "plan") for h in library.search(word))
    return people, articles, quotes, sorted(h.text for h in library.search("-zzz", limit=1000))


def round_trip(library: Library, change) -> None:
    before_undo = state(library)
    redo = library.undo(change)
    again = library.undo(redo)  # redo
    assert state(library) == before_undo
    library.undo(again)
    assert library.check() == []


def test_each_correction_undone_and_redone(lib):
    library, ids = lib
    start = state(library)
    text = TEXT1
    q = text.index("The flood wall")
    changes = [
        library.reassign(ids[0], q, q + len("The flood wall will protect every home"), "Mayor Elena Ruiz"),
        library.set_kind(ids[0], q, q + len("The flood wall will protect every home"), "mixed"),
        library.reject(ids[1], TEXT2.index("strikes"), TEXT2.index("strikes") + len("strikes remain possible")),
        library.add_quote(ids[1], 0, TEXT2.index("Elena") - 1, "direct", "Harbor Authority"),
        library.rename_speaker("Critics", "Opponents"),
        library.add_alias("Opponents", "The critics"),
        library.merge_speakers("Elena Ruiz", "Mayor Elena Ruiz"),
    ]
    assert state(library) != start
    for change in reversed(changes):  # Ctrl+Z all the way back
        assert change is not None
        round_trip(library, change)
    assert state(library) == start
    assert library.check() == []


def test_removing_an_article_is_undone_whole(lib):
    library, ids = lib
    start = state(library)
    change = library.delete_article(ids[1])
    assert library.article(ids[1]) is None and not library.search("ferries")
    assert "The union" not in [p.name for p in library.people()]
    library.undo(change)
    assert state(library) == start
    assert [h.speaker for h in library.search("ferries")] == ["Elena Ruiz"]
    assert library.check() == []
