"""Quotations in two apostrophes (''…''), as archive text (the NYT's among it) sets them.

The engine does not read two apostrophes as quotation marks (they are ambiguous, and news annotation such as
PolNeAR's counts these quotations as reported speech): it reads such a quotation as reported by the cue
beside it. These are the ways to the whole quotation and its speaker: a speech tag after it ("''A,'' X
said"), the second half after the tag ("…, ''and B''"), a verb leading into it ("X said, ''A. B.''"), or,
for a sentence that is nothing but a quotation, the speaker of the quote before it. A mixin of the
Extractor (reader.nlp.attribution), built on its SpeakerClues.
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from reader.model import QuoteKind
from reader.nlp.clues import SpeakerClues
from reader.nlp.speech import Attribution
from reader.nlp.subjects import subject_before_aside, subject_of

# the words between two pairs of apostrophes: on one line, never past another pair, at most 1,500
# characters (hostile text stays linear)
_WORDS = r"(?:[^\n](?!'')){0,1500}?"

# "''…''" making up a whole sentence: after a sentence end or a line break, ending in . ? ! and a line
# break, the end of the text, or the next sentence
_TYPEWRITER = re.compile(rf"(?:^|(?<=\n)|(?<=[.?!] )|(?<=[.?!]'' ))''([^'\n]{_WORDS}[^\n][.?!])''(?=\s|$)",
                         re.MULTILINE)

# "''…''" opening a sentence (a line, or after . ? ! : and a space): one inside a sentence is a fragment
# of it, or a title
_TYPEWRITER_SPAN = re.compile(rf"(?:^|(?<=[.?!:] )|(?<=[.?!]'' ))''([^'\s]{_WORDS}[^\s])''(?!\w)", re.MULTILINE)

# the second half of a quotation split by its tag: ", ''…''"
_TYPEWRITER_REST = re.compile(rf", ''([^'\s]{_WORDS}[^\s])''(?!\w)")

# a whole quotation after the verb that leads into it: "said, ''…''", "said: ''…''"
_TYPEWRITER_LED = re.compile(rf"[,:] ''([^'\s]{_WORDS}[.?!])''(?!\w)")


class TypewriterQuotes(SpeakerClues):
    """The Extractor's ways to a typewriter quotation's words and speaker (they use its speaker clues)."""

    def _typewriter_tagged(self, claimed: set[int]) -> None:
        """"''Jobs, jobs, jobs,'' Mrs. Clinton said": a quotation in two apostrophes ending mid-sentence,
        with a speech tag after it, is reported whole by the tag, also when it runs over several sentences
        or has no verb for the cue to govern."""
        for m in _TYPEWRITER_SPAN.finditer(self.text):
            start, end = m.span(1)
            if self.text[end - 1] not in ",?!" or not self.layout.is_prose(start):
                continue
            tag = self._tag_after(m.end() - 1)
            if tag is None or tag.verb.i in claimed:
                continue
            att = Attribution(start, end, QuoteKind.INDIRECT, cue=tag.verb, found="typewriter-tag")
            att.take(self._tag_speaker(tag))
            claimed.add(tag.verb.i)
            self.quotes.add(att)
            last = self.doc[max(tag.end, tag.verb.i + 1) - 1]
            rest = _TYPEWRITER_REST.match(self.text, last.idx + len(last.text))
            if rest is not None:  # "''A,'' Mr. Indyk said, ''and it's very hard to imagine …''": the second half
                second = Attribution(rest.start(1), rest.end(1), QuoteKind.INDIRECT, cue=tag.verb,
                                     found="typewriter-tag")
                second.same_speaker_as(att, inherited=False)
                self.quotes.add(second)

    def _typewriter_led(self, claimed: set[int]) -> None:
        """"As Freddy stumbled, Mr. Trump said, ''I watched him. And I learned from him.''": a quotation in two
        apostrophes that a speech verb leads into is reported whole by it."""
        for m in _TYPEWRITER_LED.finditer(self.text):
            start, end = m.span(1)
            mark = self._token_at(m.start())
            if mark is None or mark.i == 0 or not self.layout.is_prose(start):
                continue
            cue = self.doc[mark.i - 1]
            for _ in range(2):  # "Schilling told WEEI: ''…''": the verb the word before the mark belongs to
                if not self._speaking(cue) and cue.head.i < cue.i:
                    cue = cue.head
            if cue.i in claimed or not self._speaking(cue):
                continue
            att = Attribution(start, end, QuoteKind.INDIRECT, cue=cue, found="typewriter-led")
            att.take(self.speakers.resolve(subject_of(cue) or subject_before_aside(cue, self.in_quote)))
            claimed.add(cue.i)
            self.quotes.add(att)

    def _speaking(self, tok: Token) -> bool:
        return tok.pos_ == "VERB" and tok.lemma_ in self.direct_cues

    def _typewriter_sequels(self) -> None:
        """"''We are refugees,'' Ms. Alawee said. ''We are not terrorists.''": archive text quotes with two
        apostrophes, which the engine reads as reported speech through the cue beside them. A sentence
        that is nothing but such a quotation, with no cue of its own, goes on with the speaker of the
        quote before it (in this paragraph or the one before), and is reported the same way."""
        text = self.text
        for m in _TYPEWRITER.finditer(text):
            start, end = m.start(1), m.end(1)
            if not self.layout.is_prose(start):
                continue
            before = [q for q in self.quotes if q.end <= start and q.speaker is not None]
            prev = max(before, key=lambda q: q.end, default=None)
            if prev is None or self.layout.prose_distance(prev.start, start) > 1 or not self.quotes.drop_inside(start, end):
                continue
            att = Attribution(start, end, QuoteKind.INDIRECT, cue=prev.cue, found="typewriter-sequel")
            att.same_speaker_as(prev)
            self.quotes.add(att)
