"""Quotes with their cue and speaker: direct quotes from quotation marks, reported speech from cue
verbs governing a clause, mixed quotes where reported speech carries a quoted fragment."""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from spacy.tokens import Doc, Token

from reader.model import QuoteKind
from reader.nlp.coref import Coreference
from reader.nlp.cues import (
    FINDING_CUES,
    cue_strength,
    direct_cues,
    indirect_cues,
    is_document_frame,
    is_finding,
)
from reader.nlp.layout import Layout
from reader.nlp.lexicon import TITLE_CASE_SMALL_WORDS, XCOMP_CUES
from reader.nlp.marks import QuoteSpan, find_quote_spans
from reader.nlp.mentions import Mention, name_tokens
from reader.nlp.reported import ReportedSpeech
from reader.nlp.sentences import Sentences, token_starts, tokens_with_lemma, tokens_with_lower
from reader.nlp.speaker_resolution import SpeakerResolver
from reader.nlp.speech import (
    _CLOSE_OR_COMMA,
    _DASH_NAME,
    _LEAD_PUNCT,
    Attribution,
    QuoteList,
    subject_before_aside,
    subject_of,
)
from reader.nlp.tags import SpeechTag, TagReader
from reader.nlp.transcript import Turn, find_turns, headline_turn

__all__ = ["Attribution", "Extractor", "subject_of"]

# how a quotation that goes on into its sentence ends: "“…,” she said", "“…?” he asked"
_OPEN_ENDINGS = (",", "?", "!", "\u2014", "\u2013", "-", "\u2026")
# the kinds of work in one pass over the article, in text order
_DIRECT, _TURN, _REPORTED = "direct", "turn", "reported"


