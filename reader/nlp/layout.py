"""Paragraphs of an article, and which of them are photo captions or credits rather than prose."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

_AGENCIES = (
    r"AP|AFP|Reuters|Getty|Getty Images|Getty Photographs|EPA|EPA-EFE|Bloomberg|Shutterstock|Sipa|Sputnik|"
    r"Pool|TASS|Anadolu|NurPhoto|SOPA|Xinhua|UPI|Alamy|ABC News|CNN|NBC|CBS|Fox News|The Associated Press"
)
_CREDIT_RE = re.compile(
    rf"^(?:(?:photo|image|picture|credit|photograph)s?\s*(?:by|:)\s*.+"
    rf"|[A-Z][\w.'\u2019\- ]{{1,60}}/\s*[A-Z][\w&.'\- ]{{1,40}}(?:\s+(?:via|through)\s+[A-Z][\w .'-]+)?"
    rf"|(?:[A-Z][\w.'\- ]{{1,40}}\s+)?(?:via|through)\s+(?:{_AGENCIES})[\w .'-]*"
    rf"|(?:{_AGENCIES})(?:\s+(?:TV|Video|Photo))?)$"
)
_CAPTION_HINT = re.compile(
    r"\b(photo(?:graph)?|pictured|picture|image|exhibits|shown|seen here|poses|\{photograph\}|file photo)\b",
    re.I,
)
_DATE_HINT = re.compile(
    r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.? \d{1,2}, \d{4}\b"
)


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int
    kind: str  # "prose", "caption", "credit", "heading"


def _is_credit(line: str) -> bool:
    words = line.split()
    return 1 <= len(words) <= 14 and not line.rstrip().endswith((".", "?", "!", "\u201d", '"')) and bool(
        _CREDIT_RE.match(line.strip())
    )


def _is_heading(line: str) -> bool:
    words = line.split()
    return 0 < len(words) <= 10 and not line.rstrip().endswith((".", "\u201d", '"', ":", ",", ";"))


class Layout:
    """Paragraph boundaries and kinds for one text; lookups by character offset."""

    def __init__(self, text: str) -> None:
        self.text = text
        spans = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]
        kinds = ["prose"] * len(spans)
        for n, (s, e) in enumerate(spans):
            line = text[s:e].strip()
            if _is_credit(line):
                kinds[n] = "credit"
                # the caption is the paragraph right above a credit line
                if n > 0 and kinds[n - 1] == "prose" and self._caption_like(text[spans[n - 1][0]:spans[n - 1][1]]):
                    kinds[n - 1] = "caption"
            elif _is_heading(line) and '"' not in line[:1] and "\u201c" not in line[:1]:
                kinds[n] = "heading"
        self.paragraphs = [Paragraph(s, e, k) for (s, e), k in zip(spans, kinds, strict=True)]
        self._starts = [p.start for p in self.paragraphs]

    @staticmethod
    def _caption_like(line: str) -> bool:
        return bool(_CAPTION_HINT.search(line) or _DATE_HINT.search(line)) or len(line.split()) < 45

    def index(self, offset: int) -> int:
        """Index of the paragraph holding ``offset`` (or the one before it, for offsets in gaps)."""
        return max(0, bisect_right(self._starts, offset) - 1)

    def kind_at(self, offset: int) -> str:
        if not self.paragraphs:
            return "prose"
        return self.paragraphs[self.index(offset)].kind

    def is_prose(self, offset: int) -> bool:
        return self.kind_at(offset) in ("prose", "heading")

    def prose_distance(self, a: int, b: int) -> int:
        """How many prose paragraphs lie between offsets a <= b (captions and credits do not count)."""
        ia, ib = self.index(a), self.index(b)
        return sum(1 for p in self.paragraphs[ia:ib] if p.kind == "prose")
