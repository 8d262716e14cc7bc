"""Long texts in pieces: cut at paragraph ends (or, in an endless paragraph, at sentence ends), never
inside a quotation, analysed piece by piece and put back together with article offsets.

An article of ordinary length is one piece, read whole. Past that, cost and memory grow with the
piece, not with the article, so a 10 MB text or a paragraph of 200,000 characters is read in the same
time per word as a news story. Imports no spaCy: the window's process cuts and joins too.
"""

from __future__ import annotations

import dataclasses
import re
import threading
from bisect import bisect_left
from collections.abc import Callable, Sequence

from reader.model import Analysis, Cancelled, Quote, Source, Speaker, SpeakerKind, recount
from reader.nlp.marks import find_quote_spans

PIECE_CHARS = 30_000  # about 5,000 words: nearly every news story is read whole
_SENTENCE_END = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*\s+")
_SPACE = re.compile(r"\s+")


def cut_points(text: str, size: int | None = None) -> list[int]:
    """Offsets where the pieces of ``text`` start (the first is 0)."""
    size = size or PIECE_CHARS
    if len(text) <= size:
        return [0]
    inside = _quotation_ranges(text, size)
    starts = [s for s, _ in inside]
    points = [0]
    start = 0
    while len(text) - start > size:
        limit = start + size
        cut = _last_break(text, start + size // 2, limit, inside, starts) \
            or _last_break(text, start + 1, limit, inside, starts) or _before_quotation(start, limit, inside, starts)
        points.append(cut)
        start = cut
    return points


def _quotation_ranges(text: str, size: int) -> list[tuple[int, int]]:
    """Quotations shorter than a piece, which a cut must not split (longer ones are cut anyway)."""
    return [(s.open_mark, s.end + 1) for s in find_quote_spans(text, singles=False) if s.end - s.open_mark < size // 2]


def _last_break(text: str, lo: int, hi: int, inside: list[tuple[int, int]], starts: list[int]) -> int:
    """The last good place to cut in text[lo:hi]: a paragraph end, else a sentence end, else a space
    (0: none)."""
    def free(i: int) -> bool:  # quotations do not overlap: only the last one opened before i can hold it
        n = bisect_left(starts, i) - 1
        return n < 0 or inside[n][1] <= i

    newline = text.rfind("\n", lo, hi - 1)
    while newline >= lo:
        if free(newline + 1):
            return newline + 1
        newline = text.rfind("\n", lo, newline)
    for pattern in (_SENTENCE_END, _SPACE):
        ends = [m.end() for m in pattern.finditer(text, lo, hi) if free(m.end()) and lo < m.end() < hi]
        if ends:
            return ends[-1]
    return 0


def _before_quotation(start: int, hi: int, inside: list[tuple[int, int]], starts: list[int]) -> int:
    """No break at all: cut right before the quotation that holds the limit (else at the limit)."""
    n = bisect_left(starts, hi) - 1
    if n >= 0 and inside[n][0] < hi < inside[n][1] and inside[n][0] > start:
        return inside[n][0]
    return hi


_PUNCT = re.compile(r"[^\w\s]")
_ALNUM = re.compile(r"[^\W_]")
NOISE_WINDOW = 200


def without_noise(text: str) -> str:
    """The text with stretches that are no language (quotation marks by the thousand, rules of dashes,
    symbol soup) blanked to spaces, offsets unchanged: they hold no speech, and a parser spends a token
    on every mark. News prose is a few per cent punctuation, so most texts are returned as they are."""
    if len(_PUNCT.findall(text)) < 0.15 * len(text):
        return text
    out = []
    for line in text.splitlines(keepends=True):  # a line of prose next to the soup stays as it is
        step = len(line) if len(line) <= 2 * NOISE_WINDOW else NOISE_WINDOW
        for start in range(0, len(line), step):
            window = line[start:start + step]
            solid = len(window) - window.count(" ") - window.count("\n")
            if solid and len(_ALNUM.findall(window)) < 0.5 * solid:
                window = "".join(c if c == "\n" else " " for c in window)
            out.append(window)
    return "".join(out)


# no-break and thin spaces, and the invisible marks of web text (zero-width spaces, direction marks, byte
# order marks): a parser takes each for a word of its own ("said.\u00a0“…"), and an invisible mark before a
# quotation mark hides the space that makes it an opening one
_ODD_SPACES = "\u00a0\u2007\u2009\u202f\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\ufeff"
_ODD_DASHES = "\u2015\u2012"  # the horizontal bar and the figure dash, which the tagger takes for words
_PLAIN = str.maketrans({**dict.fromkeys(_ODD_SPACES, " "), **dict(zip(_ODD_DASHES, "\u2014\u2013", strict=True))})


def readable(text: str) -> str:
    """What the parser reads: noise blanked, odd spaces made plain ones and odd dashes common ones, offsets
    unchanged (the same object when there was nothing to change)."""
    plain = without_noise(text)
    if any(c in plain for c in _ODD_SPACES + _ODD_DASHES):
        plain = plain.translate(_PLAIN)
    return plain


def one_piece(text: str) -> bool:
    """Whether a text is read whole (blanking keeps its length, so this needs no other pass over it)."""
    return len(text) <= PIECE_CHARS


def read_in_pieces(text: str, read: Callable[[str], Analysis], progress: Callable[[int, int], None] | None = None,
                   cancel: threading.Event | None = None) -> Analysis:
    """``read`` (one piece's text -> its analysis) over the pieces of ``text``, put back together in
    article offsets and worded as the article has them. ``progress`` hears (done, total) pieces; a set
    ``cancel`` stops it between pieces with ``Cancelled``."""
    plain = readable(text)
    points = cut_points(plain)
    ends = [*points[1:], len(plain)]
    parts = []
    for n, (start, end) in enumerate(zip(points, ends, strict=True)):
        if cancel is not None and cancel.is_set():
            raise Cancelled("stopped before the analysis was done; nothing was kept")
        if progress is not None:
            progress(n, len(points))
        parts.append((start, read(plain[start:end])))
    if progress is not None:
        progress(len(points), len(points))
    analysis = parts[0][1] if len(parts) == 1 else join(parts)
    # quote what the article says, not the blanked copy the parser read
    return analysis if plain is text else with_text_of(analysis, text)


def with_text_of(analysis: Analysis, text: str) -> Analysis:
    """Quotes and sources worded as the article has them (the parser may have read a blanked copy)."""
    return dataclasses.replace(
        analysis, quotes=tuple(dataclasses.replace(q, text=text[q.start:q.end]) for q in analysis.quotes),
        sources=tuple(dataclasses.replace(x, text=text[x.start:x.end]) for x in analysis.sources))


def shift(analysis: Analysis, offset: int, quotes_before: int) -> Analysis:
    """A piece's analysis in article offsets (and quote indices)."""
    if offset == 0 and quotes_before == 0:
        return analysis

    def moved(x: int | None) -> int | None:
        return None if x is None else x + offset

    quotes = tuple(dataclasses.replace(
        q, start=q.start + offset, end=q.end + offset, speaker_start=moved(q.speaker_start),
        speaker_end=moved(q.speaker_end), cue_start=moved(q.cue_start), cue_end=moved(q.cue_end),
        inherits=None if q.inherits is None else q.inherits + quotes_before) for q in analysis.quotes)
    sources = tuple(dataclasses.replace(s, start=s.start + offset, end=s.end + offset) for s in analysis.sources)
    return dataclasses.replace(analysis, quotes=quotes, sources=sources)


def join(parts: Sequence[tuple[int, Analysis]]) -> Analysis:
    """Piece analyses (each with the offset its piece starts at) as one analysis of the article. A
    person met in several pieces is one speaker, with every alias and role the pieces found."""
    quotes: list[Quote] = []
    sources: list[Source] = []
    speakers: dict[str, Speaker] = {}
    for offset, part in parts:
        part = shift(part, offset, len(quotes))
        quotes.extend(part.quotes)
        sources.extend(part.sources)
        for s in part.speakers:
            held = speakers.get(s.name)
            speakers[s.name] = s if held is None else dataclasses.replace(
                held, aliases=tuple(sorted(set(held.aliases) | set(s.aliases))), role=held.role or s.role,
                affiliation=held.affiliation or s.affiliation)
    quotes, speakers = _settle_surnames(quotes, speakers)
    first = parts[0][1] if parts else Analysis()
    return Analysis(quotes=tuple(quotes), speakers=recount(speakers.values(), quotes), sources=tuple(sources),
                    model=first.model, engine_version=first.engine_version)


def _settle_surnames(quotes: list[Quote], speakers: dict[str, Speaker]) -> tuple[list[Quote], dict[str, Speaker]]:
    """A bare surname in one piece ('Ruiz') is the one person of that surname named in full in another
    ('Elena Ruiz'); with two such people it stays as it is."""
    full: dict[str, list[str]] = {}
    for s in speakers.values():
        words = s.name.split()
        if s.kind == SpeakerKind.PERSON and len(words) > 1:
            full.setdefault(words[-1], []).append(s.name)
    rename = {s.name: full[s.name][0] for s in speakers.values()
              if s.kind == SpeakerKind.PERSON and len(s.name.split()) == 1 and len(full.get(s.name, ())) == 1}
    if not rename:
        return quotes, speakers
    for short, name in rename.items():
        held, gone = speakers[name], speakers.pop(short)
        speakers[name] = dataclasses.replace(
            held, aliases=tuple(sorted({*held.aliases, *gone.aliases, short})), role=held.role or gone.role)
    return [dataclasses.replace(q, speaker=rename[q.speaker]) if q.speaker in rename else q for q in quotes], speakers