class Extractor:
    """Runs over one parsed Doc: finds direct quotes and transcript turns itself, and has the
    speaker resolver and the reported-speech finder do the rest. Owns the list of quotes."""

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
        self.tags = TagReader(doc, self.in_quote, self.direct_cues)
        self.reported = ReportedSpeech(doc, self.layout, self.in_quote, self.standalone, self.speakers, self.quotes)
        surnames = {key.split("|")[0] for key in self.coref.people.by_key}
        self.turns = [t for t in find_turns(self.text, surnames) if self.layout.is_prose(t.start)]
        headline = headline_turn(self.text, surnames)
        if headline is not None and self.layout.is_prose(headline.start) \
                and not any(t.start == headline.start for t in self.turns):
            self.turns.insert(0, headline)
        self._turn_of_span: dict[int, Turn] = {}
        for turn in self.turns:
            for n, span in enumerate(self.spans):
                if span.start <= turn.label_start < span.end and turn.label_start - span.start <= 2:
                    self._turn_of_span[n] = turn

    # ------------------------------------------------------------------ quote spans
    def _token_at(self, char: int) -> Token | None:
        i = bisect_right(self.tok_starts, char) - 1
        return self.doc[i] if i >= 0 else None

    def _prev_token(self, char: int) -> Token | None:
        """The token before the character offset, skipping spaces; None at a paragraph start."""
        i = char - 1
        text = self.text
        while i >= 0 and text[i] in " \t":
            i -= 1
        if i < 0 or text[i] == "\n":
            return None
        return self._token_at(i)

    def _is_standalone(self, n: int) -> bool:
        span = self.spans[n]
        content = self.text[span.start:span.end]
        words = content.split()
        if span.continued:
            return True
        prev = self._prev_token(span.open_mark)
        ends_punct = content.rstrip()[-1:] in ".?!\u2026"
        if span.single and len(words) < 4:
            return False
        if _title_case(words) and not self._cue_follows(span) and (prev is None or prev.text == ":"):
            return False  # "‘Legend in the Coal Fields.’": a subheading or a title, not speech
        long_enough = len(words) >= 3 or ends_punct or (content.rstrip()[-1:] == "," and self._cue_follows(span))
        first = content.lstrip()[:1]
        if prev is not None and prev.text == "," and first.islower() and not self._cue_before(prev.i):
            return False  # "…, “the real rate is 51 percent.”": the sentence goes on inside the marks
        if not ends_punct and content.rstrip()[-1:] not in ",\u2014-" and self._lower_after(span):
            return False  # "“Of course he will defend himself” against…": a fragment inside a sentence
        if prev is None or prev.text in (".", "?", "!"):
            return long_enough
        if prev.text in _LEAD_PUNCT:
            return long_enough
        if prev.lemma_ in self.direct_cues and prev.pos_ in ("VERB", "AUX") and prev.i > 0 \
                and self.doc[prev.i - 1].text not in ("-", "so"):
            return long_enough
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

    # ------------------------------------------------------------------ cues
    def _frame(self, n: int) -> tuple[int, int]:
        ts, te = self.tok_ranges[n]
        return self.sents.bounds(ts)[0], self.sents.bounds(max(ts, te - 1))[1]

    def _direct_cue(self, n: int) -> Token | None:
        ts, te = self.tok_ranges[n]
        s0, s1 = self._frame(n)
        best: tuple[int, Token] | None = None
        for i in range(s0, s1):
            if self.in_quote[i] >= 0:
                continue
            tok = self.doc[i]
            is_cue = tok.lemma_ in self.direct_cues and tok.pos_ in ("VERB", "AUX") or tok.lower_ == "according"
            if not is_cue:
                continue
            dist = ts - i if i < ts else i - te
            if best is None or dist < best[0]:
                best = (dist, tok)
        if best is not None:
            return best[1]
        # no cue word: a verb with a subject that governs the quote
        for i in range(s0, s1):
            tok = self.doc[i]
            if self.in_quote[i] < 0 and tok.pos_ == "VERB" and subject_of(tok) is not None:
                if any(ts <= c.i < te for c in tok.children if c.dep_ in ("ccomp", "parataxis", "dobj")):
                    return tok
        return None

    def _lead_in_cue(self, n: int) -> Token | None:
        """'Trump wrote on Truth Social:' or 'He said:' ending the sentence before the quote, in this
        paragraph or as the whole previous one."""
        s0, _ = self._frame(n)
        i = s0 - 1
        while i >= 0 and self.doc[i].is_space:
            i -= 1
        if i < 0 or self.doc[i].text != ":":
            return None
        prev_sent = self.doc[slice(*self.sents.bounds(i))]
        if self.layout.prose_distance(prev_sent.start_char, self.spans[n].start) > 1:
            return None
        verbs = [t for t in prev_sent if self.in_quote[t.i] < 0 and t.pos_ in ("VERB", "AUX")]
        for tok in verbs:
            if tok.lemma_ in self.direct_cues:
                return tok
        for tok in verbs:  # "The piece used one of her quotes as its headline:"
            if subject_of(tok) is not None and tok.dep_ == "ROOT":
                return tok
        words = [t for t in prev_sent if not t.is_space]
        if 2 <= len(words) <= 6 and self.tags.known_verb(words[0]):
            return words[0]  # "Stated Stone:" / "Continued Stone:", whatever the tagger made of the verb
        return None

    def _frame_subject(self, cue: Token) -> Token | None:
        """The noun next to a cue outside the quote: 'Obama's former strategist said', 'said Rep. X'."""
        doc = self.doc
        i = cue.i - 1
        while i >= 0 and doc[i].text == ",":
            i -= 1
        while i >= 0 and self.in_quote[i] < 0 and doc[i].text not in _CLOSE_OR_COMMA:
            if doc[i].pos_ in ("NOUN", "PROPN", "PRON"):
                left = doc[i].left_edge.i
                # "Flynn, a top Trump surrogate, said": the name before the appositive
                if left >= 2 and doc[left - 1].text == "," and doc[left - 2].pos_ == "PROPN" \
                        and self.in_quote[left - 2] < 0:
                    return doc[left - 2]
                return doc[i]
            i -= 1
        i = cue.i + 1
        found = None
        while i < len(doc) and self.in_quote[i] < 0 and doc[i].text not in _CLOSE_OR_COMMA:
            if doc[i].pos_ in ("NOUN", "PROPN", "PRON"):
                found = doc[i]
            elif found is not None:
                break
            i += 1
        return found

    def _next_sentence_cue(self, n: int) -> Token | None:
        """'“…?” Graham asked.': the parser split the attribution into a sentence of its own."""
        _, s1 = self._frame(n)
        if s1 >= len(self.doc):
            return None
        sent = self.doc[slice(*self.sents.bounds(s1))]
        if len(sent) > 14 or self.layout.index(sent.start_char) != self.layout.index(self.spans[n].start):
            return None
        close = self.spans[n].close_mark
        if close is None or self.text[close + 1:sent.start_char].strip():
            return None
        for tok in sent:
            if tok.lemma_ in self.direct_cues and tok.pos_ in ("VERB", "AUX") and subject_of(tok) is not None:
                return tok
        return None

    def _speech_tag(self, n: int) -> SpeechTag | None:
        """'“…,” Trump barked': a name and a verb right after a quotation that ends mid-sentence."""
        span = self.spans[n]
        if span.close_mark is None or self.text[span.start:span.end].rstrip()[-1:] not in _OPEN_ENDINGS:
            return None
        close = self._token_at(span.close_mark)
        if close is None or self._cue_leads_in(span):
            return None
        tag = self.tags.after(close.i)
        if tag is None or tag.verb.lemma_ in ("be", "have", "do"):
            return None
        parsed = [c for c in tag.verb.children if c.dep_ in ("nsubj", "nsubjpass") and tag.start <= c.i < tag.end]
        if parsed and parsed[0].pos_ != "PROPN":
            tag.subject = parsed[0]  # the parser knows the head of a common noun phrase it agrees on
        return tag

    def _colon_speaker(self, n: int) -> tuple[Token | None, Token] | None:
        """'Pollsters agree - Carl Bialik: “…”', 'Clinton: "…"', '… then leaned in and boomed: “…”', 'Her
        letter makes the case: “…”': who speaks, and by which verb, when a colon opens the quote."""
        colon = self._prev_token(self.spans[n].open_mark)
        if colon is None or colon.text != ":" or colon.i == 0:
            return None
        last = self.doc[colon.i - 1]
        if self.in_quote[last.i] >= 0 or last.is_space:
            return None
        from_it = last.dep_ == "pobj" and last.head.lower_ == "from"  # "From the report: “…”"
        named = last.pos_ == "PROPN" or (last.pos_ == "NOUN" and last.text[:1].isupper())
        if named and last.dep_ == "pobj" and not from_it:
            return None  # "Then, later that month on CNN: “…”"
        if named or from_it:
            return None, last
        verb = last
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i and verb.head.i < colon.i:
            verb = verb.head
        subject = subject_of(verb) if verb.pos_ in ("VERB", "AUX") else None
        if subject is None or self.in_quote[subject.i] >= 0:
            return None
        return verb, subject

    def _tagged_before(self, n: int) -> Attribution | None:
        """The quote before this one in its paragraph when that quote's own speech tag lies between them
        and nothing introduces this one: '“…,” Clinton said, with a passion that suggested the question
        was out of line. “…”' goes on with Clinton, whatever verbs the clause in between has."""
        span = self.spans[n]
        prev = self.quotes.last_attributed(QuoteKind.DIRECT)
        if prev is None or prev.cue is None or prev.found != "direct-tag":
            return None
        if not prev.end <= prev.cue.idx < span.open_mark or self.layout.index(prev.start) != self.layout.index(span.start):
            return None
        if any(prev.end < s.start < span.start for s in self.spans) or self._cue_leads_in(span):
            return None
        return prev

    def _lead_cue(self, span: QuoteSpan) -> Token | None:
        """'He also vowed, “…”' / 'telling her, “…!”' / 'called “distasteful,”': a speech verb right before
        the opening mark introduces the quote (and the words after it start something else)."""
        mark = prev = self._prev_token(span.open_mark)
        if prev is not None and prev.text in (",", ":"):
            prev = self.doc[prev.i - 1] if prev.i > 0 else None
        while prev is not None and prev.pos_ in ("PRON", "PROPN") and prev.i > 0:
            prev = self.doc[prev.i - 1]  # "telling her, “…”"
        if prev is None or self.in_quote[prev.i] >= 0:
            return None
        if prev.pos_ in ("VERB", "AUX") and prev.lemma_ in self.direct_cues:
            return prev
        if mark is None or mark.text != ",":
            return None
        # "Trump told the Post in a written statement, “…”" / "Hillary shot back, “…”": the verb the words
        # before the comma hang on, a speech verb or one whose subject is a person
        verb = prev
        for _ in range(4):
            if verb.pos_ in ("VERB", "AUX") or verb.head.i == verb.i or verb.head.i > prev.i:
                break
            verb = verb.head
        if verb.pos_ not in ("VERB", "AUX") or self.in_quote[verb.i] >= 0:
            return None
        if verb.lemma_ in self.direct_cues:
            return verb
        subject = subject_of(verb)
        person = subject is not None and (subject.lower_ in ("he", "she") or subject.ent_type_ == "PERSON")
        return verb if person and verb.dep_ == "ROOT" and verb.tag_ in ("VBD", "VBZ") else None

    def _cue_leads_in(self, span: QuoteSpan) -> bool:
        return self._lead_cue(span) is not None

    def _dash_speaker(self, att: Attribution, span: QuoteSpan) -> bool:
        """'“…” ― Carla Sanchez': a name after a dash closing the quote's line."""
        if span.close_mark is None:
            return False
        m = _DASH_NAME.match(self.text, span.close_mark + 1)
        if m is None:
            return False
        name = m.group(1).strip().rstrip(".")
        words = name.split()
        if not 1 <= len(words) <= 6 or not all(w[:1].isupper() or w in ("de", "van", "von", "da", "del")
                                               for w in words):
            return False
        cs = self.doc.char_span(m.start(1), m.start(1) + len(name), alignment_mode="expand")
        if cs is None:
            return False
        person = self.coref.person_for_name(name, None, None)
        att.speaker = person.name if person is not None else name
        att.role = person.role if person is not None else None
        att.mention = Mention(cs.start, cs.end, cs.end - 1, name, "name", "PERSON")
        if person is not None:
            self.coref.note_speaker(cs.end - 1, person)
        return True

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
                 + tokens_with_lower(self.doc, ("according",))
                 + [t for t in tokens_with_lower(self.doc, ("in",)) if is_document_frame(t)]}
        for _i, tok in sorted(maybe.items()):
            if inside_turn[tok.i]:
                continue
            if tok.i + 1 < len(self.doc) and self.doc[tok.i + 1].text == ":" and self._prev_token(tok.idx) is None:
                continue  # "Note: this story was updated" is a label, not someone noting
            cue = tok.lemma_ in cue_lemmas or is_finding(tok)
            frame = tok.lower_ in ("according", "in")
            if (tok.pos_ == "VERB" and cue or frame) and self.in_quote[tok.i] < 0:
                candidates.append((tok.idx, _REPORTED, tok.i))
        candidates.sort()
        claimed: set[int] = set()
        for _pos, work, index in candidates:
            if work == _DIRECT:
                self._direct(index, claimed)
            elif work == _TURN:
                self._turn(self.turns[index])
            else:
                self.quotes.extend(self.reported.report(self.doc[index], claimed))
        self.quotes.keep_one_per_span(_rank)
        self.speakers.settle_names()
        return self.quotes.as_list()

    def _turn(self, turn: Turn, end: int | None = None) -> None:
        """A transcript turn: the words after 'PENCE:' are Pence's, verbatim."""
        att = Attribution(turn.start, end if end is not None else turn.end, turn.kind, found="turn")
        att.via = "label"
        person = self.coref.person_for_name(turn.name, None, None)
        label = self.doc.char_span(turn.label_start, turn.label_end, alignment_mode="expand")
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
        tag = self._speech_tag(n)
        if tag is not None:
            att.cue, att.found = tag.verb, "direct-tag"
            claimed.add(tag.verb.i)
            said = self.speakers.resolve(tag.subject)
            m = said.mention
            if m is not None and m.kind == "nominal" and m.start >= tag.start and m.end > tag.end:
                # the parser may run a phrase on into the verb ("a voice-over in the ad states")
                text = self.doc[m.start:tag.end].text
                said.speaker = text if said.speaker == m.text else said.speaker
                said.mention = replace(m, end=tag.end, text=text)
            att.take(said)
            self.quotes.add(att)
            return
        before = self._tagged_before(n)
        if before is not None:  # "“…!” LeVell declared, a point he makes whenever callers asked … “…”"
            att.same_speaker_as(before)
            att.cue, att.found = before.cue, "direct-after-tag"
            self.quotes.add(att)
            return
        cue = self._lead_cue(span) or self._direct_cue(n)
        att.found = "direct-cue"
        if cue is None:
            cue, att.found = self._next_sentence_cue(n), "direct-next-sentence"
        if cue is None:
            cue, att.found = self._lead_in_cue(n), "direct-lead-in"
        if cue is None:
            colon = self._colon_speaker(n)
            if colon is not None:
                att.cue, att.found = colon[0], "direct-colon"
                att.take(self.speakers.resolve(colon[1]))
                if colon[0] is not None:
                    claimed.add(colon[0].i)
        if cue is None and att.found != "direct-colon":
            att.found = "direct-no-cue" if not self.spans[n].continued else "direct-continued"
        if cue is not None:
            att.cue = cue
            claimed.add(cue.i)
            subject = subject_of(cue)
            if subject is not None and self.in_quote[subject.i] >= 0:
                subject = self._frame_subject(cue)  # the parser took a word of the quote as subject
            if subject is None:  # "…, Bill Eastman, wearing a cap, said" / "Stated Stone: “…”"
                subject = subject_before_aside(cue, self.in_quote) or self._frame_subject(cue)
            att.take(self.speakers.resolve(subject))
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

    def _paragraph_before_speaks(self, att: Attribution, span: QuoteSpan) -> None:
        """'Viguerie is upbeat about Cruz’s chances. / “Not only can Ted Cruz win …”': a quotation that is a
        paragraph of its own, with nothing to attribute it, is by the person the paragraph before is about
        (the last person who is the subject of a sentence there)."""
        layout = self.layout
        here = layout.index(span.start)
        if self.text[layout.paragraphs[here].start:span.open_mark].strip():
            return
        before = here - 1
        while before >= 0 and layout.paragraphs[before].kind not in ("prose", "heading"):
            before -= 1  # captions and credits between them do not count
        if before < 0 or layout.paragraphs[before].kind != "prose":
            return
        para = self.doc.char_span(layout.paragraphs[before].start, layout.paragraphs[before].end,
                                  alignment_mode="expand")
        if para is None:
            return
        subjects = [m for m in self.coref.mentions_between(para.start, para.end)
                    if m.subject and not m.person.key.startswith("~")]
        if not subjects:
            return
        m = subjects[-1]
        tok = self.doc[m.token]
        s, e = name_tokens(tok) if tok.pos_ == "PROPN" else (tok.i, tok.i + 1)
        att.speak_as(m.person)
        att.mention = Mention(s, e, tok.i, self.doc[s:e].text, "name" if tok.pos_ == "PROPN" else "pronoun", "PERSON")
        att.via = "paragraph-before"




def _title_case(words: list[str]) -> bool:
    """Every word of three letters or more (bar 'the', 'and' …) capitalised, and at least three of them."""
    long = [w.strip("\"'\u201c\u201d\u2018\u2019.,!?:;()") for w in words]
    long = [w for w in long if len(w) >= 3 and w[:1].isalpha() and w.lower() not in TITLE_CASE_SMALL_WORDS]
    return len(long) >= 3 and all(w[:1].isupper() for w in long)


def _rank(att: Attribution) -> tuple[bool, float]:
    return att.speaker is not None, cue_strength(att.cue.lemma_) if att.cue is not None else 0.0
