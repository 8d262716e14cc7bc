"""Migrations from the first schema, bulk loading, speaker management, the common-word search path."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import create_engine, event

from reader.library import Library, LibraryError, migrate, search
from reader.library.connection import on_begin as _on_begin
from reader.library.connection import on_connect as _on_connect
from reader.model import Analysis, Article, Quote, Speaker

TEXT = "“The river will rise again,” Mara Quinn said. Engineers said the levee holds for now."


def first_release_engine(path):
    engine = create_engine(f"sqlite:///{path}")
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def test_migration_from_the_first_schema(tmp_path):
    path = tmp_path / "old.sqlite3"
    engine = first_release_engine(path)
    with engine.begin() as conn:
        migrate.upgrade(conn, "0001")
        conn.exec_driver_sql(
            "INSERT INTO articles (id, sha256, path, title, added, text) "
            "VALUES (1, 'abc', 'a.txt', 'Levee', '2025-01-01', ?)", (TEXT,))
        conn.exec_driver_sql("INSERT INTO speakers (id, name, kind) VALUES (1, 'Mara Quinn', 'person')")
        start = TEXT.index("The river")
        end = start + len("The river will rise again,")
        conn.exec_driver_sql(
            'INSERT INTO quotes (article_id, speaker_id, start, "end", text, kind, confidence, edited, rejected) '
            "VALUES (1, 1, ?, ?, ?, 'direct', 1.0, 1, 0)", (start, end, TEXT[start:end]))
        assert migrate.current(conn) == "0001"
    engine.dispose()

    library = Library(path)  # opening migrates to the newest schema, after keeping a copy
    with library.engine.connect() as conn:
        assert migrate.current(conn) == migrate.head()
    backup = tmp_path / "old.sqlite3.before-0001.bak"
    assert backup.exists()
    with sqlite3.connect(backup) as copy:  # the copy is the library as it was before the upgrade
        assert copy.execute("SELECT version_num FROM alembic_version").fetchall() == [("0001",)]
        assert copy.execute("SELECT text FROM quotes").fetchall() == [(TEXT[start:end],)]
    copy.close()
    hits = library.search("river")
    assert [h.text for h in hits] == ["The river will rise again,"]
    assert hits[0].speaker == "Mara Quinn"
    analysis = library.analysis(1)
    assert analysis.quotes[0].text == "The river will rise again,"
    assert library.has_corrections(1)  # the edited flag came through
    assert library.check() == []
    library.close()
    Library(path).close()  # the next start needs no upgrade: the copy has done its job
    assert not backup.exists()


def test_first_release_file_without_version_table(tmp_path):
    """A library written before migrations were recorded is recognised as 0001 and upgraded."""
    path = tmp_path / "unversioned.sqlite3"
    engine = first_release_engine(path)
    with engine.begin() as conn:
        migrate.upgrade(conn, "0001")
        conn.exec_driver_sql("DROP TABLE alembic_version")
    engine.dispose()
    library = Library(path)
    assert library.counts()["articles"] == 0
    library.close()


def test_downgrade_and_upgrade_keep_quotes(tmp_path, library):
    art = Article(text=TEXT)
    start = TEXT.index("The river")
    q = Quote(start, start + 26, TEXT[start:start + 26], "direct", speaker="Mara Quinn")
    library.add(art, Analysis(quotes=(q,), speakers=(Speaker("Mara Quinn"),)))
    from alembic import command

    with library.engine.begin() as conn:
        command.downgrade(migrate._config(conn), "0001")
        assert conn.exec_driver_sql("SELECT text FROM quotes").scalar() == TEXT[start:start + 26]
        command.upgrade(migrate._config(conn), "head")
    assert [h.text for h in library.search("river")] == [TEXT[start:start + 26]]


def make_items(n_articles: int, prefix: str = "word"):
    items = []
    for a in range(n_articles):
        body = f"the {prefix}{a} said the rest of the story number {a}"
        text = f"“{body},” Speaker {a % 3} said."
        q = Quote(1, 1 + len(body) + 1, text[1:len(body) + 2], "direct", speaker=f"Speaker {a % 3}")
        items.append((Article(text=text, title=f"A{a}", published=f"2025-01-{a % 28 + 1:02d}"),
                       Analysis(quotes=(q,), speakers=(Speaker(f"Speaker {a % 3}", aliases=(f"S{a % 3}",)),))))
    return items


def test_bulk_add_matches_normal_add_and_skips_known(library):
    items = make_items(30)
    library.add(*items[0])
    assert library.bulk_add(items) == 29
    assert library.counts() == {"articles": 30, "quotes": 30, "speakers": 3}
    assert [h.article_title for h in library.search("word17")] == ["A17"]
    assert len(library.quotes_by("S1")) == 10  # by alias
    assert library.check() == []


def test_bulk_and_single_adds_find_a_speaker_by_alias_alike(tmp_path):
    """'Trump' in a later article is the 'Donald Trump' known by that alias, however it was stored."""
    first = Analysis(quotes=(Quote(1, 10, "x" * 9, "direct", speaker="Donald Trump"),),
                     speakers=(Speaker("Donald Trump", aliases=("Trump",)),))
    later = [(Article(text=f"“We will win {n}”, Trump said."),
              Analysis(quotes=(Quote(1, 12, "We will win", "direct", speaker="Trump"),),
                       speakers=(Speaker("Trump", aliases=("Mr. Trump",)),))) for n in range(3)]
    one_by_one, in_bulk = Library(tmp_path / "a.sqlite3"), Library(tmp_path / "b.sqlite3")
    for lib in (one_by_one, in_bulk):
        lib.add(Article(text="“Something true,” Donald Trump said."), first)
    for art, analysis in later:
        one_by_one.add(art, analysis)
    in_bulk.bulk_add(later)
    for lib in (one_by_one, in_bulk):
        speakers = lib.speakers()
        assert [(s.name, s.quote_count) for s in speakers] == [("Donald Trump", 4)]
        assert set(speakers[0].aliases) == {"Trump", "Mr. Trump"}
        assert len(lib.quotes_by("Mr. Trump")) == 4
        lib.close()


def test_common_word_search_ranks_within_a_widening_window(library, monkeypatch):
    library.bulk_add(make_items(60))
    monkeypatch.setattr(search, "PROBE", 5)
    hits = library.search("the", limit=20)
    assert len(hits) == 20 and len({h.quote_id for h in hits}) == 20
    # newest matches are ranked first; a filter still finds enough by widening the window
    assert len(library.search('the speaker:"Speaker 2"', limit=15)) == 15
    assert len(library.search("the", limit=100)) == 60


def test_speaker_rename_merge_split_alias(library):
    library.bulk_add(make_items(9))
    library.rename_speaker("Speaker 0", "Ada Stone")
    assert {s.name for s in library.speakers()} == {"Ada Stone", "Speaker 1", "Speaker 2"}
    assert len(library.quotes_by("Speaker 0")) == 3  # the old name stays an alias
    library.merge_speakers("Ada Stone", "Speaker 1")
    assert {s.name: s.quote_count for s in library.speakers()} == {"Ada Stone": 6, "Speaker 2": 3}
    ids = [h.quote_id for h in library.quotes_by("Speaker 1")][:2]
    library.split_speaker("Ada Stone", ids, "Bo Stone")
    assert {s.name: s.quote_count for s in library.speakers()} == {"Ada Stone": 4, "Speaker 2": 3, "Bo Stone": 2}
    library.add_alias("Bo Stone", "B. Stone")
    assert len(library.quotes_by("b. stone")) == 2  # aliases match whatever the case
    with pytest.raises(LibraryError, match="already exists"):
        library.rename_speaker("Bo Stone", "Ada Stone")
    with pytest.raises(LibraryError, match="no speaker"):
        library.merge_speakers("Nobody", "Ada Stone")


def test_delete_article_keeps_index_consistent(library):
    library.bulk_add(make_items(5))
    aid = library.search("word3")[0].article_id
    library.delete_article(aid)
    assert library.search("word3") == []
    assert library.counts()["articles"] == 4
    assert library.check() == []


def test_wal_and_foreign_keys(library):
    library.bulk_add(make_items(2))
    con = sqlite3.connect(library.path)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    con.close()
    with library.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
