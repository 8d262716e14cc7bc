"""The shared vocabulary of attribution inside nlp/: the Attribution record, the list of quotes found so far,
and the quotation marks around their words. Who a speech verb's speaker is lives in ``reader.nlp.subjects``."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from spacy.tokens import Doc, Token

from reader.model import SpeakerKind
from reader.nlp.mentions import Mention

if TYPE_CHECKING:
    from reader.nlp.speakers import Person

_LEAD_PUNCT = {":", ",", "\u2014", "\u2013", "-", "(", "\u2026", "...", ";"}
_CLOSE_OR_COMMA = {",", "\u201d", '"', "\u2019", ".", ";", ":"}
# "“…” ― Carla Sanchez" on the quote's line, or "- Bernie Sanders." / "-Mayor Lee, at the rally" opening the next
_DASH_NAME = re.compile(
    r"(?:[ \t\u00a0]*[\u2015\u2014\u2013]|[ \t\u00a0]+-[ \t\u00a0]|[ \t\u00a0]*\n[ \t\u00a0\n]*[\u2015\u2014\u2013-])"
    r"[ \t\u00a0]*([A-Z][^\n,;:!?\u201c\u201d\"()]{1,60}?)[ \t\u00a0]*(?:\.|,[^\n]{0,120})?[ \t\u00a0]*(?:\n|$)")
# Cues whose report is an intention or an appeal: "wants to triple…", "urged Congress to act".
_CLOSE_MARKS = {"\u201d", '"', "\u2019", "\u00bb"}
_OPEN_MARKS = set("\u201c\u201e\u00ab\u2018\u2039\"'`")


def quotation_marks(text: str) -> int:
    """How many double quotation marks a stretch of text holds (odd: it opens one it does not close)."""
    return sum(text.count(c) for c in "\u201c\u201d\"")


def past_closing_mark(doc: Doc, s: int, e: int) -> int:
    """Where tokens s..e that open a quotation end, with its closing mark, which the parser may have hung
    elsewhere ('called for “urgent talks”,', 'described it as “reckless.”')."""
    if quotation_marks(doc[s:e].text) % 2 == 0:
        return e
    if e < len(doc) and doc[e].text in _CLOSE_MARKS:
        return e + 1
    if e + 1 < len(doc) and doc[e].text in (".", "?", "!") and doc[e + 1].text in _CLOSE_MARKS:
        return e + 2
    return e


@dataclass(kw_only=True)
class Said:
    """Who said something, as far as the text tells: the speaker's name and kind, their role and
    affiliation, and the mention in the text the attribution rests on."""

    speaker: str | None = None
    speaker_kind: str = SpeakerKind.PERSON
    role: str | None = None
    affiliation: str | None = None
    mention: Mention | None = None
    via: str = "none"  # how the speaker was found (names the evidence for the confidence tables)

    def speak_as(self, person: Person, role: str | None = None) -> None:
        """``person`` said it: their canonical name, role (``role`` when they have none), affiliation."""
        self.speaker, self.role, self.affiliation = person.name, person.role or role, person.affiliation


@dataclass
class Attribution(Said):
    start: int  # characters of the quoted content
    end: int
    kind: str
    cue: Token | None = None
    inherited: bool = False
    source: Attribution | None = None  # the quote whose speaker this one inherits
    found: str = ""  # how the quote itself was found: its cue, a transcript label, a dash …

    def take(self, said: Said) -> None:
        """The speaker found for this quote."""
        self.speaker, self.speaker_kind, self.role = said.speaker, said.speaker_kind, said.role
        self.affiliation, self.mention, self.via = said.affiliation, said.mention, said.via

    def same_speaker_as(self, other: Attribution, inherited: bool = True) -> None:
        """The quote is by whoever said ``other``; ``inherited`` when no mention of its own names them."""
        self.take(other)
        self.inherited = inherited
        if inherited:
            self.via = "inherited"
        self.source = (other.source or other) if inherited else None


class QuoteList:
    """The quotes found in one article, in the order found: the one place they are kept. The parts
    that find quotes read it; only the Extractor adds to it."""

    def __init__(self) -> None:
        self._items: list[Attribution] = []

    def __iter__(self) -> Iterator[Attribution]:
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    def add(self, att: Attribution) -> None:
        self._items.append(att)

    def extend(self, atts: Iterable[Attribution]) -> None:
        self._items.extend(atts)

    def covering(self, char: int) -> bool:
        return any(q.start <= char < q.end for q in self._items)

    def drop_inside(self, start: int, end: int) -> bool:
        """Take out the quotes whose words and cue lie inside start:end (a quotation read whole after
        cues inside it gave parts of it); False, taking nothing, if any other quote overlaps it."""
        inside = [q for q in self._items if q.start < end and start < q.end]
        if any(q.start < start or q.end > end or q.cue is None or not start <= q.cue.idx < end for q in inside):
            return False
        self._items = [q for q in self._items if q not in inside]
        return True

    def overlapping(self, start: int, end: int) -> bool:
        return any(q.start < end and start < q.end for q in self._items)

    def attributed_at(self, char: int) -> Attribution | None:
        """The latest quote with a speaker whose words include this character."""
        return next((q for q in reversed(self._items) if q.start <= char < q.end and q.speaker), None)

    def cued_by(self, token_i: int) -> Attribution | None:
        """The latest quote with a speaker whose cue is this token."""
        return next((q for q in reversed(self._items) if q.cue is not None and q.cue.i == token_i and q.speaker), None)

    def last_attributed(self, kind: str | None = None) -> Attribution | None:
        """The latest quote with a speaker (of ``kind``, when given)."""
        return next((q for q in reversed(self._items) if q.speaker is not None and kind in (None, q.kind)), None)

    def last_group(self, token: int, within: int = 80) -> Attribution | None:
        """The latest group speaker whose cue is less than ``within`` tokens before ``token``."""
        for att in reversed(self._items):
            if att.speaker and att.speaker_kind == SpeakerKind.GROUP and att.cue is not None \
                    and token - att.cue.i < within:
                return att
        return None

    def keep_one_per_span(self, rank: Callable[[Attribution], Any]) -> None:
        """Two cues may report the same words ("…, according to X" inside "…, X said"): keep one quote
        per span, the one ``rank`` puts highest; in text order from then on."""
        best: dict[tuple[int, int], Attribution] = {}
        for att in self._items:
            key = (att.start, att.end)
            held = best.get(key)
            if held is None or rank(att) > rank(held):
                best[key] = att
        self._items = sorted(best.values(), key=lambda a: a.start)

    def as_list(self) -> list[Attribution]:
        return list(self._items)
