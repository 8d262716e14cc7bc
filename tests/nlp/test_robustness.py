"""No text breaks the engine: random texts full of quote marks, and offsets always valid."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.nlp.analyse import analyse_text
from reader.nlp.marks import find_quote_spans

PIECES = st.sampled_from([
    "“", "”", "‘", "’", '"', "'", "«", "»", "„", "\n", "\n\n", " ", ",", ".", ":", "—", " said ", " he added",
    "Trump", " Mayor Jane Roe ", " told ABC News", "it's", "We will win", " according to officials ",
    "AFP via Getty Images", "x", "é", "\t", "…",
])
TEXTS = st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=60).map("".join)


def check(text, analysis):
    for q in analysis.quotes:
        assert 0 <= q.start < q.end <= len(text)
        assert q.text == text[q.start:q.end]
        assert q.kind in ("direct", "indirect", "mixed")
        if q.speaker_start is not None:
            assert 0 <= q.speaker_start < q.speaker_end <= len(text)
    for s in analysis.sources:
        assert 0 <= s.start < s.end <= len(text)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(TEXTS)
def test_random_texts_never_raise(nlp, text):
    check(text, analyse_text(nlp, text))


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_mark_pairing_spans_are_inside_the_text(text):
    for span in find_quote_spans(text):
        assert 0 <= span.start <= span.end <= len(text)


def test_empty_and_whitespace(nlp):
    for text in ("", " ", "\n\n\n", "“", "”", "\"\"\"\""):
        check(text, analyse_text(nlp, text))


def test_a_long_article_read_in_pieces_reads_as_it_does_whole(nlp, monkeypatch):
    from reader.nlp import pieces
    from reader.service import SAMPLE_ARTICLE

    text = SAMPLE_ARTICLE.read_text(encoding="utf-8")
    whole = analyse_text(nlp, text)
    monkeypatch.setattr(pieces, "PIECE_CHARS", 1500)
    assert len(pieces.cut_points(text, size=1500)) >= 2
    cut = analyse_text(nlp, text)
    check(text, cut)
    assert [(q.start, q.end, q.kind, q.speaker) for q in cut.quotes] == \
        [(q.start, q.end, q.kind, q.speaker) for q in whole.quotes]
    assert [s.name for s in cut.speakers] == [s.name for s in whole.speakers]
    for q in cut.quotes:
        if q.inherits is not None:
            assert cut.quotes[q.inherits].speaker == q.speaker


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(PIECES, st.text(max_size=30)), max_size=400).map("".join), st.integers(50, 400))
def test_pieces_cover_the_text_and_keep_quotations_whole(text, size):
    from reader.nlp.pieces import cut_points

    points = cut_points(text, size=size)
    assert points[0] == 0 and points == sorted(set(points))
    ends = [*points[1:], len(text)]
    assert all(e - s <= size for s, e in zip(points, ends, strict=True))
    for span in find_quote_spans(text, singles=False):
        if span.end - span.open_mark < size // 2:
            assert not any(span.open_mark < p <= span.end for p in points), (span, points)


def test_symbol_soup_is_blanked_not_parsed(nlp):
    from reader.nlp.pieces import without_noise

    soup = "“”\"‘’'" * 3000
    text = "“The ferry runs at dawn,” captain Ada Moss said.\n" + soup + "\nShe said the fares would rise."
    readable = without_noise(text)
    assert len(readable) == len(text) and readable.count("\n") == text.count("\n")
    assert readable.startswith("“The ferry runs at dawn,”") and not readable.strip("\n ").endswith(soup[-5:])
    analysis = analyse_text(nlp, text)
    check(text, analysis)
    assert analysis.quotes[0].speaker == "Ada Moss" and analysis.quotes[0].text == "The ferry runs at dawn,"
    assert without_noise("Plain prose, with a comma or two.") == "Plain prose, with a comma or two."


def test_a_closing_mark_after_a_stray_space_still_closes():
    text = "\"It cannot be 'Okay, we move on,' \" she said. \"Next time we win.\""
    spans = [text[s.start:s.end] for s in find_quote_spans(text, singles=False)]
    assert spans == ["It cannot be 'Okay, we move on,' ", "Next time we win."]


def test_an_opening_mark_after_a_space_still_opens():
    text = 'He called it "a disaster" and left.'
    assert [text[s.start:s.end] for s in find_quote_spans(text, singles=False)] == ["a disaster"]


def test_an_opening_mark_typed_for_a_closing_one_still_closes():
    text = "“We see that. “\n\nHe set up a website called “Harbour Town If It Floods“ that went viral."
    spans = [text[s.start:s.end] for s in find_quote_spans(text, singles=False)]
    assert spans == ["We see that. ", "Harbour Town If It Floods"]
