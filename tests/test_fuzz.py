"""Hypothesis drives the search syntax, the extractor and the loaders: no exception escapes."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.documents import SUPPORTED_EXTENSIONS, DocumentError, load_article
from reader.library import Library
from reader.model import Analysis, Article, Quote, Speaker

FIELDS = st.sampled_from(["speaker:", "outlet:", "kind:", "after:", "before:", "since:", "until:", "-", "", '"',
                          "*", "NEAR(", "AND ", "OR ", "NOT ", "^", ":", "(", ")", "{", "}"])
VALUES = st.one_of(st.text(max_size=12), st.sampled_from(["direct", "Mara Quinn", '"Mara Quinn"', "2025-01-01",
                                                          "2025-13-45", "river*", "*", "\x00", "'", "\\"]))
QUERIES = st.one_of(st.text(max_size=60),
                    st.lists(st.tuples(FIELDS, VALUES).map("".join), max_size=6).map(" ".join))


@pytest.fixture(scope="module")
def searchable(tmp_path_factory):
    library = Library(tmp_path_factory.mktemp("fuzz") / "lib.sqlite3")
    for n in range(5):
        text = f"“The river will rise again {n},” Mara Quinn said."
        q = Quote(1, 28, text[1:28], "direct", speaker="Mara Quinn")
        library.add(Article(text=text, outlet="Ledger", published=f"2025-0{n + 1}-01"),
                    Analysis(quotes=(q,), speakers=(Speaker("Mara Quinn"),)))
    yield library
    library.close()


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(QUERIES, st.one_of(st.none(), VALUES))
def test_any_query_with_any_filters_searches_safely(searchable, query, speaker):
    hits = searchable.search(query, limit=20, speaker=speaker)
    assert isinstance(hits, list)
    for hit in hits:
        assert hit.text and 0 <= hit.start < hit.end


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=400))
def test_the_extractor_takes_any_unicode(nlp, text):
    from reader.nlp.analyse import analyse_text

    analysis = analyse_text(nlp, text)
    for q in analysis.quotes:
        assert 0 <= q.start < q.end <= len(text) and q.text == text[q.start:q.end]


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(SUPPORTED_EXTENSIONS),
       st.one_of(st.binary(max_size=3000),
                 st.sampled_from([b"PK\x03\x04", b"%PDF-1.4\n", b"<html>", b"\xff\xfe", b"\xef\xbb\xbf"]).flatmap(
                     lambda head: st.binary(max_size=2000).map(lambda tail: head + tail))))
def test_random_bytes_under_every_extension_open_or_give_one_sentence(ext, data):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"random{ext}"
        path.write_bytes(data)
        try:
            article = load_article(path)
        except DocumentError as exc:
            message = str(exc)
            assert message and "\n" not in message and "Traceback" not in message
        else:
            assert article.text.strip()
