"""The same library on a real PostgreSQL server: migrations, search, several clients, a lost server.

Nothing is mocked: the session's server is Debian's PostgreSQL started on loopback (tests/support)."""

from __future__ import annotations

import dataclasses
import threading

import pytest
from sqlalchemy import create_engine, text

from reader import service
from reader.documents import load_article
from reader.library import Library, LibraryError, migrate
from reader.library.textcodec import pack
from tests.support import corpus

QUERIES = ["trust", '"matter of trust"', "famil*", "delaying -bridge", "-trust", "cafe", "café licensing",
           'speaker:"Anita Sharma"', "speaker:greene", "outlet:harbour", "kind:indirect", "kind:direct winter",
           "after:2024-06-01 before:2024-09-30", '"within weeks" outlet:valley', "consult*", "deserve answer",
           "nothing-like-this", '"answer deserve"', "speaker:dubois -flood"]


@pytest.fixture(scope="module")
def analysed(tmp_path_factory, engine):
    folder = tmp_path_factory.mktemp("corpus")
    articles = [dataclasses.replace(load_article(p), outlet=corpus.OUTLETS[n % 3],
                                    published=f"2024-{1 + n % 12:02d}-{1 + n % 27:02d}")
                for n, p in enumerate(corpus.write(folder, 24))]
    return [(a, engine.analyse(a)) for a in articles]


def found(library: Library, query: str) -> set[tuple[str, int, int]]:
    hits = library.search(query, limit=10000)
    return {(library.article(h.article_id).sha256, h.start, h.end) for h in hits}


def test_the_same_query_finds_the_same_quotes_on_both(tmp_path, pg_url, analysed):
    file_lib, server_lib = Library(tmp_path / "lib.sqlite3"), Library(pg_url)
    for article, analysis in analysed:
        file_lib.add(article, analysis)
        server_lib.add(article, analysis)
    assert file_lib.counts() == server_lib.counts()
    for query in QUERIES:
        assert found(file_lib, query) == found(server_lib, query), query
    assert sum(bool(found(server_lib, q)) for q in QUERIES) == len(QUERIES) - 2  # the queries do find things
    assert found(server_lib, "cafe") == found(server_lib, "CAFÉ")
    assert 0 < len(found(server_lib, "-trust")) < server_lib.counts()["quotes"]
    assert server_lib.check() == []


def test_ranked_results_on_the_server(pg_url, analysed):
    library = Library(pg_url)
    for article, analysis in analysed:
        library.add(article, analysis)
    hits = library.search("trust", limit=5)
    assert 0 < len(hits) <= 5
    assert [h.rank for h in hits] == sorted(h.rank for h in hits)
    assert all("\u2039trust\u203a" in h.snippet.lower() for h in hits)


def test_bulk_load_on_the_server_finds_what_single_adds_find(pg_url, analysed, tmp_path):
    bulk, single = Library(pg_url), Library(tmp_path / "single.sqlite3")
    assert bulk.bulk_add(analysed) == sum(len(a.quotes) for _, a in analysed)
    for article, analysis in analysed:
        single.add(article, analysis)
    for query in QUERIES:
        assert found(bulk, query) == found(single, query), query
    # after a bulk load, ordinary adds take the next ids from the sequences
    extra = corpus.write(tmp_path / "more", 1, start=500)[0]
    a = load_article(extra)
    assert bulk.add(a, analysed[0][1]) > len(analysed)
    assert bulk.check() == []


def _first_schema_library(url: str) -> None:
    """A library as the first release made it, with one article and one quote."""
    engine = create_engine(url)
    body = "\u201cWe will rebuild the pier,\u201d said Renée Dubois."
    with engine.begin() as conn:
        migrate.upgrade(conn, "0001")
        conn.execute(text("INSERT INTO articles (sha256, title, added, text) VALUES ('abc', 'Pier', "
                          "CURRENT_TIMESTAMP, :t)"), {"t": body})
        conn.execute(text("INSERT INTO speakers (name, kind) VALUES ('Renée Dubois', 'person')"))
        conn.execute(text('INSERT INTO quotes (article_id, speaker_id, start, "end", text, kind, confidence, edited, '
                          "rejected) VALUES (1, 1, 0, 27, :q, 'direct', 1.0, false, false)"), {"q": body[:27]})
    engine.dispose()


