"""The library on a real SQLite file: storing once, corrections, search syntax and ranking, export."""

from __future__ import annotations

import csv
import io
import json
import sqlite3

import pytest

from reader.library import Library, LibraryError
from reader.library.export import export_hits
from reader.model import Analysis, Article, Quote, Source, Speaker


def make(text: str, quotes: list[tuple[str, str, str | None]], **meta) -> tuple[Article, Analysis]:
    """quotes: (fragment, kind, speaker)"""
    qs = []
    speakers: dict[str, int] = {}
    for fragment, kind, speaker in quotes:
        start = text.index(fragment)
        qs.append(Quote(start, start + len(fragment), fragment, kind, speaker=speaker, cue="said"))
        if speaker:
            speakers[speaker] = speakers.get(speaker, 0) + 1
    sp = tuple(Speaker(name, aliases=(name.split()[-1],), role="Mayor" if "Ruiz" in name else None,
                       quote_count=n) for name, n in speakers.items())
    return Article(text=text, **meta), Analysis(tuple(qs), sp, (Source(0, 4, text[:4], "outlet"),))


TEXT1 = "“The flood wall will protect every home,” Elena Ruiz said. Critics said the wall costs too much money."
TEXT2 = "“Ferries will run every hour from May,” Elena Ruiz said. The union said strikes remain possible."


def fill(library) -> list[int]:
    """The two articles these tests share, stored; their ids."""
    a1 = make(TEXT1, [("The flood wall will protect every home", "direct", "Elena Ruiz"),
                      ("the wall costs too much money", "indirect", "Critics")],
              title="Wall approved", outlet="Harbor Ledger", published="2025-03-01")
    a2 = make(TEXT2, [("Ferries will run every hour from May", "direct", "Elena Ruiz"),
                      ("strikes remain possible", "indirect", "The union")],
              title="Ferry plan", outlet="Coast Times", published="2025-05-10")
    return [library.add(*a1), library.add(*a2)]


@pytest.fixture
def filled(library):
    return library, fill(library)


def test_article_stored_once(filled):
    library, ids = filled
    art, ana = make(TEXT1, [("The flood wall will protect every home", "direct", "Elena Ruiz")])
    assert library.add(art, ana) == ids[0]
    assert library.counts()["articles"] == 2


def test_storing_an_article_again_replaces_its_quotes_with_the_new_analysis(filled):
    library, ids = filled
    again = make(TEXT1, [("The flood wall will protect every home", "direct", "Elena Ruiz"),
                         ("the wall costs too much money", "mixed", "Critics")])
    assert library.add(*again) == ids[0]
    stored = library.analysis(ids[0])
    assert [(q.text, q.kind) for q in stored.quotes] == [("The flood wall will protect every home", "direct"),
                                                          ("the wall costs too much money", "mixed")]
    assert len(library.search("wall")) == 2
    assert library.check() == []


def test_same_person_across_articles_is_one_speaker(filled):
    library, _ = filled
    speakers = {s.name: s for s in library.speakers()}
    assert speakers["Elena Ruiz"].quote_count == 2
    assert "Ruiz" in speakers["Elena Ruiz"].aliases
    hits = library.quotes_by("Ruiz")  # by alias
    assert {h.article_title for h in hits} == {"Wall approved", "Ferry plan"}


@pytest.mark.parametrize("query,expected", [
    ("flood", ["The flood wall will protect every home"]),
    ('"every hour"', ["Ferries will run every hour from May"]),
    ('"hour every"', []),
    ("ferr*", ["Ferries will run every hour from May"]),
    ("wall -flood", ["the wall costs too much money"]),
    ("-flood", None),
    ("speaker:Critics", ["the wall costs too much money"]),
    ('speaker:"Elena Ruiz" ferries', ["Ferries will run every hour from May"]),
    ("outlet:coast", ["Ferries will run every hour from May", "strikes remain possible"]),
    ("kind:indirect wall", ["the wall costs too much money"]),
    ("after:2025-04-01 kind:direct", ["Ferries will run every hour from May"]),
    ("before:2025-04-01 kind:direct", ["The flood wall will protect every home"]),
])
def test_search_syntax(filled, query, expected):
    library, _ = filled
    texts = [h.text for h in library.search(query)]
    if expected is None:
        assert "The flood wall will protect every home" not in texts and len(texts) == 3
    else:
        assert sorted(texts) == sorted(expected)


@pytest.mark.parametrize("query", ['"', "AND", "OR NOT", "(((", "*", "a:b:c", "NEAR(x y)", "'; DROP TABLE quotes;--",
                                   "speaker:", "😀", "wall\"s", "-", "^foo", "{x}"])
def test_any_user_string_is_safe(filled, query):
    library, _ = filled
    library.search(query)  # must not raise
    assert library.counts()["quotes"] == 4


