"""Quotes with their cue and speaker: direct quotes from quotation marks, reported speech from cue
verbs governing a clause, mixed quotes where reported speech carries a quoted fragment."""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc, Span, Token

from reader.model import QuoteKind, SpeakerKind
from reader.nlp.coref import Coreference
from reader.nlp.cues import (
    DIRECT_ONLY,
    FINDING_CUES,
    TAG_CUES,
    cue_strength,
    direct_cues,
    indirect_cues,
    is_document_frame,
    is_finding,
    is_poll_result,
    words_of,
)
from reader.nlp.layout import Layout
from reader.nlp.lexicon import PERSON_NOUNS, TITLE_CASE_SMALL_WORDS, XCOMP_CUES
from reader.nlp.marks import QuoteSpan, find_quote_spans
from reader.nlp.mentions import Mention
from reader.nlp.patterns import CUE_POS, MIN_PRECISION, pattern_key, precision, subject_kind
from reader.nlp.reported import ReportedSpeech
from reader.nlp.sentences import Sentences, token_starts, tokens_with_lemma, tokens_with_lower
from reader.nlp.speaker_resolution import SpeakerResolver
from reader.nlp.speakers import Person
from reader.nlp.speech import _LEAD_PUNCT, Attribution, QuoteList
from reader.nlp.subjects import participle_owner, subject_before_aside, subject_of
from reader.nlp.tags import TagReader
from reader.nlp.transcript import (
    ANSWER,
    QUESTION,
    Turn,
    find_turns,
    headline_turn,
    interview_turns,
    post_turns,
)
from reader.nlp.typewriter import TypewriterQuotes

__all__ = ["Attribution", "Extractor", "subject_of"]

# "“…,” by the Post's Kathy Bonn": the credit of a linked story
_BYLINE_AFTER = re.compile(r"[ \t]+by[ \t]+(?:the[ \t]+)?[A-Z]")

# the kinds of work in one pass over the article, in text order
_DIRECT, _TURN, _REPORTED = "direct", "turn", "reported"


def _whose_words(here: Token) -> Token | None:
    """'In the words of one chief executive, “…”': the one whose words they are, before ``here`` (the cue or
    the quotation) in its sentence."""
    for tok in here.sent:
        if tok.dep_ == "pobj" and tok.head.lower_ == "in" and tok.i < here.i:
            owner = words_of(tok)
            if owner is not None and owner.dep_ == "pobj" and owner.pos_ in ("NOUN", "PROPN"):
                return owner  # "the words of one resident" (not "her words": a pronoun is left to the cue)
    return None


# what a writer does with the people they quote: "one chief executive I spoke to", "an official we interviewed"
_MET = {"speak", "talk", "interview", "meet", "reach", "contact", "consult", "ask", "visit"}


