"""Quotation-mark pairing on raw text, paragraph by paragraph.

Works on characters, not tokens, so that one stray mark can only ever affect its own paragraph:
an opening mark that is never closed is dropped unless the next paragraph opens again (the news
convention for a quotation running over several paragraphs).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DOUBLE_OPEN = "\u201c\u201e\u00ab"
DOUBLE_CLOSE = "\u201d\u00bb"
SINGLE_OPEN = "\u2018\u2039"
SINGLE_CLOSE = "\u2019\u203a"

_PARA = re.compile(r"[^\n]+")


@dataclass(frozen=True)
class QuoteSpan:
    """A quoted stretch: ``start``/``end`` are the content, without the marks."""

    start: int
    end: int
    open_mark: int  # offset of the opening mark
    close_mark: int | None  # offset of the closing mark; None when the paragraph continues the quote
    single: bool = False
    continued: bool = False  # this span continues a quotation opened in an earlier paragraph


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _classify_double(text: str, i: int) -> str:
    """'open', 'close' or 'either' for the double mark at i."""
    ch = text[i]
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if ch in DOUBLE_OPEN:
        # Mis-typed curly quotes: an opening mark glued after punctuation and before a space closes; one
        # glued after a word before a space ("Trump Wins“ that …"), or ending its line ("They see that. “"),
        # closes whatever is open.
        if _is_word(prev) is False and not prev.isspace() and prev not in "([{\u2014-:" and nxt.isspace():
            return "close"
        if _is_word(prev) and nxt.isspace() or nxt == "\n" or i + 1 == len(text):
            return "either"
        return "open"
    if ch in DOUBLE_CLOSE:
        if (prev.isspace() or prev in "([{") and (_is_word(nxt) or nxt in SINGLE_OPEN + "'"):
            return "open"
        return "close"
    # straight mark: decide by its neighbours
    if prev.isspace() and i > 0 and (nxt.isspace() or nxt in ".,;:!?") and text[i - 2:i - 1] in "',.?!\u2019":
        return "either"  # "… 'Okay, we move on,' " she said": a closing mark set off by a stray space
    if prev.isspace() or prev in "([{\u2014\u2013-/:" or i == 0:
        return "open"
    if nxt.isspace() or nxt in ".,;:!?)]}\u2014\u2013-" or i + 1 == len(text):
        return "close"
    return "either"


def _single_role(text: str, i: int) -> str | None:
    ch = text[i]
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if _is_word(prev) and _is_word(nxt):
        return None  # apostrophe inside a word
    if ch in SINGLE_OPEN or ch in "'`":
        if (prev.isspace() or prev in "([{\u2014\u2013-:\"\u201c" or i == 0) and (_is_word(nxt) or nxt in "\"\u201c$"):
            return "open"
    if ch in SINGLE_CLOSE or ch == "'":
        if not prev.isspace() and (not _is_word(nxt)):
            return "close"
    return None


def _plural_possessive(text: str, i: int) -> bool:
    """A mark after a plural's s and before a lower-case word: 'players’ effort', 'residents' patience'."""
    return text[i - 1:i] in ("s", "S") and text[i + 1:i + 2] == " " and text[i + 2:i + 3].islower()


def _next_role(text: str, i: int, end: int) -> str | None:
    """The role of the next single mark after i that has one."""
    for j in range(i + 1, end):
        if text[j] in SINGLE_OPEN + SINGLE_CLOSE + "'`":
            role = _single_role(text, j)
            if role is not None:
                return role
    return None


def _pair_singles(text: str, start: int, end: int, out: list[QuoteSpan]) -> None:
    """Single-quoted spans in text[start:end] (outside any double quote): scare quotes or UK-style speech."""
    opened: int | None = None
    for i in range(start, end):
        ch = text[i]
        if ch not in SINGLE_OPEN + SINGLE_CLOSE + "'`":
            continue
        role = _single_role(text, i)
        if role == "open" and opened is None:
            opened = i
        elif role == "close" and opened is not None and _plural_possessive(text, i) and _next_role(text, i, end) == "close":
            continue  # "‘The players’ effort was fantastic,’": an apostrophe, the quotation closes later
        elif role == "close" and opened is not None:
            if i - opened > 1:
                out.append(QuoteSpan(opened + 1, i, opened, i, single=True))
            opened = None


def find_quote_spans(text: str, singles: bool = True) -> list[QuoteSpan]:
    """Every paired quotation in ``text``, in order."""
    spans: list[QuoteSpan] = []
    carry = False  # a quotation left open by the previous paragraph
    paras = list(_PARA.finditer(text))
    for n, para in enumerate(paras):
        p_start, p_end = para.span()
        opened: int | None = None
        continued = False
        outside_from = p_start
        first_mark = True
        for i in range(p_start, p_end):
            ch = text[i]
            if ch not in DOUBLE_OPEN + DOUBLE_CLOSE + '"':
                continue
            role = _classify_double(text, i)
            if carry and first_mark and role in ("open", "either") and text[p_start:i].strip() == "":
                # continuation paragraph opening again: a normal quotation from here
                pass
            elif carry and first_mark and role == "close":
                # the previous paragraph's quotation closes here without reopening
                spans.append(QuoteSpan(p_start, i, p_start, i, continued=True))
                first_mark = False
                carry = False
                outside_from = i + 1
                continue
            first_mark = False
            if opened is None:
                if role in ("open", "either"):
                    if singles:
                        _pair_singles(text, outside_from, i, spans)
                    opened = i
                    continued = False
                # a closing mark with nothing open is stray: ignore it
            else:
                if role in ("close", "either"):
                    if i - opened > 1:
                        spans.append(QuoteSpan(opened + 1, i, opened, i, continued=continued))
                    opened = None
                    outside_from = i + 1
                else:
                    # two openings in a row: the first was stray, keep the newer one
                    opened = i
        carry = False
        if opened is not None:
            nxt = paras[n + 1] if n + 1 < len(paras) else None
            next_text = text[nxt.start():nxt.start() + 2].lstrip() if nxt else ""
            if nxt is not None and next_text[:1] in DOUBLE_OPEN + '"':
                # multi-paragraph quotation: this paragraph's part runs to its end
                end = p_end
                while end > opened + 1 and text[end - 1].isspace():
                    end -= 1
                if end - opened > 1:
                    spans.append(QuoteSpan(opened + 1, end, opened, None, continued=continued))
                carry = True
            elif singles:
                _pair_singles(text, outside_from, p_end, spans)
        elif singles:
            _pair_singles(text, outside_from, p_end, spans)
    spans.sort(key=lambda s: s.start)
    return spans
