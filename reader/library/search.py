"""The library's query language, turned into a safe FTS5 MATCH expression and SQL filters.

    words            all must appear (any order)
    "exact phrase"   the words in this order
    prefix*          words starting with prefix
    -word            must not appear
    speaker:NAME     quotes by a speaker (name or alias; quote multi-word names: speaker:"Joe Biden")
    outlet:NAME      articles from an outlet
    kind:direct|indirect|mixed
    after:YYYY-MM-DD before:YYYY-MM-DD   by the article's publication date

Whatever a user types becomes a valid query: every term is quoted for FTS5, so no FTS5 syntax
error can reach the user.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_TOKEN = re.compile(r'(-?)(?:(\w+):)?(?:"([^"]*)"?|(\S+))')
_WORD = re.compile(r"\w+", re.UNICODE)
FIELDS = {"speaker", "outlet", "kind", "after", "before", "since", "until"}
KINDS = {"direct", "indirect", "mixed"}


@dataclass
class Query:
    match: str | None = None  # FTS5 MATCH expression, or None when only filters were given
    speaker: str | None = None
    outlet: str | None = None
    kind: str | None = None
    after: str | None = None
    before: str | None = None
    exclude: str | None = None  # FTS5 expression of excluded words when there is nothing to match
    terms: list[str] = field(default_factory=list)  # positive words, for highlighting

    @property
    def empty(self) -> bool:
        return not (self.match or self.exclude or self.speaker or self.outlet or self.kind or self.after
                    or self.before)


def _fts_string(words: list[str]) -> str:
    return '"' + " ".join(w.replace('"', '""') for w in words) + '"'


def parse_query(text: str) -> Query:
    q = Query()
    positives: list[str] = []
    negatives: list[str] = []
    for m in _TOKEN.finditer(text or ""):
        neg, fld, phrase, bare = m.group(1), (m.group(2) or "").lower(), m.group(3), m.group(4)
        value = phrase if phrase is not None else (bare or "")
        if fld and fld in FIELDS:
            value = value.strip()
            if not value:
                continue
            if fld == "speaker":
                q.speaker = value
            elif fld == "outlet":
                q.outlet = value
            elif fld == "kind" and value.lower() in KINDS:
                q.kind = value.lower()
            elif fld in ("after", "since"):
                q.after = value
            elif fld in ("before", "until"):
                q.before = value
            continue
        if fld:  # "word:thing" that is not a field: search it as text
            value = f"{fld} {value}"
        prefix = phrase is None and value.endswith("*")
        words = _WORD.findall(value)
        if not words:
            continue
        expr = _fts_string(words) + ("*" if prefix else "")
        if neg:
            negatives.append(expr)
        else:
            positives.append(expr)
            q.terms.extend(words)
    if positives:
        q.match = " AND ".join(positives)
        if negatives:
            q.match = f"({q.match}) NOT " + " NOT ".join(negatives)
    elif negatives:
        # FTS5 cannot match "everything except": the store filters these out instead
        q.exclude = " OR ".join(negatives)
    return q