@pytest.mark.parametrize("where", ["file", "server"])
def test_migrations_from_the_first_revision_to_head_and_back(where, tmp_path, request):
    url = f"sqlite:///{tmp_path / 'old.sqlite3'}" if where == "file" else request.getfixturevalue("pg_url")
    _first_schema_library(url)
    library = Library(url)
    engine = library.engine
    with engine.connect() as conn:
        assert migrate.current(conn) == migrate.head()
    assert [h.speaker for h in library.search("pier")] == ["Renée Dubois"]
    assert library.article(1).text.startswith("\u201cWe will rebuild")
    library.close()
    from alembic import command

    with engine.begin() as conn:  # every downgrade runs too, back to the first schema and up again
        command.downgrade(migrate._config(conn), "0001")
    with engine.connect() as conn:
        assert conn.execute(text("SELECT text FROM quotes")).scalar() == "\u201cWe will rebuild the pier,\u201d"
    library = Library(url)
    assert [h.speaker for h in library.search("rebuild pier")] == ["Renée Dubois"]
    library.close()


def test_two_clients_importing_overlapping_folders_store_each_article_once(pg_url, analysed):
    first, second = analysed[:16], analysed[8:]
    errors: list[BaseException] = []

    def client(items):
        library = Library(pg_url)
        try:
            for article, analysis in items:
                library.add(article, analysis)
        except BaseException as exc:  # reported below
            errors.append(exc)
        finally:
            library.close()

    threads = [threading.Thread(target=client, args=(items,)) for items in (first, second[::-1])]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    library = Library(pg_url)
    counts = library.counts()
    assert counts["articles"] == len(analysed)
    assert counts["quotes"] == sum(len(a.quotes) for _, a in analysed)
    names = [s.name for s in library.speakers()]
    assert len(names) == len(set(names))


def test_two_people_correct_the_same_quote(pg_url, analysed):
    article, analysis = analysed[0]
    alice, bob = Library(pg_url, user="alice"), Library(pg_url, user="bob")
    article_id = alice.add(article, analysis)
    quote = analysis.quotes[0]
    alice.reassign(article_id, quote.start, quote.end, "Paul Greene")
    bob.set_kind(article_id, quote.start, quote.end, "mixed")  # a different part of the same quote: both kept
    stored = next(q for q in Library(pg_url).analysis(article_id).quotes if q.start == quote.start)
    assert (stored.speaker, stored.kind, stored.corrected_by) == ("Paul Greene", "mixed", "bob")
    alice.reassign(article_id, quote.start, quote.end, "Marcus Bell")  # the later change wins
    stored = next(q for q in bob.analysis(article_id).quotes if q.start == quote.start)
    assert (stored.speaker, stored.kind, stored.corrected_by) == ("Marcus Bell", "mixed", "alice")
    assert stored.corrected_at is not None and stored.corrected_at[:2] == "20"


def test_a_lost_server_mid_import_says_so_and_a_rerun_completes(tmp_path, engine):
    from tests.support.postgres import Server, binaries

    if binaries() is None:
        pytest.skip("PostgreSQL's binaries are not installed")
    server = Server()
    try:
        url = server.create_database("lost")
        folder = tmp_path / "articles"
        corpus.write(folder, 6)
        library = Library(url)

        def progress(done, total, name):
            if done == 3:
                server.halt()

        with pytest.raises(LibraryError) as caught:
            service.import_paths([folder], library, engine=engine, progress=progress)
        message = str(caught.value)
        assert "lost the connection" in message or "cannot reach" in message, message
        assert "\n" not in message and "run the command again" in message
        server.start()
        summary = service.import_paths([folder], library, engine=engine)
        assert summary.added + summary.skipped == 6 and summary.failed == 0
        assert library.counts()["articles"] == 6
        assert library.check() == []
        library.close()
    finally:
        server.stop()


def test_an_unreachable_server_is_one_sentence(pg_server):
    url = pg_server.url("postgres").replace(str(pg_server.port), "1")
    with pytest.raises(LibraryError, match="cannot reach the library postgres on 127.0.0.1:1"):
        Library(url)


def test_stored_bodies_are_the_same_bytes_on_both(tmp_path, pg_url, analysed):
    article, analysis = analysed[3]
    for where in (str(tmp_path / "x.sqlite3"), pg_url):
        library = Library(where)
        library.add(article, analysis)
        with library.engine.connect() as conn:
            assert bytes(conn.execute(text("SELECT body FROM articles")).scalar()) == pack(article.text)
        library.close()
