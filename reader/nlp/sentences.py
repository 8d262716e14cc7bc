"""Sentence bounds by token index, computed once per Doc.

spaCy's Token.sent re-checks the whole Doc for sentence annotation on every call, which makes it
quadratic over a long article; this index answers in O(log n).
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc


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
