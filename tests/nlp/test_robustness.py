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