def test_ranking_puts_better_match_first(library):
    text = "“Taxes taxes taxes, always taxes,” Al Roe said. “We may look at taxes one day,” Bo Lee said."
    library.add(*make(text, [("Taxes taxes taxes, always taxes", "direct", "Al Roe"),
                             ("We may look at taxes one day", "direct", "Bo Lee")]))
    hits = library.search("taxes")
    assert hits[0].speaker == "Al Roe"
    assert "\u2039" in hits[0].snippet  # the match is marked in the snippet


def test_corrections_survive_reanalysis(filled):
    library, ids = filled
    aid = ids[0]
    q_direct = next(q for q in library.analysis(aid).quotes if q.kind == "direct")
    q_indirect = next(q for q in library.analysis(aid).quotes if q.kind == "indirect")
    library.reassign(aid, q_direct.start, q_direct.end, "Mayor's Office")
    library.reject(aid, q_indirect.start, q_indirect.end)
    start = TEXT1.index("Critics")
    library.add_quote(aid, start, start + 7, "direct", "A reader")
    # re-analysis: the machine says the same things again (and more)
    art, ana = make(TEXT1, [("The flood wall will protect every home", "direct", "Elena Ruiz"),
                            ("the wall costs too much money", "indirect", "Critics"),
                            ("Elena Ruiz said", "indirect", "Someone")])
    library.add(art, ana)
    quotes = library.analysis(aid).quotes
    assert {(q.text, q.speaker) for q in quotes} == {
        ("The flood wall will protect every home", "Mayor's Office"),
        ("Critics", "A reader"),
        ("Elena Ruiz said", "Someone"),
    }


def test_correction_of_missing_quote_is_a_clear_error(filled):
    library, ids = filled
    with pytest.raises(LibraryError, match="no longer"):
        library.reassign(ids[0], 999, 1000, "X")
    with pytest.raises(LibraryError, match="not inside"):
        library.add_quote(ids[0], 5, 100000, "direct", None)


def test_export_round_trips(filled):
    library, _ = filled
    hits = library.search("kind:direct")
    rows = list(csv.DictReader(io.StringIO(export_hits(hits, "csv"))))
    assert {r["text"] for r in rows} == {h.text for h in hits}
    assert {r["speaker"] for r in rows} == {"Elena Ruiz"}
    data = json.loads(export_hits(hits, "json"))
    assert {d["article_title"] for d in data} == {"Wall approved", "Ferry plan"}
    md = export_hits(hits, "md")
    assert "> The flood wall will protect every home" in md
    assert "\u2014 Elena Ruiz, Mayor, \u201cWall approved\u201d, Harbor Ledger, 2025-03-01" in md


def test_database_settings(filled):
    library, _ = filled
    con = sqlite3.connect(library.path)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()


def test_not_a_database(tmp_path):
    p = tmp_path / "junk.sqlite3"
    p.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(LibraryError):
        Library(p)
    assert p.read_bytes().startswith(b"this is not sqlite")  # nothing overwritten


def test_people_who_only_share_a_surname_stay_apart(library):
    first = make("“The port will grow,” Anna Lee said.", [("The port will grow", "direct", "Anna Lee")],
                 title="Port", published="2025-01-02")
    second = make("“Taxes must fall,” Robert Lee said.", [("Taxes must fall", "direct", "Robert Lee")],
                  title="Taxes", published="2025-02-03")
    again = make("“The port is growing,” Anna Lee said.", [("The port is growing", "direct", "Anna Lee")],
                 title="Port again", published="2025-03-04")
    for item in (first, second, again):
        library.add(*item)
    people = {p.name: p for p in library.people()}
    assert set(people) == {"Anna Lee", "Robert Lee"}
    assert (people["Anna Lee"].quotes, people["Anna Lee"].articles) == (2, 2)
    assert (people["Anna Lee"].first_seen, people["Anna Lee"].last_seen) == ("2025-01-02", "2025-03-04")
    assert people["Robert Lee"].quotes == 1


def test_every_role_a_person_was_given_is_kept(library):
    first = make("“The wall will hold,” Elena Ruiz said.", [("The wall will hold", "direct", "Elena Ruiz")])
    second = make("“Taxes will fall,” Elena Ruiz said.", [("Taxes will fall", "direct", "Elena Ruiz")])
    from dataclasses import replace

    library.add(first[0], replace(first[1], speakers=(replace(first[1].speakers[0], role="Mayor"),)))
    library.add(second[0], replace(second[1], speakers=(replace(second[1].speakers[0], role="Governor"),)))
    person = next(p for p in library.people() if p.name == "Elena Ruiz")
    assert person.roles == ("Governor", "Mayor")
