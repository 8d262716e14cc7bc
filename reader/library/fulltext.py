"""Words as the full-text index sees them, the same on both databases.

SQLite's FTS5 (tokenizer unicode61, diacritics removed) and PostgreSQL's tsvector must find the same
quotes for the same query, so PostgreSQL is not left to its own parser: the text is cut into words
here, the way unicode61 cuts it (runs of letters and digits), folded (lower case, no accents), and
handed over as a ready ``tsvector`` and ``tsquery``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

WORD = re.compile(r"[^\W_]+", re.UNICODE)
_ASCII_WORD = re.compile(r"[a-z0-9]+")
MAX_POSITION = 16383  # PostgreSQL's last word position; later words share it
MAX_LEXEME_BYTES = 2046
SHORT = 250  # words: no word of a quote this short can reach PostgreSQL's 256 positions or last position


@dataclass(frozen=True)
class Term:
    """One thing a query looks for: a word, or a phrase of words in order; prefix: the last word may
    continue."""

    words: tuple[str, ...]
    prefix: bool = False


def fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def words(text: str) -> list[str]:
    return WORD.findall(text)


def _lexeme(word: str) -> str:
    return "'" + word.replace("\\", "\\\\").replace("'", "''") + "'"


def folded_words(text: str) -> list[str]:
    """A text's words, folded; plain ASCII (most news) takes a much faster path to the same result."""
    if text.isascii():
        return _ASCII_WORD.findall(text.lower())
    return WORD.findall(fold(text))


def tsvector(text: str) -> str:
    """A quote's words as a PostgreSQL tsvector literal, positions kept (for phrases). The words hold
    letters and digits only: nothing in them needs quoting. A word that comes back is written again
    with its new position: PostgreSQL merges them as it reads the literal, faster than we would."""
    words = folded_words(text)
    if len(words) <= SHORT and (not words or max(map(len, words)) <= MAX_LEXEME_BYTES // 4):
        return " ".join([f"{w}:{n}" for n, w in enumerate(words, 1)])
    first: dict[str, int] = {}
    more: dict[str, list[int]] = {}
    for n, w in enumerate(words, 1):
        if w not in first:
            first[w] = n
        else:
            at = more.get(w)
            if at is None:
                more[w] = [first[w], n]
            elif len(at) < 256:  # PostgreSQL keeps at most 256 positions of a word
                at.append(n)
    return _clipped(first, more)


def _clipped(first: dict[str, int], more: dict[str, list[int]]) -> str:
    """The rare quote with more words than PostgreSQL numbers, or a word longer than it keeps."""
    out = []
    for w, n in first.items():
        if len(w.encode("utf-8")) > MAX_LEXEME_BYTES:
            continue
        at = sorted({min(p, MAX_POSITION) for p in more.get(w, [n])})
        out.append(f"'{w}':{','.join(map(str, at))}")
    return " ".join(out)


def _ts_term(term: Term) -> str:
    parts = [_lexeme(fold(w)) for w in term.words]
    if term.prefix:
        parts[-1] += ":*"
    return "(" + " <-> ".join(parts) + ")"


def tsquery(positives: Sequence[Term], negatives: Sequence[Term] = ()) -> str:
    """All positives and none of the negatives, as a tsquery literal (positives must not be empty)."""
    expr = " & ".join(_ts_term(t) for t in positives)
    for t in negatives:
        expr += " & !" + _ts_term(t)
    return expr


def any_of(terms: Sequence[Term]) -> str:
    return " | ".join(_ts_term(t) for t in terms)


def _fts5_term(term: Term) -> str:
    return '"' + " ".join(w.replace('"', '""') for w in term.words) + '"' + ("*" if term.prefix else "")


def fts5_match(positives: Sequence[Term], negatives: Sequence[Term] = ()) -> str:
    expr = " AND ".join(_fts5_term(t) for t in positives)
    if negatives:
        expr = f"({expr}) NOT " + " NOT ".join(_fts5_term(t) for t in negatives)
    return expr


def fts5_any(terms: Sequence[Term]) -> str:
    return " OR ".join(_fts5_term(t) for t in terms)