class Extractor(TypewriterQuotes):
    """Runs over one parsed Doc: finds direct quotes and transcript turns itself, and has the
    speaker resolver and the reported-speech finder do the rest. Owns the list of quotes."""

    use_patterns = True  # off only while the patterns themselves are mined (benchmarks/mine_patterns.py)

    def __init__(self, doc: Doc, layout: Layout | None = None) -> None:
        self.doc = doc
        self.layout = layout or Layout(doc.text)
        self.text = self.layout.text  # Doc.text joins every token on each call: read it once
        self.direct_cues = direct_cues()
        self.cue_lemmas = indirect_cues() | self.direct_cues | XCOMP_CUES
        self.tok_starts = token_starts(doc)
        self.sents = Sentences(doc)
        self.spans = [s for s in find_quote_spans(self.text) if self.layout.is_prose(s.start)]
        self.in_quote = [-1] * len(doc)
        self.tok_ranges: list[tuple[int, int]] = []
        for n, span in enumerate(self.spans):
            cs = doc.char_span(span.start, span.end, alignment_mode="expand")
            if cs is None or len(cs) == 0:
                self.tok_ranges.append((0, 0))
                continue
            self.tok_ranges.append((cs.start, cs.end))
            for i in range(cs.start, cs.end):
                if self.in_quote[i] < 0:
                    self.in_quote[i] = n
        self.standalone = [self._is_standalone(n) for n in range(len(self.spans))]
        self.coref = Coreference(doc, self.layout, self.in_quote, self.sents)
        self.quotes = QuoteList()
        self.speakers = SpeakerResolver(doc, self.sents, self.coref, self.in_quote, self.quotes)
        self.tags = TagReader(doc, self.in_quote, self.direct_cues | TAG_CUES)
        self.reported = ReportedSpeech(doc, self.layout, self.in_quote, self.standalone, self.speakers, self.quotes)
        surnames = {key.split("|")[0] for key in self.coref.people.by_key}
        self.turns = [t for t in find_turns(self.text, surnames) if self.layout.is_prose(t.start)]
        headline = headline_turn(self.text, surnames)
        places = {e.text.lower() for e in doc.ents if e.label_ in ("GPE", "LOC", "NORP")}
        if headline is not None and headline.label.lower() in places and headline.name.split()[-1].lower() not in surnames:
            headline = None  # "Kenya: Teachers' union threatens strike": the story's country, not a speaker
        if headline is not None and self.layout.is_prose(headline.start) \
                and not any(t.start == headline.start for t in self.turns):
            self.turns.insert(0, headline)
        self.turns += [t for t in interview_turns(self.text) + post_turns(self.text) if self.layout.is_prose(t.start)
                       and not any(o.label_start == t.label_start or o.start < t.end and t.start < o.end
                                   for o in self.turns)]
        self.turns.sort(key=lambda t: t.start)
        self._turn_of_span: dict[int, Turn] = {}
        for turn in self.turns:
            for n, span in enumerate(self.spans):
                if span.start <= turn.label_start < span.end and turn.label_start - span.start <= 2:
                    self._turn_of_span[n] = turn

    # ------------------------------------------------------------------ quote spans
    def _is_standalone(self, n: int) -> bool:
        span = self.spans[n]
        content = self.text[span.start:span.end]
        words = content.split()
        if span.continued:
            return True
        prev = self._prev_token(span.open_mark)
        ends_punct = content.rstrip()[-1:] in ".?!\u2026"
        led_in = prev is not None and prev.text == ":" and self._cue_before(prev.i)  # "adding: ‘Never.’"
        if span.single and len(words) < 4 and not led_in \
                and not (content.rstrip()[-1:] in ",?!" and self._cue_follows(span)):
            return False  # a few words in single marks are scare quotes, unless a tag follows: "‘It’s a mess,’ said Lee"
        if span.close_mark is not None and _BYLINE_AFTER.match(self.text, span.close_mark + 1):
            return False  # "“Met accused of whitewashing art,” by the Post's Kathy Bonn": a linked story's headline
        before_comma = self.doc[prev.i - 1] if prev is not None and prev.text == "," and prev.i > 0 else None
        named = before_comma is not None and before_comma.pos_ in ("NOUN", "PROPN")
        if _title_case(words) and not self._cue_follows(span) and (prev is None or prev.text == ":" or named):
            return False  # "‘Legend in the Coal Fields.’", "his radio show, “Generations With Kevin”": a title
        long_enough = len(words) >= 3 or ends_punct or (content.rstrip()[-1:] == "," and self._cue_follows(span))
        first = content.lstrip()[:1]
        if prev is not None and prev.text == "," and first.islower() and not self._cue_before(prev.i):
            return False  # "…, “the real rate is 51 percent.”": the sentence goes on inside the marks
        if prev is not None and prev.text == "," and self._finishes_that_clause(prev):
            return False  # "Cruz said that once the Senate rises, “I intend …”": the reported clause goes on in marks
        if not ends_punct and content.rstrip()[-1:] not in ",\u2014-" and self._lower_after(span):
            return False  # "“Of course he will defend himself” against…": a fragment inside a sentence
        if before_comma is not None and before_comma.lower_ in _WORKS and len(words) <= 8 and _capitalised(words):
            return False  # "her blockbuster film, “Trainwreck.”", "the reality show, “The Apprentice,”": a title
        if prev is not None and prev.lemma_ in _NAMING and prev.tag_ == "VBN" \
                and not any(c.dep_ in ("nsubj", "nsubjpass") and c.lower_ != "what" for c in prev.children):
            return False  # "a play called “Sons of Trump”", "what is today called “regenerative medicine”": a name
        if prev is None or prev.text in (".", "?", "!") or self._sentence_ended(prev, content):
            return long_enough
        if prev.text in _LEAD_PUNCT:
            return long_enough
        if prev.lemma_ in self.direct_cues and prev.pos_ in ("VERB", "AUX") and prev.i > 0 \
                and self.doc[prev.i - 1].text not in ("-", "so") and prev.lemma_ not in DIRECT_ONLY:
            return long_enough
        return False

    def _sentence_ended(self, prev: Token, content: str) -> bool:
        """'told reporters in Fort Mill, S.C. “It seems …”', 'said on ABC's “Good Morning America.” “She …”':
        a sentence that ended on an abbreviation's or a quoted title's full stop, before a capitalised quotation."""
        if not content.lstrip()[:1].isupper():
            return False
        if len(prev.text) > 1 and prev.text.endswith(".") and prev.text[-2] != "." and prev.text[0].isupper():
            return True
        return prev.text in ("\u201d", '"') and self.text[prev.idx - 1:prev.idx] in (".", "?", "!")

    def _finishes_that_clause(self, comma: Token) -> bool:
        """'said that whatever choice voters make, “…”': a comma inside a clause a cue opened with 'that',
        with no cue of its own between them to lead into the quotation."""
        doc = self.doc
        start = self.sents.bounds(comma.i)[0]
        for i in range(comma.i - 1, max(start, comma.i - 30) - 1, -1):
            tok = doc[i]
            if self.in_quote[i] >= 0 or tok.text in (":", ";", "\u2014", "\u2013"):
                return False
            if tok.lemma_ in self.cue_lemmas and tok.pos_ in ("VERB", "AUX") \
                    and (tok.lemma_ not in DIRECT_ONLY or i == comma.i - 1):
                return False  # "… that he told one agent, “…”": that cue leads into it
            if tok.lower_ == "that" and i > start:
                before = doc[i - 1]
                return before.lemma_ in self.cue_lemmas and before.pos_ in ("VERB", "NOUN")
        return False

    def _cue_before(self, i: int) -> bool:
        return any(t.lemma_ in self.direct_cues and t.pos_ in ("VERB", "AUX") for t in self.doc[max(0, i - 8):i])

    def _lower_after(self, span: QuoteSpan) -> bool:
        if span.close_mark is None:
            return False
        rest = self.text[span.close_mark + 1:span.close_mark + 40]
        m = re.match(r"[ \t\u00a0]+([a-z]\w*)", rest)
        if m is None:
            return False
        tok = self._token_at(span.close_mark + 1 + m.start(1))
        if tok is None:
            return False
        # "“…” he said" / "“…” said Ms. Lee": the attribution follows without a comma
        return not any(t.lemma_ in self.direct_cues for t in self.doc[tok.i:tok.i + 3])

    def _cue_follows(self, span: QuoteSpan) -> bool:
        """'“It works,” Dana Kim said': a speech verb within a few words after the closing mark."""
        if span.close_mark is None:
            return False
        tok = self._token_at(span.close_mark)
        if tok is None:
            return False
        for t in self.doc[tok.i + 1: tok.i + 7]:
            if t.lemma_ in self.direct_cues and t.pos_ in ("VERB", "AUX"):
                return True
            if t.text in ("\u201c", "\n", "."):
                return False
        return False

    # ------------------------------------------------------------------ passes
    def run(self) -> list[Attribution]:
        candidates: list[tuple[int, str, int]] = []  # (char position, kind of work, index)
        for n, span in enumerate(self.spans):
            if self.standalone[n] and self.tok_ranges[n][1] > self.tok_ranges[n][0]:
                candidates.append((span.start, _DIRECT, n))
        quoted_turns = set(self._turn_of_span.values())
        for turn in self.turns:
            if turn not in quoted_turns:
                candidates.append((turn.start, _TURN, self.turns.index(turn)))
        inside_turn = [False] * len(self.doc)
        for turn in self.turns:
            words = self.doc.char_span(turn.start, turn.end, alignment_mode="expand")
            if words is not None:
                for i in range(words.start, words.end):
                    inside_turn[i] = True
        cue_lemmas = self.cue_lemmas
        maybe = {t.i: t for t in tokens_with_lemma(self.doc, cue_lemmas | FINDING_CUES)
                 + tokens_with_lower(self.doc, ("according", "reportedly"))
                 + [t for t in tokens_with_lower(self.doc, ("in",)) if is_document_frame(t) or is_poll_result(t)]}
        for _i, tok in sorted(maybe.items()):
            if inside_turn[tok.i]:
                continue
            if tok.i + 1 < len(self.doc) and self.doc[tok.i + 1].text == ":" and self._prev_token(tok.idx) is None:
                continue  # "Note: this story was updated" is a label, not someone noting
            cue = tok.lemma_ in cue_lemmas or is_finding(tok)
            frame = tok.lower_ in ("according", "in", "reportedly")
            if ((tok.pos_ == "VERB" or _noun_for_verb(tok)) and cue or frame) and self.in_quote[tok.i] < 0:
                candidates.append((tok.idx, _REPORTED, tok.i))
        candidates.sort()
        claimed: set[int] = set()
        self._typewriter_tagged(claimed)
        self._typewriter_led(claimed)
        for _pos, work, index in candidates:
            if work == _DIRECT:
                self._direct(index, claimed)
            elif work == _TURN:
                self._turn(self.turns[index])
            else:
                self.quotes.extend(self.reported.report(self.doc[index], claimed))
        self._typewriter_sequels()
        if self.use_patterns:
            self._patterns(inside_turn, claimed)
        self.quotes.keep_one_per_span(_rank)
        self.speakers.settle_names()
        return self.quotes.as_list()

    def _patterns(self, inside_turn: list[bool], claimed: set[int]) -> None:
        """Last, the attributions no cue of speech gave: a verb and its complement in a pattern mined
        from annotated news ("Carson endorsed Mr. Trump"), where no quote is yet."""
        for tok in self.doc:
            if tok.pos_ not in CUE_POS or tok.i in claimed or inside_turn[tok.i] or self.in_quote[tok.i] >= 0:
                continue
            found = pattern_key(tok)
            if found is None:
                continue
            key, verb, tokens = found
            strength = precision(key, subject_kind(verb))
            if strength >= MIN_PRECISION:
                att = self.reported.by_pattern(tok, verb, tokens, strength)
                if att is not None:
                    claimed.add(tok.i)
                    self.quotes.add(att)

    def _turn(self, turn: Turn, end: int | None = None) -> None:
        """A transcript turn: the words after 'PENCE:' are Pence's, verbatim."""
        att = Attribution(turn.start, end if end is not None else turn.end, turn.kind, found=turn.found)
        att.via = {"interview": "interview", "post": "signature"}.get(turn.found, "label")
        label = self.doc.char_span(turn.label_start, turn.label_end, alignment_mode="expand")
        if turn.name in (QUESTION, ANSWER):
            self._interview_turn(att, turn, label)
            return
        person = self.coref.person_for_name(turn.name, None, None)
        if person is not None:
            att.speak_as(person)
        else:
            att.speaker = turn.name
        if label is not None and len(label):
            att.mention = Mention(label.start, label.end, label.end - 1, label.text, "name", "PERSON")
            if person is not None:
                self.coref.note_speaker(label.end - 1, person)
        if att.end > att.start:
            self.quotes.add(att)

    def _interview_turn(self, att: Attribution, turn: Turn, label: Span | None) -> None:
        """'Q: …' is the interviewer's; 'A: …' is the interviewee's: the person the introduction names most."""
        person = self._interviewee() if turn.name == ANSWER else None
        if person is not None:
            att.speak_as(person)
        else:
            att.speaker = "the interviewer" if turn.name == QUESTION else None
            att.speaker_kind = SpeakerKind.ANONYMOUS if turn.name == QUESTION else att.speaker_kind
        if label is not None and len(label):
            kind = "name" if person is not None else "nominal"
            att.mention = Mention(label.start, label.end, label.end - 1, label.text, kind, "PERSON" if person else "")
        if att.end > att.start:
            self.quotes.add(att)

    def _interviewee(self) -> Person | None:
        first = min((t.label_start for t in self.turns if t.name in (QUESTION, ANSWER)), default=0)
        counts: Counter[str] = Counter()
        people: dict[str, Person] = {}
        for m in self.coref.mentions:
            if self.doc[m.token].idx < first and not m.person.key.startswith("~"):
                counts[m.person.key] += 1
                people.setdefault(m.person.key, m.person)
        if not counts:
            return None
        return people[max(counts, key=lambda k: counts[k])]  # the first named among equals

    def _direct(self, n: int, claimed: set[int]) -> None:
        span = self.spans[n]
        turn = self._turn_of_span.get(n)
        if turn is not None:
            self._turn(turn, min(span.end, turn.end) if span.close_mark is not None else turn.end)
            return
        att = Attribution(span.start, span.end, QuoteKind.DIRECT, found="direct")
        if self._dash_speaker(att, span):
            att.found = att.via = "dash"
            self.quotes.add(att)
            return
        lead = self._lead_cue(span)  # "He also vowed, “…”": the words after the quotation start something else
        tag = self._speech_tag(n) if lead is None else None
        if tag is not None:
            att.cue, att.found = tag.verb, "direct-tag"
            claimed.add(tag.verb.i)
            att.take(self._tag_speaker(tag))
            self.quotes.add(att)
            return
        before = self._tagged_before(n) if lead is None else None
        if before is not None:  # "“…!” LeVell declared, a point he makes whenever callers asked … “…”"
            att.same_speaker_as(before)
            att.cue, att.found = before.cue, "direct-after-tag"
            self.quotes.add(att)
            return
        cue = lead or self._direct_cue(n)
        att.found = "direct-cue"
        if cue is None:
            cue, att.found = self._next_sentence_cue(n), "direct-next-sentence"
        if cue is None:
            cue, att.found = self._lead_in_cue(n), "direct-lead-in"
        if cue is None:
            owner = _whose_words(self.doc[self.tok_ranges[n][0]]) if self.tok_ranges[n][1] else None
            colon = self._colon_speaker(n) or ((None, owner) if owner is not None else None)
            if colon is not None:
                att.cue, att.found = colon[0], "direct-colon"
                att.take(self.speakers.resolve(colon[1]))
                if colon[0] is not None:
                    claimed.add(colon[0].i)
            else:
                att.found = "direct-no-cue" if not self.spans[n].continued else "direct-continued"
        if cue is not None:
            att.cue = cue
            claimed.add(cue.i)
            subject = subject_of(cue)
            if subject is not None and self.in_quote[subject.i] >= 0:
                # the parser took a word of the quote as subject
                subject = participle_owner(cue, self.in_quote) or self._frame_subject(cue)
            if subject is None and _addressed(cue):
                att.found = "direct-addressed"  # "Blumenthal was asked, “…”": someone unnamed asks him
                self.quotes.add(att)
                return
            if subject is None:  # "…, Bill Eastman, wearing a cap, said" / "Stated Stone: “…”"
                subject = subject_before_aside(cue, self.in_quote) or participle_owner(cue, self.in_quote) \
                    or self._frame_subject(cue)
            owner = _whose_words(cue)
            if owner is not None:
                subject = owner  # "In the words of one chief executive I spoke to, “…”"
            elif cue.dep_ == "relcl" and cue.lemma_ in _MET and cue.head.i < cue.i and subject is not None \
                    and (cue.head.lower_ in PERSON_NOUNS or cue.head.ent_type_ == "PERSON") \
                    and subject.lower_ not in ("who", "that", "which") and subject.i > cue.head.i:
                subject = cue.head  # "… one chief executive I spoke to, “…”": the one spoken to, not the writer
            att.take(self.speakers.resolve(subject))
        if att.speaker is None and att.cue is None and not span.continued:
            beat = self._action_beat(span)  # "The judge then turned to me. “…”"
            if beat is not None:
                att.take(beat)
                att.found, att.via = "direct-beat", f"beat-{beat.via}"
        if att.speaker is None:
            prev = self.quotes.last_attributed()
            if prev is not None and self.layout.prose_distance(prev.start, span.start) > 1:
                prev = None  # follow-on quotes: the last attributed one in this paragraph or the one before
            if prev is not None:
                att.same_speaker_as(prev)
                if att.cue is None:
                    att.cue = prev.cue
        if att.speaker is None and att.cue is None:
            self._paragraph_before_speaks(att, span)
        self.quotes.add(att)


