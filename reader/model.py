"""The shared vocabulary: plain frozen dataclasses passed between every layer.

Offsets are always character offsets into ``Article.text``.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import cached_property

QUOTE_KINDS = ("direct", "indirect", "mixed")
SOURCE_TYPES = ("outlet", "organisation", "platform", "document", "credit", "anonymous")
SPEAKER_KINDS = ("person", "group", "anonymous")


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

    def __post_init__(self) -> None:
        if not self.sha256:
            object.__setattr__(self, "sha256", text_sha256(self.text))


@dataclass(frozen=True)
class Speaker:
    name: str
    aliases: tuple[str, ...] = ()
    role: str | None = None
    affiliation: str | None = None
    kind: str = "person"
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
    confidence: float = 1.0


@dataclass(frozen=True)
class Source:
    start: int
    end: int
    text: str
    type: str


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
