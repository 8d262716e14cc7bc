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
MAX_POSITION = 16383  # PostgreSQL's last word position; later words share it
MAX_LEXEME_BYTES = 2046


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


def tsvector(text: str) -> str:
    """A quote's words as a PostgreSQL tsvector literal, positions kept (for phrases)."""
    positions: dict[str, list[int]] = {}
    for n, w in enumerate(words(text), 1):
        folded = fold(w)
        if folded and len(folded.encode("utf-8")) <= MAX_LEXEME_BYTES:
            at = positions.setdefault(folded, [])
            if len(at) < 256:  # PostgreSQL keeps at most 256 positions of a word
                at.append(min(n, MAX_POSITION))
    return " ".join(f"{_lexeme(w)}:{','.join(str(p) for p in dict.fromkeys(ps))}" for w, ps in positions.items())


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