_ADDRESSING = {"ask", "tell", "question", "quiz", "press", "challenge"}


def _addressed(cue: Token) -> bool:
    """'X was asked': the subject is the one spoken to, and no agent names the one who spoke."""
    return cue.lemma_ in _ADDRESSING and any(c.dep_ == "nsubjpass" for c in cue.children)


_NAMING = {"call", "label", "name", "dub", "nickname", "brand", "title", "entitle"}
# works whose titles follow them after a comma
_WORKS = {"play", "film", "movie", "book", "show", "song", "album", "series", "documentary", "project", "podcast",
          "novel", "memoir", "musical", "poem", "opera", "program", "programme", "exhibition", "painting"}


def _bare(words: list[str]) -> list[str]:
    """The words without the marks and punctuation around them."""
    return [w.strip("\"'\u201c\u201d\u2018\u2019.,!?:;()") for w in words]


def _capitalised(words: list[str]) -> bool:
    """Every word of four letters or more capitalised ("The Apprentice", "So, That Happened")."""
    return all(w[:1].isupper() for w in _bare(words) if len(w) >= 4)


def _title_case(words: list[str]) -> bool:
    """Every word of three letters or more (bar 'the', 'and' …) capitalised, and at least three of them."""
    long = _bare(words)
    long = [w for w in long if len(w) >= 3 and w[:1].isalpha() and w.lower() not in TITLE_CASE_SMALL_WORDS]
    return len(long) >= 3 and all(w[:1].isupper() for w in long)


def _rank(att: Attribution) -> tuple[bool, float]:
    return att.speaker is not None, cue_strength(att.cue.lemma_) if att.cue is not None else 0.0


def _noun_for_verb(tok: Token) -> bool:
    """'The data show that wages rose': a cue the tagger took for a noun, with a subject and a that-clause."""
    return tok.pos_ == "NOUN" and tok.dep_ == "ROOT" and any(c.dep_ == "nsubj" for c in tok.children) \
        and any(c.dep_ == "ccomp" and any(m.lower_ == "that" and m.dep_ == "mark" for m in c.children)
                for c in tok.children)
