"""The shared vocabulary: plain frozen dataclasses and enums passed between every layer.

Offsets are always character offsets into ``Article.text``.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import cached_property


class QuoteKind(StrEnum):
    DIRECT = "direct"
    INDIRECT = "indirect"
    MIXED = "mixed"


class SourceType(StrEnum):
    OUTLET = "outlet"
    ORGANISATION = "organisation"
    PLATFORM = "platform"
    DOCUMENT = "document"
    CREDIT = "credit"
    ANONYMOUS = "anonymous"


class SpeakerKind(StrEnum):
    PERSON = "person"
    GROUP = "group"
    ANONYMOUS = "anonymous"


# below this speaker confidence the window asks the reader to check an attribution
UNCERTAIN_BELOW = 0.75


class UserError(Exception):
    """A problem the user can act on (a bad file, a locked library, a bad query): its message is one
    sentence meant for them, never a traceback."""


class Cancelled(UserError):
    """The user stopped the work; nothing half-done was kept."""


def text_sha256(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Article:
    text: str
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    path: str | None = None
    sha256: str = ""
    url: str | None = None  # the web address: the page's canonical URL, or where it was fetched from

    def __post_init__(self) -> None:
        if not self.sha256:
            object.__setattr__(self, "sha256", text_sha256(self.text))


@dataclass(frozen=True)
class Speaker:
    name: str
    aliases: tuple[str, ...] = ()
    role: str | None = None
    affiliation: str | None = None
    kind: str = SpeakerKind.PERSON
    quote_count: int = 0


@dataclass(frozen=True)
class Quote:
    start: int
    end: int
    text: str
    kind: str
    speaker: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    confidence: float = 1.0  # how likely these words are a quote
    speaker_confidence: float = 1.0  # how likely the speaker is right (1.0 once a person has said so)
    inherits: int | None = None  # a follow-on quote: the index of the quote whose speaker it takes
    corrected_by: str | None = None  # who last corrected it, and when ("YYYY-MM-DD HH:MM", UTC)
    corrected_at: str | None = None

    @property
    def uncertain(self) -> bool:
        """An attribution a reader should check (a speaker the engine is unsure of)."""
        return self.speaker is not None and self.speaker_confidence < UNCERTAIN_BELOW


@dataclass(frozen=True)
class Source:
    start: int
    end: int
    text: str
    type: str


def recount(known: Iterable[Speaker], quotes: Iterable[Quote]) -> tuple[Speaker, ...]:
    """The speakers of these quotes, each with their number of quotes, most quoted first.

    Details (aliases, role, kind) come from ``known`` where a speaker is listed there; a name that is
    not (a correction naming someone new) becomes a plain speaker.
    """
    counts = Counter(q.speaker for q in quotes if q.speaker)
    by_name = {s.name: s for s in known}
    speakers = [dataclasses.replace(by_name.get(name) or Speaker(name=name), quote_count=n)
                for name, n in counts.items()]
    speakers.sort(key=lambda s: (-s.quote_count, s.name))
    return tuple(speakers)


@dataclass(frozen=True)
class Analysis:
    quotes: tuple[Quote, ...] = ()
    speakers: tuple[Speaker, ...] = ()
    sources: tuple[Source, ...] = ()
    model: str = ""
    engine_version: str = ""

    @cached_property
    def _by_name(self) -> dict[str, Speaker]:
        return {s.name: s for s in self.speakers}

    def speaker(self, name: str | None) -> Speaker | None:
        return self._by_name.get(name) if name else None

    def quotes_by(self, name: str) -> list[Quote]:
        return [q for q in self.quotes if q.speaker == name]

    def with_quotes(self, quotes: Iterable[Quote]) -> Analysis:
        """The same analysis with other quotes (in text order) and its speakers recounted."""
        ordered = tuple(sorted(quotes, key=lambda q: q.start))
        return dataclasses.replace(self, quotes=ordered, speakers=recount(self.speakers, ordered))


@dataclass(frozen=True)
class Opened:
    """An article as the reader sees it: its text, its analysis, and its id in the library (None when
    there is no library to keep it in)."""

    article: Article
    analysis: Analysis
    article_id: int | None


@dataclass(frozen=True)
class SearchHit:
    quote_id: int
    article_id: int
    text: str
    snippet: str
    kind: str
    speaker: str | None
    role: str | None
    article_title: str | None
    outlet: str | None
    published: str | None
    path: str | None
    start: int
    end: int
    rank: float = 0.0
    author: str | None = None
    url: str | None = None


# ---------------------------------------------------------------------- corrections, as intentions
@dataclass(frozen=True)
class SpeakerIs:
    """'This quote's speaker is NAME' (None: nobody we can name)."""

    quote: Quote
    name: str | None


@dataclass(frozen=True)
class KindIs:
    quote: Quote
    kind: QuoteKind


@dataclass(frozen=True)
class NotAQuote:
    quote: Quote


@dataclass(frozen=True)
class QuoteHere:
    """'These words are a quote the engine missed.'"""

    start: int
    end: int
    kind: QuoteKind
    speaker: str | None


@dataclass(frozen=True)
class SamePerson:
    """'NAME and KEEP are one person': NAME's quotes go to KEEP, everywhere in the library."""

    name: str
    keep: str


Correction = SpeakerIs | KindIs | NotAQuote | QuoteHere | SamePerson


@dataclass(frozen=True)
class ArticleSummary:
    """One stored article as the library view lists it."""

    id: int
    title: str | None
    outlet: str | None
    author: str | None
    published: str | None
    quotes: int
    speakers: int
    named: int  # quotes by named speakers
    added: str | None
    path: str | None
    url: str | None

    @property
    def named_share(self) -> float:
        return self.named / self.quotes if self.quotes else 0.0


@dataclass(frozen=True)
class Person:
    """A speaker across the library."""

    name: str
    kind: str
    roles: tuple[str, ...]
    affiliation: str | None
    aliases: tuple[str, ...]
    quotes: int
    articles: int
    first_seen: str | None  # publication dates (or, when unknown, when the article was added)
    last_seen: str | None

    @property
    def named(self) -> bool:
        return self.kind != SpeakerKind.ANONYMOUS


@dataclass(frozen=True)
class LibrarySourcing:
    """Who the library's articles quote, counted: for the sourcing view's charts and their CSV."""

    people: tuple[tuple[str, str, int], ...] = ()  # name, kind, quotes: the most quoted first
    outlets: tuple[tuple[str, int], ...] = ()  # outlet, quotes
    months: tuple[tuple[str, dict[str, int]], ...] = ()  # "YYYY-MM", counts by named/anonymous/unattributed
    #                                                       and by kind of quote

    @property
    def quotes(self) -> int:
        return sum(n for _, n in self.outlets)
