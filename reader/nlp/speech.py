"""The shared vocabulary of attribution inside nlp/: an Attribution record, speaker syntax helpers."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spacy.tokens import Token

from reader.nlp.mentions import Mention

if TYPE_CHECKING:
    from reader.nlp.speakers import Person

_LEAD_PUNCT = {":", ",", "\u2014", "\u2013", "-", "(", "\u2026", "...", ";"}
_CLOSE_OR_COMMA = {",", "\u201d", '"', "\u2019", ".", ";", ":"}
_ORG_WORDS = {"group", "party", "committee", "ministry", "council", "house", "department", "agency", "inc",
              "corp", "university", "institute", "center", "centre", "foundation", "association", "bank",
              "court", "office", "administration", "campaign", "news", "times", "post", "union", "fund",
              "network", "company", "board", "commission", "senate", "congress", "parliament", "army"}
_DASH_NAME = re.compile(r"[ \t\u00a0]*[\u2015\u2014\u2013][ \t\u00a0]*([A-Z][^\n,;:!?\u201c\u201d\"()]{1,60}?)[ \t\u00a0]*[.,]?[ \t\u00a0]*(?:\n|$)")
# Cues whose report is an intention or an appeal: "wants to triple…", "urged Congress to act".
XCOMP_CUES = {"want", "plan", "hope", "promise", "pledge", "vow", "agree", "refuse", "decline", "threaten",
              "seek", "offer", "urge", "ask", "call", "tell", "propose", "intend", "push", "press",
              "encourage", "demand", "warn", "expect", "argue"}
_CLOSE_MARKS = {"\u201d", '"', "\u2019", "\u00bb"}
_OPEN_MARKS = set("\u201c\u201e\u00ab\u2018\u2039\"'`")


@dataclass
class Attribution:
    start: int  # characters of the quoted content
    end: int
    kind: str
    cue: Token | None = None
    mention: Mention | None = None
    speaker: str | None = None
    speaker_kind: str = "person"
    role: str | None = None
    affiliation: str | None = None
    confidence: float = 1.0
    inherited: bool = False

    def speak_as(self, person: Person, role: str | None = None) -> None:
        """The quote is ``person``'s: their canonical name, role (``role`` when they have none), affiliation."""
        self.speaker, self.role, self.affiliation = person.name, person.role or role, person.affiliation

    def same_speaker_as(self, other: Attribution, inherited: bool = True) -> None:
        """The quote is by whoever said ``other``; ``inherited`` when no mention of its own names them."""
        self.speaker, self.role, self.affiliation = other.speaker, other.role, other.affiliation
        self.speaker_kind, self.mention, self.inherited = other.speaker_kind, other.mention, inherited


def looks_like_person(name: str) -> bool:
    """A two- to four-word capitalised name without institutional words: the NER's ORG is likely wrong."""
    words = name.split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and not any(
        w.lower().strip(".,") in _ORG_WORDS for w in words) and words[0].lower() != "the"


def _object_of(verb: Token, is_prep: Callable[[Token], bool]) -> Token | None:
    """The object of the first preposition under verb that is_prep accepts."""
    for prep in verb.children:
        if is_prep(prep):
            for pobj in prep.children:
                if pobj.dep_ == "pobj":
                    return pobj
    return None


def subject_of(verb: Token, depth: int = 0) -> Token | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "csubj"):
            return child
    if any(child.dep_ == "nsubjpass" for child in verb.children):
        return _object_of(verb, lambda t: t.dep_ == "agent")  # "it was reported by X"
    if verb.lower_ == "according":
        return _object_of(verb, lambda t: t.lower_ == "to")  # "according to X"
    if verb.dep_ == "acl" and verb.head.pos_ in ("PROPN", "NOUN"):
        return verb.head  # "footage of Hillary Clinton asking, “…”"
    if depth < 3 and verb.dep_ == "pcomp" and verb.head.head.i != verb.head.i:
        return subject_of(verb.head.head, depth + 1)  # "she sings before asking her, “…”"
    if depth < 3 and verb.dep_ in ("conj", "xcomp", "advcl") and verb.head.i != verb.i:
        found = subject_of(verb.head, depth + 1)
        if found is not None:
            return found
        # "…, the president stated, but framed … and stated …": the subject sits on a parataxis
        for sibling in verb.head.children:
            if sibling.dep_ == "parataxis" and sibling.i < verb.i:
                return subject_of(sibling, depth + 1)
    return None


