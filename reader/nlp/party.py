"""Party and state tags after a politician's name: 'Sen. Ann Lee, D-Ore.', 'Rep. Tom Hardy (R-N.C.)'.

The tokenizer splits them into 'D', '-', 'Ore.'; their full stop is an abbreviation's, so a sentence
that ends on one ('…, said Sen. Ann Lee, D-Ore. Martinez added …') is cut after it here, before the
parser can join 'Ore. Martinez' into a name.
"""

from __future__ import annotations

from spacy.attrs import ORTH
from spacy.tokens import Doc

from reader.nlp.lexicon import PARTY_LETTERS, STATE_ABBREVIATIONS
from reader.nlp.sentences import _tokens_with


def tags(doc: Doc) -> list[tuple[int, int]]:
    """(first, end) token ranges of the party/state tags in a Doc."""
    found = []
    for tok in _tokens_with(doc, ORTH, PARTY_LETTERS):
        i = tok.i
        if i + 2 < len(doc) and doc[i + 1].text in ("-", "\u2013") and doc[i + 2].text in STATE_ABBREVIATIONS \
                and not doc[i + 1].whitespace_ and not tok.whitespace_:
            found.append((i, i + 3))
    return found


def sentence_starts_after_tags(doc: Doc) -> list[int]:
    """Tokens that begin a sentence because the tag before them ends one: 'D-Ore. Martinez added'."""
    starts = []
    for _first, end in tags(doc):
        if end < len(doc) and doc[end - 1].text.endswith(".") and doc[end].text[:1].isupper() \
                and doc[end].is_alpha:
            starts.append(end)
    return starts


def tag_after(doc: Doc, end: int) -> str | None:
    """The tag right after a name ending at token ``end``: ', D-Ore.' or ' (D-N.C.)' -> 'D-Ore.'."""
    i = end
    if i < len(doc) and doc[i].text in (",", "("):
        i += 1
    if i + 2 < len(doc) and doc[i].text in PARTY_LETTERS and doc[i + 1].text in ("-", "\u2013") \
            and doc[i + 2].text in STATE_ABBREVIATIONS:
        return doc[i:i + 3].text
    return None
