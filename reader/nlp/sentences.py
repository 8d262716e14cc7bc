"""Sentence bounds by token index, computed once per Doc; fast lookups over a Doc's attribute arrays.

spaCy's Token.sent re-checks the whole Doc for sentence annotation on every call, which makes it
quadratic over a long article; this index answers in O(log n).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Collection

import numpy
from spacy.attrs import IDX, LEMMA, LOWER
from spacy.tokens import Doc, Token


class Sentences:
    def __init__(self, doc: Doc) -> None:
        self.doc = doc
        self.starts = [s.start for s in doc.sents] or [0]
        self.ends = self.starts[1:] + [len(doc)]

    def index(self, token_i: int) -> int:
        return max(0, bisect_right(self.starts, token_i) - 1)

    def bounds(self, token_i: int) -> tuple[int, int]:
        """(start, end) token indices of the sentence holding token_i."""
        n = self.index(token_i)
        return self.starts[n], self.ends[n]

    def text(self, token_i: int) -> str:
        s, e = self.bounds(token_i)
        return self.doc[s:e].text


def tokens_with_lower(doc: Doc, words: Collection[str]) -> list[Token]:
    """The tokens whose lower-case text is one of ``words``."""
    return _tokens_with(doc, LOWER, words)


def tokens_with_lemma(doc: Doc, lemmas: Collection[str]) -> list[Token]:
    """The tokens whose lemma is one of ``lemmas``."""
    return _tokens_with(doc, LEMMA, lemmas)


def _tokens_with(doc: Doc, attr: int, values: Collection[str]) -> list[Token]:
    """Found on the Doc's attribute array rather than by making a Token object for every word."""
    if not values:
        return []
    wanted = numpy.array([doc.vocab.strings.add(v) for v in values], dtype=numpy.uint64)
    column = doc.to_array([attr])
    return [doc[int(i)] for i in numpy.flatnonzero(numpy.isin(column, wanted))]


def token_starts(doc: Doc) -> list[int]:
    """Character offset of every token."""
    return doc.to_array([IDX]).tolist()
